using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Conferences;
using System.Globalization;

namespace Regie.Browser.Tests;

/// <summary>
/// Issue 21 point 4 in the browser, from the network to the plan: the coordinator adds grandfather to the household's network
/// with its consent and sees him on the eco-map, plans a rondetafel tomorrow with a member of the household, grandfather and
/// an involved professional, and once it has been held records who came, the minutes with a decision and the plan version agreed,
/// then takes the decision into the plan as grandfather's action. The app's clock moves to the meeting: the test cannot wait a day.
/// </summary>
public sealed class CaseConferenceJourneyTests(ShiftedSeededBrowserFixture fixture) : IClassFixture<ShiftedSeededBrowserFixture>
{
    private const string Decision = "Opa Henk haalt de kinderen op dinsdag en donderdag uit school";

    [Fact]
    public async Task Coordinator_goes_from_adding_the_network_to_a_rondetafel_whose_decision_changes_the_plan()
    {
        // A household of the coordinator's with a plan, someone living in it, a professional involved who has an e-mail address
        // and no network yet: the few parties of a first eco-map.
        Guid household = default;
        string member = "", professional = "";
        int versionsBefore = 0;
        const string coordinator = "regisseur@voorbeeld.nl";
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var fatima = await db.Users.Where(u => u.Email == coordinator).Select(u => u.Id).SingleAsync();
            var candidates = await db.Households.Where(h => h.CoordinatorId == fatima && !db.NetworkMembers.Any(n => n.HouseholdId == h.Id)
                    && db.Plans.Any(p => p.HouseholdId == h.Id && p.ClosedOn == null))
                .OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
            var conferences = scope.ServiceProvider.GetRequiredService<ConferenceQueries>();
            foreach (var candidate in candidates)
            {
                var options = await conferences.OptionsAsync(candidate, default);
                if (options.FirstOrDefault(o => o.Soort == InviteeKind.Huishoudlid) is not { } m
                    || options.FirstOrDefault(o => o.Soort == InviteeKind.Betrokkene && o.Email is not null) is not { } p
                    || options.Count(o => o.Soort != InviteeKind.Huishoudlid) > 4) continue;
                (household, member, professional) = (candidate, m.Naam, p.Naam);
                break;
            }
            Assert.NotEqual(Guid.Empty, household);
            var plan = await db.Plans.Where(Plan.Active).SingleAsync(p => p.HouseholdId == household);
            versionsBefore = await db.PlanVersions.CountAsync(v => v.PlanId == plan.Id);
        }

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        var page = s.Page;
        await s.SignInAsync(coordinator);

