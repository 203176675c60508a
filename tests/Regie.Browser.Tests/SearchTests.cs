using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using System.Text.RegularExpressions;

namespace Regie.Browser.Tests;

/// <summary>On the demo seed, whose story has Sanne Bakker and her children moved in with Ria de Wit.</summary>
public sealed partial class SearchTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    private const string SearchLabel = "Naam, BSN, geboortedatum of postcode + huisnummer";

    [GeneratedRegex(@"/personen/[0-9a-f-]{36}$")]
    private static partial Regex PersonUrl();

    [GeneratedRegex(@"/huishoudens/[0-9a-f-]{36}$")]
    private static partial Regex HouseholdUrl();

    [Fact]
    public async Task Professional_logs_in_searches_a_name_and_opens_the_person_and_the_household()
    {
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.GotoAsync("/");
        Assert.Contains("/inloggen", s.Page.Url);

        await s.SignInAsync();
        Assert.Equal("/", new Uri(s.Page.Url).AbsolutePath);
        Assert.Equal("Zoek een inwoner of huishouden", await s.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("Fatima Bouzid", await s.Page.Locator("header").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await s.Page.GetByLabel(SearchLabel).FillAsync("Wit");
        var results = s.Page.Locator("#resultaten");
        var ria = results.GetByRole(AriaRole.Link, new() { Name = "Wit, Ria de" });
        await ria.WaitForAsync();
        // htmx filled the results in place: the page itself did not navigate.
        Assert.Equal("/", new Uri(s.Page.Url).PathAndQuery);
        Assert.Matches(@"^\d+ (persoon|personen) gevonden", await results.Locator("h2").InnerTextAsync());
        Assert.Contains("12-04-1961", await results.Locator("tr", new() { Has = s.Page.GetByRole(AriaRole.Link, new() { Name = "Wit, Ria de" }) }).InnerTextAsync());
        await s.AssertAccessibleAsync();

        await ria.ClickAsync();
        await s.Page.WaitForURLAsync(PersonUrl());
        Assert.Equal("Ria de Wit", await s.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("12-04-1961", await s.Page.Locator("dl").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Huishouden de Wit" }).ClickAsync();
        await s.Page.WaitForURLAsync(HouseholdUrl());
        Assert.Equal("Huishouden de Wit", await s.Page.Locator("h1").InnerTextAsync());
        var members = await s.Page.Locator("section[aria-labelledby=leden-kop] tbody tr").AllInnerTextsAsync();
        Assert.Equal(4, members.Count);
        foreach (var name in new[] { "Ria de Wit", "Sanne Bakker", "Noah Bakker", "Lieke Bakker" })
            Assert.Contains(members, m => m.Contains(name, StringComparison.Ordinal));
        // The move is older than the newest page of the family's timeline: the coordinator loads older events until it shows.
        const string moved = "Sanne Bakker ingetrokken vanuit Huishouden Bakker, als overig";
        var timeline = s.Page.Locator("#tijdlijn");
        for (var page = 0; page < 5 && !(await timeline.InnerTextAsync()).Contains(moved, StringComparison.Ordinal); page++)
        {
            var shown = await timeline.Locator("li").CountAsync();
            await s.Page.GetByRole(AriaRole.Link, new() { Name = "Oudere gebeurtenissen" }).ClickAsync();
            await Assertions.Expect(timeline.Locator("li")).Not.ToHaveCountAsync(shown);
        }
        Assert.Contains(moved, await timeline.InnerTextAsync());
        // Seed 003: the coordinator sees on the file itself that the housing corporation is involved with Sanne, and whom to call.
        var involved = await s.Page.Locator("#betrokken").InnerTextAsync();
        Assert.Contains("Woningcorporatie Thuis", involved);
        Assert.Contains("voor Sanne Bakker", involved);
        Assert.Contains("Linda Meijer", involved);
        Assert.Contains("Wijkteam Noord", involved);
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Professional_finds_a_resident_by_bsn()
    {
        string bsn;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            bsn = await db.Persons.Where(p => p.Voornamen == "Sanne" && p.Achternaam == "Bakker").Select(p => p.Bsn!).SingleAsync();
        }
        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync("/");

        await s.Page.GetByLabel(SearchLabel).FillAsync(bsn);
        await s.Page.GetByLabel(SearchLabel).PressAsync("Enter");
        var heading = s.Page.Locator("#resultaten h2");
        await heading.WaitForAsync();
        Assert.Equal("1 persoon gevonden op BSN", await heading.InnerTextAsync());
        var row = s.Page.Locator("#resultaten tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Bakker, Sanne", await row.InnerTextAsync());
        Assert.Contains($"{bsn[..4]}.{bsn[4..6]}.{bsn[6..]}", await row.InnerTextAsync());
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Professional_sees_a_dutch_hint_when_the_search_is_too_short_or_the_bsn_is_wrong()
    {
        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync("/");
        var box = s.Page.GetByLabel(SearchLabel);
        var results = s.Page.Locator("#resultaten");

        await box.FillAsync("123456789");
        await box.PressAsync("Enter");
        await results.GetByText("voldoet niet aan de elfproef").WaitForAsync();
        Assert.Equal(0, await results.Locator("table").CountAsync());
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Search_works_as_a_plain_form_without_javascript()
    {
        await using var s = await fixture.NewSessionAsync(javaScript: false);
        await s.GotoAsync("/");
        await s.Page.GetByLabel(SearchLabel).FillAsync("Bakker");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

        await s.Page.WaitForURLAsync(url => url.Contains("q=Bakker", StringComparison.Ordinal));
        var names = await s.Page.Locator("#resultaten tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("Bakker, Sanne", names);
        Assert.Contains("Bakker, Noah", names);
        Assert.Contains("Bakker, Lieke", names);
        Assert.Equal("Bakker", await s.Page.GetByLabel(SearchLabel).InputValueAsync());

        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Bakker, Sanne" }).ClickAsync();
        await s.Page.WaitForURLAsync(PersonUrl());
        var history = await s.Page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h.Contains("Huishouden Bakker", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("Huishouden de Wit", StringComparison.Ordinal) && h.Contains("nu", StringComparison.Ordinal));
        s.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Professional_sees_accessible_pages_for_changing_a_household_and_a_person()
    {
        Guid household, ria;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            household = await db.Households.Where(h => h.Naam == "Huishouden de Wit").Select(h => h.Id).SingleAsync();
            ria = await db.Persons.Where(p => p.Voornamen == "Ria" && p.Achternaam == "Wit").Select(p => p.Id).SingleAsync();
        }
        await using var s = await fixture.NewSessionAsync();
        var pages = new (string Path, string Heading)[]
        {
            ($"/huishoudens/{household}/lid-toevoegen", "Lid toevoegen aan Huishouden de Wit"),
            ($"/huishoudens/{household}/adres", "Adres wijzigen"),
            ($"/huishoudens/{household}/tijdlijn", "Tijdlijn"),
            ($"/personen/{ria}/contact", "Contactgegevens van Ria de Wit"),
            ($"/personen/{ria}/uitschrijven", "Ria de Wit uitschrijven uit Huishouden de Wit"),
        };
        foreach (var (path, heading) in pages)
        {
            await s.GotoAsync(path);
            Assert.Equal(heading, await s.Page.Locator("h1").InnerTextAsync());
            await s.AssertAccessibleAsync();
        }

        // Still on the leave form: sending it without a reason explains what is missing and changes nothing.
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Uitschrijven" }).ClickAsync();
        var summary = s.Page.Locator("#foutmeldingen");
        await summary.WaitForAsync();
        Assert.Contains("Kies de reden van uitschrijven.", await summary.InnerTextAsync());
        Assert.Equal("Kies de reden van uitschrijven.", await s.Page.Locator("#Input_Reden-error").InnerTextAsync());
        await s.AssertAccessibleAsync();
        await s.GotoAsync($"/huishoudens/{household}");
        Assert.Equal("Leden (4)", await s.Page.Locator("#leden-kop").InnerTextAsync());
    }

    /// <summary>
    /// The household page at a laptop's size: members and timeline side by side. With
    /// REGIE_SCREENSHOT_DIR set, the picture is saved there (docs/images/huishouden.png).
    /// </summary>
    [Fact]
    public async Task Household_page_shows_members_and_timeline_side_by_side()
    {
        Guid id;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            id = await db.Households.Where(h => h.Naam == "Huishouden de Wit").Select(h => h.Id).SingleAsync();
        }
        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync($"/huishoudens/{id}");
        Assert.Equal("Huishouden de Wit", await s.Page.Locator("h1").InnerTextAsync());

        var members = await s.Page.Locator("section[aria-labelledby=leden-kop]").BoundingBoxAsync();
        var timeline = await s.Page.Locator("section[aria-labelledby=tijdlijn-kop]").BoundingBoxAsync();
        Assert.NotNull(members);
        Assert.NotNull(timeline);
        Assert.True(timeline.X >= members.X + members.Width, $"timeline at x={timeline.X}, members end at {members.X + members.Width}");
        Assert.True(Math.Abs(timeline.Y - members.Y) < 1, "members and timeline start at the same height");
        await s.AssertAccessibleAsync();

        var png = await s.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(png.Length > 10_000, "screenshot is not empty");
        if (Environment.GetEnvironmentVariable("REGIE_SCREENSHOT_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "huishouden.png"), png);
        }
    }
}
