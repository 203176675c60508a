using Microsoft.EntityFrameworkCore;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary><c>vroegsignalen import</c>: a signal partner's monthly file; <c>vroegsignalen partner</c>: which organisations send signals.</summary>
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
                Console.Error.WriteLine($"{name} is geen signaalpartner van gemeente {code}: leg eerst vast welke signalen de organisatie stuurt (vroegsignalen partner).");
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
        var organisationArg = new Argument<string>("organisatie") { Description = "De organisatie zoals in het organisatieoverzicht" };
        var soort = new Option<string>("--soort")
        {
            Description = $"Welke signalen zij stuurt (DDAS): {string.Join(", ", DdasCodes.PartnerSoorten)}; 'geen' om haar geen signaalpartner meer te laten zijn",
            Required = true,
        };
        var partnerGemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var register = new Command("partner", "Leg vast dat een organisatie signalen van betalingsachterstand stuurt (Wgs art. 2.2.1), en welke; daarna werken haar API-sleutels"
            + " met de rol partner voor POST /api/v1/vroegsignalen en kan haar maandbestand worden ingelezen.") { organisationArg, soort, partnerGemeente };
        register.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var code = pr.GetValue(partnerGemeente)!;
            var value = pr.GetValue(soort)!.Trim();
            SignaalpartnerSoort? kind = null;
            if (!value.Equals("geen", StringComparison.OrdinalIgnoreCase))
            {
                if (!DdasCodes.TryParse<SignaalpartnerSoort>(value, out var parsed))
                {
                    Console.Error.WriteLine($"Onbekende soort {value}. Kies uit: {string.Join(", ", DdasCodes.PartnerSoorten)}, of geen.");
                    return 2;
                }
                kind = parsed;
            }
            var user = sp.GetRequiredService<Infrastructure.CurrentUser>();
            user.ActAs(code, "cli", "Beheer via de opdrachtregel");
            var db = sp.GetRequiredService<RegieDbContext>();
            var organisationName = pr.GetValue(organisationArg)!.Trim();
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == organisationName, ct);
            if (organisation is null)
            {
                Console.Error.WriteLine($"Geen organisatie met de naam {organisationName} in gemeente {code}.");
                return 2;
            }
            organisation.SignaalpartnerSoort = kind;
            await db.SaveChangesAsync(ct);
            var said = kind is { } k ? $"signaalpartner ({DdasCodes.Label(k)})" : "geen signaalpartner meer";
            await sp.GetRequiredService<Audit.AuditLog>().RecordAsync(Audit.AuditActions.Update, Audit.AuditResources.Organisation,
                detail: $"{organisation.Name} is {said}", ct: ct);
            Console.WriteLine($"{organisation.Name} is {said}.");
            return 0;
        }));
        return new Command("vroegsignalen", "Signalen van betalingsachterstand van de signaalpartners.") { import, register };
    }
}
