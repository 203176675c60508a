using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

/// <summary>
/// What the OpenAPI document calls required, for the writes on households, persons, notes, involvements, plans,
/// trajectories and requests, is what the API refuses: each required field, left out of a body the API accepts, is
/// answered with 400 problem+json naming that field and nothing else, and the whole body is then accepted. The
/// required lists come from /openapi/v1.json, so a [Required] on a field the rule does not refuse fails here, and so
/// does a write of these areas with required fields that has no body below.
/// </summary>
public sealed class ApiRequiredFieldsATests(AccessFixture fixture) : IClassFixture<AccessFixture>, IAsyncLifetime
{
    private static readonly string[] AreaTags = ["Huishoudens", "Personen", "Betrokkenheid", "Team", "Plan en traject", "Hulpvragen en triage"];
    private static readonly string[] Methods = ["post", "put", "patch", "delete"];

    private readonly TestApp _app = fixture.App;
    private HttpClient _regisseur = default!;
    private HttpClient _department = default!;
    private HttpClient _admin = default!;
    private JsonElement _doc;

    /// <summary>One write as a caller sends it: the body is one the API accepts.</summary>
    private sealed record Write(HttpClient Client, HttpMethod Method, string Url, JsonObject Body);

    private sealed record Operation(string Id, string Method, string Path, JsonElement Value);

    public async Task InitializeAsync()
    {
        using var anonymous = _app.AnonymousClient();
        _doc = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        _regisseur = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        _department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        _admin = (await _app.SignedInWithTwoFactorAsync(Infrastructure.Roles.Beheerder)).Client;
    }

