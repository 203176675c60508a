using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using Regie.Web.Infrastructure.Demo;

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
            // Tests run retention themselves, at a moment they choose.
            ["Retention:JobEnabled"] = "false",
            ["Involvement:ExpiryJobEnabled"] = "false",
            ["Monitor:RefreshJobEnabled"] = "false",
            // Look-ups are audited in the trail at once; AuditJournalTests switch the journal on and drain it themselves.
            ["Audit:Journal:Enabled"] = "false",
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "regie-tests", "keys"),
        };
        if (settings is not null) foreach (var kv in settings) config[kv.Key] = kv.Value;

        var app = RegieApp.Build([], b =>
            {
                b.Configuration.AddInMemoryCollection(config);
                if (clock is not null) b.Services.AddSingleton(clock);
            },
            webRootPath: Path.Combine(RepositoryRoot(), "src", "Regie.Web", "wwwroot"));
        await Startup.PrepareAsync(app.Services, app.Configuration, CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedOrganisationAsync(CancellationToken.None);
            if (demoHouseholds > 0) await seeder.SeedHouseholdsAsync(demoHouseholds, null, CancellationToken.None, randomSeed: 42);
        }
        await app.StartAsync();
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

    public HttpClient AnonymousClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

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
