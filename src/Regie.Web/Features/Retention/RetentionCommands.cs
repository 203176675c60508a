using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Retention;

/// <summary><c>retention run</c>.</summary>
public static class RetentionCommands
{
    public static Command Create(CliHost cli)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Alleen tellen, niets wijzigen" };
        var retentionRun = new Command("run", "Anonimiseer dossiers waarvan de bewaartermijn voorbij is.") { dryRun };
        retentionRun.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs("", "cli", "Beheer via de opdrachtregel");
            var r = await sp.GetRequiredService<RetentionService>().RunAsync(pr.GetValue(dryRun), ct);
            Console.WriteLine($"{(r.DryRun ? "Proefrun, niets gewijzigd" : "Geanonimiseerd")}: {r.Households} huishoudens, {r.Persons} personen, {r.Events} gebeurtenissen, {r.EarlySignals} vroegsignalen, {r.EarlySignalCases} vroegsignaalzaken; verwijderd: {r.MeldcodeTracks} meldcodetrajecten.");
            return 0;
        }));
        return new Command("retention", "Bewaartermijnen.") { retentionRun };
    }
}
