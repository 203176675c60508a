using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;

namespace Regie.Web.Tests;

public sealed class DemoMeldcodeFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    // Enough households for four of them in Noord with the demo coordinator and an active plan.
    public async Task InitializeAsync() => App = await TestApp.StartAsync(demoHouseholds: 120);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The demo gives the aandachtsfunctionaris of Wijkteam Noord something to read: a track weighed at step 4 with a Veilig Verder
/// plan, one reported to Veilig Thuis, one closed with help organised, one standing still. Only who may read a track sees it.
/// </summary>
public sealed class DemoMeldcodeTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    private const string StorySignal = "twee keer onaangekondigd voor de deur stond";
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Story(Guid Household, Guid Track);

    private async Task<Story> StoryAsync()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => h.Id).SingleAsync();
        return new Story(household, await db.MeldcodeTracks.Where(t => t.HouseholdId == household).Select(t => t.Id).SingleAsync());
    }

    [Fact]
    public async Task Aandachtsfunctionaris_finds_a_weighed_track_a_report_help_organised_and_a_track_standing_still_in_the_coordinators_households()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var tracks = await db.MeldcodeTracks.AsNoTracking().Include(t => t.Entries).Include(t => t.Persons).ToListAsync();
        Assert.Equal(4, tracks.Count);
        var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
        var fatima = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
        var households = await db.Households.Where(h => tracks.Select(t => t.HouseholdId).Contains(h.Id)).ToDictionaryAsync(h => h.Id);
        Assert.All(tracks, t => Assert.Equal((noord, fatima), (households[t.HouseholdId].ResponsibleTeamId!.Value, households[t.HouseholdId].CoordinatorId)));
        Assert.Equal(4, tracks.Select(t => t.HouseholdId).Distinct().Count());
        // Every entry raised the track's version, as the use cases do; no entry lies in the future.
        Assert.All(tracks, t => Assert.Equal(t.Entries.Count, t.Version));
        Assert.All(tracks.SelectMany(t => t.Entries), e => Assert.True(e.OccurredOn <= Today && e.RecordedAt <= DateTime.UtcNow, $"{e.Step} on {e.OccurredOn}"));

        // Huishouden de Wit: signals, the aandachtsfunctionaris consulted, the conversation, and the weighing that leads to organising help.
        var story = tracks.Single(t => households[t.HouseholdId].Naam == DemoMeldcode.StoryHousehold);
        Assert.Equal(MeldcodeTrackStatus.Open, story.Status);
        Assert.Equal([MeldcodeStep.Signalen, MeldcodeStep.Overleg, MeldcodeStep.Gesprek, MeldcodeStep.Weging], story.Reached().Select(r => r.Step));
        Assert.Equal(MeldcodeStep.Besluit, MeldcodeRules.WaitingFor(story.Reached()));
        var consultation = story.Entries.Single(e => e.Step == MeldcodeStep.Overleg);
        Assert.Equal((ConsultationPartner.Aandachtsfunctionaris, "Sanne Jansen"), (consultation.ConsultedWith!.Value, consultation.Who));
        var weighing = story.LatestWeighing()!;
        Assert.Equal(WeighingOutcome.HulpOrganiseren, weighing.Outcome);
        Assert.Equal([(1, true), (2, false), (3, true), (4, true), (5, true)], weighing.WeighingAnswers().Select(a => (a.Question, a.Answer)));
        Assert.All(weighing.WeighingAnswers(), a => Assert.True(a.Reasoning.Length > 40, a.Reasoning));
        Assert.False(MeldcodeRules.IsStuck(story.Status, story.OpenedOn, story.Reached(), Today, MeldcodeRules.DefaultStuckAfterDays));
        Assert.Contains(StorySignal, story.Entries.Single(e => e.Step == MeldcodeStep.Signalen).Text);
        // About the mother and the children, not the grandmother, whose home it is.
        var persons = await db.Persons.Where(p => story.Persons.Select(x => x.PersonId).Contains(p.Id)).Select(p => p.Voornamen).ToListAsync();
        Assert.Equal(["Lieke", "Noah", "Sanne"], persons.Order());

        // Reported to Veilig Thuis: the weighing said "melden"; the date, how, the reference, what, and who informs the family.
        var reported = tracks.Single(t => t.Decision == MeldcodeDecision.GemeldBijVeiligThuis);
        Assert.Equal(WeighingOutcome.Melden, reported.LatestWeighing()!.Outcome);
        var report = reported.Entries.Single(e => e.Step == MeldcodeStep.Besluit);
        Assert.Equal((MeldcodeTrackStatus.Besloten, Today.AddDays(-32), ReportChannel.Telefonisch, DemoMeldcode.ReportReference),
            (reported.Status, reported.DecidedOn!.Value, report.ReportChannel!.Value, report.ReportReference));
        Assert.StartsWith("Fatima Bouzid (regisseur) belt ", report.Who);
        Assert.StartsWith("Gemeld: herhaald letsel", report.Text);

        // Help organised: linked to goals of the household's active plan, one of them "Rust in huis", added as a new plan version.
        var helped = tracks.Single(t => t.Decision == MeldcodeDecision.HulpGeorganiseerd);
        Assert.Equal(WeighingOutcome.HulpOrganiseren, helped.LatestWeighing()!.Outcome);
        var linked = helped.Entries.Single(e => e.Step == MeldcodeStep.Besluit).LinkedGoalIds();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.HouseholdId == helped.HouseholdId && p.ClosedOn == null);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => linked.Contains(g.Id)).ToListAsync();
        Assert.Equal(linked.Count, goals.Count);
        Assert.All(goals, g => Assert.Equal(plan.Id, g.PlanId));
        var calm = Assert.Single(goals, g => g.Wat == "Rust in huis");
        Assert.Equal((Domain.Assessment.ZrmDomain.HuiselijkeRelaties, GoalStatus.Loopt), (calm.Domain, calm.Status));
        Assert.Equal(3, plan.Version);
        Assert.Equal("Doel toegevoegd (Huiselijke relaties): Rust in huis",
            await db.PlanVersions.Where(v => v.PlanId == plan.Id && v.Number == 3).Select(v => v.Change).SingleAsync());

        // Standing still since the consultation, past the threshold the aandachtsfunctionaris' overview flags.
        var stuck = Assert.Single(tracks, t => MeldcodeRules.IsStuck(t.Status, t.OpenedOn, t.Reached(), Today, MeldcodeRules.DefaultStuckAfterDays));
        Assert.Equal((MeldcodeStep.Gesprek, Today.AddDays(-DemoMeldcode.StuckForDays)), (MeldcodeRules.WaitingFor(stuck.Reached()), stuck.Reached().Max(r => r.On)));
    }

    [Fact]
    public async Task The_story_household_has_a_Veilig_Verder_plan_signed_on_its_latest_version()
    {
        var story = await StoryAsync();
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var vv = await db.VeiligVerderPlans.AsNoTracking().SingleAsync();
        Assert.Equal(story.Household, vv.HouseholdId);
        Assert.Equal(vv.PlanId, await db.Plans.Where(p => p.HouseholdId == story.Household && p.ClosedOn == null).Select(p => p.Id).SingleAsync());
        var goals = await db.SafetyGoals.Where(g => g.VeiligVerderPlanId == vv.Id).OrderBy(g => g.Position).Select(g => g.Wat).ToListAsync();
        Assert.Equal(["Lieke en Noah voelen zich thuis en op weg naar school veilig", "Vader ziet de kinderen alleen op afgesproken momenten, onder begeleiding"], goals);
        var arrangements = await db.SafetyArrangements.Where(a => a.VeiligVerderPlanId == vv.Id).OrderBy(a => a.Position).Select(a => a.ActorName).ToListAsync();
        Assert.Equal(["Sanne Bakker", "Ria de Wit", "Intern begeleider Basisschool De Klimop"], arrangements);
        var checks = await db.SafetyChecks.Where(c => c.VeiligVerderPlanId == vv.Id).OrderBy(c => c.Position).ToListAsync();
        Assert.Equal([("Fatima Bouzid (regisseur)", SafetyCheckMethod.Huisbezoek, 2, FrequencyUnit.Weken), ("Intern begeleider Basisschool De Klimop", SafetyCheckMethod.GesprekMetSchool, 4, FrequencyUnit.Weken)],
            checks.Select(c => (c.Who, c.Method, c.Every, c.Unit)));
        // One version per change (start, 2 goals, 3 agreements, 2 checks), and the mother signed the last one.
        Assert.Equal(8, vv.Version);
        var agreement = await db.VeiligVerderAgreements.AsNoTracking().SingleAsync();
        Assert.Equal((8, "Sanne Bakker", "ondertekend", Today.AddDays(-2)), (agreement.VersionNumber, agreement.AgreedByName, agreement.Wijze, agreement.AgreedOn));
    }

    [Fact]
    public async Task Seeding_the_demo_again_adds_households_but_no_second_set_of_tracks_or_plans()
    {
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await new DemoMeldcode(db, TestApp.Gemeentecode, clock).SeedAsync(default);
            await new DemoVeiligVerder(db, clock).SeedAsync(default);
        }
        await using var check = _app.Scope();
        var ctx = check.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.Equal((4, 17, 1, 1), (await ctx.MeldcodeTracks.CountAsync(), await ctx.MeldcodeEntries.CountAsync(), await ctx.VeiligVerderPlans.CountAsync(),
            await ctx.VeiligVerderAgreements.CountAsync()));
    }

    [Theory]
    [InlineData("regisseur@voorbeeld.nl")]
    [InlineData("aandachtsfunctionaris@voorbeeld.nl")]
    [InlineData("teamleider@voorbeeld.nl")]
    public async Task Coordinator_aandachtsfunctionaris_and_team_lead_read_the_story_track(string email)
    {
        var story = await StoryAsync();
        using var client = await _app.SignedInClientAsync(email);
        var household = await client.GetStringAsync($"/huishoudens/{story.Household}");
        Assert.Contains("id=\"veiligheid\">Veiligheid</strong>", household);
        Assert.Contains(StorySignal, await client.GetStringAsync($"/huishoudens/{story.Household}/meldcode/{story.Track}"));
        Assert.Contains("Lieke en Noah voelen zich thuis en op weg naar school veilig", await client.GetStringAsync($"/huishoudens/{story.Household}/plan/veilig-verder"));
    }

    [Theory]
    // Care workers outside the holding team are told the file does not exist; other roles are sent to "no access".
    [InlineData("regisseur.zuid@voorbeeld.nl", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("consulent@voorbeeld.nl", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("woningcorporatie@voorbeeld.nl", HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    [InlineData("aanbieder@voorbeeld.nl", HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    [InlineData("werkeninkomen@voorbeeld.nl", HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    [InlineData("beleid@voorbeeld.nl", HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    [InlineData("privacy@voorbeeld.nl", HttpStatusCode.Redirect, HttpStatusCode.Forbidden)]
    public async Task Others_never_see_the_demo_track_nor_the_Veilig_Verder_plan(string email, HttpStatusCode pages, HttpStatusCode api)
    {
        var story = await StoryAsync();
        using var client = await _app.SignedInClientAsync(email);
        foreach (var path in new[] { $"/huishoudens/{story.Household}/meldcode", $"/huishoudens/{story.Household}/meldcode/{story.Track}", $"/huishoudens/{story.Household}/plan/veilig-verder" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == pages, $"{email} GET {path}: {(int)page.StatusCode}");
            var body = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain(StorySignal, body);
            Assert.DoesNotContain("voelen zich thuis en op weg naar school veilig", body);
        }
        Assert.Equal(api, (await client.GetAsync($"/api/v1/households/{story.Household}/meldcode")).StatusCode);
        Assert.Equal(api, (await client.GetAsync($"/api/v1/households/{story.Household}/plan/veilig-verder")).StatusCode);
    }

    [Fact]
    public async Task Housing_corporation_added_to_the_story_household_sees_its_members_but_no_safety_marker()
    {
        var story = await StoryAsync();
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        var household = await partner.GetAsync($"/huishoudens/{story.Household}");
        Assert.Equal(HttpStatusCode.OK, household.StatusCode);
        var html = await household.Content.ReadAsStringAsync();
        Assert.Contains("Sanne Bakker", html);
        Assert.DoesNotContain("id=\"veiligheid\"", html);
        Assert.DoesNotContain("/meldcode", html);
        Assert.DoesNotContain("Veilig Verder", html);
    }

    [Fact]
    public async Task Department_looking_up_the_story_mother_learns_nothing_of_the_Meldcode()
    {
        await using (var scope = _app.Scope())
        {
            var bsn = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons
                .Where(p => p.Voornamen == "Sanne" && p.Achternaam == "Bakker").Select(p => p.Bsn).SingleAsync();
            using var department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
            var answer = await department.PostAsJsonAsync("/api/v1/lookup", new { bsn, doel = "aanvraag bijzondere bijstand" });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var json = await answer.Content.ReadAsStringAsync();
            Assert.Contains("Wijkteam Noord", json);
            foreach (var word in new[] { "eldcode", "eilig", "Veilig Thuis", "aandachtsfunctionaris" }) Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        }
    }
}
