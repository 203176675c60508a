using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.SocialMap;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

/// <summary>
/// A small social map with hand-computed distances: the household's postcode area 9911 lies at 53.00 N 6.00 E;
/// along the meridian one hundredth of a degree is 6371.0088 km × 0.01 × π / 180 = 1.112 km.
/// </summary>
public sealed class SocialMapSearchFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public Guid Administratie { get; } = Guid.Parse("0a000000-0000-4000-8000-000000000001");
    public Guid Huiswerk { get; } = Guid.Parse("0a000000-0000-4000-8000-000000000002");
    public Guid Wandelen { get; } = Guid.Parse("0a000000-0000-4000-8000-000000000003");
    public Guid Huishouden { get; } = Guid.Parse("0a000000-0000-4000-8000-000000000004");
    public Guid Oud { get; } = Guid.Parse("0a000000-0000-4000-8000-000000000005");
    public Guid Household { get; private set; }
    public Guid Goal { get; } = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["SocialMap:HsdsSchemaDirectory"] = HsdsStandard.Schemas });
        await using var scope = App.Scope();
        var sp = scope.ServiceProvider;
        var postcodes = await sp.GetRequiredService<ImportPostcodeAreasHandler>().HandleAsync(new StringReader("pc4;breedtegraad;lengtegraad;naam\n9911;53.0;6.0;Molenwijk\n9921;53.05;6.0;Binnenstad\n"), default);
        Assert.Empty(postcodes.Rejected);

        var report = await sp.GetRequiredService<SocialMapExchange>().ImportFileAsync("testkaart.json", new MemoryStream(Encoding.UTF8.GetBytes(Map().ToJsonString())), default);
        Assert.True(report.Ok, string.Join("\n", report.Issues));

        var db = sp.GetRequiredService<RegieDbContext>();
        Household = (await new Given(App).Resident("Kaartzoeker", "Petra", team: Given.Noord)).Household;
        db.PlanGoals.Add(new PlanGoal
        {
            Id = Goal, Gemeentecode = TestApp.Gemeentecode, PlanId = Guid.CreateVersion7(), HouseholdId = Household, Domain = ZrmDomain.Financien,
            Wat = "Overzicht over de post", MeetbaarResultaat = "Post wekelijks geopend", Streefdatum = new DateOnly(2027, 3, 1), Wie = "Petra",
            StatusChangedOn = new DateOnly(2026, 11, 1), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private JsonObject Map()
    {
        static string Id(Guid g) => g.ToString();
        var org = Guid.Parse("0b000000-0000-4000-8000-000000000001");
        var sport = Guid.Parse("0b000000-0000-4000-8000-000000000002");
        JsonObject Service(Guid id, string name, string description, Guid organization, string status = "active", int? min = null, int? max = null)
        {
            var s = new JsonObject { ["id"] = Id(id), ["organization_id"] = Id(organization), ["name"] = name, ["description"] = description, ["status"] = status };
            if (min is not null) s["minimum_age"] = min;
            if (max is not null) s["maximum_age"] = max;
            return s;
        }
        JsonObject Location(int n, double? lat) => lat is null
            ? new JsonObject { ["id"] = $"0c000000-0000-4000-8000-00000000000{n}", ["location_type"] = "physical", ["name"] = "Locatie " + n }
            : new JsonObject { ["id"] = $"0c000000-0000-4000-8000-00000000000{n}", ["location_type"] = "physical", ["name"] = "Locatie " + n, ["latitude"] = lat, ["longitude"] = 6.0 };
        JsonObject At(int n, Guid service) => new() { ["id"] = $"0d000000-0000-4000-8000-00000000000{n}", ["service_id"] = Id(service), ["location_id"] = $"0c000000-0000-4000-8000-00000000000{n}" };
        var marks = new JsonArray();
        void Mark(Guid service, ServiceKind kind, ZrmDomain domain)
        {
            foreach (var term in new[] { RegieTaxonomy.TermOf(kind), RegieTaxonomy.TermOf(domain) })
                marks.Add(new JsonObject { ["id"] = Id(RegieTaxonomy.AttributeId(service, term)), ["link_id"] = Id(service), ["taxonomy_term_id"] = Id(term), ["link_entity"] = "service" });
        }
        Mark(Administratie, ServiceKind.NuldeLijn, ZrmDomain.Financien);
        Mark(Huiswerk, ServiceKind.Algemeen, ZrmDomain.WerkOpleiding);
        Mark(Wandelen, ServiceKind.Algemeen, ZrmDomain.LichamelijkeGezondheid);
        Mark(Huishouden, ServiceKind.Maatwerk, ZrmDomain.InstrumenteleAdl);
        Mark(Oud, ServiceKind.Algemeen, ZrmDomain.Financien);
        return new JsonObject
        {
            ["organizations.csv"] = new JsonArray(
                new JsonObject { ["id"] = Id(org), ["name"] = "Welzijn Test", ["description"] = "Welzijnsorganisatie" },
                new JsonObject { ["id"] = Id(sport), ["name"] = "Sportvereniging De Lange Adem", ["description"] = "Sport" }),
            ["services.csv"] = new JsonArray(
                Service(Administratie, "Thuisadministratie", "Samen de administratie op orde brengen", org, min: 18),
                Service(Huiswerk, "Huiswerkklas", "Hulp bij huiswerk", org, min: 6, max: 17),
                Service(Wandelen, "Wandelgroep", "Elke week samen wandelen", sport),
                Service(Huishouden, "Hulp bij het huishouden", "Schoonmaken bij u thuis", org, min: 18),
                Service(Oud, "Oude geldcursus", "Bestaat niet meer", org, status: "inactive")),
            // 53.01 N: 1.112 km. Huiswerkklas has no coordinates: the centre of its address's area 9921 (53.05 N) counts, 5.560 km. 53.2 N: 22.239 km.
            ["locations.csv"] = new JsonArray(Location(1, 53.01), Location(2, null), Location(3, 53.2), Location(5, 53.0)),
            ["addresses.csv"] = new JsonArray(new JsonObject
            {
                ["id"] = "0e000000-0000-4000-8000-000000000002", ["location_id"] = "0c000000-0000-4000-8000-000000000002", ["address_1"] = "Schoolstraat 1",
                ["city"] = "Voorbeeld", ["state_province"] = "Groningen", ["postal_code"] = "9921 XX", ["country"] = "NL", ["address_type"] = "physical",
            }),
            ["service_at_location.csv"] = new JsonArray(At(1, Administratie), At(2, Huiswerk), At(3, Wandelen), At(5, Oud)),
            ["phones.csv"] = new JsonArray(new JsonObject { ["id"] = "0f000000-0000-4000-8000-000000000001", ["service_id"] = Id(Administratie), ["number"] = "0999 123123" }),
            ["attributes.csv"] = marks,
        };
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SocialMapSearchTests(SocialMapSearchFixture fixture) : IClassFixture<SocialMapSearchFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<SearchResult> SearchAsync(string? zoek = null, string? leefgebied = null, string? soort = null, string? leeftijd = null, string? postcode = null, string? afstand = null)
    {
        var criteria = SocialMapSearch.Parse(new SearchInput { Zoek = zoek, Leefgebied = leefgebied, Soort = soort, Leeftijd = leeftijd, Postcode = postcode, Afstand = afstand });
        Assert.True(criteria.IsOk, string.Join(" ", criteria.Errors.Select(e => e.Message)));
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SocialMapSearch>().SearchAsync(criteria.Value!, default);
    }

    private static IEnumerable<(string, double?)> Names(SearchResult r) => r.Hits.Select(h => (h.Naam, h.AfstandKm));

    [Fact]
    public async Task Worker_finds_services_nearest_first_from_the_households_postcode_area()
    {
        var all = await SearchAsync(postcode: "9911 AB");
        Assert.Equal([("Thuisadministratie", 1.1), ("Huiswerkklas", 5.6), ("Wandelgroep", 22.2), ("Hulp bij het huishouden", null)], Names(all));
        Assert.Equal("0999 123123", all.Hits[0].Telefoon);
        Assert.Equal("Welzijn Test", all.Hits[0].Organisatie);
        Assert.Equal(ServiceKind.NuldeLijn, all.Hits[0].Soort);

        var near = await SearchAsync(postcode: "9911AB", afstand: "6");
        Assert.Equal([("Thuisadministratie", 1.1), ("Huiswerkklas", 5.6)], Names(near));
        Assert.Equal(1, near.WithoutLocation);
        Assert.Equal([("Thuisadministratie", 1.1)], Names(await SearchAsync(postcode: "9911AB", afstand: "1,2")));
    }

    [Fact]
    public async Task Worker_narrows_by_life_domain_kind_age_and_keyword()
    {
        Assert.Equal(["Thuisadministratie"], (await SearchAsync(leefgebied: "Financien")).Hits.Select(h => h.Naam));
        Assert.Equal(["Huiswerkklas", "Wandelgroep"], (await SearchAsync(soort: "algemeen")).Hits.Select(h => h.Naam));
        Assert.Equal(["Huiswerkklas", "Wandelgroep"], (await SearchAsync(leeftijd: "12")).Hits.Select(h => h.Naam));
        Assert.Equal(["Hulp bij het huishouden", "Thuisadministratie", "Wandelgroep"], (await SearchAsync(leeftijd: "18")).Hits.Select(h => h.Naam));
        Assert.Equal(["Thuisadministratie"], (await SearchAsync(zoek: "administratie")).Hits.Select(h => h.Naam));
        Assert.Equal(["Wandelgroep"], (await SearchAsync(zoek: "LANGE ADEM")).Hits.Select(h => h.Naam));
        Assert.Empty((await SearchAsync(zoek: "geldcursus")).Hits);
        Assert.Equal(["Wandelgroep"], (await SearchAsync(soort: "algemeen", leeftijd: "40", postcode: "9911 AB", afstand: "30")).Hits.Select(h => h.Naam));
    }

    [Fact]
    public async Task A_postcode_area_without_a_centre_gives_results_without_distances_and_says_why()
    {
        var r = await SearchAsync(postcode: "9955 ZZ", afstand: "5");
        Assert.Equal(4, r.Total);
        Assert.All(r.Hits, h => Assert.Null(h.AfstandKm));
        Assert.Contains("postcodegebied 9955", r.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leeftijd", "-1", SearchRules.AgeInvalidCode)]
    [InlineData("Leeftijd", "oud", SearchRules.AgeInvalidCode)]
    [InlineData("Afstand", "5", SearchRules.DistanceNeedsPostcodeCode)]
    [InlineData("Leefgebied", "Geluk", SearchRules.DomainInvalidCode)]
    [InlineData("Soort", "gratis", SocialMapSearch.KindInvalidCode)]
    [InlineData("Postcode", "1234 SS", "postcode-invalid")]
    public void A_search_that_cannot_mean_anything_gets_a_message_at_its_field(string field, string value, string code)
    {
        var input = new SearchInput();
        typeof(SearchInput).GetProperty(field)!.SetValue(input, value);
        var result = SocialMapSearch.Parse(input);
        Assert.False(result.IsOk);
        Assert.Equal((code, field), (result.Errors.Single().Code, result.Errors.Single().Field));
    }

    [Fact]
    public async Task Coordinator_opens_the_map_from_a_goal_and_gets_the_referral_link_for_the_nearest_provision()
    {
        var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var html = await client.GetStringAsync($"/sociale-kaart?huishouden={fixture.Household}&doel={fixture.Goal}&leefgebied=Financien");
        Assert.Contains("Overzicht over de post", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9911 AB\"", html, StringComparison.Ordinal);
        Assert.Contains("1 dienst gevonden", html, StringComparison.Ordinal);
        Assert.Contains("1,1 km", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/huishoudens/{fixture.Household}/verwijzingen/nieuw?dienst={fixture.Administratie}&amp;doel={fixture.Goal}\"", html, StringComparison.Ordinal);

        // Without a household there is no one to refer: no link.
        var plain = await client.GetStringAsync("/sociale-kaart?leefgebied=Financien");
        Assert.Contains("Thuisadministratie", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("verwijzingen/nieuw", plain, StringComparison.Ordinal);

        // A coordinator of another team may not use the household's file as a starting point.
        var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var refused = await zuid.GetAsync($"/sociale-kaart?huishouden={fixture.Household}");
        Assert.Equal("/geen-toegang", new Uri(_app.BaseAddress, refused.Headers.Location!).AbsolutePath);

        // A bad value gets its message next to the field, in Dutch.
        var bad = await client.GetStringAsync("/sociale-kaart?leeftijd=200");
        Assert.Contains("Vul een leeftijd in van 0 tot en met 120 jaar.", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_system_searches_services_as_an_HSDS_page_and_reads_one_as_service_full()
    {
        var schemas = _app.Services.GetRequiredService<HsdsSchemaCheck>();
        var client = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/services?postcode=9911AB&afstand=6&per_page=1"))!.AsObject();
        Assert.Equal((2, 2, 1, true, false), ((int)page["total_items"]!, (int)page["total_pages"]!, (int)page["size"]!, (bool)page["first_page"]!, (bool)page["last_page"]!));
        Assert.Equal(fixture.Administratie.ToString(), (string?)page["contents"]![0]!["id"]);
        Assert.Equal("Welzijn Test", (string?)page["contents"]![0]!["organization"]!["name"]);
        Assert.Empty(await schemas.CheckPageAsync(HsdsCatalog.Service, page, "api"));

        var second = JsonNode.Parse(await client.GetStringAsync("/api/v1/services?postcode=9911AB&afstand=6&per_page=1&page=2"))!;
        Assert.Equal(fixture.Huiswerk.ToString(), (string?)second["contents"]![0]!["id"]);

        var full = JsonNode.Parse(await client.GetStringAsync($"/api/v1/services/{fixture.Administratie}"))!.AsObject();
        Assert.Empty(await schemas.CheckFullAsync(HsdsCatalog.Service, full, "api"));
        Assert.Equal("0999 123123", (string?)full["phones"]![0]!["number"]);
        Assert.Equal(53.01, (double)full["service_at_locations"]![0]!["location"]!["latitude"]!);
        Assert.Equal(2, full["attributes"]!.AsArray().Count);

        var bad = await client.GetAsync("/api/v1/services?leeftijd=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("socialmap-age-invalid", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/services/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Functional_admin_downloads_the_map_as_HSDS_and_it_passes_the_schemas()
    {
        // The regional social map portal fetches the export with a key of the functional admin's role.
        var key = await _app.Services.GetRequiredService<Regie.Web.Features.ApiKeys.ApiKeyService>()
            .CreateAsync("Regionale sociale kaart", Regie.Web.Infrastructure.Roles.Beheerder, TestApp.Gemeentecode, "test", default);
        var admin = _app.AnonymousClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", key.Value.Key);
        var tabular = JsonNode.Parse(await admin.GetStringAsync("/api/v1/social-map/hsds.json"))!.AsObject();
        Assert.Equal(5, tabular["services.csv"]!.AsArray().Count);
        Assert.Empty(await _app.Services.GetRequiredService<HsdsSchemaCheck>().CheckTabularAsync(tabular, "api"));
        var zip = await admin.GetByteArrayAsync("/api/v1/social-map/hsds.zip");
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.Name == "datapackage.json");
        Assert.Equal(22, archive.Entries.Count);
        var worker = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/social-map/hsds.json")).StatusCode);
    }
}
