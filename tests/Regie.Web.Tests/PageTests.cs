using System.Net;

namespace Regie.Web.Tests;

/// <summary>The pages as a browser without JavaScript uses them: plain GETs and form posts with the antiforgery token.</summary>
public sealed class PageTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = _app.AnonymousClient();
        var response = await client.GetAsync("/huishoudens/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/inloggen", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_gets_one_message_that_reveals_nothing()
    {
        using var client = _app.AnonymousClient();
        foreach (var email in new[] { "regisseur.zuid@voorbeeld.nl", "bestaat.niet@voorbeeld.nl" })
        {
            var token = await TestApp.AntiforgeryTokenAsync(client, "/inloggen");
            var response = await client.PostAsync("/inloggen", Form(token, ("Input.Email", email), ("Input.Wachtwoord", "fout-wachtwoord-123")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Household_form_works_without_javascript()
    {
        using var client = await _app.SignedInClientAsync();
        var token = await TestApp.AntiforgeryTokenAsync(client, "/huishoudens/nieuw");
        var bsn = TestApp.NextBsn();
        var response = await client.PostAsync("/huishoudens/nieuw", Form(token,
            ("Input.Adres.Postcode", "9941 ef"), ("Input.Adres.Huisnummer", "8"), ("Input.Adres.Woonplaats", "Voorbeeld"),
            ("Input.Leden[0].Rol", "Ouder"), ("Input.Leden[0].Voornamen", "Formulier"), ("Input.Leden[0].Achternaam", "Zonderjs"),
            ("Input.Leden[0].Geboortedatum", "01-02-1980"), ("Input.Leden[0].Bsn", bsn),
            ("Input.Leden[1].Rol", "Kind"), ("Input.Leden[1].Voornamen", "Kleintje"), ("Input.Leden[1].Achternaam", "Zonderjs"),
            ("Input.Leden[1].Geboortedatum", "01-02-2019"),
            ("Input.Leden[2].Rol", "Ouder"))); // a blank row with only the default role is skipped

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Huishouden Zonderjs", page);
        Assert.Contains("9941 EF Voorbeeld", page);
        Assert.Contains("Kleintje Zonderjs", page);
        Assert.Contains("Kleintje Zonderjs toegevoegd als kind", page);

        var search = await client.GetStringAsync($"/?q={bsn}");
        Assert.Contains("Zonderjs, Formulier", search);
    }

    [Fact]
    public async Task Bad_input_shows_Dutch_messages_at_the_fields_and_keeps_what_was_typed()
    {
        using var client = await _app.SignedInClientAsync();
        var token = await TestApp.AntiforgeryTokenAsync(client, "/huishoudens/nieuw");
        var response = await client.PostAsync("/huishoudens/nieuw", Form(token,
            ("Input.Adres.Postcode", "1234 SS"), ("Input.Adres.Huisnummer", "8"), ("Input.Adres.Woonplaats", "Voorbeeld"),
            ("Input.Leden[0].Rol", "Ouder"), ("Input.Leden[0].Voornamen", "Fout"), ("Input.Leden[0].Achternaam", "Invoerder"),
            ("Input.Leden[0].Geboortedatum", "01-02-2999"), ("Input.Leden[0].Bsn", "123456781")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Controleer de gegevens", html);
        Assert.Contains("id=\"Input_Adres_Postcode-error\"", html);
        Assert.Contains("Postcodes met de letters SS bestaan niet", html);
        Assert.Contains("id=\"Input_Leden_0__Bsn-error\"", html);
        Assert.Contains("elfproef", html);
        Assert.Contains("De geboortedatum ligt in de toekomst.", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Invoerder\"", html);

        var search = await client.GetStringAsync("/?q=Invoerder");
        Assert.Contains("Niemand gevonden", search);
    }

    [Fact]
    public async Task Search_box_explains_a_search_that_is_too_short()
    {
        using var client = await _app.SignedInClientAsync();
        var html = await client.GetStringAsync("/?q=a");
        Assert.Contains("Typ minstens 2 tekens", html);
    }

    [Fact]
    public async Task Unknown_household_page_is_a_Dutch_404()
    {
        using var client = await _app.SignedInClientAsync();
        var response = await client.GetAsync($"/huishoudens/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var client = _app.AnonymousClient();
        var response = await client.GetAsync("/inloggen");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Many_login_attempts_from_one_address_get_429()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "3" });
        using var client = app.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@voorbeeld.nl", ["Input.Wachtwoord"] = "fout" }));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var last = await client.PostAsync("/inloggen", new FormUrlEncodedContent([]));
        Assert.Contains("Te veel inlogpogingen", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inloggen")).StatusCode);
    }
}
