using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Evaluaties;
using Regie.Web.Features.Scenarios;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// The OpenAPI document against the running API: the same operations as the route table, and every status code
/// the API answers in real calls is one the document names. The document is also written to tests/api-lint for
/// the linter in test.sh.
/// </summary>
public sealed class OpenApiDocumentTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = fixture.App.AnonymousClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>"GET /api/v1/households/{id}" for every operation in the document.</summary>
    private static Dictionary<string, JsonElement> Operations(JsonElement doc)
    {
        var operations = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
                operations[$"{op.Name.ToUpperInvariant()} {path.Name}"] = op.Value;
        return operations;
    }

    /// <summary>"GET /api/v1/households/{id}" for every route of the API (under /api/v1) the application maps, constraints dropped.</summary>
    private IReadOnlyList<string> ApiRoutes() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Normalise(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{(\w+)(:[^}]*)?\??\}", "{$1}").TrimEnd('/');

    [Fact]
    public async Task Integrator_finds_every_route_in_the_document_and_nothing_else()
    {
        var documented = Operations(await DocumentAsync()).Keys.Select(k => k.TrimEnd('/')).Order(StringComparer.Ordinal).ToList();
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 60, $"only {routes.Count} API routes found");
        Assert.Equal(routes, documented);
    }

    [Fact]
    public async Task Integrator_sees_three_different_decision_bodies()
    {
        var operations = Operations(await DocumentAsync());
        string BodyRef(string op) => operations[op].GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var application = BodyRef("POST /api/v1/applications/{id}/decision");
        var spend = BodyRef("POST /api/v1/spends/{id}/approve");
        var triage = BodyRef("POST /api/v1/requests/{id}/triage");
        Assert.Equal(3, new[] { application, spend, triage }.Distinct().Count());
        Assert.Equal(spend, BodyRef("POST /api/v1/spends/{id}/refuse"));
        Assert.Equal(spend, BodyRef("POST /api/v1/spends/{id}/cancel"));
    }

    [Fact]
    public async Task Every_error_is_documented_as_a_problem_and_every_operation_names_its_ways_in()
    {
        var doc = await DocumentAsync();
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiSleutel").GetProperty("name").GetString());
        Assert.Equal("cookie", schemes.GetProperty("sessie").GetProperty("in").GetString());
        foreach (var (name, op) in Operations(doc))
        {
            Assert.True(op.TryGetProperty("security", out var security) && security.GetArrayLength() == 2, name);
            foreach (var response in op.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {response.Name}");
        }
    }

    /// <summary>
    /// Every API route as every demo role and anonymously, with an empty body, ids of a real and of an unknown
    /// household: whatever the API answers must be a documented status of that operation, and its body must fit the
    /// schema the document gives for that status (a 2xx JSON answer without one is an undocumented answer).
    /// </summary>
    [Fact]
    public async Task Every_answer_the_api_gives_is_documented()
    {
        var operations = Operations(await DocumentAsync());
        var contract = await ApiContract.OfAsync(fixture.App);
        var bodies = new List<string>();
        var clients = new List<(string Who, HttpClient Client)> { ("anoniem", fixture.App.AnonymousClient()) };
        foreach (var login in DemoSeeder.Logins.DistinctBy(l => l.Role))
            clients.Add((login.Role, await fixture.App.SignedInClientAsync(login.Email)));

        var failures = new List<string>();
        var seen = new Dictionary<string, HashSet<int>>();
        foreach (var (key, op) in operations)
        {
            var documented = op.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var method = key[..key.IndexOf(' ')];
            var pattern = key[(key.IndexOf(' ') + 1)..];
            foreach (var id in new[] { fixture.NoordHousehold, Guid.NewGuid() })
            {
                var path = pattern.Replace("{id}", (pattern.StartsWith("/api/v1/persons", StringComparison.Ordinal) ? fixture.NoordPerson : id).ToString())
                    .Replace("{personId}", fixture.NoordPerson.ToString()).Replace("{number}", "1").Replace("{bsn}", "123456782");
                path = System.Text.RegularExpressions.Regex.Replace(path, @"\{\w+\}", Guid.NewGuid().ToString());
                foreach (var (who, client) in clients)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    (seen.TryGetValue(key, out var s) ? s : seen[key] = []).Add(status);
                    if (!documented.Contains(status))
                        failures.Add($"{method} {path} as {who}: {status}, documented {string.Join(",", documented.Order())}");
                    bodies.AddRange((await contract.CheckAsync(response)).Where(v => !v.StartsWith("undocumented status:", StringComparison.Ordinal)));
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        // One line per operation and status (the answers of all roles and ids that differ in the same way are one finding).
        var differing = bodies.Select(b => b.Split(" — body ")[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} answer(s) differ from the document:\n" + string.Join("\n", differing));
        // The calls reach past authorisation: at least one 2xx and several 400/404s.
        Assert.Contains(seen.Values, s => s.Any(c => c is >= 200 and < 300));
        Assert.Contains(seen.Values, s => s.Contains(400));
        Assert.Contains(seen.Values, s => s.Contains(404));
    }

    [Theory]
    [InlineData("/api/docs")]
    [InlineData("/api/docs/")]
    public async Task Integrator_reads_the_api_reference_without_internet_or_inline_script(string path)
    {
        using var client = fixture.App.AnonymousClient();
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<meta property=\"csp-nonce\" content=\"{nonce}\">", html);
        Assert.DoesNotContain("http", html);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script([^>]*)>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(2, scripts.Count);
        foreach (System.Text.RegularExpressions.Match script in scripts)
        {
            Assert.True(string.IsNullOrWhiteSpace(script.Groups[2].Value), "inline script");
            var src = System.Text.RegularExpressions.Regex.Match(script.Groups[1].Value, "src=\"([^\"]+)\"").Groups[1].Value;
            using var asset = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Contains("javascript", asset.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("data-document=\"/openapi/v1.json\"", html);
    }

    [Fact]
    public async Task Integrator_finds_an_example_body_for_the_main_operations()
    {
        var operations = Operations(await DocumentAsync());
        foreach (var op in new[] { "POST /api/v1/households", "POST /api/v1/requests", "PUT /api/v1/requests/{id}/intake", "POST /api/v1/requests/{id}/triage",
                     "POST /api/v1/households/{id}/plan/goals", "POST /api/v1/referrals/{id}/status", "POST /api/v1/lookup" })
            Assert.Equal(JsonValueKind.Object, operations[op].GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").ValueKind);
    }

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Integrator_reads_the_formats_bounds_and_examples_of_the_scenario_and_evaluation_parameters()
    {
        var operations = Operations(await DocumentAsync());

        // Scenarios: the id is a uuid, a malformed one is a documented 400 problem; the same operations without the apostrophe.
        foreach (var (path, list, get) in new[] { ("/api/v1/scenario's", "ListScenarios", "GetScenario"), ("/api/v1/scenarios", "ListScenariosWithoutApostrophe", "GetScenarioWithoutApostrophe") })
        {
            Assert.Equal(list, operations[$"GET {path}"].GetProperty("operationId").GetString());
            var detail = operations[$"GET {path}/{{id}}"];
            Assert.Equal(get, detail.GetProperty("operationId").GetString());
            var id = Parameter(detail, "id");
            Assert.Equal(("string", "uuid"), (id.GetProperty("schema").GetProperty("type").GetString(), id.GetProperty("schema").GetProperty("format").GetString()));
            var invalid = detail.GetProperty("responses").GetProperty("400");
            Assert.Contains(ScenariosApi.IdInvalidCode, invalid.GetProperty("description").GetString());
            Assert.Equal("#/components/schemas/Problem", invalid.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Contains("/api/v1/scenarios (zonder apostrof", detail.GetProperty("description").GetString());
        }

        // Evaluations: horizon one of 3, 6, 12; voor and na whole months 1 to 36; datum by pattern; teams a list of uuids.
        foreach (var op in new[] { "GET /api/v1/evaluaties/{id}", "GET /api/v1/evaluaties/adhoc" })
        {
            var horizon = Parameter(operations[op], "horizon");
            Assert.Equal("integer", horizon.GetProperty("schema").GetProperty("type").GetString());
            Assert.Equal([3, 6, 12], horizon.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal(12, horizon.GetProperty("example").GetInt32());
            foreach (var (name, example) in new[] { ("voor", 24), ("na", 12) })
            {
                var months = Parameter(operations[op], name);
                var schema = months.GetProperty("schema");
                Assert.Equal(("integer", 1, 36, example), (schema.GetProperty("type").GetString(), schema.GetProperty("minimum").GetInt32(), schema.GetProperty("maximum").GetInt32(), months.GetProperty("example").GetInt32()));
            }
        }
        var datum = Parameter(operations["GET /api/v1/evaluaties/adhoc"], "datum");
        Assert.Equal(EvaluatiesApi.DatumPattern, datum.GetProperty("schema").GetProperty("pattern").GetString());
        Assert.Equal("2025-01-01", datum.GetProperty("example").GetString());
        foreach (var accepted in new[] { "2025-01-01", "01-01-2025", "1-1-2025", "1/1/2025", "1.1.2025" })
        {
            Assert.Matches(EvaluatiesApi.DatumPattern, accepted);
            Assert.True(Regie.Domain.Common.DutchDate.TryParse(accepted, out _), accepted);
        }
        var teams = Parameter(operations["GET /api/v1/evaluaties/adhoc"], "teams");
        Assert.Equal(("array", "uuid"), (teams.GetProperty("schema").GetProperty("type").GetString(), teams.GetProperty("schema").GetProperty("items").GetProperty("format").GetString()));
        Assert.True(Guid.TryParse(teams.GetProperty("example")[0].GetString(), out _));

        // The monitor's parameters, now described by the same shared facts.
        var monitor = operations["GET /api/v1/monitor"];
        Assert.Equal("uuid", Parameter(monitor, "team").GetProperty("schema").GetProperty("format").GetString());
        Assert.Equal(("date", "2026-01-01"), (Parameter(monitor, "van").GetProperty("schema").GetProperty("format").GetString(), Parameter(monitor, "van").GetProperty("example").GetString()));
    }

    [Fact]
    public async Task The_document_is_written_for_the_linter()
    {
        using var client = fixture.App.AnonymousClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        var dir = Path.Combine(TestApp.RepositoryRoot(), "tests", "api-lint");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "openapi.json"), text);
        Assert.Contains("\"openapi\"", text);
    }
}
