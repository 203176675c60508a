using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.SocialMap;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

/// <summary>The Open Referral HSDS 3.0 standard as shared beside the repository: its schemas and official examples.</summary>
public static class HsdsStandard
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("REGIE_HSDS_DIR") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(TestApp.RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "standards", "hsds"), Path.Combine(dir.FullName, "shared", "standards", "hsds") })
                if (File.Exists(Path.Combine(candidate, "schema", "service.json"))) return candidate;
        }
        throw new InvalidOperationException("The HSDS standard (standards/hsds) was not found in the repository; set REGIE_HSDS_DIR.");
    }

    public static string Schemas => Path.Combine(Directory, "schema");
    public static string Example(string name) => Path.Combine(Directory, "examples", name);

    /// <summary>Equal as JSON: numbers by value (12 and 12.0), objects regardless of property order.</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
            decimal.Parse(x.ToJsonString(), CultureInfo.InvariantCulture) == decimal.Parse(y.ToJsonString(), CultureInfo.InvariantCulture),
        (JsonValue x, JsonValue y) => JsonNode.DeepEquals(x, y),
        _ => false,
    };

    /// <summary>Where two JSON documents differ first, for a readable failure.</summary>
    public static string Difference(JsonNode? a, JsonNode? b, string path = "$")
    {
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                if (!Same(x[key], y[key])) return Difference(x[key], y[key], $"{path}.{key}");
        }
        else if (a is JsonArray xa && b is JsonArray ya && xa.Count == ya.Count)
        {
            for (var i = 0; i < xa.Count; i++) if (!Same(xa[i], ya[i])) return Difference(xa[i], ya[i], $"{path}[{i}]");
        }
        return $"{path}: {a?.ToJsonString() ?? "(ontbreekt)"} tegenover {b?.ToJsonString() ?? "(ontbreekt)"}";
    }
}

public sealed class SocialMapFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["SocialMap:HsdsSchemaDirectory"] = HsdsStandard.Schemas });
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The official HSDS 3.0 examples import, export in their own shape, validate against the schemas, and round-trip.</summary>
public sealed class SocialMapHsdsTests(SocialMapFixture fixture) : IClassFixture<SocialMapFixture>
{
    private static int _municipality = 7000;

    /// <summary>Each test its own municipality: the same HSDS ids live side by side, as in a regional collaboration.</summary>
    private AsyncServiceScope Municipality(out string code)
    {
        code = Interlocked.Increment(ref _municipality).ToString(CultureInfo.InvariantCulture);
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(code, "beheer-test", "Test Beheerder", Roles.Beheerder);
        return scope;
    }

    private static async Task<ImportReport> ImportAsync(IServiceProvider sp, string fileName, string content) =>
        await sp.GetRequiredService<SocialMapExchange>().ImportFileAsync(fileName, new MemoryStream(Encoding.UTF8.GetBytes(content)), default);

    private static async Task<JsonObject> CanonicalAsync(IServiceProvider sp) =>
        HsdsJson.Tabular(await sp.GetRequiredService<HsdsStore>().LoadAsync(default));

