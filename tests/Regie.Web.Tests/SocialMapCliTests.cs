using Microsoft.EntityFrameworkCore;
using Regie.Domain.SocialMap;

namespace Regie.Web.Tests;

/// <summary>The social map from the admin CLI: a regional HSDS package in, the municipality's map out, the demo's map.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SocialMapCliTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning",
            $"--SocialMap:HsdsSchemaDirectory={HsdsStandard.Schemas}"];

    [Fact]
    public async Task Admin_imports_an_HSDS_package_and_exports_the_map_checked_against_the_schemas()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)])).Exit);
        var (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "import", HsdsStandard.Example("csv"), "--gemeente", "0014", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Ingelezen: 21 nieuw, 0 bijgewerkt", output, StringComparison.Ordinal);

        var dir = Directory.CreateTempSubdirectory("regie-export-").FullName;
        (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "export", dir, "--gemeente", "0014", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Gecontroleerd tegen de HSDS 3.0-schema's: geldig.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "datapackage.json")) && File.Exists(Path.Combine(dir, "services.csv")) && File.Exists(Path.Combine(dir, "hsds.json")));
        Assert.Contains("Community Counselling", await File.ReadAllTextAsync(Path.Combine(dir, "services.csv")), StringComparison.Ordinal);

        // The municipality's own export is empty for another municipality: one map per municipality.
        (exit, _) = await ConsoleCollection.RunAsync(["socialmap", "export", dir, "--gemeente", "0015", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Community Counselling", await File.ReadAllTextAsync(Path.Combine(dir, "services.csv")), StringComparison.Ordinal);

        var broken = Path.Combine(dir, "kapot.json");
        await File.WriteAllTextAsync(broken, """{ "id": "niet-een-uuid", "name": "Dienst", "status": "active" }""");
        (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "import", broken, "--gemeente", "0014", .. DatabaseArgs(db)]);
        Assert.Equal(3, exit);
        Assert.Contains("geen uuid", output, StringComparison.Ordinal);
        Assert.Contains("Er is niets opgeslagen.", output, StringComparison.Ordinal);

        var postcodes = Path.Combine(dir, "pc4.csv");
        await File.WriteAllTextAsync(postcodes, "pc4;breedtegraad;lengtegraad;naam\n9911;53.32;6.78;Molenwijk\n9912;91;6.78;fout\n");
        (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "postcodes", postcodes, "--gemeente", "0014", .. DatabaseArgs(db)]);
        Assert.Equal(3, exit);
        Assert.Contains("Regel 3", output, StringComparison.Ordinal);
        await using var ctx = TestContexts.Create(db, "0014");
        Assert.Equal(0, await ctx.PostcodeAreas.CountAsync());
    }

    [Fact]
    public async Task Zip_bomb_given_to_the_cli_is_refused_and_nothing_is_imported()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)])).Exit);
        var bomb = Path.Combine(Directory.CreateTempSubdirectory("regie-zip-").FullName, "pakket.zip");
        await File.WriteAllBytesAsync(bomb, SocialMapZipLimitTests.Package(padding: 3, paddingBytes: 400 * 1024));

        var (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "import", bomb, "--gemeente", "0014", "--SocialMap:MaxUncompressedBytes=1048576", .. DatabaseArgs(db)]);
        Assert.Equal(3, exit);
        Assert.Contains("Fout: pakket.zip: Het zip-bestand is uitgepakt groter dan 1 MB, de grens van deze installatie. Er is niets ingelezen.", output, StringComparison.Ordinal);
        await using var ctx = TestContexts.Create(db, "0014");
        Assert.Equal(0, await ctx.HsdsOrganizations.CountAsync());

        // Within the default limits (50 MB) the same zip imports.
        (exit, output) = await ConsoleCollection.RunAsync(["socialmap", "import", bomb, "--gemeente", "0014", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Ingelezen: 21 nieuw, 0 bijgewerkt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_a_marked_social_map_with_places_and_providers_linked_to_partners()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "5", .. DatabaseArgs(db)])).Exit);
        await using var ctx = TestContexts.Create(db);
        var services = await ctx.HsdsServices.ToListAsync();
        Assert.True(services.Count >= 12);
        Assert.All(services, s => Assert.NotNull(ServiceKinds.FromCode(s.Kind)));
        Assert.Equal(["algemeen", "maatwerk", "nulde-lijn"], services.Select(s => s.Kind!).Distinct().Order());
        Assert.Equal(36, await ctx.PostcodeAreas.CountAsync());
        var providers = await ctx.HsdsOrganizations.Where(o => o.OrganisationId != null).Select(o => o.Name).ToListAsync();
        Assert.Contains("Thuiszorg De Zorgzame Hand", providers);
        Assert.Contains("Jeugdhulp Op Koers", providers);
        // Seeding again adds nothing.
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "1", .. DatabaseArgs(db)])).Exit);
        Assert.Equal(services.Count, await ctx.HsdsServices.CountAsync());
    }
}
