using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

/// <summary>The policy officer's monitor: figures with their definitions, a filter, an export, and no personal data anywhere.</summary>
public sealed class MonitorTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Policy_officer_filters_the_monitor_exports_it_and_sees_no_personal_data()
    {
        List<string> personal;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var people = await db.Persons.Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Bsn }).ToListAsync();
            personal = [.. people.Select(p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName), .. people.Where(p => p.Bsn != null).Select(p => p.Bsn!),
                .. await db.Households.Select(h => h.Naam).ToListAsync()];
        }
        Assert.NotEmpty(personal);

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.SignInAsync("beleid@voorbeeld.nl");
        var page = s.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Monitor", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/monitor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zwaardere zorg voorkomen" })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync();

        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Wijkteam Noord" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor?team=*");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Wijkteam Noord");
        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.Ordinal) || html.Contains(p, StringComparison.Ordinal));
        await s.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Monitor;Wijkteam Noord;", csv, StringComparison.Ordinal);
        Assert.Contains("Naar maatwerk of specialistische zorg", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(personal, p => csv.Contains(p, StringComparison.Ordinal));
        s.AssertNoBrowserProblems();
    }
}
