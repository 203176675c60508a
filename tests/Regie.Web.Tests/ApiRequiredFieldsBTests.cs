using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

/// <summary>
/// What the OpenAPI document calls required is what the API refuses without: for every write of the social map,
/// referrals, light support, applications and budget that has a body, each field the document lists as required
/// (in the body and in the objects it holds) is left out of a body the API accepts, one at a time, and the answer
/// is a 400 problem whose errors all name that field. The same body, whole, is then accepted. So a field marked
/// required that the rule does not need fails here (its body is accepted), and so does a required field the rule
/// names otherwise.
/// </summary>
public sealed class ApiRequiredFieldsBTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");
    private static string Today => InDays(0);

    /// <summary>The area's paths: its writes are the operations this test must cover.</summary>
    private static readonly string[] AreaPaths =
    [
        "/api/v1/services", "/api/v1/social-map", "/api/v1/referrals", "/api/v1/households/{id}/referrals", "/api/v1/households/{id}/light-support",
        "/api/v1/conflict-of-interest", "/api/v1/applications", "/api/v1/code-lists", "/api/v1/budgets", "/api/v1/spends",
        "/api/v1/staff", "/api/v1/teams", "/api/v1/organisations",
    ];

    /// <summary>The writes with required fields that the tests below drive; the document may name no other.</summary>
    private static readonly string[] Covered =
    [
        "POST /api/v1/households/{id}/referrals", "POST /api/v1/referrals/{id}/status", "POST /api/v1/households/{id}/referrals/{referralId}/status",
        "POST /api/v1/households/{id}/light-support", "POST /api/v1/households/{id}/light-support/{supportId}/end",
        "POST /api/v1/applications", "POST /api/v1/applications/{id}/receive", "POST /api/v1/applications/{id}/extension",
        "POST /api/v1/applications/{id}/withdrawal", "POST /api/v1/applications/{id}/decision",
        "POST /api/v1/spends", "POST /api/v1/spends/{id}/pay",
    ];

    private JsonElement? _document;

    private async Task<JsonElement> DocumentAsync()
    {
        if (_document is { } d) return d;
        using var client = _app.AnonymousClient();
        _document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        return _document.Value;
    }

    private static bool InArea(string path) => AreaPaths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));

    private static JsonElement Resolve(JsonElement doc, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            return Resolve(doc, oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        return schema;
    }

    private static JsonElement BodySchema(JsonElement doc, string operation)
    {
        var space = operation.IndexOf(' ');
        var op = doc.GetProperty("paths").GetProperty(operation[(space + 1)..]).GetProperty(operation[..space].ToLowerInvariant());
        return Resolve(doc, op.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
    }

    /// <summary>
    /// The paths ("uitgave.doelId", "producten[0].omvang") of the required fields of <paramref name="schema"/> and of
    /// the objects in <paramref name="body"/> it describes. An object with required fields the body leaves out is a gap in the test.
    /// </summary>
    private static List<string> RequiredPaths(JsonElement doc, JsonElement schema, JsonObject body, string prefix, List<string> gaps)
    {
        var paths = new List<string>();
        if (schema.TryGetProperty("required", out var required))
            paths.AddRange(required.EnumerateArray().Select(r => prefix + r.GetString()));
        if (!schema.TryGetProperty("properties", out var properties)) return paths;
        foreach (var property in properties.EnumerateObject())
        {
            var child = Resolve(doc, property.Value);
            var isList = child.TryGetProperty("items", out var items);
            var element = isList ? Resolve(doc, items) : child;
            if (!element.TryGetProperty("properties", out _)) continue;
            var nestedRequired = HasRequired(doc, element, 0);
            var value = body[property.Name];
            var nested = isList ? (value as JsonArray)?.FirstOrDefault() as JsonObject : value as JsonObject;
            if (nested is null)
            {
                if (nestedRequired) gaps.Add(prefix + property.Name);
                continue;
            }
            paths.AddRange(RequiredPaths(doc, element, nested, prefix + property.Name + (isList ? "[0]." : "."), gaps));
        }
        return paths;
    }

    private static bool HasRequired(JsonElement doc, JsonElement schema, int depth) =>
        schema.TryGetProperty("required", out var r) && r.GetArrayLength() > 0
        || depth < 4 && schema.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(p =>
        {
            var child = Resolve(doc, p.Value);
            return HasRequired(doc, child.TryGetProperty("items", out var items) ? Resolve(doc, items) : child, depth + 1);
        });

    private static JsonObject Without(JsonObject body, string path)
    {
        var copy = (JsonObject)body.DeepClone();
        var parts = path.Split('.');
        JsonObject at = copy;
        foreach (var part in parts[..^1])
            at = part.EndsWith("[0]", StringComparison.Ordinal) ? (JsonObject)((JsonArray)at[part[..^3]]!)[0]! : (JsonObject)at[part]!;
        Assert.True(at.Remove(parts[^1]), $"the valid body has no {path}");
        return copy;
    }

    /// <summary>A rule names a field by its full path, or, in an object the handler reads on its own (a spend in its envelope), by its own name.</summary>
    private static bool Names(string? field, string path) =>
        field is not null && field.Length > 0
        && (string.Equals(field, path, StringComparison.OrdinalIgnoreCase) || path.EndsWith("." + field, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Leaves each documented required field of <paramref name="operation"/> out of <paramref name="valid"/> in turn and
    /// expects a 400 naming it; then sends <paramref name="valid"/> whole and returns its (2xx) answer.
    /// </summary>
    private async Task<JsonElement> EachRequiredFieldIsRefusedWithoutAsync(string operation, HttpClient client, string url, JsonObject valid)
    {
        Assert.Contains(operation, Covered);
        var doc = await DocumentAsync();
        var gaps = new List<string>();
        var required = RequiredPaths(doc, BodySchema(doc, operation), valid, "", gaps);
        Assert.True(gaps.Count == 0, $"{operation}: the valid body leaves out {string.Join(", ", gaps)}, which the document says holds required fields");
        Assert.NotEmpty(required);
        var method = new HttpMethod(operation[..operation.IndexOf(' ')]);
        foreach (var path in required)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(Without(valid, path).ToJsonString(), Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{operation} without {path}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var fields = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => e.TryGetProperty("field", out var f) ? f.GetString() : null).ToList();
            Assert.True(fields.Count > 0 && fields.All(f => Names(f, path)), $"{operation} without {path}: errors name {string.Join(", ", fields)}");
        }
        using var accepted = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(valid.ToJsonString(), Encoding.UTF8, "application/json") });
        var answer = await accepted.Content.ReadAsStringAsync();
        Assert.True(accepted.IsSuccessStatusCode, $"{operation} with the whole body: {(int)accepted.StatusCode} {answer}");
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    /// <summary>A household of Wijkteam Noord, coordinated by the demo regisseur, with a plan and one goal; Noord has money for this year.</summary>
    private async Task<(Guid Household, Guid Person, Guid Goal)> PlannedAsync(string name)
    {
        var planned = await new Given(_app).HouseholdWithPlanAndGoal(name, "Iris", coordinator: Given.Coordinator,
            goal: Given.Goal(what: "Geen huurachterstand meer", measurable: "De achterstand is nul", who: "Iris", days: 90));
        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RegieDbContext>();
        var noord = await db.Teams.Where(t => t.Name == Given.Noord).Select(t => t.Id).SingleAsync();
        Assert.Equal(noord, await db.Households.Where(h => h.Id == planned.Household).Select(h => h.ResponsibleTeamId).SingleAsync());
        Assert.True((await sp.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput
        {
            TeamId = noord, Jaar = DateTime.UtcNow.Year, Bedrag = "10.000,00", Reden = "Raadsbesluit begroting",
        }, default)).IsOk);
        return (planned.Household, planned.Person, planned.Goal);
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    [Fact]
    public async Task Every_write_of_the_area_whose_document_names_required_fields_is_driven_here()
    {
        var doc = await DocumentAsync();
        var withRequired = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => InArea(p.Name)))
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch" or "delete" && o.Value.TryGetProperty("requestBody", out _)))
            {
                var key = $"{op.Name.ToUpperInvariant()} {path.Name}";
                if (HasRequired(doc, BodySchema(doc, key), 0)) withRequired.Add(key);
            }
        Assert.Equal(Covered.Order(StringComparer.Ordinal), withRequired.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Coordinator_and_provider_leave_out_each_required_field_of_a_referral_and_its_steps()
    {
        var (household, person, goal) = await PlannedAsync("Verwijsveld");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        using var team = await _app.SignedInClientAsync();
        using var provider = await _app.SignedInClientAsync("aanbieder@voorbeeld.nl");

        JsonObject Referral(Guid? organisation) => new()
        {
            ["persoonId"] = person, ["doelId"] = goal, ["organisatieId"] = organisation, ["aanbieder"] = organisation is null ? "Schuldhulp Voorbeeld" : null,
            ["dienst"] = "Schuldhulp", ["soort"] = "algemeen", ["vraag"] = "Iris wil hulp bij het ordenen van haar post.", ["toestemming"] = true,
        };
        var toBrug = (await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/households/{id}/referrals", team, $"/api/v1/households/{household}/referrals", Referral(brug)))
            .GetProperty("id").GetGuid();
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/referrals/{id}/status", provider, $"/api/v1/referrals/{toBrug}/status",
            new JsonObject { ["status"] = "accepted", ["versie"] = 1 });

        var withoutAccount = (await team.PostAsJsonAsync($"/api/v1/households/{household}/referrals", Referral(null)));
        Assert.Equal(HttpStatusCode.Created, withoutAccount.StatusCode);
        var other = (await withoutAccount.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/households/{id}/referrals/{referralId}/status", team, $"/api/v1/households/{household}/referrals/{other}/status",
            new JsonObject { ["status"] = "Ingetrokken", ["reden"] = "Iris koos een andere weg.", ["versie"] = 1 });
    }

    [Fact]
    public async Task Coordinator_leaves_out_each_required_field_of_light_support_and_of_its_end()
    {
        var (household, _, goal) = await PlannedAsync("Lichtveld");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        using var team = await _app.SignedInClientAsync();

        var support = (await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/households/{id}/light-support", team, $"/api/v1/households/{household}/light-support",
            new JsonObject { ["doelId"] = goal, ["omschrijving"] = "Hulp bij de administratie, zes weken", ["soort"] = "Administratie", ["startdatum"] = Today, ["einddatum"] = InDays(42), ["organisatieId"] = brug }))
            .GetProperty("id").GetGuid();
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/households/{id}/light-support/{supportId}/end", team, $"/api/v1/households/{household}/light-support/{support}/end",
            new JsonObject { ["einddatum"] = Today, ["uitkomst"] = "De post is op orde.", ["versie"] = 1 });
    }

    [Fact]
    public async Task Consulent_leaves_out_each_required_field_of_an_application_its_steps_and_its_decision()
    {
        var (_, person, _) = await PlannedAsync("Aanvraagveld");
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");

        var application = (await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/applications", desk, "/api/v1/applications",
            new JsonObject { ["persoonId"] = person, ["kader"] = "Wmo2015", ["gevraagd"] = "Begeleiding bij de administratie", ["aanvraagdatum"] = Today }))
            .GetProperty("id").GetGuid();
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/applications/{id}/extension", desk, $"/api/v1/applications/{application}/extension",
            new JsonObject { ["weken"] = 2, ["reden"] = "Advies van de GGD is nodig.", ["versie"] = 0 });
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/applications/{id}/decision", desk, $"/api/v1/applications/{application}/decision", new JsonObject
        {
            ["uitkomst"] = "Toegekend", ["besluitdatum"] = Today, ["motivering"] = "Uit het onderzoek blijkt dat begeleiding nodig is.",
            ["producten"] = new JsonArray(new JsonObject
            {
                ["categorie"] = "02", ["omvang"] = 3, ["eenheid"] = "04", ["frequentie"] = "2", ["van"] = Today, ["tot"] = InDays(180), ["geschatteKosten"] = "3.300,00",
            }),
            ["versie"] = 0,
        });

        using var report = await desk.PostAsJsonAsync("/api/v1/applications", new { persoonId = person, kader = "Wmo2015", gevraagd = "Een scootmobiel", meldingsdatum = Today });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var melding = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/applications/{id}/receive", desk, $"/api/v1/applications/{melding}/receive",
            new JsonObject { ["aanvraagdatum"] = Today, ["versie"] = 0 });
        await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/applications/{id}/withdrawal", desk, $"/api/v1/applications/{melding}/withdrawal",
            new JsonObject { ["reden"] = "Iris heeft de scootmobiel zelf gekocht.", ["versie"] = 0 });
    }

    [Fact]
    public async Task Coordinator_leaves_out_each_required_field_of_a_spend_and_of_its_payment()
    {
        var (household, _, goal) = await PlannedAsync("Uitgaveveld");
        using var team = await _app.SignedInClientAsync();

        // Within the coordinator's own mandate: approved at once, so it can be paid.
        var spend = (await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/spends", team, "/api/v1/spends", new JsonObject
        {
            ["huishoudenId"] = household,
            ["uitgave"] = new JsonObject
            {
                ["doelId"] = goal, ["soort"] = "Huurachterstand", ["omschrijving"] = "Eén maand huurachterstand", ["bedrag"] = "250,00",
                ["onderbouwing"] = "Betalen voorkomt een aanmaning met kosten.", ["kaders"] = new JsonArray("Participatiewet"),
            },
        })).GetProperty("id").GetGuid();
        var versie = (await team.GetFromJsonAsync<JsonElement>($"/api/v1/spends/{spend}")).GetProperty("versie").GetInt32();
        var paid = await EachRequiredFieldIsRefusedWithoutAsync("POST /api/v1/spends/{id}/pay", team, $"/api/v1/spends/{spend}/pay",
            new JsonObject { ["bedrag"] = "250,00", ["datum"] = Today, ["ontvanger"] = "Woningcorporatie Thuis", ["versie"] = versie });
        Assert.Equal("Betaald", paid.GetProperty("status").GetString());
    }
}
