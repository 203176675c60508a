using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Audit;

/// <summary><c>audit verify</c>.</summary>
public static class AuditCommands
{
    public static Command Create(CliHost cli)
    {
        var audit = new Command("audit", "Audittrail.");
        var anchor = new Option<string?>("--anker") { Description = "ID:HASH van een eerder gecontroleerde regel (uit de uitvoer van een vorige controle); ontdekt herschreven of afgekapte regels" };
        var verify = new Command("verify", "Controleer de hele hash-keten van de audittrail; exitcode 1 bij een breuk.") { anchor };
        verify.SetAction((pr, ct) => cli.WithAppAsync(sp =>
        {
            Domain.Audit.ChainAnchor? expected = null;
            if (pr.GetValue(anchor) is { } text && !Domain.Audit.ChainAnchor.TryParse(text, out expected))
            {
                Console.Error.WriteLine("--anker verwacht ID:HASH, bijvoorbeeld 1234:<64 hexadecimale tekens>.");
                return Task.FromResult(2);
            }
            var db = sp.GetRequiredService<RegieDbContext>();
            // Streams in id order (a data reader, no tracking): the trail may hold millions of entries.
            var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsEnumerable().Select(AuditLog.ToChained);
            var report = Domain.Audit.AuditChain.Check(entries, expected);
            if (report.Break is not { } broken)
            {
                Console.WriteLine($"Audittrail intact: {report.Count} regels.");
                if (report.Last is { } last)
                    Console.WriteLine($"Bewaar buiten de database, voor de volgende controle met --anker: {last}");
                return Task.FromResult(0);
            }
            Console.Error.WriteLine(broken.Kind switch
            {
                Domain.Audit.ChainBreakKind.Changed => $"Audittrail gebroken bij regel {broken.Id}: de inhoud is gewijzigd.",
                Domain.Audit.ChainBreakKind.LinkMissing => $"Audittrail gebroken bij regel {broken.Id}: de schakel naar de vorige regel ontbreekt (regel verwijderd of ingevoegd).",
                Domain.Audit.ChainBreakKind.AnchorDiffers => $"Audittrail gebroken bij regel {broken.Id}: de keten klopt, maar wijkt af van het bewaarde anker (herschreven).",
                _ => $"Audittrail gebroken bij regel {broken.Id}: deze geankerde regel ontbreekt (nieuwste regels verwijderd).",
            });
            return Task.FromResult(1);
        }));
        audit.Subcommands.Add(verify);
        return audit;
    }
}
