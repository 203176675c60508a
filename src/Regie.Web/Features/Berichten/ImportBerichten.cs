using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Berichten;

/// <summary>
/// <c>berichten import BESTAND-OF-MAP</c>: the messages a provider delivered as files, each file on its own through the same
/// handler as the API. The sender is the organisation whose AGB code the header names.
/// </summary>
public static class ImportBerichten
{
    public static Command Create(CliHost cli)
    {
        var path = new Argument<string>("bestand-of-map") { Description = "Een XML-bericht (305, 307, 315 of 317 van iWmo of iJw 3.2), of een map: dan elk *.xml-bestand daarin" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var import = new Command("import", "Lees berichten van zorgaanbieders in. Elk bestand wordt apart gecontroleerd tegen zijn XSD en de regels van de"
            + " standaard, en geaccepteerd of afgewezen met de retourcodes (WJ001). Exitcode 3: een of meer bestanden afgewezen.") { path, gemeente };
        import.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var target = pr.GetValue(path)!;
            string[] files;
            if (Directory.Exists(target)) files = Directory.GetFiles(target, "*.xml").Order(StringComparer.Ordinal).ToArray();
            else if (File.Exists(target)) files = [target];
            else
            {
                Console.Error.WriteLine($"Bestand of map niet gevonden: {Path.GetFullPath(target)}");
                return 2;
            }
            var code = pr.GetValue(gemeente)!;
            int accepted = 0, refused = 0;
            foreach (var file in files)
            {
                // Each file in its own unit of work: one refused file leaves the others as they are.
                await using var scope = sp.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(code, AuditActors.System, "Import berichten");
                var xml = await File.ReadAllTextAsync(file, ct);
                var (sender, result) = await scope.ServiceProvider.GetRequiredService<ReceiveBerichtHandler>().ImportAsync(xml, ct);
                var name = Path.GetFileName(file);
                if (sender is null || result is null)
                {
                    refused++;
                    Console.WriteLine($"{name}: afgewezen, de afzender is geen zorgaanbieder met een AGB-code bij gemeente {code} (of het bestand is geen leesbaar bericht); niets opgeslagen.");
                    continue;
                }
                if (!result.IsOk)
                {
                    refused++;
                    Console.WriteLine($"{name}: niet verwerkt: {result.Errors[0].Message}");
                    continue;
                }
                var outcome = result.Value!;
                if (outcome.Geaccepteerd)
                {
                    accepted++;
                    Console.WriteLine($"{name}: {outcome.Soort} van {sender.Name} geaccepteerd (retourcode {ReceiveBerichtHandler.Geaccepteerd}).");
                    continue;
                }
                refused++;
                Console.WriteLine($"{name}: {outcome.Soort} van {sender.Name} afgewezen:");
                foreach (var m in outcome.Retourmeldingen) Console.WriteLine($"  {m.Retourcode} {m.Element}: {m.Toelichting}");
            }
            Console.WriteLine($"Bestanden: {files.Length}. Geaccepteerd: {accepted}. Afgewezen: {refused}.");
            return refused > 0 ? 3 : 0;
        }));
        return import;
    }
}
