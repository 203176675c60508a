using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

/// <summary>The municipal desk: a late application flagged on the worklist; a Wmo application becomes a beschikking with its letter.</summary>
public sealed class DecisionTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Consulent_sees_a_late_application_flagged_and_decides_a_Wmo_application_with_a_letter()
    {
        string bsn;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            // A demo resident who has not applied for anything yet.
            bsn = await db.Persons.Where(p => p.Bsn != null && !db.ProvisionApplications.Any(a => a.PersonId == p.Id)
                    && db.HouseholdMembers.Any(m => m.PersonId == p.Id && m.Until == null))
                .OrderBy(p => p.Geboortedatum).Select(p => p.Bsn!).FirstAsync();
        }
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.SignInAsync("consulent@voorbeeld.nl");
        var page = s.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Aanvragen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/aanvragen");
        // The demo's late Wmo application comes first, in words, not colour alone.
        var first = page.Locator("table tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("te laat sinds");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open \\(") })).ToContainTextAsync("1 te laat");
        await s.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Melding of aanvraag registreren" }).ClickAsync();
        await page.GetByLabel("BSN van de inwoner").FillAsync(bsn);
        await page.GetByLabel("Wettelijk kader").SelectOptionAsync("Wmo2015");
        await page.GetByLabel("Wat wordt er gevraagd?").FillAsync("Hulp bij het huishouden");
        await page.GetByLabel("Datum van de aanvraag").FillAsync(DateTime.Now.ToString("dd-MM-yyyy"));
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Count(c => c == '/') == 2 && !url.EndsWith("/nieuw", StringComparison.Ordinal));
        var id = s.IdFromUrl("/aanvragen/");
        await Assertions.Expect(page.Locator(".regie-facts")).ToContainTextAsync("Beschikking uiterlijk");

        await page.GetByRole(AriaRole.Link, new() { Name = "Beschikking nemen" }).ClickAsync();
        await page.WaitForURLAsync($"**/aanvragen/{id}/beschikking");
        await page.GetByLabel("Uitkomst").SelectOptionAsync("Toegekend");
        var product = page.Locator("fieldset").First;
        await product.GetByLabel("Productcategorie (WMO020)").SelectOptionAsync("01");
        await product.GetByLabel("Omvang").FillAsync("3");
        await product.GetByLabel("Eenheid (WJ756)").SelectOptionAsync("04");
        await product.GetByLabel("Frequentie (WMO757)").SelectOptionAsync("2");
        await page.Locator("#Input_Producten_0__Van").FillAsync(DateTime.Now.ToString("dd-MM-yyyy"));
        await product.GetByLabel("Tot en met").FillAsync(DateTime.Now.AddYears(1).ToString("dd-MM-yyyy"));
        await product.GetByLabel("Aanbieder").SelectOptionAsync(new SelectOptionValue { Label = "Thuiszorg De Zorgzame Hand" });
        await product.GetByLabel("Geschatte kosten voor de hele periode").FillAsync("3.300,00");
        // Without reasoning the decision is refused at the field, and what was typed stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Beschikking vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Motivering-error")).ToContainTextAsync("Motiveer het besluit");
        await Assertions.Expect(page.Locator("fieldset").First.GetByLabel("Omvang")).ToHaveValueAsync("3");
        await s.AssertAccessibleAsync();

        await page.GetByLabel("Motivering").FillAsync("Mevrouw kan door haar beperkingen het huis niet zelf schoonhouden; haar netwerk kan dit niet overnemen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beschikking vastleggen" }).ClickAsync();
        await page.WaitForURLAsync($"**/aanvragen/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beschikking: toegekend" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".regie-product")).ToContainTextAsync("3 uur per week");
        await Assertions.Expect(page.Locator(".regie-product")).ToContainTextAsync("€ 3.300,00");
        // The decision travels: the provider's assignment with its 301, validated and ready for the hub.
        await Assertions.Expect(page.Locator(".regie-toewijzing")).ToContainTextAsync("bij Thuiszorg De Zorgzame Hand (AGB 98000011)");
        await Assertions.Expect(page.Locator(".regie-toewijzing")).ToContainTextAsync("WMO301");
        await Assertions.Expect(page.Locator(".regie-toewijzing .regie-badge")).ToHaveTextAsync("klaar");
        await s.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Beschikking als brief (PDF)" }).ClickAsync());
        Assert.StartsWith("beschikking-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        s.AssertNoBrowserProblems();
    }
}
