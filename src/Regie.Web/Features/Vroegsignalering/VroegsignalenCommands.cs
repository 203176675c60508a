using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary><c>vroegsignalen import</c>: a signal partner's monthly file.</summary>
public static class VroegsignalenCommands
{
    public static Command Create(CliHost cli)
    {
        var file = new Argument<FileInfo>("bestand")
        {
            Description = $"CSV met kopregel: {string.Join(';', SignalImport.RequiredColumns)} (bedrag als 1.234,56; datums als dd-mm-jjjj);"
                + " mag ook voorletters, voorvoegsel, straat, toevoeging, woonplaats, ontstaansdatum, crisis (ja/nee) en warmeoverdracht (ja/nee) hebben",
        };
        var partner = new Option<string>("--partner") { Description = "De signaalpartner die het bestand stuurde, zoals in het organisatieoverzicht", Required = true };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var import = new Command("import", "Lees het maandbestand van een signaalpartner in. Elke regel wordt apart gecontroleerd; afgewezen regels met reden komen in"
            + " BESTAND.afgewezen.csv. Hetzelfde bestand nog eens inlezen maakt niets dubbel. Exitcode 3: een of meer regels afgewezen.") { file, partner, gemeente };
        import.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden: {path.FullName}");
                return 2;
            }
            var name = pr.GetValue(partner)!.Trim();
            var code = pr.GetValue(gemeente)!;
            var organisation = await sp.GetRequiredService<RegieDbContext>().Organisations.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(o => o.Gemeentecode == code && o.Name == name, ct);
            if (organisation is null)
            {
                Console.Error.WriteLine($"Geen organisatie met de naam {name} in gemeente {code}.");
                return 1;
            }
            if (organisation.SignaalpartnerSoort is null)
            {
                Console.Error.WriteLine($"{name} is geen signaalpartner van gemeente {code}: leg eerst vast welke signalen de organisatie stuurt.");
                return 1;
            }
            var total = File.ReadLines(path.FullName).Count() - 1;
            SignalImportResult result = default!;
            await CliHost.ProgressDisplay().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Vroegsignalen van {name}", maxValue: Math.Max(1, total));
                using var reader = path.OpenText();
                result = await sp.GetRequiredService<SignalImport>().ImportAsync(reader, organisation, n => task.Value = n, ct);
            });
            Console.WriteLine($"Regels: {result.Regels}. Nieuw en gekoppeld: {result.Gekoppeld}. Nieuw, te koppelen met de hand: {result.TeKoppelen}."
                + $" Al eerder ontvangen: {result.AlOntvangen}. Afgewezen: {result.Afgewezen.Count}.");
            if (result.Afgewezen.Count == 0) return 0;
            var report = Path.ChangeExtension(path.FullName, ".afgewezen.csv");
            await SignalImport.WriteRejectedAsync(report, result.Afgewezen, ct);
            foreach (var r in result.Afgewezen.Take(20)) Console.Error.WriteLine($"Regel {r.Line} ({r.Kenmerk}): {string.Join(" ", r.Reasons)}");
            Console.Error.WriteLine($"Alle afgewezen regels met reden: {report}");
            return 3;
        }));
        return new Command("vroegsignalen", "Signalen van betalingsachterstand van de signaalpartners.") { import };
    }
}
