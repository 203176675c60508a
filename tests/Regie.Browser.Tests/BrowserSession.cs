using Regie.Web.Infrastructure.Demo;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Regie.Browser.Tests;

/// <summary>
/// One browser context with one page. Collects what a person would not see but a tester must:
/// Content-Security-Policy violations, script errors and failed sub-resources.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    // Served under the app's own origin so axe loads with the site's real CSP (script-src 'self') in force.
    private const string AxeUrl = "/__browser-tests/axe.min.js";
    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private readonly List<string> _problems = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context)
    {
        await context.RouteAsync("**" + AxeUrl, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = AxePath,
            ContentType = "text/javascript; charset=utf-8",
        }));
        // Every page here answers within a second; a failing test should not wait half a minute to say so.
        context.SetDefaultTimeout(10_000);
        var session = new BrowserSession(context, await context.NewPageAsync());
        session.Watch();
        return session;
    }

    private void Watch()
    {
        Page.Console += (_, msg) =>
        {
            if (msg.Type == "error" && msg.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                Add($"CSP violation on {Page.Url}: {msg.Text}");
        };
        Page.PageError += (_, error) => Add($"Script error on {Page.Url}: {error}");
        Page.Response += (_, response) =>
        {
            // Error pages themselves are expected in some tests; a missing stylesheet or script never is.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
        };
        Page.RequestFailed += (_, request) => Add($"Request failed: {request.Url} ({request.Failure})");
    }

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    /// <summary>Opens a path and checks the status code the server answered with.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"GET {path}: expected {expectedStatus}, got {response.Status} ({Page.Url})");
        return response;
    }

    public async Task SignInAsync(string email = "regisseur@voorbeeld.nl", string password = DemoSeeder.Password)
    {
        await GotoAsync("/inloggen");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/inloggen", StringComparison.Ordinal));
    }

    /// <summary>The id in a URL such as /huishoudens/{id} of the current page.</summary>
    public Guid IdFromUrl(string prefix)
    {
        var path = new Uri(Page.Url).AbsolutePath;
        Assert.StartsWith(prefix, path);
        return Guid.Parse(path[prefix.Length..].Split('/')[0]);
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA) on the page as it is now and fails with every violation,
    /// its impact, the elements it concerns and how to fix it. Also fails on anything the page
    /// broke so far (CSP, script errors, missing resources).
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        // A page found by its text may still be loading its stylesheets; checked then, white header text stood on
        // a white page (1:1) in a slow run. Judge the page as the resident sees it: fully loaded.
        await Page.WaitForLoadStateAsync(LoadState.Load);
        AssertNoBrowserProblems();
        if (await Page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
            await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = AxeUrl });

        var result = await Page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              // resultTypes: passes are only counted, which keeps a run well under a second.
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
              const describe = (v, kind) => ({
                id: v.id, kind, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.map(t => String(t)), summary: n.failureSummary || n.any.map(a => a.message).join('; ') })),
              });
              return {
                passes: r.passes.length,
                // axe files a 1:1 contrast (white on white) under "needs review", not as a violation:
                // that hid an unreadable header once, so an undecided contrast fails too.
                violations: r.violations.map(v => describe(v, 'violation'))
                  .concat(r.incomplete.filter(v => v.id === 'color-contrast').map(v => describe(v, 'needs review'))),
              };
            }
            """, WcagTags);

        var violations = result.GetProperty("violations");
        if (violations.GetArrayLength() > 0) Assert.Fail(Describe(violations));
        // A page where axe passed nothing was not checked at all.
        Assert.True(result.GetProperty("passes").GetInt32() > 0, $"axe-core checked nothing on {Page.Url}");
        AssertNoBrowserProblems();
    }

    private string Describe(JsonElement violations)
    {
        var sb = new StringBuilder($"axe-core found {violations.GetArrayLength()} WCAG problem(s) on {Page.Url}:");
        foreach (var v in violations.EnumerateArray())
        {
            sb.Append("\n- ").Append(v.GetProperty("id").GetString())
              .Append(" [").Append(v.GetProperty("impact").ToString()).Append(", ").Append(v.GetProperty("kind").GetString()).Append("]: ")
              .Append(v.GetProperty("help").GetString()).Append(" (").Append(v.GetProperty("helpUrl").GetString()).Append(')');
            foreach (var n in v.GetProperty("nodes").EnumerateArray())
            {
                var target = string.Join(" ", n.GetProperty("target").EnumerateArray().Select(t => t.GetString()));
                sb.Append("\n    at ").Append(target).Append(": ").Append(WhiteSpace().Replace(n.GetProperty("summary").GetString() ?? "", " "));
            }
        }
        return sb.ToString();
    }

    public void AssertNoBrowserProblems()
    {
        lock (_problems)
            Assert.True(_problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", _problems));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
