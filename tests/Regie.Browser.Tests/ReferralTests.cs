using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Plans;

namespace Regie.Browser.Tests;

/// <summary>
/// The closed loop in the browser: from a plan goal to the social map, a referral with consent, the provider's
/// answers in its own account, and the feedback back at the coordinator. Every page axe-checked.
/// </summary>
public sealed class ReferralTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    private const string Feedback = "Drie gesprekken op het spreekuur; de ochtenden verlopen nu rustig.";

    [Fact]
    public async Task Coordinator_refers_from_a_goal_via_the_social_map_and_sees_the_providers_feedback()
    {
        Guid household, goal;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var fatima = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            household = await db.Plans.Where(p => p.ClosedOn == null && db.Households.Any(h => h.Id == p.HouseholdId && h.CoordinatorId == fatima))
                .OrderBy(p => p.HouseholdId).Select(p => p.HouseholdId).FirstAsync();
            // A goal about peace at home: the general provision of De Brug, a partner with accounts, fits it.
            var plans = new PlanUseCases(scope.ServiceProvider);
            var plan = (await plans.CurrentAsync(household, default))!;
            Assert.True((await plans.AddGoalAsync(household, new GoalInput
            {
                Leefgebied = "HuiselijkeRelaties", Wat = "Rustige ochtenden", MeetbaarResultaat = "De kinderen zijn vier weken op tijd op school", Wie = "Ouders",
                Streefdatum = DateTime.UtcNow.AddDays(60).ToString("dd-MM-yyyy"), Versie = plan.Versie,
            }, default)).IsOk);
            goal = (await plans.CurrentAsync(household, default))!.Doelen.Single(g => g.Wat == "Rustige ochtenden").Id;
        }

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        var page = s.Page;
        await s.SignInAsync();
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.Locator($"a[href^='/sociale-kaart'][href*='doel={goal}']").ClickAsync();
        await page.WaitForURLAsync("**/sociale-kaart?**");
        await page.GetByLabel("Soort voorziening").SelectOptionAsync("algemeen");
        await page.GetByLabel("Hoogstens (km)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.WaitForURLAsync("**Soort=algemeen**");
        var result = page.Locator("section.regie-card", new() { HasText = "Opvoedspreekuur De Brug" });
        await Assertions.Expect(result).ToContainTextAsync("Algemene voorziening");
        await result.GetByRole(AriaRole.Link, new() { Name = "Verwijzen naar Opvoedspreekuur De Brug" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/verwijzingen/nieuw?dienst=*");

        // Filled in from the social map: the service, its kind, and the provider's partner account.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Verwijzen naar Opvoedspreekuur De Brug");
        await Assertions.Expect(page.Locator("dl.regie-facts")).ToContainTextAsync("Zorgaanbieder De Brug");
        Assert.Equal(goal.ToString(), await page.GetByLabel("Bij doel").InputValueAsync());
        await page.GetByLabel("Wie verwijst u?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Uw vraag aan de aanbieder").FillAsync("De ochtenden lopen vast op ruzie. Kunnen de ouders op het spreekuur komen?");
        // Without consent nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("toestemming");
        await s.AssertAccessibleAsync();
        await page.GetByLabel("De inwoner geeft toestemming").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/verwijzingen");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De verwijzing is verstuurd.");
        await Assertions.Expect(page.Locator("section.regie-card", new() { HasText = "Opvoedspreekuur De Brug" }).First).ToContainTextAsync("Verstuurd");
        await s.AssertAccessibleAsync();

        Guid referral;
        await using (var scope = fixture.App.Scope())
            referral = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.Where(r => r.GoalId == goal).Select(r => r.Id).SingleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await s.SignInAsync("aanbieder@voorbeeld.nl");
        await s.GotoAsync("/verwijzingen");
        await s.AssertAccessibleAsync();
        await page.Locator($"a[href='/verwijzingen/{referral}']").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("De ochtenden lopen vast op ruzie");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Fatima Bouzid");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("geaccepteerd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gestart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("gestart");
        await page.GetByLabel("Terugkoppeling aan het team").FillAsync(Feedback);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afronden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("afgerond");
        await s.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await s.SignInAsync();
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await Assertions.Expect(page.Locator($"#doel-{goal}").Locator("..")).ToContainTextAsync(Feedback);
        await s.AssertAccessibleAsync();
        await s.GotoAsync("/inbox");
        await Assertions.Expect(page.Locator("article", new() { HasText = "Verwijzing afgerond: Opvoedspreekuur De Brug" })).ToContainTextAsync(Feedback);
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();
    }

    [Fact]
    public async Task Coordinator_starts_light_support_from_a_goal_and_the_team_lead_reads_the_conflict_of_interest_figures()
    {
        Guid household, goal;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var fatima = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            (household, goal) = await db.PlanGoals.Where(g => db.Plans.Any(p => p.Id == g.PlanId && p.ClosedOn == null)
                    && db.Households.Any(h => h.Id == g.HouseholdId && h.CoordinatorId == fatima))
                .OrderByDescending(g => g.HouseholdId).Select(g => new { g.HouseholdId, g.Id }).FirstAsync() is var found ? (found.HouseholdId, found.Id) : default;
        }
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        var page = s.Page;
        await s.SignInAsync();
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.Locator($"a[href='/huishoudens/{household}/lichte-ondersteuning/nieuw?doel={goal}']").ClickAsync();
        await page.WaitForURLAsync("**/lichte-ondersteuning/nieuw?doel=*");
        await page.GetByLabel("Welke ondersteuning?").FillAsync("Vijf gesprekken over de weekplanning");
        await page.GetByLabel("Soort").SelectOptionAsync("Begeleiding");
        // Longer than the municipality allows: refused at the field, with the way out.
        await page.GetByLabel("Gepland einde").FillAsync(DateTime.UtcNow.AddDays(200).ToString("dd-MM-yyyy"));
        await page.GetByLabel("Een medewerker van het team").SelectOptionAsync(new SelectOptionValue { Label = "Fatima Bouzid" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ondersteuning starten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("hoogstens 13 weken");
        await s.AssertAccessibleAsync();
        await page.GetByLabel("Gepland einde").FillAsync(DateTime.UtcNow.AddDays(42).ToString("dd-MM-yyyy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ondersteuning starten" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");
        await Assertions.Expect(page.Locator($"#doel-{goal}").Locator("..")).ToContainTextAsync("Vijf gesprekken over de weekplanning");
        await s.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await s.SignInAsync("teamleider@voorbeeld.nl");
        await page.GetByRole(AriaRole.Link, new() { Name = "Eigen werkgever" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Verwijzingen naar de eigen werkgever");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Onafhankelijke medewerkers");
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();
    }
}
