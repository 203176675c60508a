using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Assessments;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Trajectories;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

public sealed class PlanTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");

    /// <summary>Families are Sanne with her daughter Noor, held by Noord: its professional reaches the file through the API as well.</summary>
    private Given Given { get; } = new(fixture.App);

    private async Task<T> WithPlans<T>(Func<PlanCalls, Task<T>> act)
    {
        await using var scope = _app.Scope();
        return await act(new PlanCalls(scope.ServiceProvider));
    }

    /// <summary>The plan's use cases and reads, each resolved as the pages and the API resolve them.</summary>
    private sealed class PlanCalls(IServiceProvider sp)
    {
        private T Get<T>() where T : notnull => sp.GetRequiredService<T>();
        public Task<CommandResult<Guid>> StartAsync(Guid h, CancellationToken ct) => Get<StartPlanHandler>().HandleAsync(h, ct);
        public Task<CommandResult<int>> UpdatePlanAsync(Guid h, PlanInput input, CancellationToken ct) => Get<UpdatePlanHandler>().HandleAsync(h, input, ct);
        public Task<CommandResult<int>> AddGoalAsync(Guid h, GoalInput input, CancellationToken ct) => Get<AddGoalHandler>().HandleAsync(h, input, ct);
        public Task<CommandResult<int>> UpdateGoalAsync(Guid h, Guid goal, GoalInput input, CancellationToken ct) => Get<ChangeGoalHandler>().HandleAsync(h, goal, input, ct);
        public Task<CommandResult<int>> AddActionAsync(Guid h, ActionInput input, CancellationToken ct) => Get<AddActionHandler>().HandleAsync(h, input, ct);
        public Task<CommandResult<int>> CompleteActionAsync(Guid h, Guid action, VersionInput input, CancellationToken ct) => Get<CompleteActionHandler>().HandleAsync(h, action, input, ct);
        public Task<CommandResult<int>> RecordAgreementAsync(Guid h, AgreementInput input, CancellationToken ct) => Get<RecordAgreementHandler>().HandleAsync(h, input, ct);
        public Task<PlanView?> CurrentAsync(Guid h, CancellationToken ct) => Get<PlanQueries>().CurrentAsync(h, ct);
        public Task<IReadOnlyList<PlanVersionInfo>> VersionsAsync(Guid h, Guid plan, CancellationToken ct) => Get<PlanQueries>().VersionsAsync(h, plan, ct);
        public Task<PlanComparison?> CompareAsync(Guid h, Guid plan, int left, int right, CancellationToken ct) => Get<PlanQueries>().CompareAsync(h, plan, left, right, ct);
    }

    private static GoalInput Goal(int version, string domain = "Financien", string? measurable = "Huurachterstand is nul en de huur gaat automatisch", string? target = null) => new()
    {
        Leefgebied = domain, Wat = "Geen huurschuld meer", MeetbaarResultaat = measurable, Streefdatum = target ?? InDays(90), Wie = "Sanne met de regisseur", Versie = version,
    };

    /// <summary>Sanne's plan of one goal with three actions (hers, her mother's, a volunteer's), at version 5.</summary>
    private async Task<(Guid Household, Guid Goal, PlanView Plan)> PlanWithThreeActionsAsync(string name)
    {
        var (household, parent, _) = await Given.Family(name, team: Given.Noord);
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        Assert.Equal(2, (await WithPlans(p => p.AddGoalAsync(household, Goal(1), default))).Value);
        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        var goal = Assert.Single(plan.Doelen);
        Assert.Equal(3, (await WithPlans(p => p.AddActionAsync(household, new ActionInput { DoelId = goal.Id, Omschrijving = "Betalingsregeling vragen bij de corporatie", Uitvoerder = "Huishoudlid", PersoonId = parent, Deadline = InDays(14), Versie = 2 }, default))).Value);
        Assert.True((await WithPlans(p => p.AddActionAsync(household, new ActionInput { DoelId = goal.Id, Omschrijving = "Oma past op dinsdag op", Uitvoerder = "Netwerk", Naam = "Oma Jansen", Versie = 3 }, default))).IsOk);
        Assert.True((await WithPlans(p => p.AddActionAsync(household, new ActionInput { Omschrijving = "Administratie ordenen met Humanitas", Uitvoerder = "Vrijwilliger", Naam = "Henk (Humanitas Thuisadministratie)", Versie = 4 }, default))).IsOk);
        return (household, goal.Id, (await WithPlans(p => p.CurrentAsync(household, default)))!);
    }

    [Fact]
    public async Task Professional_makes_a_plan_with_smart_goals_and_actions_for_the_household_its_network_and_a_volunteer()
    {
        var (_, _, plan) = await PlanWithThreeActionsAsync("Plan");
        Assert.Equal(5, plan.Versie);
        Assert.Equal(["Sanne Plan", "Oma Jansen", "Henk (Humanitas Thuisadministratie)"], plan.Acties.Select(a => a.Naam));
        Assert.Equal([ActionOwnerKind.Huishoudlid, ActionOwnerKind.Netwerk, ActionOwnerKind.Vrijwilliger], plan.Acties.Select(a => a.Uitvoerder));
    }

    [Fact]
    public async Task Professional_completes_an_action_once_and_completing_it_again_is_refused()
    {
        var (household, _, plan) = await PlanWithThreeActionsAsync("Afvinken");
        var first = plan.Acties[0];
        Assert.True((await WithPlans(p => p.CompleteActionAsync(household, first.Id, new VersionInput { Versie = 5 }, default))).IsOk);
        Assert.Equal(PlanRules.ActionAlreadyDoneCode, (await WithPlans(p => p.CompleteActionAsync(household, first.Id, new VersionInput { Versie = 6 }, default))).Errors[0].Code);
    }

    [Fact]
    public async Task A_goal_under_way_does_not_go_back_to_not_started()
    {
        var (household, goal, _) = await PlanWithThreeActionsAsync("Loopt");
        var started = Goal(5);
        started.Status = nameof(GoalStatus.Loopt);
        Assert.True((await WithPlans(p => p.UpdateGoalAsync(household, goal, started, default))).IsOk);
        started.Status = nameof(GoalStatus.Open);
        started.Versie = 6;
        Assert.Equal(PlanRules.GoalStatusChangeCode, (await WithPlans(p => p.UpdateGoalAsync(household, goal, started, default))).Errors[0].Code);
    }

    [Fact]
    public async Task Every_saved_plan_change_is_a_numbered_version_and_a_timeline_event_and_a_refused_one_is_neither()
    {
        var (household, goal, plan) = await PlanWithThreeActionsAsync("Versienummers");
        var first = plan.Acties[0];
        await WithPlans(p => p.CompleteActionAsync(household, first.Id, new VersionInput { Versie = 5 }, default));
        await WithPlans(p => p.CompleteActionAsync(household, first.Id, new VersionInput { Versie = 6 }, default));
        var started = Goal(6);
        started.Status = nameof(GoalStatus.Loopt);
        await WithPlans(p => p.UpdateGoalAsync(household, goal, started, default));
        started.Status = nameof(GoalStatus.Open);
        started.Versie = 7;
        await WithPlans(p => p.UpdateGoalAsync(household, goal, started, default));

        var versions = await WithPlans(p => p.VersionsAsync(household, plan.Id, default));
        Assert.Equal(Enumerable.Range(1, versions.Count).Reverse(), versions.Select(v => v.Nummer));
        Assert.Equal(7, versions.Count);
        Assert.Contains(versions, v => v.Wijziging.StartsWith("Actie afgerond (Sanne Versienummers)", StringComparison.Ordinal));

        await using var scope = _app.Scope();
        var events = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents.Where(e => e.HouseholdId == household && e.Type == EventTypes.PlanChanged).CountAsync();
        // Started, a goal, three actions, one completed, the goal under way: seven saved changes; the two refused ones are not.
        Assert.Equal(7, events);
    }

    [Fact]
    public async Task Goals_need_a_measurable_result_and_a_target_date_and_nothing_is_saved_without()
    {
        var (household, _, child) = await Given.Family("Smart", team: Given.Noord);
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        async Task<string[]> Codes(GoalInput input) => (await WithPlans(p => p.AddGoalAsync(household, input, default))).Errors.Select(e => e.Code).ToArray();

        Assert.Equal([PlanRules.GoalMeasurableRequiredCode], await Codes(Goal(1, measurable: " ")));
        Assert.Equal([PlanRules.GoalTargetDateRequiredCode], await Codes(Goal(1, target: "")));
        Assert.Equal([PlanRules.GoalTargetDateInvalidCode], await Codes(Goal(1, target: "31-02-2027")));
        Assert.Equal([PlanRules.GoalTargetDateInPastCode], await Codes(Goal(1, target: InDays(-3))));
        Assert.Equal([PlanRules.DomainInvalidCode], await Codes(Goal(1, domain: "Geluk")));
        var notMember = Goal(1);
        notMember.PersoonId = Guid.NewGuid();
        Assert.Equal([Regie.Domain.Registry.MembershipRules.NotMemberCode], await Codes(notMember));
        var childGoal = Goal(1, domain: "MaatschappelijkeParticipatie");
        childGoal.PersoonId = child;
        Assert.True((await WithPlans(p => p.AddGoalAsync(household, childGoal, default))).IsOk);

        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.Equal(2, plan.Versie);
        Assert.Equal("Noor Smart", Assert.Single(plan.Doelen).Persoon);
    }

    [Fact]
    public async Task A_goal_without_a_measurable_result_or_target_date_over_the_api_is_a_problem_with_both_codes()
    {
        var (household, _, _) = await Given.Family("SmartApi", team: Given.Noord);
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        Assert.Equal(2, (await WithPlans(p => p.AddGoalAsync(household, Goal(1), default))).Value);
        using var client = await _app.SignedInClientAsync();
        var response = await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/goals", new { leefgebied = "Financien", wat = "Schulden in beeld", wie = "Sanne", versie = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
        Assert.Equal([PlanRules.GoalMeasurableRequiredCode, PlanRules.GoalTargetDateRequiredCode], codes);
    }

    [Fact]
    public async Task A_household_has_at_most_one_active_plan_also_when_two_workers_start_one_at_once()
    {
        var (household, _, _) = await Given.Family("Eenplan", team: Given.Noord);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WithPlans(p => p.StartAsync(household, default))));
        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Contains(r.Status, new[] { CommandStatus.Conflict, CommandStatus.Invalid }));
        Assert.Equal(PlanRules.PlanExistsCode, (await WithPlans(p => p.StartAsync(household, default))).Errors[0].Code);

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.Equal(1, await db.Plans.CountAsync(p => p.HouseholdId == household));
        Assert.Equal(1, await db.Trajectories.CountAsync(t => t.HouseholdId == household));
    }

    [Fact]
    public async Task Two_workers_saving_the_same_plan_version_the_second_hears_someone_else_changed_it_and_nothing_is_lost()
    {
        var (household, _, _) = await Given.Family("Tegelijk", team: Given.Noord);
        await WithPlans(p => p.StartAsync(household, default));

        // Both read version 1 and save at the same moment.
        var a = Goal(1, domain: "Huisvesting");
        a.Wat = "Een eigen woning";
        var b = Goal(1, domain: "WerkOpleiding");
        b.Wat = "Werk voor drie dagen per week";
        var results = await Task.WhenAll(WithPlans(p => p.AddGoalAsync(household, a, default)), WithPlans(p => p.AddGoalAsync(household, b, default)));
        Assert.Single(results, r => r.IsOk);
        var lost = Assert.Single(results, r => !r.IsOk);
        Assert.Equal(CommandStatus.Conflict, lost.Status);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", lost.Errors[0].Message);

        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.Equal(2, plan.Versie);
        Assert.Single(plan.Doelen);
        // The loser's input was kept by the page; saving it again on the new version adds it beside the winner's.
        var retry = results[0].IsOk ? b : a;
        retry.Versie = plan.Versie;
        Assert.True((await WithPlans(p => p.AddGoalAsync(household, retry, default))).IsOk);
        plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.Equal(["Een eigen woning", "Werk voor drie dagen per week"], plan.Doelen.Select(g => g.Wat).Order());
        Assert.Equal(3, (await WithPlans(p => p.VersionsAsync(household, plan.Id, default))).Count);

        // A stale page: saving an old version is refused, not merged.
        Assert.Equal(CommandStatus.Conflict, (await WithPlans(p => p.UpdatePlanAsync(household, new PlanInput { Afspraken = "oud", Versie = 2 }, default))).Status);
    }

    [Fact]
    public async Task Versions_are_compared_side_by_side_and_the_agreement_belongs_to_one_version()
    {
        var (household, parent, _) = await Given.Family("Versies", team: Given.Noord);
        await WithPlans(p => p.StartAsync(household, default));
        await WithPlans(p => p.AddGoalAsync(household, Goal(1), default));
        Assert.Equal(Regie.Domain.Registry.MembershipRules.NotMemberCode, (await WithPlans(p => p.RecordAgreementAsync(household, new AgreementInput { PersoonId = Guid.NewGuid(), Wijze = "mondeling", Versie = 2 }, default))).Errors[0].Code);
        Assert.True((await WithPlans(p => p.RecordAgreementAsync(household, new AgreementInput { PersoonId = parent, Wijze = "ondertekend", Versie = 2 }, default))).IsOk);
        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.Equal(("Sanne Versies", 2), (plan.Akkoord!.Naam, plan.Akkoord.Versie));
        Assert.False(plan.AkkoordVerouderd);

        var goal = plan.Doelen[0];
        var change = Goal(2);
        change.Status = nameof(GoalStatus.Loopt);
        change.MeetbaarResultaat = "Achterstand afgelost, huur via automatische incasso";
        Assert.True((await WithPlans(p => p.UpdateGoalAsync(household, goal.Id, change, default))).IsOk);
        Assert.True((await WithPlans(p => p.UpdatePlanAsync(household, new PlanInput { Afspraken = "Elke twee weken een huisbezoek", Evaluatiedatum = InDays(42), Kaders = ["Wgs", "Jeugdwet"], Versie = 3 }, default))).IsOk);
        plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.True(plan.AkkoordVerouderd);
        Assert.Equal([LegalFramework.Jeugdwet, LegalFramework.Wgs], plan.Kaders);

        var comparison = (await WithPlans(p => p.CompareAsync(household, plan.Id, 2, 4, default)))!;
        var goalRow = Assert.Single(comparison.Rijen, r => r.Onderdeel.StartsWith("Doel", StringComparison.Ordinal));
        Assert.Equal(DiffKind.Gewijzigd, goalRow.Soort);
        Assert.Contains("Huurachterstand is nul", goalRow.Links);
        Assert.Contains("automatische incasso", goalRow.Rechts);
        Assert.Contains("loopt", goalRow.Rechts);
        Assert.Equal(DiffKind.Nieuw, comparison.Rijen.Single(r => r.Onderdeel == "Afspraken").Soort);
        Assert.Equal("Jeugdwet, Wet gemeentelijke schuldhulpverlening", comparison.Rijen.Single(r => r.Onderdeel == "Wettelijke kaders").Rechts);
    }

    [Fact]
    public async Task Closing_records_outcomes_a_final_assessment_and_the_reason_and_reopening_starts_a_new_trajectory()
    {
        var (household, parent, _) = await Given.Family("Afsluiten", team: Given.Noord);
        await Given.CoordinatedBy(household, Given.Coordinator);
        await WithPlans(p => p.StartAsync(household, default));
        await WithPlans(p => p.AddGoalAsync(household, Goal(1), default));
        var second = Goal(2, domain: "SociaalNetwerk");
        second.Wat = "Elke week iets met anderen doen";
        await WithPlans(p => p.AddGoalAsync(household, second, default));
        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;

        // The closing form asks an outcome for each goal before any was chosen.
        using (var client = await _app.SignedInClientAsync())
        {
            var form = await client.GetAsync($"/huishoudens/{household}/afsluiten");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
            Assert.Contains($"name=\"Input.Uitkomsten[{plan.Doelen[1].Id}]\"", html);
            Assert.Contains("Elke week iets met anderen doen", html);
        }

        async Task<CommandResult<Guid>> Close(ClosingInput input)
        {
            await using var scope = _app.Scope();
            return await scope.ServiceProvider.GetRequiredService<CloseTrajectoryHandler>().HandleAsync(household, input, default);
        }
        var input = new ClosingInput { Reden = nameof(ClosingReason.DoelenBehaald), Uitkomsten = { [plan.Doelen[0].Id] = nameof(GoalStatus.Behaald) }, Versie = 0 };
        var refused = await Close(input);
        Assert.Equal([ClosingRules.OutcomeRequiredCode, ClosingRules.FinalAssessmentRequiredCode], refused.Errors.Select(e => e.Code));
        Assert.Equal($"Uitkomsten[{plan.Doelen[1].Id}]", refused.Errors[0].Field);

        await using (var s = _app.Scope())
            Assert.True((await s.ServiceProvider.GetRequiredService<RecordZrmAssessmentHandler>().HandleAsync(household,
                new ZrmInput { PersonId = parent, Scores = new() { [Regie.Domain.Assessment.ZrmDomain.Financien] = "4" } }, default)).IsOk);
        input.Uitkomsten[plan.Doelen[1].Id] = nameof(GoalStatus.DeelsBehaald);
        input.UitkomstToelichting[plan.Doelen[1].Id] = "Gaat nu naar de buurtkamer, nog niet wekelijks.";
        Assert.True((await Close(input)).IsOk);

        await using (var s = _app.Scope())
        {
            var sp = s.ServiceProvider;
            var closed = (await new PlanCalls(sp).CurrentAsync(household, default))!;
            Assert.False(closed.IsActive);
            Assert.Equal([GoalStatus.Behaald, GoalStatus.DeelsBehaald], closed.Doelen.Select(g => g.Status));
            Assert.Equal("Gaat nu naar de buurtkamer, nog niet wekelijks.", closed.Doelen[1].Toelichting);
            var view = (await sp.GetRequiredService<HouseholdQueries>().GetAsync(household, default))!;
            Assert.Null(view.Regisseur);
            var db = sp.GetRequiredService<RegieDbContext>();
            Assert.Equal(0, await db.CoordinatorAssignments.CountAsync(a => a.HouseholdId == household && a.Until == null));
            Assert.Equal(PlanRules.NoActivePlanCode, (await new PlanCalls(sp).AddGoalAsync(household, Goal(4), default)).Errors[0].Code);
        }
        Assert.Equal(ClosingRules.NotOpenCode, (await Close(input)).Errors[0].Code);

        await using (var s = _app.Scope())
        {
            var trajectories = s.ServiceProvider.GetRequiredService<ReopenTrajectoryHandler>();
            Assert.Equal(ClosingRules.ReopenReasonRequiredCode, (await trajectories.HandleAsync(household, new ReopenInput(), default)).Errors[0].Code);
            Assert.True((await trajectories.HandleAsync(household, new ReopenInput { Aanleiding = "Nieuwe huurachterstand gemeld door de corporatie" }, default)).IsOk);
            Assert.Equal(ClosingRules.AlreadyOpenCode, (await trajectories.HandleAsync(household, new ReopenInput { Aanleiding = "nog een keer" }, default)).Errors[0].Code);
        }
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        await using (var s = _app.Scope())
        {
            var list = await s.ServiceProvider.GetRequiredService<TrajectoryQueries>().ForHouseholdAsync(household, default);
            Assert.Equal(2, list.Count);
            Assert.Null(list[0].Gesloten);
            Assert.Equal((ClosingReason.DoelenBehaald, 2, 1), (list[1].Reden!.Value, list[1].Doelen, list[1].DoelenBehaald));
            var fresh = (await new PlanCalls(s.ServiceProvider).CurrentAsync(household, default))!;
            Assert.True(fresh.IsActive);
            Assert.Empty(fresh.Doelen);
        }
    }

    [Fact]
    public async Task Professional_giving_an_action_a_deadline_in_9999_is_told_so_and_the_plan_is_unchanged()
    {
        var (household, parent, _) = await Given.Family("Deadline", team: Given.Noord);
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        var action = new ActionInput { Omschrijving = "Betalingsregeling vragen", Uitvoerder = "Huishoudlid", PersoonId = parent, Deadline = "31-12-9999", Versie = 1 };

        var refused = await WithPlans(p => p.AddActionAsync(household, action, default));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((Regie.Domain.Common.DateRules.TooLateCode, "Deadline"), (error.Code, error.Field));
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"De deadline (31-12-9999) ligt meer dan 5 jaar vooruit. Kies een datum tot en met {latest}; controleer het jaar.", error.Message);
        var plan = (await WithPlans(p => p.CurrentAsync(household, default)))!;
        Assert.Equal((1, 0), (plan.Versie, plan.Acties.Count));

        // Five years ahead is still a deadline.
        action.Deadline = latest;
        Assert.Equal(2, (await WithPlans(p => p.AddActionAsync(household, action, default))).Value);
    }

    [Fact]
    public async Task Professional_cannot_give_an_action_to_the_functional_administrator_only_to_care_staff()
    {
        var (household, _, _) = await Given.Family("Uitvoerder", team: Given.Noord);
        Assert.True((await WithPlans(p => p.StartAsync(household, default))).IsOk);
        string Id(string email) => _app.Services.CreateScope().ServiceProvider.GetRequiredService<RegieDbContext>().Users.IgnoreQueryFilters().Single(u => u.Email == email).Id;
        var action = new ActionInput { Omschrijving = "Budgetcoach regelen", Uitvoerder = "Professional", MedewerkerId = Id("beheerder@voorbeeld.nl"), Versie = 1 };

        var refused = await WithPlans(p => p.AddActionAsync(household, action, default));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal([(PlanRules.ActionOwnerRequiredCode, "MedewerkerId"), (PlanRules.ActionOwnerRequiredCode, "Naam")], refused.Errors.Select(e => (e.Code, e.Field)));
        Assert.Empty((await WithPlans(p => p.CurrentAsync(household, default)))!.Acties);

        action.MedewerkerId = Id("regisseur@voorbeeld.nl");
        Assert.Equal(2, (await WithPlans(p => p.AddActionAsync(household, action, default))).Value);
    }
}
