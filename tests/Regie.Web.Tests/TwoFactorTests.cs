using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

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

            // Not an admin: may turn it off again (with a current code), and then signs in with the password alone.
            var off = await PostAsync(setupClient, "/account/tweestapsverificatie?handler=Uitzetten", "/account/tweestapsverificatie", new() { ["HuidigeCode"] = Totp(secret, DateTimeOffset.UtcNow) });
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
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

    /// <summary>A 6-digit code that is none of the codes the key accepts now (two steps either way).</summary>
    private static string WrongCode(string secret)
    {
        var valid = Enumerable.Range(-2, 5).Select(i => Totp(secret, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>A whole sign-in, password and then the code: did it get in?</summary>
    private async Task<bool> SignsInWithCodeAsync(string email, string code)
    {
        using var client = await PasswordStepAsync(email);
        var response = await PostAsync(client, "/inloggen/code", "/inloggen/code", new() { ["Code"] = code });
        return response.StatusCode == HttpStatusCode.Redirect && (await client.GetAsync("/start")).StatusCode == HttpStatusCode.OK;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<List<string?>> TwoFactorAuditAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(e => e.Resource == AuditResources.TwoFactor).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
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

    [Fact]
    public async Task Stolen_session_cannot_see_or_replace_the_authenticator_without_the_current_code()
    {
        var (session, email, secret) = await _app.SignedInWithTwoFactorAsync(Roles.Consulent);
        var page = await session.GetStringAsync(Page);
        Assert.Contains("Tweestapsverificatie staat aan voor uw account.", page);
        Assert.DoesNotMatch(TestApp.SecretPattern(), page);
        // Without JavaScript: one field, and a second button that sends it to the other handler.
        Assert.Contains("formaction=\"/account/tweestapsverificatie?handler=Uitzetten\"", page);

        var empty = await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"HuidigeCode-error\">Vul een code uit uw huidige app in, of een herstelcode.</div>", empty);
        Assert.DoesNotMatch(TestApp.SecretPattern(), empty);
        var wrong = await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = WrongCode(secret) })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"HuidigeCode-error\">Deze code klopt niet. Vul de nieuwste code uit uw huidige app in, of een herstelcode.</div>", wrong);
        Assert.DoesNotMatch(TestApp.SecretPattern(), wrong);
        // A key of the thief's own, sent as if the page had shown it, is not taken.
        var forged = await (await PostAsync(session, Page + "?handler=Bevestigen", Page, new() { ["NieuweSleutel"] = "JBSWY3DPEHPK3PXP", ["Code"] = Totp("JBSWY3DPEHPK3PXP", DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync();
        Assert.Contains("De nieuwe sleutel is verlopen of hoort niet bij deze sessie.", forged);
        Assert.True(await SignsInWithCodeAsync(email, Totp(secret, DateTimeOffset.UtcNow)));

        // With the current code the new key is shown; the old app keeps working until the new one gives a right code.
        var shown = await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = Totp(secret, DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync();
        var newSecret = TestApp.SecretPattern().Match(shown).Groups[1].Value;
        Assert.NotEmpty(newSecret);
        Assert.NotEqual(secret, newSecret);
        var protectedKey = WebUtility.HtmlDecode(Regex.Match(shown, "name=\"NieuweSleutel\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.DoesNotContain(newSecret, protectedKey, StringComparison.Ordinal);
        Assert.True(await SignsInWithCodeAsync(email, Totp(secret, DateTimeOffset.UtcNow)));

        var mistyped = await (await PostAsync(session, Page + "?handler=Bevestigen", Page, new() { ["NieuweSleutel"] = protectedKey, ["Code"] = WrongCode(newSecret) })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"Code-error\">Deze code klopt niet. Vul de nieuwste code uit de nieuwe app in", mistyped);
        Assert.Contains($"secret={newSecret}", mistyped);
        var confirmed = await (await PostAsync(session, Page + "?handler=Bevestigen", Page, new() { ["NieuweSleutel"] = protectedKey, ["Code"] = Totp(newSecret, DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync();
        Assert.Equal(10, RecoveryCodePattern().Matches(confirmed).Count);

        Assert.False(await SignsInWithCodeAsync(email, Totp(secret, DateTimeOffset.UtcNow)));
        Assert.True(await SignsInWithCodeAsync(email, Totp(newSecret, DateTimeOffset.UtcNow)));
        // The same protected key cannot be used twice: the account changed since it was shown.
        var replayed = await (await PostAsync(session, Page + "?handler=Bevestigen", Page, new() { ["NieuweSleutel"] = protectedKey, ["Code"] = Totp(newSecret, DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync();
        Assert.Contains("De nieuwe sleutel is verlopen of hoort niet bij deze sessie.", replayed);
        Assert.Contains("andere authenticator-app ingesteld", await TwoFactorAuditAsync());
    }

    [Fact]
    public async Task Stolen_session_cannot_turn_two_factor_off_without_the_current_code()
    {
        var (session, email, secret) = await _app.SignedInWithTwoFactorAsync(Roles.Consulent);
        var wrong = await PostAsync(session, Page + "?handler=Uitzetten", Page, new() { ["HuidigeCode"] = WrongCode(secret) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"HuidigeCode-error\">Deze code klopt niet.", await wrong.Content.ReadAsStringAsync());
        var none = await PostAsync(session, Page + "?handler=Uitzetten", Page, []);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("id=\"HuidigeCode-error\">Vul een code uit uw huidige app in, of een herstelcode.</div>", await none.Content.ReadAsStringAsync());
        // Still on: the password alone does not get in.
        using (await PasswordStepAsync(email)) { }

        // A recovery code is proof too (for someone whose phone is gone but who kept the codes), once.
        List<string> codes;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<RegieUser>>();
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        }
        var off = await PostAsync(session, Page + "?handler=Uitzetten", Page, new() { ["HuidigeCode"] = codes[0].Replace("-", "").ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        using var plain = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/start")).StatusCode);
        Assert.Contains("tweestapsverificatie uitgezet", await TwoFactorAuditAsync());
    }

    [Fact]
    public async Task Stolen_session_guessing_the_current_code_locks_the_account_after_five_tries()
    {
        var (session, email, secret) = await _app.SignedInWithTwoFactorAsync(Roles.Consulent);
        var wrong = WrongCode(secret);
        for (var i = 0; i < 4; i++)
            Assert.Contains("Deze code klopt niet.", await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = wrong })).Content.ReadAsStringAsync());
        Assert.Contains("Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd.",
            await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = wrong })).Content.ReadAsStringAsync());
        // Locked: now even the right code shows no key.
        var locked = await (await PostAsync(session, Page + "?handler=Vervangen", Page, new() { ["HuidigeCode"] = Totp(secret, DateTimeOffset.UtcNow) })).Content.ReadAsStringAsync();
        Assert.Contains("Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd.", locked);
        Assert.DoesNotMatch(TestApp.SecretPattern(), locked);
        // The lockout is the account's, as after wrong codes at sign-in.
        using var client = _app.AnonymousClient();
        var login = await PostAsync(client, "/inloggen", "/inloggen", new() { ["Input.Email"] = email, ["Input.Wachtwoord"] = DemoSeeder.Password });
        Assert.Contains("Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd.", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_resets_the_two_factor_of_a_colleague_who_lost_the_phone_and_it_is_audited()
    {
        var (admin, adminEmail, _) = await _app.SignedInWithTwoFactorAsync(Roles.Beheerder);
        var (_, email, secret) = await _app.SignedInWithTwoFactorAsync(Roles.Consulent);
        string id, adminId;
        await using (var scope = _app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users;
            id = await users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            adminId = await users.Where(u => u.Email == adminEmail).Select(u => u.Id).SingleAsync();
        }
        var reset = $"/beheer/medewerkers/{id}/tweestapsverificatie";
        Assert.Contains($"href=\"{reset}\"", await admin.GetStringAsync("/beheer/medewerkers"));

        var noReason = await (await PostAsync(admin, reset, reset, new() { ["Input.Reden"] = "kwijt" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Reden-error\">Schrijf op waarom (ten minste 10 tekens)", noReason);
        // Not one's own: a stolen admin session could otherwise swap its own second factor without the current code.
        var own = $"/beheer/medewerkers/{adminId}/tweestapsverificatie";
        Assert.Contains("Uw eigen tweestapsverificatie herstelt u niet zelf",
            await (await PostAsync(admin, own, own, new() { ["Input.Reden"] = "telefoon in de trein laten liggen" })).Content.ReadAsStringAsync());
        Assert.True(await SignsInWithCodeAsync(email, Totp(secret, DateTimeOffset.UtcNow)));

        var done = await PostAsync(admin, reset, reset, new() { ["Input.Reden"] = "telefoon verloren, teruggebeld op het bekende nummer" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/beheer/medewerkers", done.Headers.Location!.OriginalString);

        // The old app no longer counts: the password gets in, and the colleague sets up a new app.
        using var again = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/start")).StatusCode);
        var newSecret = TestApp.SecretPattern().Match(await again.GetStringAsync(Page)).Groups[1].Value;
        Assert.NotEmpty(newSecret);
        Assert.NotEqual(secret, newSecret);
        var entry = Assert.Single(await TwoFactorAuditAsync(), d => d!.Contains("hersteld", StringComparison.Ordinal));
        Assert.Equal($"tweestapsverificatie van Test {Roles.Label(Roles.Consulent)} ({email}) hersteld: telefoon verloren, teruggebeld op het bekende nummer", entry);
    }
}
