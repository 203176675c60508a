using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Monitor;

/// <summary><c>monitor refresh</c>.</summary>
public static class MonitorCommands
{
    public static Command Create(CliHost cli)
    {
        var monitorRefresh = new Command("refresh", "Bereken de monitor opnieuw voor elke gemeente en elk team (standaardperiode: de laatste twaalf maanden); doet de taak in de server elk uur ook.")
        {
        };
        monitorRefresh.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var computed = await MonitorRefreshJob.RefreshAllAsync(sp.GetRequiredService<IServiceScopeFactory>(), ct, force: true);
            Console.WriteLine($"Monitor berekend: {computed} overzichten in {started.Elapsed.TotalSeconds:N1} s.");
            return 0;
        }));
        return new Command("monitor", "De monitor van doelen en kosten.") { monitorRefresh };
    }
}
