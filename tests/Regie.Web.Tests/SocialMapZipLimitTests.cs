using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.SocialMap;
using Regie.Web.Infrastructure;
using System.Net;
using System.Text;

namespace Regie.Web.Tests;

/// <summary>One Regie whose HSDS zips may unpack to 1 MB in all, 512 kB per file and 30 files: small enough to build a zip bomb in a test.</summary>
public sealed class ZipLimitFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["SocialMap:MaxUncompressedBytes"] = "1048576",
        ["SocialMap:MaxZipEntryBytes"] = "524288",
        ["SocialMap:MaxZipEntries"] = "30",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A small zip that unpacks far beyond what a social map needs is refused as a whole, whichever way it comes in.</summary>
public sealed class SocialMapZipLimitTests(ZipLimitFixture fixture) : IClassFixture<ZipLimitFixture>
{
    private readonly TestApp _app = fixture.App;

    /// <summary>The standard's own example package, which imports (21 records), followed by <paramref name="padding"/> files of spaces.</summary>
    public static byte[] Package(int padding, int paddingBytes)
    {
        var files = Directory.EnumerateFiles(HsdsStandard.Example("csv")).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        // Spaces compress about a thousandfold: 400 kB is a few hundred bytes in the zip.
        for (var i = 1; i <= padding; i++) files.Add(($"opvulling-{i}.csv", Encoding.ASCII.GetBytes(new string(' ', paddingBytes))));
        return HsdsCsv.Zip(files);
    }

    private async Task<ImportReport> ImportAsync(byte[] zip)
    {
        await using var scope = _app.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheer-test", "Test Beheerder", Roles.Beheerder);
        return await scope.ServiceProvider.GetRequiredService<SocialMapExchange>().ImportFileAsync("pakket.zip", new MemoryStream(zip), default);
    }

    private async Task<int> StoredOrganisationsAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HsdsOrganizations.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task Zip_bomb_uploaded_by_the_admin_is_refused_as_a_whole_and_nothing_is_imported()
    {
        var (admin, _, _) = await _app.SignedInWithTwoFactorAsync(Roles.Beheerder);
        // Three files of 400 kB: each within the limit per file, together past the 1 MB of the whole zip.
        var bomb = Package(padding: 3, paddingBytes: 400 * 1024);
        Assert.True(bomb.Length < 40 * 1024, $"the zip is {bomb.Length} bytes");

        var refused = await UploadAsync(admin, bomb);
        Assert.Contains("Fout: pakket.zip: Het zip-bestand is uitgepakt groter dan 1 MB, de grens van deze installatie. Er is niets ingelezen.", refused, StringComparison.Ordinal);
        Assert.Contains("Niet ingelezen: 1 fout(en). Er is niets opgeslagen.", refused, StringComparison.Ordinal);
        // The package's organisations came before the padding in the zip: not one of them is stored.
        Assert.Equal(0, await StoredOrganisationsAsync());

        // The same package without the padding is well within the limits.
        var imported = await UploadAsync(admin, Package(padding: 0, paddingBytes: 0));
        Assert.Contains("Ingelezen: 21 nieuw, 0 bijgewerkt", imported, StringComparison.Ordinal);
        Assert.Equal(1, await StoredOrganisationsAsync());
    }

    private static async Task<string> UploadAsync(HttpClient admin, byte[] zip)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.AntiforgeryTokenAsync(admin, "/beheer/sociale-kaart")), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "bestand", "pakket.zip" },
        };
        var response = await admin.PostAsync("/beheer/sociale-kaart?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Zip_with_one_file_that_unpacks_too_far_is_refused_with_its_name()
    {
        var report = await ImportAsync(Package(padding: 1, paddingBytes: 2 * 1024 * 1024));
        var error = Assert.Single(report.Errors);
        Assert.Equal(HsdsCsv.ZipTooLargeCode, error.Code);
        Assert.Equal("opvulling-1.csv in het zip-bestand is uitgepakt groter dan 512 kB, de grens per bestand van deze installatie. Er is niets ingelezen.", error.Message);
        Assert.Equal(0, report.Added);
    }

    [Fact]
    public async Task Zip_with_more_files_than_allowed_is_refused_before_any_is_unpacked()
    {
        // The 22 files of the standard's package and 9 empty ones: 31.
        var report = await ImportAsync(Package(padding: 9, paddingBytes: 0));
        var error = Assert.Single(report.Errors);
        Assert.Equal(HsdsCsv.ZipTooLargeCode, error.Code);
        Assert.Equal("Het zip-bestand bevat 31 bestanden; ten hoogste 30 zijn toegestaan. Er is niets ingelezen.", error.Message);
    }
}