        // 1. The network: grandfather joins, with the household's consent, and is on the eco-map.
        await s.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Netwerk en ecogram" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Iemand toevoegen aan het netwerk" }).ClickAsync();
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Opa Henk");
        await page.GetByLabel("Relatie met het huishouden").SelectOptionAsync("Familie");
        await page.GetByLabel("E-mailadres").FillAsync("opa.henk@thuis.example");
        await page.GetByLabel("Wat doet deze persoon in het plan?").FillAsync("Haalt de kinderen uit school");
        await page.GetByLabel("Wie gaf toestemming?").SelectOptionAsync(new SelectOptionValue { Label = member });
        await page.GetByLabel("Datum van de toestemming").FillAsync(Today().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het netwerk" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/netwerk");
        var map = page.GetByRole(AriaRole.Img, new() { Name = "Ecogram van" });
        await Assertions.Expect(map.Locator("strong", new() { HasText = "Opa Henk" })).ToHaveCountAsync(1);
        await s.AssertAccessibleAsync();

        // 2. The rondetafel, tomorrow at ten: the member, grandfather and the professional involved are invited.
        var day = Today().AddDays(1);
        await s.GotoAsync($"/huishoudens/{household}/overleggen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Overleg plannen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/overleggen/nieuw");
        await page.GetByLabel("Soort overleg").SelectOptionAsync("Rondetafel");
        await page.GetByLabel("Datum").FillAsync(day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await page.GetByLabel("Begintijd").FillAsync("10:00");
        await page.GetByLabel("Eindtijd").FillAsync("11:30");
        await page.Locator("[name='Input.Plaats']").FillAsync("Wijkcentrum Noord, spreekkamer 1");
        await page.GetByLabel($"{member} (Huishoudlid").CheckAsync();
        await page.GetByLabel("Opa Henk (Netwerk)").CheckAsync();
        await page.GetByLabel($"{professional} (Betrokken professional)").CheckAsync();
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Overleg plannen en uitnodigen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/huishoudens/{household}/overleggen/", StringComparison.Ordinal) && !url.EndsWith("/nieuw", StringComparison.Ordinal));
        var conference = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Gepland");
        await Assertions.Expect(Status(page, "Het overleg is gepland;")).ToHaveCountAsync(1);
        await s.AssertAccessibleAsync();
        await using (var scope = fixture.App.Scope())
        {
            var to = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().OutboxMessages
                .Where(m => m.AttachmentName == "uitnodiging.ics" && m.Subject.StartsWith("Uitnodiging: rondetafelgesprek")).Select(m => m.To).ToListAsync();
            Assert.Contains("opa.henk@thuis.example", to);
        }

        // 3. Tomorrow, half an hour into the meeting. The session of yesterday has expired: the coordinator signs in again.
        fixture.Clock.Advance(ConferenceRules.ToUtc(day, new TimeOnly(10, 30)) - fixture.Clock.GetUtcNow().UtcDateTime);
        await s.SignInAsync(coordinator);
        await s.GotoAsync($"/huishoudens/{household}/overleggen/{conference}");
        await page.GetByLabel($"Aanwezigheid van {member}", new() { Exact = true }).SelectOptionAsync("Aanwezig");
        await page.GetByLabel("Aanwezigheid van Opa Henk", new() { Exact = true }).SelectOptionAsync("Aanwezig");
        await page.GetByLabel($"Aanwezigheid van {professional}", new() { Exact = true }).SelectOptionAsync("Afgemeld");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid vastleggen" }).ClickAsync();
        await Assertions.Expect(Status(page, "De aanwezigheid is vastgelegd.")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Gehouden");
        await page.Locator("#verslag").FillAsync("Het huishouden, opa Henk en de regisseur bespraken wie de kinderen ophaalt.");
        await page.GetByLabel("Besluit 1").FillAsync(Decision);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verslag en besluiten vastleggen" }).ClickAsync();
        await Assertions.Expect(Status(page, "Het verslag en de besluiten zijn vastgelegd.")).ToHaveCountAsync(1);
        await page.GetByLabel("Welke versie van het plan is in dit overleg afgesproken?").SelectOptionAsync(versionsBefore.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Planversie koppelen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#planversie")).ToHaveTextAsync($"Versie {versionsBefore} van het plan");
        await Assertions.Expect(page.Locator("#besluiten")).ToContainTextAsync(Decision);
        await s.AssertAccessibleAsync();

        // 4. The decision goes into the plan as grandfather's action.
        await page.Locator("#besluit-1-vastgelegd").GetByRole(AriaRole.Link, new() { Name = "Neem op in het plan als actie" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan/actie?uitBesluit=*");
        await Assertions.Expect(page.Locator("#uit-besluit")).ToContainTextAsync(Decision);
        Assert.Equal(Decision, await page.GetByLabel("Wat wordt er gedaan?").InputValueAsync());
        await page.GetByLabel("Wie voert het uit?").SelectOptionAsync("Netwerk");
        await page.GetByLabel("Of iemand uit het netwerk").SelectOptionAsync(new SelectOptionValue { Label = "Opa Henk" });
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Actie opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");
        await Assertions.Expect(Status(page, "De actie is toegevoegd.")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Decision);

        // The conference shows the decision is in the plan, with a link to the action.
        await s.GotoAsync($"/huishoudens/{household}/overleggen/{conference}");
        var taken = page.Locator("#besluit-1-vastgelegd");
        await Assertions.Expect(taken).ToContainTextAsync("Opgenomen in het plan:");
        await Assertions.Expect(taken.GetByRole(AriaRole.Link, new() { Name = $"actie “{Decision}”" })).ToHaveCountAsync(1);
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();

        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var decision = await db.ConferenceDecisions.Where(d => d.ConferenceId == conference).Select(d => d.Id).SingleAsync();
            var action = await db.PlanActions.SingleAsync(a => a.DecisionId == decision);
            Assert.Equal((Decision, ActionOwnerKind.Netwerk, "Opa Henk"), (action.Omschrijving, action.OwnerKind, action.OwnerName));
            var change = await db.PlanVersions.Where(v => v.PlanId == action.PlanId).OrderByDescending(v => v.Number).Select(v => v.Change).FirstAsync();
            Assert.EndsWith($"(uit besluit van het rondetafelgesprek van {Regie.Web.Features.Shared.Format.DateTime(ConferenceRules.ToUtc(day, new TimeOnly(10, 0)))})",
                change, StringComparison.Ordinal);
        }
    }

    private static ILocator Status(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    /// <summary>Today in Dutch time, by the app's clock.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(ConferenceRules.ToLocal(fixture.Clock.GetUtcNow().UtcDateTime));
}