    public static TheoryData<string> JsonExamples => new()
    {
        "service_full.json", "organization_full.json", "service_at_location_full.json", "location.json", "taxonomy.json", "taxonomy_term.json",
        "service_list.json", "organization_list.json", "service_at_location_list.json", "taxonomy_list.json", "taxonomy_term_list.json", "tabular.json",
    };

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public async Task Official_example_imports_exports_in_its_own_shape_validates_and_round_trips(string file)
    {
        var original = await File.ReadAllTextAsync(HsdsStandard.Example(file));
        var originalJson = JsonNode.Parse(original)!.AsObject();
        var schemas = fixture.App.Services.GetRequiredService<HsdsSchemaCheck>();
        var table = HsdsCatalog.Tables.Select(t => t.Name).Where(t => file.StartsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length);

        JsonObject exported;
        JsonObject firstImport;
        await using (var a = Municipality(out _))
        {
            var report = await ImportAsync(a.ServiceProvider, file, original);
            Assert.True(report.Ok, string.Join("\n", report.Issues));
            Assert.True(report.Added > 0);
            var data = await a.ServiceProvider.GetRequiredService<HsdsStore>().LoadAsync(default);
            IReadOnlyList<HsdsIssue> check;
            if (file == "tabular.json")
            {
                // The example writes two text fields as numbers; Regie reads them as the text the schema says they are, and says so.
                Assert.Contains(report.Warnings, w => w.Message.StartsWith("external_identifier is in HSDS tekst", StringComparison.Ordinal));
                Assert.Contains(report.Warnings, w => w.Message.StartsWith("identifier is in HSDS tekst", StringComparison.Ordinal));
                originalJson["locations.csv"]![0]!["external_identifier"] = "10092008082";
                originalJson["organization_identifiers.csv"]![0]!["identifier"] = "1234567";
                exported = HsdsJson.Tabular(data);
                foreach (var (key, rows) in originalJson)
                    Assert.True(HsdsStandard.Same(rows, exported[key]), $"{key}: {HsdsStandard.Difference(rows, exported[key])}");
                check = await schemas.CheckTabularAsync(exported, file);
            }
            else if (originalJson["contents"] is JsonArray items)
            {
                var ids = items.Select(i => HsdsValues.IdOf(i!["id"])!.Value).ToList();
                exported = HsdsJson.Page(ids.Select(id => HsdsJson.Item(data, table!, id)).ToList(), ids.Count, 1, ids.Count);
                Assert.True(HsdsStandard.Same(items, exported["contents"]), HsdsStandard.Difference(items, exported["contents"]));
                check = await schemas.CheckPageAsync(table!, exported, file);
            }
            else
            {
                exported = HsdsJson.Full(data, table!, HsdsValues.IdOf(originalJson["id"])!.Value);
                Assert.True(HsdsStandard.Same(originalJson, exported), HsdsStandard.Difference(originalJson, exported));
                check = await schemas.CheckFullAsync(table!, exported, file);
            }
            Assert.True(check.Count == 0, string.Join("\n", check));
            firstImport = await CanonicalAsync(a.ServiceProvider);
        }

        // Import → export → import gives the same data.
        await using var b = Municipality(out _);
        var again = await ImportAsync(b.ServiceProvider, file, exported.ToJsonString());
        Assert.True(again.Ok, string.Join("\n", again.Issues));
        var secondImport = await CanonicalAsync(b.ServiceProvider);
        Assert.True(HsdsStandard.Same(firstImport, secondImport), HsdsStandard.Difference(firstImport, secondImport));
    }

