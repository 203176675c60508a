namespace Regie.Browser.Tests;

/// <summary>
/// One running Regie and one Chromium per test class; every test gets its own browser context,
/// so cookies and storage never leak between tests.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    // The machine has no network: without these Chromium keeps trying to reach Google's services.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private string? _signedInState;
    private readonly SemaphoreSlim _signInLock = new(1, 1);

    protected virtual int DemoHouseholds => 0;

    /// <summary>The application's clock; null is the real one.</summary>
    protected virtual TimeProvider? AppClock => null;

    public TestApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    private const string Chromium = "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        // Playwright's own browser download cannot work here (no network); the Debian package is the browser.
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (test.sh does this).");
        var starting = TestApp.StartAsync(demoHouseholds: DemoHouseholds, clock: AppClock);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        App = await starting;
    }

    /// <summary>A fresh context; signed in as the demo professional unless <paramref name="signedIn"/> is false.</summary>
    public async Task<BrowserSession> NewSessionAsync(bool signedIn = true, bool javaScript = true)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScript,
            StorageState = signedIn ? await SignedInStateAsync() : null,
        };
        return await BrowserSession.OpenAsync(await Browser.NewContextAsync(options));
    }

    /// <summary>Signing in hashes a password; once per class is enough for tests that are not about signing in.</summary>
    private async Task<string> SignedInStateAsync()
    {
        await _signInLock.WaitAsync();
        try
        {
            if (_signedInState is not null) return _signedInState;
            await using var session = await NewSessionAsync(signedIn: false);
            await session.SignInAsync();
            _signedInState = await session.Context.StorageStateAsync();
            return _signedInState;
        }
        finally
        {
            _signInLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        _signInLock.Dispose();
    }
}

/// <summary>The demo seed with its story households (Huishouden de Wit, Huishouden Bakker) and some random ones.</summary>
public sealed class SeededBrowserFixture : BrowserFixture
{
    protected override int DemoHouseholds => 30;
}

/// <summary>
/// The demo seed with a clock the test moves forward, for what happens later than a test can wait: a meeting planned for
/// tomorrow that is then held. Only what the application reads as now moves; timers and the browser keep real time.
/// </summary>
public sealed class ShiftedSeededBrowserFixture : BrowserFixture
{
    public ShiftedClock Clock { get; } = new();
    protected override int DemoHouseholds => 30;
    protected override TimeProvider? AppClock => Clock;
}

/// <summary>Only the demo organisation and accounts: each test creates the households it needs.</summary>
public sealed class EmptyBrowserFixture : BrowserFixture;
