using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Involvements;

/// <summary><c>involvement import|expire</c>.</summary>
public static class InvolvementCommands
{
    public static Command Create(CliHost cli)
    {
        var file = new Argument<FileInfo>("bestand") { Description = "CSV met kopregel: bsn;leefgebied;contactpersoon;telefoon;email;startdatum;reden (reden mag ontbreken als --reden is gegeven)" };
        var org = new Option<string>("--org") { Description = "Organisatie namens wie wordt geregistreerd", Required = true };
        var reason = new Option<string?>("--reden") { Description = "Waarom de organisatie betrokken is, voor elke regel zonder eigen reden (bijvoorbeeld: lopend schuldhulptraject)" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var import = new Command("import", "Lees de lopende betrokkenheid van een organisatie in; elke regel wordt apart opgeslagen of met reden afgewezen. Exitcode 3: een of meer regels afgewezen.") { file, org, gemeente, reason };
        import.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden: {path.FullName}");
                return 2;
            }
            var organisation = pr.GetValue(org)!;
            var code = pr.GetValue(gemeente)!;
            var kind = await sp.GetRequiredService<RegieDbContext>().Organisations.IgnoreQueryFilters()
                .Where(o => o.Gemeentecode == code && o.Name == organisation).Select(o => o.Kind).FirstOrDefaultAsync(ct);
            var total = File.ReadLines(path.FullName).Count() - 1;
            ImportResult result = default!;
            await CliHost.ProgressDisplay().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Betrokkenheid van {organisation}", maxValue: Math.Max(1, total));
                using var reader = path.OpenText();
                result = await sp.GetRequiredService<InvolvementImport>()
                    .ImportAsync(reader, organisation, code, kind == OrganisationKinds.Afdeling ? Roles.Afdeling : Roles.Partner, n => task.Value = n, ct, pr.GetValue(reason));
            });
            Console.WriteLine($"Ingelezen: {result.Imported}. Afgewezen: {result.Rejected.Count}.");
            if (result.Rejected.Count == 0) return 0;
            var report = Path.ChangeExtension(path.FullName, ".afgewezen.csv");
            await File.WriteAllLinesAsync(report, result.Rejected.Select(r => $"{r.Line};{r.Bsn};\"{string.Join(" ", r.Reasons).Replace("\"", "'", StringComparison.Ordinal)}\"")
                .Prepend("regel;bsn;reden"), ct);
            foreach (var r in result.Rejected.Take(20)) Console.Error.WriteLine($"Regel {r.Line} ({r.Bsn}): {string.Join(" ", r.Reasons)}");
            Console.Error.WriteLine($"Alle afgewezen regels met reden: {report}");
            return 3;
        }));
        var expire = new Command("expire", "Beëindig registraties waarvan de termijn (Involvement:MaxYears) voorbij is en die niet zijn verlengd; doet de dagelijkse taak ook.");
        expire.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs("", "cli", "Beheer via de opdrachtregel");
            var ended = await sp.GetRequiredService<ExpireInvolvementsHandler>().HandleAsync(ct);
            Console.WriteLine($"Verlopen en beëindigd: {ended}.");
            return 0;
        }));
        return new Command("involvement", "Het betrokkenheidsregister.") { import, expire };
    }
}
