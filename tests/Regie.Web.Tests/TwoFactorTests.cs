using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Tests;

public sealed partial class TwoFactorTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written here so the test checks Regie against the standard, not against itself.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key.Replace(" ", "").ToUpperInvariant());
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(s.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

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
}
