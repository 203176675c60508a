using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Issue 18: every error answer of the API is problem+json with a stable code; a malformed body is a 400, never a 500.</summary>
public sealed class ApiErrorContractTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal($"urn:regie:problem:{code}", problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("POST", "/api/v1/households", """{"adres": null, "leden": []}""", "adres")]
    [InlineData("POST", "/api/v1/households", """{"adres": {"postcode": "9912AB", "huisnummer": "5"}, "leden": null}""", "leden")]
    [InlineData("POST", "/api/v1/households", """{"adres": {"postcode": "9912AB", "huisnummer": "5"}, "leden": [null]}""", "leden[0]")]
    [InlineData("PUT", "/api/v1/households/{id}/address", """{"adres": null, "versie": 0}""", "adres")]
    [InlineData("POST", "/api/v1/households/{id}/assessments", """{"scores": null}""", "scores")]
    [InlineData("PUT", "/api/v1/households/{id}/plan", """{"kaders": null, "versie": 0}""", "kaders")]
    [InlineData("PUT", "/api/v1/households/{id}/plan", """{"kaders": [null], "versie": 0}""", "kaders[0]")]
    [InlineData("POST", "/api/v1/households/{id}/trajectories/close", """{"uitkomsten": null, "versie": 0}""", "uitkomsten")]
    [InlineData("PUT", "/api/v1/requests/{id}/intake", """{"scores": null, "versie": 0}""", "scores")]
    [InlineData("POST", "/api/v1/households/{id}/meldcode/signals", """{"wat": "x", "doorWie": "y", "personen": null}""", "personen")]
    [InlineData("POST", "/api/v1/households/{id}/meldcode/{id}/weighings", """{"afweging": null, "onderbouwing": {}, "versie": 1}""", "afweging")]
    [InlineData("POST", "/api/v1/households/{id}/meldcode/{id}/decision", """{"besluit": "HulpGeorganiseerd", "toelichting": "x", "doelen": null, "versie": 1}""", "doelen")]
    public async Task Worker_sending_null_for_a_list_or_object_gets_400_naming_the_field_and_nothing_changes(string method, string route, string body, string field)
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var householdsBefore = (await client.GetFromJsonAsync<JsonElement>("/api/v1/households?postcode=9912AB&huisnummer=5")).GetProperty("huishoudens").GetArrayLength();
        var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{id}", Guid.NewGuid().ToString())) { Content = Json(body) };
        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "request-invalid");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal("request-invalid", error.GetProperty("code").GetString());
        Assert.Equal(householdsBefore, (await client.GetFromJsonAsync<JsonElement>("/api/v1/households?postcode=9912AB&huisnummer=5")).GetProperty("huishoudens").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"adres": "Kerkstraat 5", "leden": []}""", "adres")]
    [InlineData("""{"adres": {"postcode": "9912AB", "huisnummer": "5"}, "leden": {"bsn": "1"}}""", "leden")]
    [InlineData("""{"adres": """, "adres")]
    public async Task Worker_sending_json_of_the_wrong_shape_gets_request_invalid(string body, string field)
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var problem = await ProblemAsync(await client.PostAsync("/api/v1/households", Json(body)), HttpStatusCode.BadRequest, "request-invalid");
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"adres": {"postcode": "9912AB", "huisnummer": "5"}, "leden": [], "ledne": []}""", "ledne")]
    [InlineData("""{"adres": {"postcode": "9912AB", "huisnummer": "5", "huisnummer": "7"}, "leden": []}""", "adres.huisnummer")]
    public async Task Worker_sending_a_misspelt_or_repeated_field_gets_400_naming_it_instead_of_it_being_ignored(string body, string field)
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var problem = await ProblemAsync(await client.PostAsync("/api/v1/households", Json(body)), HttpStatusCode.BadRequest, "request-invalid");
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Worker_sending_a_body_over_the_servers_limit_gets_413_request_too_large()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        // As curl does for a large body: the server refuses on the length before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var huge = "{\"adres\": {\"straat\": \"" + new string('a', 31 * 1024 * 1024) + "\"}, \"leden\": []}";
        await ProblemAsync(await client.PostAsync("/api/v1/households", Json(huge)), HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Theory]
    [InlineData("Leden[0].Bsn", "leden[0].bsn")]
    [InlineData("Adres.Postcode", "adres.postcode")]
    [InlineData("Scores[Financien]", "scores.Financien")]
    [InlineData("Scores[3f2504e0-4f89-11d3-9a0c-0305e82c3301:Huisvesting]", "scores.3f2504e0-4f89-11d3-9a0c-0305e82c3301:Huisvesting")]
    [InlineData("Producten[0].Van", "producten[0].van")]
    [InlineData("", "")]
    public void Rule_fields_are_named_as_the_body_names_them(string rule, string json) =>
        Assert.Equal(json, Regie.Web.Features.Api.ApiResults.JsonField(rule));

    [Fact]
    public async Task Worker_sending_a_form_instead_of_json_gets_415_unsupported_media_type()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var response = await client.PostAsync("/api/v1/households", new StringContent("adres=x", Encoding.UTF8, "text/plain"));
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_unauthenticated_as_problem_json()
    {
        using var client = _app.AnonymousClient();
        await ProblemAsync(await client.GetAsync("/api/v1/households?postcode=9912AB&huisnummer=5"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Policy_officer_refused_by_a_role_policy_gets_403_forbidden_as_problem_json()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        await ProblemAsync(await client.PostAsync("/api/v1/households", Json("{}")), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Caller_of_an_unknown_api_route_gets_404_not_found_as_problem_json()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        await ProblemAsync(await client.GetAsync("/api/v1/huishoudens-bestaat-niet"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Caller_using_the_wrong_method_gets_405_method_not_allowed_as_problem_json()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        await ProblemAsync(await client.DeleteAsync("/api/v1/households"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }
}
