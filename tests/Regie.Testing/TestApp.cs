using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Text.RegularExpressions;

namespace Regie.Testing;

/// <summary>
/// The real Regie (same composition root as production) on a free loopback port, on a fresh
/// real database, with the demo municipality's organisation and accounts. Handlers are
/// resolved from its container, HTTP goes over the socket.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public const string Gemeentecode = DemoSeeder.Gemeentecode;
    private static readonly object BsnLock = new();
    private static IEnumerator<string>? _bsns;

    private TestApp(WebApplication app, TestDatabase db)
    {
        App = app;
        Database = db;
    }

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public Uri BaseAddress => new(App.Urls.First());
    public IServiceProvider Services => App.Services;

    /// <summary>The Data Protection key ring every test app shares (application name "Regie", as in production).</summary>
    public static string KeysPath { get; } = Path.Combine(Path.GetTempPath(), "regie-tests", "keys");

    /// <param name="clock">The application's clock, for tests that move time forward (<see cref="ShiftedClock"/>).</param>
    public static async Task<TestApp> StartAsync(int demoHouseholds = 0, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var db = await TestDatabase.CreateAsync();
        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.Provider.ToString(),
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:SeedOnFirstStart"] = "false",
            ["Logging:Format"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Urls"] = "http://127.0.0.1:0",
            // Tests sign in far more often than people do, all from 127.0.0.1.
            ["Security:LoginAttemptsPerMinute"] = "10000",
            ["Security:ApiRequestsPerMinute"] = "0",
            // Tests run retention themselves, at a moment they choose.
            ["Retention:JobEnabled"] = "false",
            ["Involvement:ExpiryJobEnabled"] = "false",
            ["Monitor:RefreshJobEnabled"] = "false",
            // Look-ups are audited in the trail at once; AuditJournalTests switch the journal on and drain it themselves.
            ["Audit:Journal:Enabled"] = "false",
            ["DataProtection:KeysPath"] = KeysPath,
        };
        if (settings is not null) foreach (var kv in settings) config[kv.Key] = kv.Value;

        var app = RegieApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(config);
                if (clock is not null) b.Services.AddSingleton(clock);
            },
            webRootPath: Path.Combine(RepositoryRoot(), "src", "Regie.Web", "wwwroot"));
        try
        {
            await Startup.PrepareAsync(app.Services, app.Configuration, CancellationToken.None);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                await seeder.SeedOrganisationAsync(CancellationToken.None);
                if (demoHouseholds > 0) await seeder.SeedHouseholdsAsync(demoHouseholds, null, CancellationToken.None, randomSeed: 42);
            }
            await app.StartAsync();
        }
        catch
        {
            // A start that is refused (tests check that too) leaves no server and no database behind.
            await app.DisposeAsync();
            await db.DisposeAsync();
            throw;
        }
        return new TestApp(app, db);
    }

    /// <summary>A scope acting as a signed-in professional of the demo municipality, for calling handlers directly.</summary>
    public AsyncServiceScope Scope(string actorName = "Test Regisseur")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Gemeentecode, "test-user", actorName);
        return scope;
    }

    /// <summary>
    /// A test BSN that no other test in this run used. Taken from the top of the test range,
    /// so it never meets the demo seed, which starts at the bottom.
    /// </summary>
    public static string NextBsn()
    {
        lock (BsnLock)
        {
            _bsns ??= Bsn.TestNumbers().Reverse().GetEnumerator();
            if (!_bsns.MoveNext()) throw new InvalidOperationException("Test BSNs exhausted.");
            return _bsns.Current;
        }
    }

    /// <summary>An HttpClient with its own cookie jar, signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = "regisseur@voorbeeld.nl")
    {
        var client = AnonymousClient();
        var token = await AntiforgeryTokenAsync(client, "/inloggen");
        var response = await client.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Wachtwoord"] = DemoSeeder.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A new account of the demo municipality with the demo password, for tests that change an account's sign-in.</summary>
    public async Task<string> CreateAccountAsync(string role, string? team = null)
    {
        var email = $"{role}.{Guid.NewGuid().ToString("N")[..10]}@voorbeeld.nl";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegieUser>>();
        var user = new RegieUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {Roles.Label(role)}", Gemeentecode = Gemeentecode,
            // No one is signed in here, so the municipality's filter is replaced by its code.
            TeamId = team is null ? null : scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.IgnoreQueryFilters()
                .Single(t => t.Gemeentecode == Gemeentecode && t.Name == team).Id,
        };
        Check(await users.CreateAsync(user, DemoSeeder.Password));
        Check(await users.AddToRoleAsync(user, role));
        return email;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A client signed in as a new account that set up two-factor sign-in through the real page; with its authenticator key.</summary>
    public async Task<(HttpClient Client, string Email, string Secret)> SignedInWithTwoFactorAsync(string role)
    {
        var email = await CreateAccountAsync(role);
        var client = await SignedInClientAsync(email);
        var secret = SecretPattern().Match(await client.GetStringAsync("/account/tweestapsverificatie")).Groups[1].Value;
        var enabled = await client.PostAsync("/account/tweestapsverificatie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.Now(secret),
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/account/tweestapsverificatie"),
        }));
        if (!(await enabled.Content.ReadAsStringAsync()).Contains("Bewaar deze herstelcodes", StringComparison.Ordinal))
            throw new InvalidOperationException($"Two-factor set-up for {email} failed: {(int)enabled.StatusCode}");
        return (client, email, secret);
    }

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    public static partial Regex SecretPattern();

    public HttpClient AnonymousClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// A form as the page sends it: the antiforgery token from <paramref name="page"/>, the fields by POST to
    /// <paramref name="action"/> (the page itself when null). For the forms that keep a BSN out of the URL.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page) };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    /// <summary>The privacy officer's inzage page for a BSN (the page, or with <paramref name="json"/> the JSON download).</summary>
    public static async Task<string> InzageAsync(HttpClient privacy, string bsn, bool json = false) =>
        await (await PostFormAsync(privacy, "/privacy/inzage", new Dictionary<string, string> { ["Bsn"] = bsn },
            json ? "/privacy/inzage?handler=Json" : null)).Content.ReadAsStringAsync();

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Regie.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Regie.slnx) not found.");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
