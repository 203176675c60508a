using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Infrastructure;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>One Regie with the demo municipality's households, plans and referrals.</summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(demoHouseholds: 12);
    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>An API key as the administrator makes it with <c>regie apikey create</c> (the same service, acting as the command line).</summary>
    public async Task<string> KeyAsync(string organisation, string role, string? team = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "cli", "Beheer via de opdrachtregel");
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(organisation, role, TestApp.Gemeentecode, "test", default, team: team);
        Assert.True(created.IsValid, created.Error?.Message);
        return created.Value.Key;
    }
}

/// <summary>
/// An integrator with nothing but the OpenAPI document and an API key: every call is an operation looked up by its
/// operationId, its path filled with ids from earlier answers or from the documented lists, its body written with
/// the field names of the documented schema. Every answer is checked against the document. What the document
/// leaves the stranger to guess is a finding; the journey ends by naming them all.
/// </summary>
public sealed partial class IntegratorJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task Integrator_takes_a_household_from_request_through_triage_and_plan_to_a_coordinator_with_the_document_alone()
    {
        var s = await Stranger.StartAsync(fixture.App, await fixture.KeyAsync("Regiesysteem Noord", Roles.Professional, team: "Wijkteam Noord"));

        // Who is who, from the documented lists: the key's team and a professional of it.
        var team = s.Find(await s.CallAsync("GetTeams"), "naam", "Wijkteam Noord");
        var staff = (await s.CallAsync("GetStaff", query: new() { ["team"] = Text(team["id"]) }))!.AsArray();
        var coordinator = staff.First(m => Text(m!["rol"]) == Roles.Professional)!;
        Assert.All(staff, m => Assert.Equal(Text(team["id"]), Text(m!["teamId"])));

        var surname = "Reiziger" + Guid.NewGuid().ToString("N")[..6];
        var created = await s.CallAsync("CreateHousehold", body: new JsonObject
        {
            ["adres"] = new JsonObject { ["straat"] = "Kerkstraat", ["huisnummer"] = Interlocked.Increment(ref _house).ToString(System.Globalization.CultureInfo.InvariantCulture), ["postcode"] = "9912 AB", ["woonplaats"] = "Voorbeeld" },
            ["leden"] = new JsonArray(new JsonObject
            {
                ["rol"] = s.OneOf("MemberInput", "rol", "ouder"), ["voornamen"] = "Sanne", ["achternaam"] = surname,
                ["geboortedatum"] = "1985-07-03", ["bsn"] = TestApp.NextBsn(),
            }),
        });
        var household = Text(created!["id"]);
        var person = Text((await s.CallAsync("GetHousehold", new() { ["id"] = household }))!["leden"]![0]!["personId"]);

        // The request (aanmelding), its intake and the triage decision, each with the version the request has now.
        var request = Text((await s.CallAsync("RegisterRequest", body: new JsonObject
        {
            ["huishoudenId"] = household, ["bron"] = s.OneOf("RequestInput", "bron", "Huisarts"), ["omschrijving"] = "Somber, schulden, dreigende huisuitzetting",
            ["maatwerk"] = false, ["personen"] = new JsonArray(person),
        }))!["id"]);
        var domains = s.Values("GoalInput", "leefgebied");
        var versie = Number((await s.CallAsync("GetRequest", new() { ["id"] = request }))!["versie"]);
        var intake = await s.CallAsync("RecordIntake", new() { ["id"] = request }, new JsonObject
        {
            ["scores"] = new JsonObject { [$"{person}:{domains[0]}"] = "1", [$"{person}:{domains[3]}"] = "2", [$"{person}:{domains[5]}"] = "2" },
            // The safety check: every question the document names, answered "Nee", and the judgement "Veilig".
            ["veiligheid"] = new JsonObject(s.MapKeys("IntakeInput", "veiligheid").Select(k => KeyValuePair.Create(k, (JsonNode?)s.OneOf("IntakeInput", "veiligheid", "Nee")))),
            ["veiligheidOordeel"] = s.OneOf("IntakeInput", "veiligheidOordeel", "Veilig"),
            ["versie"] = versie,
        });
        var route = s.OneOf("RequestsDecisionInput", "route", "Wijkteam");
        var requestNow = await s.CallAsync("GetRequest", new() { ["id"] = request });
        Assert.Equal(Text(intake!["voorstel"]), Text(requestNow!["voorstel"]));
        var decision = new JsonObject { ["route"] = route, ["versie"] = Number(requestNow["versie"]) };
        if (Text(intake["voorstel"]) != route) decision["reden"] = "Meerdere leefgebieden tegelijk: het wijkteam houdt de regie.";
        var triage = await s.CallAsync("DecideRoute", new() { ["id"] = request }, decision);
        Assert.Equal(Text(triage!["trajectId"]), Text((await s.CallAsync("GetRequest", new() { ["id"] = request }))!["trajectId"]));

        await s.CallAsync("RecordZrmAssessment", new() { ["id"] = household }, new JsonObject
        {
            ["personId"] = person, ["scores"] = new JsonObject { [domains[0]] = "1", [domains[3]] = "2", [domains[5]] = "2" },
        });

        // The plan: started, a goal, an action for the coordinator-to-be; each write answers the plan's next version,
        // and an addition its own id.
        var plan = await s.CallAsync("StartPlan", new() { ["id"] = household });
        var goalVersion = await s.CallAsync("AddGoal", new() { ["id"] = household }, new JsonObject
        {
            ["leefgebied"] = domains[0], ["wat"] = "Schulden in beeld", ["meetbaarResultaat"] = "Alle schuldeisers bekend",
            ["streefdatum"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["wie"] = "Sanne",
            ["versie"] = Number(plan!["versie"]),
        });
        var goal = Text(goalVersion!["id"]);
        var actionVersion = await s.CallAsync("AddAction", new() { ["id"] = household }, new JsonObject
        {
            ["doelId"] = goal, ["omschrijving"] = "Schuldeisers op een rij zetten", ["uitvoerder"] = s.OneOf("ActionInput", "uitvoerder", "Professional"),
            ["medewerkerId"] = Text(coordinator["id"]),
            ["deadline"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["versie"] = Number(goalVersion!["versie"]),
        });
        Assert.Equal(Number(goalVersion["versie"]) + 1, Number(actionVersion!["versie"]));
        var actionId = Text(actionVersion["id"]);

        var householdNow = await s.CallAsync("GetHousehold", new() { ["id"] = household });
        await s.CallAsync("AssignCoordinator", new() { ["id"] = household }, new JsonObject
        {
            ["regisseurId"] = Text(coordinator["id"]), ["versie"] = Number(householdNow!["versie"]),
        });

        // Reading back: the goal, the action with its owner, and the household's coordinator.
        var read = (await s.CallAsync("GetPlan", new() { ["id"] = household }))!;
        Assert.Equal(Number(actionVersion["versie"]), Number(read["versie"]));
        var goalRead = Assert.Single(read["doelen"]!.AsArray())!;
        Assert.Equal((goal, domains[0], "Schulden in beeld"), (Text(goalRead["id"]), Text(goalRead["leefgebied"]), Text(goalRead["wat"])));
        var action = Assert.Single(read["acties"]!.AsArray())!;
        Assert.Equal(actionId, Text(action["id"]));
        Assert.Equal((goal, "Schuldeisers op een rij zetten", "Professional", Text(coordinator["naam"])),
            (Text(action["doelId"]), Text(action["omschrijving"]), Text(action["uitvoerder"]), Text(action["naam"])));
        var final = (await s.CallAsync("GetHousehold", new() { ["id"] = household }))!;
        Assert.Equal((Text(coordinator["naam"]), "Wijkteam Noord"), (Text(final["regisseur"]), Text(final["team"])));

        s.AssertNothingLeftToGuess();
    }

    [Fact]
    public async Task Provider_answers_a_referral_step_by_step_and_cannot_read_another_providers_with_the_document_alone()
    {
        var brug = await Stranger.StartAsync(fixture.App, await fixture.KeyAsync("Zorgaanbieder De Brug", Roles.Partner));
        var stichting = await Stranger.StartAsync(fixture.App, await fixture.KeyAsync("Stichting Sociaal Werk Voorbeeld", Roles.Partner));

        var incoming = (await brug.CallAsync("GetIncomingReferrals"))!.AsArray();
        Assert.NotEmpty(incoming);
        var waiting = incoming.First(r => Text(r!["status"]) == "Verstuurd")!;
        var id = Text(waiting["id"]);
        var referral = (await brug.CallAsync("GetIncomingReferral", new() { ["id"] = id }))!;
        Assert.Equal((id, "Verstuurd"), (Text(referral["id"]), Text(referral["status"])));

        // Accept, start, finish (with feedback): each step with the version the previous answer gave.
        var versie = Number(referral["versie"]);
        foreach (var (status, extra) in new[] { ("Geaccepteerd", (string?)null), ("Gestart", null), ("Afgerond", "Vier gesprekken gevoerd; het gezin heeft vaste afspraken.") })
        {
            var step = new JsonObject { ["status"] = brug.OneOf("ReferralStepInput", "status", status), ["versie"] = versie };
            if (extra is not null) step["terugkoppeling"] = extra;
            var next = Number((await brug.CallAsync("UpdateReferralStatus", new() { ["id"] = id }, step))!["versie"]);
            Assert.Equal(versie + 1, next);
            versie = next;
        }
        var done = (await brug.CallAsync("GetIncomingReferral", new() { ["id"] = id }))!;
        Assert.Equal(("Afgerond", versie, "Vier gesprekken gevoerd; het gezin heeft vaste afspraken."), (Text(done["status"]), Number(done["versie"]), Text(done["terugkoppeling"])));
        Assert.Equal(["Verstuurd", "Geaccepteerd", "Gestart", "Afgerond"], done["stappen"]!.AsArray().Select(x => Text(x!["status"])));
        // A step from the final status is refused; the answer is a documented problem.
        await brug.CallAsync("UpdateReferralStatus", new() { ["id"] = id }, new JsonObject { ["status"] = "Gestart", ["versie"] = versie }, expect: HttpStatusCode.BadRequest);

        // Another provider's referral does not exist for De Brug: not in its list, not readable, not answerable.
        var theirs = Text((await stichting.CallAsync("GetIncomingReferrals"))!.AsArray().First()!["id"]);
        Assert.DoesNotContain(theirs, incoming.Select(r => Text(r!["id"])));
        await brug.CallAsync("GetIncomingReferral", new() { ["id"] = theirs }, expect: HttpStatusCode.NotFound);
        await brug.CallAsync("UpdateReferralStatus", new() { ["id"] = theirs }, new JsonObject { ["status"] = "Geaccepteerd", ["versie"] = 1 }, expect: HttpStatusCode.NotFound);
        Assert.Equal(theirs, Text((await stichting.CallAsync("GetIncomingReferral", new() { ["id"] = theirs }))!["id"]));

        brug.AssertNothingLeftToGuess();
        stichting.AssertNothingLeftToGuess();
    }

    private static int _house = 400;

    private static string Text(JsonNode? node) => node switch
    {
        null => throw new Xunit.Sdk.XunitException("expected a value, found null"),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static int Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : int.Parse(Text(node), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A caller that knows the document and its key, nothing else. What it had to know from elsewhere it writes down
    /// as a finding; the test ends by asserting there are none, so one run names every gap.
    /// </summary>
    private sealed partial class Stranger(ApiContract doc, HttpClient client, ContractHandler contract)
    {
        private readonly List<string> _findings = [];

        public static async Task<Stranger> StartAsync(TestApp app, string key)
        {
            var (client, contract) = await ContractHandler.ClientAsync(app, key);
            return new Stranger(await ApiContract.OfAsync(app), client, contract);
        }

        /// <summary>
        /// Calls an operation by its operationId: path parameters filled in by name, query parameters only as documented,
        /// the body checked against the documented request schema (names, required fields, types, listed values). Expects
        /// the operation's one documented success status, or <paramref name="expect"/>; returns the JSON answer.
        /// </summary>
        public async Task<JsonNode?> CallAsync(string operationId, Dictionary<string, string>? ids = null, JsonObject? body = null,
            Dictionary<string, string>? query = null, HttpStatusCode? expect = null)
        {
            var (method, template, op) = doc.Operation(operationId);
            var parameters = op["parameters"]?.AsArray().Select(p => (Name: Text(p!["name"]), In: Text(p["in"]))).ToList() ?? [];
            var path = PathParameter().Replace(template, m =>
            {
                var name = m.Groups[1].Value;
                Assert.Contains((name, "path"), parameters);
                return ids is not null && ids.TryGetValue(name, out var value) ? Uri.EscapeDataString(value) : throw new Xunit.Sdk.XunitException($"{operationId}: no value for {{{name}}}");
            });
            if (query is { Count: > 0 })
            {
                foreach (var name in query.Keys) Assert.Contains((name, "query"), parameters);
                path += "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                var json = body.ToJsonString();
                foreach (var error in doc.CheckRequest(method, template, json)) _findings.Add($"{operationId} request body: {error}");
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }
            else if (op["requestBody"]?["required"]?.GetValue<bool>() == true) _findings.Add($"{operationId}: the document requires a body the journey does not send");

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            int wanted;
            if (expect is { } e) wanted = (int)e;
            else
            {
                var success = op["responses"]!.AsObject().Select(r => r.Key).Where(k => k.StartsWith('2')).ToList();
                Assert.True(success.Count == 1, $"{operationId} documents {success.Count} success statuses: {string.Join(", ", success)}");
                wanted = int.Parse(success[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            Assert.True(status == wanted, $"{operationId} {method} {path}: {status}, expected {wanted}: {text}\n{string.Join("\n", _findings.Concat(contract.Violations))}");
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }

        /// <summary>The values the document lists for a field of an input; a finding when it lists none.</summary>
        public IReadOnlyList<string> Values(string schema, string field)
        {
            var property = doc.Component(schema)["properties"]?[field];
            // A map lists the values of its entries.
            if (property?["additionalProperties"] is JsonObject entries) property = entries;
            if (property?["enum"] is JsonArray values) return values.Where(v => v is not null).Select(v => Text(v)).ToList();
            _findings.Add($"{schema}.{field}: the document lists no values");
            return [];
        }

        /// <summary>A value for a closed-list field, which the document must list; the journey names the value it means to send.</summary>
        public string OneOf(string schema, string field, string value)
        {
            var values = Values(schema, field);
            if (values.Count > 0 && !values.Contains(value)) _findings.Add($"{schema}.{field}: '{value}' is not among the documented values {string.Join(", ", values)}");
            return value;
        }

        /// <summary>The keys the document allows in a map, read from its key pattern "^(a|b|c)$"; a finding when it names none.</summary>
        public IReadOnlyList<string> MapKeys(string schema, string field)
        {
            var pattern = doc.Component(schema)["properties"]?[field]?["propertyNames"]?["pattern"]?.GetValue<string>();
            if (pattern is not null && Regex.Match(pattern, @"^\^\(([\w|]+)\)\$$") is { Success: true } m) return m.Groups[1].Value.Split('|');
            _findings.Add($"{schema}.{field}: the document names no keys");
            return [];
        }

        public JsonNode Find(JsonNode? list, string field, string value) =>
            list!.AsArray().FirstOrDefault(x => Text(x![field]) == value) ?? throw new Xunit.Sdk.XunitException($"no {field} = {value} in {list.ToJsonString()}");

        public void AssertNothingLeftToGuess()
        {
            var all = _findings.Concat(contract.Violations).Distinct().ToList();
            Assert.True(all.Count == 0, $"{all.Count} thing(s) the document does not say:\n" + string.Join("\n", all));
        }

        [GeneratedRegex(@"\{(\w+)\}")]
        private static partial Regex PathParameter();
    }
}
