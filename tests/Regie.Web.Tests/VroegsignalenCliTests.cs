using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using System.Globalization;

namespace Regie.Web.Tests;

/// <summary>Issue 22 point 1 from the admin CLI: a partner's monthly file in, rejected rows with their reasons beside it, exit code 3.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VroegsignalenCliTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Admin_imports_the_water_companys_monthly_file_and_gives_the_rejected_rows_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "10", .. DatabaseArgs(db)])).Exit);
        string bsn;
        await using (var ctx = TestContexts.Create(db))
            bsn = await ctx.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.Person!.Bsn != null).OrderBy(m => m.Person!.Bsn).Select(m => m.Person!.Bsn!).FirstAsync();
        var dir = Directory.CreateTempSubdirectory("regie-vroegsignalen-").FullName;
        var file = Path.Combine(dir, "helder-2026-11.csv");
        var date = DateTime.UtcNow.AddDays(-3).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(file, "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum\n"
            + $"WATER-CLI-1;{bsn};;;;;;;88,40;2;{date}\n"
            + $"WATER-CLI-2;{bsn};;;;;;;-5;2;{date}\n"
            + $"=HYPERLINK(\"http://example.org\");{bsn};;;;;;;nul;2;{date}\n");

        var (exit, output) = await ConsoleCollection.RunAsync(["vroegsignalen", "import", file, "--partner", "Waterbedrijf Helder", .. DatabaseArgs(db)]);

        Assert.Equal(3, exit);
        Assert.Contains("Regels: 3. Nieuw en gekoppeld: 1. Nieuw, te koppelen met de hand: 0. Al eerder ontvangen: 0. Afgewezen: 2.", output, StringComparison.Ordinal);
        var rejected = await File.ReadAllLinesAsync(Path.Combine(dir, "helder-2026-11.afgewezen.csv"));
        Assert.Equal("regel;kenmerk;reden", rejected[0]);
        Assert.StartsWith("3;WATER-CLI-2;Vul het bedrag van de achterstand in euro's in", rejected[1], StringComparison.Ordinal);
        // The partner opens this file in a spreadsheet: its own input that looks like a formula comes back as text.
        Assert.StartsWith("4;\"'=HYPERLINK(", rejected[2], StringComparison.Ordinal);
        Assert.Equal(3, rejected.Length);

        (exit, output) = await ConsoleCollection.RunAsync(["vroegsignalen", "import", file, "--partner", "Waterbedrijf Helder", .. DatabaseArgs(db)]);
        Assert.Equal(3, exit);
        Assert.Contains("Nieuw en gekoppeld: 0. Nieuw, te koppelen met de hand: 0. Al eerder ontvangen: 1. Afgewezen: 2.", output, StringComparison.Ordinal);
        await using (var ctx = TestContexts.Create(db))
            Assert.Equal(1, await ctx.Vroegsignalen.CountAsync(s => s.Kenmerk == "WATER-CLI-1" && s.ZaakId != null));

        (exit, output) = await ConsoleCollection.RunAsync(["vroegsignalen", "import", file, "--partner", "UWV", .. DatabaseArgs(db)]);
        Assert.Equal(1, exit);
        Assert.Contains("UWV is geen signaalpartner van gemeente", output, StringComparison.Ordinal);

        // The functional admin registers the UWV as a signal partner; then its file is read in.
        (exit, output) = await ConsoleCollection.RunAsync(["vroegsignalen", "partner", "UWV", "--soort", "Overige", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("UWV is signaalpartner (Overige).", output, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum\n"
            + $"UWV-CLI-1;{bsn};;;;;;;40,00;1;{date}\n");
        (exit, _) = await ConsoleCollection.RunAsync(["vroegsignalen", "import", file, "--partner", "UWV", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        (exit, output) = await ConsoleCollection.RunAsync(["vroegsignalen", "partner", "UWV", "--soort", "Bibliotheek", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende soort Bibliotheek", output, StringComparison.Ordinal);
    }
}
