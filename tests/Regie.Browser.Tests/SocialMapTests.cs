using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Assessment;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

/// <summary>The finding half of "find a general provision on the social map for a goal, refer": the referral page itself belongs to the referrals slice.</summary>
public sealed class SocialMapTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Coordinator_opens_a_goal_searches_the_social_map_and_finds_a_general_provision_to_refer_to()
    {
        Guid household, goal;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var team = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.TeamId).SingleAsync();
            // A demo household of the coordinator's team with an active plan and a goal about money.
            (household, goal) = await db.PlanGoals
                .Where(g => g.Domain == ZrmDomain.Financien && db.Plans.Any(p => p.Id == g.PlanId && p.ClosedOn == null)
                    && db.Households.Any(h => h.Id == g.HouseholdId && h.ResponsibleTeamId == team))
                .OrderBy(g => g.HouseholdId).Select(g => new { g.HouseholdId, g.Id }).FirstAsync() is var found
                ? (found.HouseholdId, found.Id) : default;
        }
        await using var s = await fixture.NewSessionAsync();
        var page = s.Page;
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.Locator($"a[href^='/sociale-kaart'][href*='doel={goal}']").ClickAsync();
        await page.WaitForURLAsync("**/sociale-kaart?**");

        // Opened for the goal: its life domain is chosen, the household's postcode is the starting point.
        Assert.Equal("Financien", await page.GetByLabel("Leefgebied").InputValueAsync());
        Assert.Matches(@"^99\d\d [A-Z]{2}$", await page.GetByLabel("Vanaf postcode").InputValueAsync());

        await page.GetByLabel("Soort voorziening").SelectOptionAsync("algemeen");
        await page.GetByLabel("Hoogstens (km)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.WaitForURLAsync("**Soort=algemeen**");

        var result = page.Locator("section.regie-card", new() { HasText = "Formulierenbrigade" });
        await Assertions.Expect(result).ToContainTextAsync("Algemene voorziening");
        await Assertions.Expect(result).ToContainTextAsync("km");
        await Assertions.Expect(result).ToContainTextAsync("0999 200200");
        // No custom provision slips in: those need a decision.
        await Assertions.Expect(page.Locator("section.regie-card", new() { HasText = "Schuldhulpverlening" })).ToHaveCountAsync(0);

        var refer = result.GetByRole(AriaRole.Link, new() { Name = "Verwijzen naar Formulierenbrigade" });
        var href = await refer.GetAttributeAsync("href");
        Assert.Matches($"^/huishoudens/{household}/verwijzingen/nieuw\\?dienst=[0-9a-f-]{{36}}&doel={goal}$", href);
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();
    }
}
