using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

public sealed class ApiTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static int _names;

    /// <summary>Each call another surname, so the same-name-and-birth-date warning does not join in.</summary>
    private static object NewHousehold(string bsn, string postcode = "9912 AB", string geboortedatum = "1985-07-03") => new
    {
        adres = new { postcode, huisnummer = "5", woonplaats = "Voorbeeld", straat = "Kerkstraat" },
        leden = new[] { new { rol = "ouder", voornamen = "Api", achternaam = "Aanroeper" + (char)('a' + Interlocked.Increment(ref _names) % 26) + (char)('a' + _names / 26 % 26), geboortedatum, bsn } },
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Contains("\"code\""), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Partner_system_creates_and_reads_a_household_through_the_api()
    {
        using var client = await _app.SignedInClientAsync();
        var bsn = TestApp.NextBsn();
        var created = await client.PostAsJsonAsync("/api/v1/households", NewHousehold(bsn));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/households/{id}", created.Headers.Location?.OriginalString);

        var household = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        Assert.StartsWith("Huishouden Aanroeper", household.GetProperty("naam").GetString());
        Assert.Equal("9912AB", household.GetProperty("adres").GetProperty("postcode").GetString());
        var member = household.GetProperty("leden")[0];
        Assert.Equal(bsn, member.GetProperty("bsn").GetString());
        Assert.Equal("ouder", member.GetProperty("rol").GetString());
        Assert.Equal("1985-07-03", member.GetProperty("geboortedatum").GetString());

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons?bsn={bsn}");
        Assert.Equal("bsn", found.GetProperty("soort").GetString());
        var personId = found.GetProperty("resultaten")[0].GetProperty("id").GetGuid();
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{personId}");
        Assert.Equal(id, person.GetProperty("huidigHuishoudenId").GetGuid());

        var atAddress = await client.GetFromJsonAsync<JsonElement>("/api/v1/households?postcode=9912AB&huisnummer=5");
        Assert.Contains(atAddress.GetProperty("huishoudens").EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);
        Assert.False(atAddress.GetProperty("anderHuishoudenBekend").GetBoolean());

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}/timeline");
        Assert.Equal(3, timeline.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("123456781", "9912 AB", "1985-07-03", "bsn-invalid", "leden[0].bsn")]
    [InlineData(null, "1234 SS", "1985-07-03", "postcode-invalid", "adres.postcode")]
    [InlineData(null, "9912 AB", "2999-01-01", "birthdate-in-future", "leden[0].geboortedatum")]
    public async Task Invalid_input_gets_problem_json_with_a_stable_code_and_nothing_is_saved(string? bsn, string postcode, string birth, string code, string field)
    {
        using var client = await _app.SignedInClientAsync();
        var usedBsn = bsn ?? TestApp.NextBsn();
        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/households", NewHousehold(usedBsn, postcode, birth)), HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal($"urn:regie:problem:{code}", problem.GetProperty("type").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));

        if (bsn is null)
        {
            var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/persons?bsn={usedBsn}");
            Assert.Equal(0, search.GetProperty("resultaten").GetArrayLength());
        }
    }

    [Fact]
    public async Task Searching_with_an_invalid_bsn_gets_bsn_invalid()
    {
        using var client = await _app.SignedInClientAsync();
        var problem = await ProblemAsync(await client.GetAsync("/api/v1/persons?bsn=123456789"), HttpStatusCode.BadRequest);
        Assert.Equal("bsn-invalid", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Malformed_json_gets_problem_json()
    {
        using var client = await _app.SignedInClientAsync();
        var response = await client.PostAsync("/api/v1/households", new StringContent("{\"adres\": ", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request-invalid", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_household_is_a_404_problem()
    {
        using var client = await _app.SignedInClientAsync();
        var problem = await ProblemAsync(await client.GetAsync($"/api/v1/households/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stale_version_gets_409_conflict()
    {
        using var client = await _app.SignedInClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/households", NewHousehold(TestApp.NextBsn()));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = new { adres = new { postcode = "9912 AC", huisnummer = "6", woonplaats = "Voorbeeld" }, versie = 0 };
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/households/{id}/address", body)).StatusCode);
        var second = await client.PutAsJsonAsync($"/api/v1/households/{id}/address", body);
        var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_not_a_login_page()
    {
        using var client = _app.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/households?postcode=9912AB&huisnummer=5")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/households", NewHousehold(TestApp.NextBsn()))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_households_and_persons()
    {
        using var client = _app.AnonymousClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/households", "/api/v1/households/{id}", "/api/v1/persons", "/api/v1/persons/{id}", "/api/v1/persons/{id}/move" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.Equal("Regie API", doc.GetProperty("info").GetProperty("title").GetString());
    }
}