    [Fact]
    public async Task The_official_CSV_data_package_imports_exports_the_same_cells_validates_and_round_trips()
    {
        var folder = HsdsStandard.Example("csv");
        var exportDir = Directory.CreateTempSubdirectory("regie-hsds-").FullName;
        JsonObject firstImport;
        await using (var a = Municipality(out _))
        {
            var exchange = a.ServiceProvider.GetRequiredService<SocialMapExchange>();
            var report = await exchange.ImportFolderAsync(folder, default);
            Assert.True(report.Ok, string.Join("\n", report.Issues));
            Assert.Equal(21, report.Added);
            // The example's datapackage.json is not a data package, and its rows point at records it does not have: said, not refused.
            Assert.Contains(report.Warnings, w => w.Where == "datapackage.json");
            Assert.Contains(report.Warnings, w => w.Message.Contains("ae67a707-5893-4225-b0b1-320ab9cb596b", StringComparison.Ordinal));

            var (files, check) = await exchange.ExportPackageAsync(default);
            Assert.True(check.Count == 0, string.Join("\n", check));
            foreach (var (name, content) in files) await File.WriteAllBytesAsync(Path.Combine(exportDir, name), content);
            firstImport = await CanonicalAsync(a.ServiceProvider);
        }

        // Every cell of every official file comes back in the export, under the same column.
        foreach (var original in Directory.EnumerateFiles(folder, "*.csv"))
        {
            var expected = ReadCsv(original);
            var actual = ReadCsv(Path.Combine(exportDir, Path.GetFileName(original)));
            Assert.Equal(expected.Count, actual.Count);
            foreach (var (id, cells) in expected)
                foreach (var (column, value) in cells)
                    Assert.True(actual[id].GetValueOrDefault(column) == value, $"{Path.GetFileName(original)} {id} {column}: '{value}' tegenover '{actual[id].GetValueOrDefault(column)}'");
        }
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(exportDir, HsdsCsv.DataPackage)))!;
        Assert.Equal(21, package["resources"]!.AsArray().Count);

        await using var b = Municipality(out _);
        var again = await b.ServiceProvider.GetRequiredService<SocialMapExchange>().ImportFolderAsync(exportDir, default);
        Assert.True(again.Ok, string.Join("\n", again.Issues));
        Assert.DoesNotContain(again.Warnings, w => w.Where == "datapackage.json");
        Assert.True(HsdsStandard.Same(firstImport, await CanonicalAsync(b.ServiceProvider)));
    }

    private static Dictionary<string, Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var result = new Dictionary<string, Dictionary<string, string>>();
        while (csv.Read())
            result[csv.GetField("id")!] = csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? "");
        return result;
    }

    [Fact]
    public async Task The_api_description_example_is_recognised_and_imports_nothing()
    {
        await using var scope = Municipality(out _);
        var report = await ImportAsync(scope.ServiceProvider, "base.json", await File.ReadAllTextAsync(HsdsStandard.Example("base.json")));
        Assert.True(report.Ok);
        Assert.Equal(0, report.Added);
        Assert.Contains("geen sociale kaart", report.Warnings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_check_refuses_an_export_that_breaks_the_standard()
    {
        var schemas = fixture.App.Services.GetRequiredService<HsdsSchemaCheck>();
        var service = JsonNode.Parse(await File.ReadAllTextAsync(HsdsStandard.Example("service_full.json")))!.AsObject();
        Assert.Empty(await schemas.CheckFullAsync(HsdsCatalog.Service, service, "voorbeeld"));
        service["status"] = "misschien";
        service["phones"]![0]!["id"] = "geen-uuid";
        service.Remove("name");
        var issues = await schemas.CheckFullAsync(HsdsCatalog.Service, service, "kapot");
        Assert.Contains(issues, i => i.Message.Contains("NotInEnumeration", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("PropertyRequired", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("phones[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_a_report_naming_each_problem_and_nothing_is_stored()
    {
        var service = JsonNode.Parse(await File.ReadAllTextAsync(HsdsStandard.Example("service_full.json")))!.AsObject();
        service["status"] = "misschien";
        service["minimum_age"] = "twaalf";
        service["contacts"]![0]!["id"] = "12345";
        service["service_at_locations"]![0]!["location"]!["addresses"]![0]!.AsObject().Remove("city");
        service["organization"]!["locations"]![0]!["addresses"]![0]!.AsObject().Remove("city");
        // The same phone with another number elsewhere in the file: which one is meant cannot be known.
        service["organization"]!["phones"]![0]!["number"] = "0999 111111";

        await using var scope = Municipality(out _);
        var report = await ImportAsync(scope.ServiceProvider, "dienst.json", service.ToJsonString());
        Assert.False(report.Ok);
        Assert.Equal("Niet ingelezen: " + report.Errors.Count + " fout(en). Er is niets opgeslagen.", report.Summary);
        Assert.Contains(report.Errors, e => e.Where == "dienst.json.contacts[0].id" && e.Message.Contains("geen uuid", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Message.Contains("andere waarde voor number", StringComparison.Ordinal));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HsdsServices.ToListAsync());

        // Fixed the two structural problems, the rules of the standard still refuse the rest; again nothing is stored.
        service["contacts"]![0]!["id"] = "1e7efce3-639b-4880-940c-b95cd30cdb50";
        service["organization"]!["phones"]![0]!["number"] = service["phones"]![0]!["number"]!.DeepClone();
        report = await ImportAsync(scope.ServiceProvider, "dienst.json", service.ToJsonString());
        Assert.False(report.Ok);
        Assert.Contains(report.Errors, e => e.Message == "status 'misschien' is geen van: active, inactive, defunct, temporarily closed.");
        Assert.Contains(report.Errors, e => e.Message.StartsWith("minimum_age moet een getal zijn", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Where == "address 74706e55-df26-4b84-80fe-ecc30b5befb4" && e.Message == "Het verplichte veld city ontbreekt.");
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.Equal(0, await db.HsdsServices.CountAsync() + await db.HsdsPhones.CountAsync() + await db.HsdsAddresses.CountAsync() + await db.HsdsRecords.CountAsync());

        report = await ImportAsync(scope.ServiceProvider, "kapot.json", "{ \"id\": ");
        Assert.StartsWith("Geen geldige JSON", report.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CSV_package_with_a_bad_cell_names_file_line_and_column_and_stores_nothing()
    {
        var files = Directory.EnumerateFiles(HsdsStandard.Example("csv"), "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        files["services.csv"] = files["services.csv"].Replace(",12,100,", ",twaalf,100,", StringComparison.Ordinal);
        using var zip = new MemoryStream(HsdsCsv.Zip(files.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))).ToList()));
        await using var scope = Municipality(out _);
        var report = await scope.ServiceProvider.GetRequiredService<SocialMapExchange>().ImportFileAsync("pakket.zip", zip, default);
        Assert.False(report.Ok);
        Assert.Equal("services.csv regel 2, minimum_age", report.Errors.Single().Where);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HsdsOrganizations.CountAsync());
    }

    [Fact]
    public async Task Regie_marking_travels_in_the_HSDS_export_and_comes_back_on_import()
    {
        JsonObject exported;
        Guid serviceId;
        await using (var a = Municipality(out _))
        {
            var sp = a.ServiceProvider;
            Assert.True((await ImportAsync(sp, "service_full.json", await File.ReadAllTextAsync(HsdsStandard.Example("service_full.json")))).Ok);
            serviceId = (await sp.GetRequiredService<RegieDbContext>().HsdsServices.SingleAsync()).Id;
            var marked = await sp.GetRequiredService<MarkServiceHandler>().HandleAsync(serviceId,
                new MarkInput { Soort = "algemeen", Leefgebieden = ["GeestelijkeGezondheid", "SociaalNetwerk"], Versie = 0 }, default);
            Assert.True(marked.IsOk);
            // A second save of the version that was read is refused.
            Assert.False((await sp.GetRequiredService<MarkServiceHandler>().HandleAsync(serviceId, new MarkInput { Soort = "maatwerk", Versie = 0 }, default)).IsOk);
            var data = await sp.GetRequiredService<HsdsStore>().LoadAsync(default);
            exported = HsdsJson.Full(data, HsdsCatalog.Service, serviceId);
            Assert.Empty(await fixture.App.Services.GetRequiredService<HsdsSchemaCheck>().CheckFullAsync(HsdsCatalog.Service, exported, "gemarkeerd"));
            var terms = exported["attributes"]!.AsArray().Select(x => x!["taxonomy_term"]!["code"]?.GetValue<string>()).ToList();
            Assert.Contains("soort:algemeen", terms);
            Assert.Contains("leefgebied:geestelijkegezondheid", terms);
            Assert.Contains("code", terms);
        }
        await using var b = Municipality(out _);
        Assert.True((await ImportAsync(b.ServiceProvider, "van-de-buurgemeente.json", exported.ToJsonString())).Ok);
        var service = await b.ServiceProvider.GetRequiredService<RegieDbContext>().HsdsServices.SingleAsync();
        Assert.Equal("algemeen", service.Kind);
        var found = await b.ServiceProvider.GetRequiredService<SocialMapSearch>().SearchAsync(
            new SearchCriteria(null, ZrmDomain.SociaalNetwerk, ServiceKind.Algemeen, null, null, null, 1, 20), default);
        Assert.Equal(serviceId, found.Hits.Single().Id);
    }
}