    public Task DisposeAsync()
    {
        _regisseur.Dispose();
        _department.Dispose();
        _admin.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Per operation (its operationId), how to reach it with an acceptable body; fresh households keep the writes apart.</summary>
    private Dictionary<string, Func<Task<Write>>> Writes() => new(StringComparer.Ordinal)
    {
        ["CreateHousehold"] = () => Task.FromResult(new Write(_regisseur, HttpMethod.Post, "/api/v1/households", HouseholdBody(1))),
        ["AddHouseholdMember"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/members",
                new JsonObject { ["lid"] = Member("kind", "2015-03-01"), ["bevestigMogelijkDubbel"] = true });
        },
        ["EndHouseholdMembership"] = async () =>
        {
            var (household, members) = await HouseholdAsync(2);
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/members/{members[1]}/end", new JsonObject { ["reden"] = "verhuisd-onbekend" });
        },
        ["ChangeHouseholdAddress"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Put, $"/api/v1/households/{household}/address",
                new JsonObject { ["adres"] = Address(), ["versie"] = await HouseholdVersionAsync(household) });
        },
        ["RecordZrmAssessment"] = async () =>
        {
            var (household, members) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/assessments",
                new JsonObject { ["personId"] = members[0], ["scores"] = new JsonObject { ["Financien"] = "3" } });
        },
        ["AssignCoordinator"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var staff = await _regisseur.GetFromJsonAsync<JsonElement>("/api/v1/staff");
            var fatima = staff.EnumerateArray().Single(s => s.GetProperty("naam").GetString() == "Fatima Bouzid").GetProperty("id").GetString();
            return new(_regisseur, HttpMethod.Put, $"/api/v1/households/{household}/coordinator",
                new JsonObject { ["regisseurId"] = fatima, ["versie"] = await HouseholdVersionAsync(household) });
        },
        ["AddHouseholdNote"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/notes", new JsonObject { ["tekst"] = "Gebeld met moeder; afspraak staat." });
        },
        ["RegisterPerson"] = () => Task.FromResult(new Write(_regisseur, HttpMethod.Post, "/api/v1/persons", new JsonObject
        {
            ["voornamen"] = "Noor", ["achternaam"] = "Verplicht", ["geboortedatum"] = "1990-02-03", ["bsn"] = TestApp.NextBsn(), ["bevestigMogelijkDubbel"] = true,
        })),
        ["MovePerson"] = async () =>
        {
            var (_, members) = await HouseholdAsync();
            var (target, _) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/persons/{members[0]}/move", new JsonObject { ["naarHuishoudenId"] = target, ["rol"] = "partner" });
        },
        ["LookupInvolvementByPost"] = () => Task.FromResult(new Write(_department, HttpMethod.Post, "/api/v1/lookup",
            new JsonObject { ["bsn"] = TestApp.NextBsn(), ["doel"] = "Aanvraag bijzondere bijstand" })),
        ["RegisterInvolvement"] = () => Task.FromResult(new Write(_department, HttpMethod.Post, "/api/v1/involvements", new JsonObject
        {
            ["bsn"] = TestApp.NextBsn(), ["contactpersoon"] = "Ruud Hendriks", ["telefoon"] = "0999 112233", ["reden"] = "Bijstandsuitkering",
        })),
        ["AddGoal"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var version = await StartPlanAsync(household);
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan/goals", Goal(version));
        },
        ["UpdateGoal"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var version = await AddAsync(household, "goals", Goal(await StartPlanAsync(household)));
            var goal = (await PlanAsync(household)).GetProperty("doelen")[0].GetProperty("id").GetGuid();
            return new(_regisseur, HttpMethod.Put, $"/api/v1/households/{household}/plan/goals/{goal}", Goal(version));
        },
        ["AddAction"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var version = await StartPlanAsync(household);
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan/actions", PlanAction(version));
        },
        ["UpdateAction"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var version = await AddAsync(household, "actions", PlanAction(await StartPlanAsync(household)));
            var action = (await PlanAsync(household)).GetProperty("acties")[0].GetProperty("id").GetGuid();
            return new(_regisseur, HttpMethod.Put, $"/api/v1/households/{household}/plan/actions/{action}", PlanAction(version));
        },
        ["RecordPlanAgreement"] = async () =>
        {
            var (household, members) = await HouseholdAsync();
            // A plan without goals cannot be agreed to: one goal first.
            var version = await AddAsync(household, "goals", Goal(await StartPlanAsync(household)));
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan/agreement",
                new JsonObject { ["persoonId"] = members[0], ["wijze"] = "mondeling", ["versie"] = version });
        },
        ["RecordPlanEvaluation"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            var version = await StartPlanAsync(household);
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan/evaluations",
                new JsonObject { ["samenvatting"] = "Schulden in beeld; budgetcoach gestart.", ["versie"] = version });
        },
        ["StartTrajectory"] = async () =>
        {
            var (household, _) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/trajectories", new JsonObject { ["aanleiding"] = "Nieuwe zorgen over huur." });
        },
        ["CloseTrajectory"] = async () =>
        {
            var (household, members) = await HouseholdAsync();
            await ExpectAsync(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/trajectories", new JsonObject { ["aanleiding"] = "Zorgen over huur." }, HttpStatusCode.Created);
            // Closing needs a recent final assessment.
            await ExpectAsync(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/assessments",
                new JsonObject { ["personId"] = members[0], ["scores"] = new JsonObject { ["Financien"] = "4" } }, HttpStatusCode.Created);
            var trajectories = await _regisseur.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/trajectories");
            var version = Assert.Single(trajectories.EnumerateArray()).GetProperty("versie").GetInt32();
            return new(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/trajectories/close",
                new JsonObject { ["reden"] = "DoelenBehaald", ["versie"] = version });
        },
        ["RegisterRequest"] = async () =>
        {
            var (household, members) = await HouseholdAsync();
            return new(_regisseur, HttpMethod.Post, "/api/v1/requests", Request(household, members[0]));
        },
        ["DecideRoute"] = async () =>
        {
            var (household, members) = await HouseholdAsync();
            var request = (await ExpectAsync(_regisseur, HttpMethod.Post, "/api/v1/requests", Request(household, members[0]), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            var intake = await ExpectAsync(_regisseur, HttpMethod.Put, $"/api/v1/requests/{request}/intake",
                new JsonObject
                {
                    ["scores"] = new JsonObject { [$"{members[0]}:Financien"] = "2" }, ["veiligheid"] = JsonSerializer.SerializeToNode(Intakes.NoSignals()),
                    ["veiligheidOordeel"] = "Veilig", ["versie"] = await RequestVersionAsync(request),
                }, HttpStatusCode.OK);
            // The suggested route needs no reason.
            return new(_regisseur, HttpMethod.Post, $"/api/v1/requests/{request}/triage",
                new JsonObject { ["route"] = intake.GetProperty("voorstel").GetString(), ["versie"] = await RequestVersionAsync(request) });
        },
        ["ChangeTriageSettings"] = async () =>
        {
            // The settings in force, saved again: the other writes here keep their route table.
            var current = JsonNode.Parse(await _admin.GetStringAsync("/api/v1/triage-settings"))!.AsObject();
            return new(_admin, HttpMethod.Put, "/api/v1/triage-settings", new JsonObject
            {
                ["model"] = current["model"]!.DeepClone(), ["zorgdrempel"] = current["zorgdrempel"]!.DeepClone(),
                ["minimumLeefgebieden"] = current["minimumLeefgebieden"]!.DeepClone(), ["routes"] = current["routes"]!.DeepClone(),
            });
        },
    };

    [Fact]
    public void Every_write_of_these_areas_with_required_fields_has_an_acceptable_body_here()
    {
        var withRequired = Operations().Where(o => o.Value.TryGetProperty("requestBody", out var body) && HasRequired(BodySchema(body), []))
            .Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        Assert.True(withRequired.Count >= 20, $"only {withRequired.Count} writes with required fields: {string.Join(", ", withRequired)}");
        Assert.Equal(withRequired, Writes().Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Leaving_out_a_required_field_is_refused_naming_that_field_and_the_whole_body_is_accepted()
    {
        var operations = Operations().ToDictionary(o => o.Id, StringComparer.Ordinal);
        var failures = new List<string>();
        var omitted = 0;
        foreach (var (id, arrange) in Writes().OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var operation = operations[id];
            var write = await arrange();
            var schema = BodySchema(operation.Value.GetProperty("requestBody"));
            var paths = RequiredPaths(schema, write.Body, "", failures, id).ToList();
            if (paths.Count == 0) failures.Add($"{id}: the document lists no required field in this body");
            foreach (var path in paths)
            {
                var body = (JsonObject)write.Body.DeepClone();
                Remove(body, path);
                using var response = await SendAsync(write.Client, write.Method, write.Url, body);
                omitted++;
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{id} without {path}: {(int)response.StatusCode} {Shorten(text)}");
                    continue;
                }
                var fields = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray()
                    .Select(e => e.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "").ToList();
                if (fields.Count == 0 || !fields.All(f => Names(f, path)))
                    failures.Add($"{id} without {path}: errors name [{string.Join(", ", fields)}]");
            }
            // Whole, the same body is accepted: it was only the one field that was missing.
            var success = operation.Value.GetProperty("responses").EnumerateObject().Single(r => r.Name[0] == '2').Name;
            using var accepted = await SendAsync(write.Client, write.Method, write.Url, write.Body);
            if (((int)accepted.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) != success)
                failures.Add($"{id} whole: {(int)accepted.StatusCode}, documented {success}: {Shorten(await accepted.Content.ReadAsStringAsync())}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
        Assert.True(omitted >= 40, $"only {omitted} required fields left out");
    }

    /// <summary>The write operations of these areas in the document, named by operationId.</summary>
    private IEnumerable<Operation> Operations()
    {
        foreach (var path in _doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
                if (op.Value.GetProperty("tags").EnumerateArray().Any(t => AreaTags.Contains(t.GetString())))
                    yield return new(op.Value.GetProperty("operationId").GetString()!, op.Name, path.Name, op.Value);
    }

    private JsonElement BodySchema(JsonElement requestBody) =>
        Resolve(requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return _doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
            return Resolve(choices.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        return schema;
    }

    private bool HasRequired(JsonElement schema, HashSet<string> seen)
    {
        if (schema.TryGetProperty("$ref", out var reference) && !seen.Add(reference.GetString()!)) return false;
        schema = Resolve(schema);
        if (schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0) return true;
        if (schema.TryGetProperty("items", out var items) && HasRequired(items, seen)) return true;
        return schema.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(p => HasRequired(p.Value, seen));
    }

    /// <summary>"adres.postcode", "leden[0].rol": every field the document requires in this body, nested objects and first list items included.</summary>
    private IEnumerable<string> RequiredPaths(JsonElement schema, JsonNode? body, string path, List<string> failures, string id)
    {
        schema = Resolve(schema);
        if (body is JsonObject o)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                {
                    if (o.ContainsKey(name)) yield return Join(path, name);
                    else failures.Add($"{id}: the acceptable body lacks the required {Join(path, name)}");
                }
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var p in properties.EnumerateObject().Where(p => o[p.Name] is JsonObject or JsonArray))
                    foreach (var inner in RequiredPaths(p.Value, o[p.Name], Join(path, p.Name), failures, id)) yield return inner;
        }
        else if (body is JsonArray { Count: > 0 } list && schema.TryGetProperty("items", out var items))
            foreach (var inner in RequiredPaths(items, list[0], path + "[0]", failures, id)) yield return inner;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Remove(JsonObject body, string path)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;
        if (!node.AsObject().Remove(parts[^1])) throw new InvalidOperationException($"{path} not in the body");
    }

    /// <summary>The rule's field ("Adres.Postcode", "Leden[0].Rol") is the left-out one or lies inside it.</summary>
    private static bool Names(string field, string path) =>
        field.Equals(path, StringComparison.OrdinalIgnoreCase)
        || field.StartsWith(path + ".", StringComparison.OrdinalIgnoreCase) || field.StartsWith(path + "[", StringComparison.OrdinalIgnoreCase);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, JsonNode body) =>
        await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });

    private static async Task<JsonElement> ExpectAsync(HttpClient client, HttpMethod method, string url, JsonNode body, HttpStatusCode status)
    {
        using var response = await SendAsync(client, method, url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int _house = 500;

    private static JsonObject Address() => new()
    {
        ["straat"] = "Verplichtstraat", ["huisnummer"] = Interlocked.Increment(ref _house).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["postcode"] = "9913 AB", ["woonplaats"] = "Voorbeeld",
    };

    private static JsonObject Member(string rol, string geboortedatum) => new()
    {
        ["rol"] = rol, ["voornamen"] = "Sam", ["achternaam"] = "Verplicht", ["geboortedatum"] = geboortedatum, ["bsn"] = TestApp.NextBsn(),
    };

    /// <summary>The same name and birth date for everyone here, confirmed as different people.</summary>
    private static JsonObject HouseholdBody(int members)
    {
        var leden = new JsonArray { Member("ouder", "1985-07-03") };
        for (var i = 1; i < members; i++) leden.Add(Member("kind", "2012-05-06"));
        return new JsonObject { ["adres"] = Address(), ["leden"] = leden, ["bevestigMogelijkDubbel"] = true };
    }

    private static JsonObject Goal(int version) => new()
    {
        ["leefgebied"] = "Financien", ["wat"] = "Schulden in beeld", ["meetbaarResultaat"] = "Alle schuldeisers bekend", ["streefdatum"] = Today(60),
        ["wie"] = "Sanne", ["versie"] = version,
    };

    private static JsonObject PlanAction(int version) => new()
    {
        ["omschrijving"] = "Post samen openen", ["uitvoerder"] = "Netwerk", ["naam"] = "Buurvrouw Els", ["versie"] = version,
    };

    private static JsonObject Request(Guid household, Guid person) => new()
    {
        ["huishoudenId"] = household, ["bron"] = "Inwoner", ["omschrijving"] = "Huurachterstand", ["personen"] = new JsonArray { person },
    };

    private async Task<(Guid Household, List<Guid> Members)> HouseholdAsync(int members = 1)
    {
        var id = (await ExpectAsync(_regisseur, HttpMethod.Post, "/api/v1/households", HouseholdBody(members), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var household = await _regisseur.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        return (id, household.GetProperty("leden").EnumerateArray().Select(m => m.GetProperty("personId").GetGuid()).ToList());
    }

    private async Task<int> HouseholdVersionAsync(Guid household) =>
        (await _regisseur.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}")).GetProperty("versie").GetInt32();

    private async Task<int> RequestVersionAsync(Guid request) =>
        (await _regisseur.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request}")).GetProperty("versie").GetInt32();

    private async Task<int> StartPlanAsync(Guid household) =>
        (await ExpectAsync(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan", new JsonObject(), HttpStatusCode.Created)).GetProperty("versie").GetInt32();

    private async Task<int> AddAsync(Guid household, string what, JsonObject body) =>
        (await ExpectAsync(_regisseur, HttpMethod.Post, $"/api/v1/households/{household}/plan/{what}", body, HttpStatusCode.Created)).GetProperty("versie").GetInt32();

    private async Task<JsonElement> PlanAsync(Guid household) => await _regisseur.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/plan");
}
