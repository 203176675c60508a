using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Tests;

public sealed partial class TwoFactorTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static string Totp(string base32Key, DateTimeOffset at) => Regie.Testing.Totp.Code(base32Key, at);

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretPattern();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string tokenPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TestApp.AntiforgeryTokenAsync(client, tokenPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Functional_admin_must_set_up_two_factor_and_then_signs_in_with_a_code()
    {
        using var admin = await _app.SignedInClientAsync("beheerder@voorbeeld.nl");
        var start = await admin.GetAsync("/start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/account/tweestapsverificatie", new Uri(_app.BaseAddress, start.Headers.Location!).AbsolutePath);

        var setup = await admin.GetStringAsync("/account/tweestapsverificatie");
        Assert.Contains("moet u tweestapsverificatie aanzetten", setup);
        var secret = SecretPattern().Match(setup).Groups[1].Value;
        Assert.NotEmpty(secret);

        var wrong = await PostAsync(admin, "/account/tweestapsverificatie", "/account/tweestapsverificatie", new() { ["Code"] = "000000" });
        Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync());

        var enabled = await PostAsync(admin, "/account/tweestapsverificatie", "/account/tweestapsverificatie", new() { ["Code"] = Totp(secret, DateTimeOffset.UtcNow) });
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Bewaar deze herstelcodes", enabledHtml);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/start")).StatusCode);

        // Next sign-in: password, then code.
        using var again = _app.AnonymousClient();
        var password = await PostAsync(again, "/inloggen", "/inloggen", new() { ["Input.Email"] = "beheerder@voorbeeld.nl", ["Input.Wachtwoord"] = DemoSeeder.Password });
        Assert.Equal("/inloggen/code", new Uri(_app.BaseAddress, password.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/start")).StatusCode);

        var bad = await PostAsync(again, "/inloggen/code", "/inloggen/code", new() { ["Code"] = "123456" });
        Assert.Contains("Deze code klopt niet", await bad.Content.ReadAsStringAsync());
        var good = await PostAsync(again, "/inloggen/code", "/inloggen/code", new() { ["Code"] = Totp(secret, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/start")).StatusCode);
    }

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();

    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var client = _app.AnonymousClient();
        var password = await PostAsync(client, "/inloggen", "/inloggen", new() { ["Input.Email"] = email, ["Input.Wachtwoord"] = DemoSeeder.Password });
        Assert.Equal("/inloggen/code", new Uri(_app.BaseAddress, password.Headers.Location!).AbsolutePath);
        return client;
    }

    [Fact]
    public async Task Consultant_turns_on_two_factor_and_signs_in_once_with_a_recovery_code_after_losing_the_phone()
    {
        const string email = "consulent@voorbeeld.nl";
        using (var setupClient = await _app.SignedInClientAsync(email))
        {
            var setup = await setupClient.GetStringAsync("/account/tweestapsverificatie");
            Assert.DoesNotContain("moet u tweestapsverificatie aanzetten", setup);
            var secret = SecretPattern().Match(setup).Groups[1].Value;
            var enabled = await PostAsync(setupClient, "/account/tweestapsverificatie", "/account/tweestapsverificatie", new() { ["Code"] = Totp(secret, DateTimeOffset.UtcNow) });
            var codes = RecoveryCodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, codes.Count);
            Assert.Equal(10, codes.Distinct().Count());

            using var lostPhone = await PasswordStepAsync(email);
            // Typed the way people do: without the dash, in lower case.
            var recovered = await PostAsync(lostPhone, "/inloggen/code", "/inloggen/code", new() { ["Code"] = codes[0].Replace("-", "").ToLowerInvariant() });
            Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await lostPhone.GetAsync("/start")).StatusCode);

            using var replay = await PasswordStepAsync(email);
            var reused = await PostAsync(replay, "/inloggen/code", "/inloggen/code", new() { ["Code"] = codes[0] });
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("Deze code klopt niet", await reused.Content.ReadAsStringAsync());

            // Not an admin: may turn it off again, and then signs in with the password alone.
            await PostAsync(setupClient, "/account/tweestapsverificatie?handler=Uitzetten", "/account/tweestapsverificatie", []);
        }
        using var plain = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/start")).StatusCode);
    }

    [Fact]
    public void Totp_helper_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → last 6 digits.
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
        Assert.Equal("287082", Totp(key, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    private const string Page = "/account/tweestapsverificatie";

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Admin_session_signed_in_with_the_password_alone_cannot_call_the_api()
    {
        var email = await _app.CreateAccountAsync(Roles.Beheerder);
        using var admin = await _app.SignedInClientAsync(email);

        var read = await ProblemAsync(await admin.GetAsync("/api/v1/triage-settings"));
        Assert.Equal("two-factor-required", read.GetProperty("code").GetString());
        Assert.Equal("two-factor-required", read.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.StartsWith("Als functioneel beheerder gebruikt u de API met uw sessie pas als u met tweestapsverificatie bent ingelogd.",
            read.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var write = await admin.PutAsync("/api/v1/triage-settings/", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("two-factor-required", (await ProblemAsync(write)).GetProperty("code").GetString());

        // The same session, once two-factor sign-in is on, gets through.
        var secret = TestApp.SecretPattern().Match(await admin.GetStringAsync(Page)).Groups[1].Value;
        Assert.Contains("Bewaar deze herstelcodes", await (await PostAsync(admin, Page, Page, new() { ["Code"] = Totp(secret, DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/triage-settings")).StatusCode);

        // Another system's key with the admin's role is not a person's session: it has no second factor to give.
        var key = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("Regionale sociale kaart", Roles.Beheerder, TestApp.Gemeentecode, "test", default);
        using var system = _app.AnonymousClient();
        system.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key.Value.Key);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/v1/triage-settings")).StatusCode);
    }
}
