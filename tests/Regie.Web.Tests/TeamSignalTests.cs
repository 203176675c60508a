using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Coordination;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Team;
using Regie.Web.Infrastructure;
using System.Net;

namespace Regie.Web.Tests;

public sealed class TeamSignalTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A household with a plan of one goal and one action, coordinated by the demo professional.</summary>
    private async Task<(Guid Household, Guid Goal, Guid Action)> PlannedAsync(string name, ActionOwnerKind owner = ActionOwnerKind.Netwerk)
    {
        var (id, _, _) = await new Given(_app).HouseholdWithPlanAndGoal(name, "Ella", coordinator: Given.Coordinator,
            goal: Given.Goal("Huisvesting", what: "Eigen woning", measurable: "Huurcontract getekend", who: "Ella"));
        await using var scope = _app.Scope();
        var plans = new PlanUseCases(scope.ServiceProvider);
        var plan = (await plans.CurrentAsync(id, default))!;
        Assert.True((await plans.AddActionAsync(id, new ActionInput { DoelId = plan.Doelen[0].Id, Omschrijving = "Inschrijven bij de corporatie", Uitvoerder = owner.ToString(), Naam = "Broer Ahmed", Deadline = InDays(7), Versie = 2 }, default)).IsOk);
        plan = (await plans.CurrentAsync(id, default))!;
        return (id, plan.Doelen[0].Id, plan.Acties[0].Id);
    }

    /// <summary>Moves a household's history back in time, as if it had been open for <paramref name="days"/> days.</summary>
    private async Task AgeAsync(Guid household, int days, int actionDeadlineDaysAgo = 0, int goalTargetDaysAgo = 0)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var opened = Today.AddDays(-days);
        await db.Trajectories.Where(t => t.HouseholdId == household).ExecuteUpdateAsync(s => s.SetProperty(t => t.OpenedOn, opened));
        await db.PlanGoals.Where(g => g.HouseholdId == household).ExecuteUpdateAsync(s => s.SetProperty(g => g.StatusChangedOn, opened));
        if (actionDeadlineDaysAgo > 0)
            await db.PlanActions.Where(a => a.HouseholdId == household).ExecuteUpdateAsync(s => s.SetProperty(a => a.Deadline, Today.AddDays(-actionDeadlineDaysAgo)));
        if (goalTargetDaysAgo > 0)
            await db.PlanGoals.Where(g => g.HouseholdId == household).ExecuteUpdateAsync(s => s.SetProperty(g => g.Streefdatum, Today.AddDays(-goalTargetDaysAgo)));
    }

    private async Task<IReadOnlyList<StuckHousehold>> StuckAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "teamleider", "Teamleider", Roles.Teamleider);
        return await scope.ServiceProvider.GetRequiredService<StuckHouseholdsQuery>().ListAsync(null, default);
    }

    [Fact]
    public async Task Team_lead_sees_households_without_progress_and_those_open_too_long_without_a_referral()
    {
        var (quiet, _, _) = await PlannedAsync("Stilstand");
        await AgeAsync(quiet, days: 70);
        var (moving, goal, _) = await PlannedAsync("Beweging");
        await AgeAsync(moving, days: 70);
        await using (var scope = _app.Scope())
        {
            var input = new GoalInput { Leefgebied = "Huisvesting", Wat = "Eigen woning", MeetbaarResultaat = "Huurcontract getekend", Wie = "Ella", Streefdatum = InDays(60), Status = "Loopt", Versie = 3 };
            Assert.True((await new PlanUseCases(scope.ServiceProvider).UpdateGoalAsync(moving, goal, input, default)).IsOk);
        }
        var (held, _, heldAction) = await PlannedAsync("Vastgehouden");
        await AgeAsync(held, days: 200);
        await using (var scope = _app.Scope())
            Assert.True((await new PlanUseCases(scope.ServiceProvider).CompleteActionAsync(held, heldAction, new VersionInput { Versie = 3 }, default)).IsOk);
        // Held as long, but referred (a real referral; an action handed to an organisation is not one).
        var (referred, referredGoal, _) = await PlannedAsync("Verwezen");
        var (organisationAction, _, _) = await PlannedAsync("Actie bij organisatie", ActionOwnerKind.Organisatie);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var person = await db.HouseholdMembers.Where(m => m.HouseholdId == referred).Select(m => m.PersonId).SingleAsync();
            var provider = await db.Organisations.Where(o => o.Name == "Zorgaanbieder De Brug").Select(o => o.Id).SingleAsync();
            var sent = await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.Referrals.SendReferralHandler>().HandleAsync(referred,
                new() { PersoonId = person, DoelId = referredGoal, OrganisatieId = provider, Dienst = "Gezinsbegeleiding", Vraag = "Hulp thuis", Toestemming = true }, default);
            Assert.True(sent.IsOk);
        }
        await AgeAsync(referred, days: 200);
        await AgeAsync(organisationAction, days: 200);
        var (fresh, _, _) = await PlannedAsync("Vers");

        var list = await StuckAsync();
        var byId = list.ToDictionary(h => h.Id);
        Assert.Equal([StuckReason.GeenVoortgang], byId[quiet].Redenen);
        Assert.False(byId.ContainsKey(moving));
        Assert.Equal([StuckReason.TeLangZonderVerwijzing], byId[held].Redenen);
        Assert.Equal([StuckReason.GeenVoortgang], byId[referred].Redenen);
        Assert.Equal([StuckReason.GeenVoortgang, StuckReason.TeLangZonderVerwijzing], byId[organisationAction].Redenen);
        Assert.False(byId.ContainsKey(fresh));
        Assert.Equal("Fatima Bouzid", byId[quiet].Regisseur);

        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await lead.GetStringAsync("/team/signalering?team=alle"));
        Assert.Contains("Huishouden Stilstand", page);
        Assert.Contains("Geen voortgang in 8 weken", page);
        Assert.Contains("Langer dan 26 weken open zonder verwijzing", page);
        using var professional = await _app.SignedInClientAsync();
        var refused = await professional.GetAsync("/team/signalering");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/geen-toegang", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_sees_next_evaluation_overdue_actions_and_late_goals_in_my_households()
    {
        var (late, _, _) = await PlannedAsync("Achterstallig");
        await AgeAsync(late, days: 100, actionDeadlineDaysAgo: 3, goalTargetDaysAgo: 5);
        var (planned, _, _) = await PlannedAsync("Gepland");
        await using (var scope = _app.Scope())
            Assert.True((await new PlanUseCases(scope.ServiceProvider).UpdatePlanAsync(planned, new PlanInput { Evaluatiedatum = InDays(10), Versie = 3 }, default)).IsOk);

        await using var s = _app.Services.CreateAsyncScope();
        var coordinator = await s.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
        s.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, coordinator, "Fatima Bouzid", Roles.Professional);
        var mine = await s.ServiceProvider.GetRequiredService<CoordinationQueries>().MineAsync(default);
        var a = mine.Single(h => h.Id == late);
        Assert.Equal((1, 1), (a.OverdueActions, a.LateGoals));
        var p = mine.Single(h => h.Id == planned);
        Assert.Equal((0, 0, Today.AddDays(10)), (p.OverdueActions, p.LateGoals, p.NextEvaluation));
        Assert.True(mine.ToList().IndexOf(a) < mine.ToList().IndexOf(p), "overdue work comes first");

        using var client = await _app.SignedInClientAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/mijn-huishoudens"));
        Assert.Contains("Volgende evaluatie", page);
        Assert.Contains(DateTime.UtcNow.AddDays(10).ToString("dd-MM-yyyy"), page);
    }
}
