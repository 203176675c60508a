using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

/// <summary>Issue 21 in the browser: the coordinator adds a neighbour to the network with the household's consent and sees the eco-map.</summary>
public sealed class NetworkTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Coordinator_adds_a_neighbour_with_consent_and_sees_her_on_the_eco_map()
    {
        Guid household;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var fatima = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            household = await db.Households.Where(h => h.CoordinatorId == fatima && !db.NetworkMembers.Any(n => n.HouseholdId == h.Id)
                    && db.HouseholdMembers.Any(m => m.HouseholdId == h.Id && m.Until == null))
                .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        var page = s.Page;
        await s.SignInAsync();
        await s.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Netwerk en ecogram" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Iemand toevoegen aan het netwerk" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk/lid");

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Buurvrouw Ans");
        await page.GetByLabel("Relatie met het huishouden").SelectOptionAsync("Buur");
        await page.GetByLabel("Wat doet deze persoon in het plan?").FillAsync("Kookt op vrijdag voor het gezin");
        // Without the household's consent nobody is added.
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het netwerk" }).ClickAsync();
        await Assertions.Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("toestemming");
        await s.AssertAccessibleAsync();
        await page.GetByLabel("Wie gaf toestemming?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Datum van de toestemming").FillAsync(DateTime.UtcNow.ToString("dd-MM-yyyy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het netwerk" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De persoon is toegevoegd aan het netwerk.");
        var map = page.GetByRole(AriaRole.Img, new() { Name = "Ecogram van" });
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator("strong", new() { HasText = "Buurvrouw Ans" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#ecogram-tabel")).ToContainTextAsync("Kookt op vrijdag voor het gezin");
        await Assertions.Expect(page.Locator("#netwerk")).ToContainTextAsync("Buurvrouw Ans");
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_eco_map_of_a_family_with_a_network_stays_readable_when_someone_joins()
    {
        Guid household;
        await using (var scope = fixture.App.Scope())
        {
            // The demo family with a network (seed 003): two network members and two organisations around four members.
            household = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().NetworkMembers.Where(n => n.Name == "Els de Wit").Select(n => n.HouseholdId).SingleAsync();
        }
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        var page = s.Page;
        await s.SignInAsync();
        await s.GotoAsync($"/huishoudens/{household}/netwerk/lid");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Opa Henk");
        await page.GetByLabel("Relatie met het huishouden").SelectOptionAsync("Familie");
        await page.GetByLabel("Wat doet deze persoon in het plan?").FillAsync("Haalt de kinderen uit school");
        await page.GetByLabel("Wie gaf toestemming?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Datum van de toestemming").FillAsync(DateTime.UtcNow.ToString("dd-MM-yyyy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het netwerk" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk");

        // Five parties, one with a long name: every label on one line and no line under a label, so axe can check each one.
        var map = page.GetByRole(AriaRole.Img, new() { Name = "Ecogram van" });
        await Assertions.Expect(map.Locator("strong", new() { HasText = "Opa Henk" })).ToHaveCountAsync(1);
        await Assertions.Expect(map.Locator("strong", new() { HasText = "Woningcorporatie Thuis" })).ToHaveCountAsync(1);
        await s.AssertAccessibleAsync();
    }
}
