using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>A trajectory and its plan close once, through their own methods: every open goal gets an outcome, and after that nothing changes.</summary>
public sealed class TrajectoryClosingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Members = new() { [Sanne] = "Sanne Jansen" };
    private static readonly Dictionary<Guid, string> NoExplanations = [];

    private static readonly Household Household = new() { Id = Guid.NewGuid(), Gemeentecode = "9999", Naam = "Huishouden Jansen", Postcode = "9911AB", Woonplaats = "Voorbeeld" };

    private static Trajectory OpenTrajectory() => Trajectory.Open(Household, Guid.NewGuid(), null, "u-1", Today.AddDays(-60), Now.AddDays(-60));

    private static (Plan Plan, PlanGoal Open, PlanGoal Reached) PlanWithTwoGoals()
    {
        var plan = Plan.Start(false, Household, OpenTrajectory, Today.AddDays(-60), Now.AddDays(-60), new ErrorList())!;
        plan.Load([], []);
        var (open, _) = plan.AddGoal(Goal("Geen huurschuld"), Members, Today.AddDays(-60), Now, new ErrorList())!.Value;
        var (reached, _) = plan.AddGoal(Goal("Werk", "Behaald"), Members, Today.AddDays(-30), Now, new ErrorList())!.Value;
        return (plan, open, reached);
    }

    private static GoalFields Goal(string wat, string? status = null) => new("Financien", Sanne, wat, "Achterstand is nul", "22-02-2027", "Sanne", status, null);

    private static ClosingFields Fields(Guid goal, string outcome = "DeelsBehaald") =>
        new("DoelenBehaald", null, new Dictionary<Guid, string> { [goal] = outcome }, NoExplanations);

    [Fact]
    public void A_trajectory_opens_for_the_household_and_its_team()
    {
        var team = Guid.NewGuid();
        var request = Guid.NewGuid();
        var trajectory = Trajectory.Open(Household, team, request, "u-1", Today, Now);
        Assert.Equal((Household.Id, "9999", team, request, Today, "u-1", Now, true, (DateOnly?)null),
            (trajectory.HouseholdId, trajectory.Gemeentecode, trajectory.TeamId, trajectory.RequestId, trajectory.OpenedOn, trajectory.OpenedBy, trajectory.CreatedAt,
                trajectory.IsOpen, trajectory.ClosedOn));
    }

    [Fact]
    public void Closing_a_trajectory_records_the_reason_the_note_and_who_closed_it()
    {
        var trajectory = OpenTrajectory();
        var closing = trajectory.CheckClosing(new ClosingFields("Anders", "Verhuisd naar familie", new Dictionary<Guid, string>(), NoExplanations), [], Today, Today, new ErrorList())!;
        trajectory.Close(closing, "u-2", Today);
        Assert.Equal((false, Today, ClosingReason.Anders, "Verhuisd naar familie", "u-2"),
            (trajectory.IsOpen, trajectory.ClosedOn, trajectory.ClosingReason, trajectory.ClosingNote, trajectory.ClosedBy));
    }

    [Fact]
    public void Closing_a_trajectory_twice_is_refused()
    {
        var trajectory = OpenTrajectory();
        var closing = trajectory.CheckClosing(new ClosingFields("InwonerStopt", null, new Dictionary<Guid, string>(), NoExplanations), [], Today, Today, new ErrorList())!;
        trajectory.Close(closing, "u-1", Today);

        var errors = new ErrorList();
        Assert.Null(trajectory.CheckClosing(new ClosingFields("DoelenBehaald", null, new Dictionary<Guid, string>(), NoExplanations), [], Today, Today.AddDays(1), errors));
        Assert.Equal((ClosingRules.NotOpenCode, "Dit huishouden heeft geen open traject."), (Assert.Single(errors.Errors).Code, errors.Errors[0].Message));
        var refused = Assert.Throws<DomainException>(() => trajectory.Close(closing with { Reason = ClosingReason.DoelenBehaald }, "u-2", Today.AddDays(1)));
        Assert.Equal(ClosingRules.NotOpenCode, refused.Error.Code);
        Assert.Equal((Today, ClosingReason.InwonerStopt, "u-1"), (trajectory.ClosedOn, trajectory.ClosingReason, trajectory.ClosedBy));
    }

    [Fact]
    public void Closing_without_an_outcome_for_an_open_goal_or_a_recent_final_assessment_is_refused()
    {
        var trajectory = OpenTrajectory();
        var (plan, open, _) = PlanWithTwoGoals();
        var errors = new ErrorList();
        Assert.Null(trajectory.CheckClosing(new ClosingFields(null, null, new Dictionary<Guid, string>(), NoExplanations), plan.Goals, Today.AddDays(-31), Today, errors));
        Assert.Equal([ClosingRules.ReasonRequiredCode, ClosingRules.OutcomeRequiredCode, ClosingRules.FinalAssessmentRequiredCode], errors.Errors.Select(e => e.Code));
        Assert.Equal($"Uitkomsten[{open.Id}]", errors.Errors[1].Field);
        Assert.True(trajectory.IsOpen);
    }

    [Fact]
    public void Closing_the_plan_gives_each_open_goal_its_outcome_and_keeps_an_earlier_one()
    {
        var trajectory = OpenTrajectory();
        var (plan, open, reached) = PlanWithTwoGoals();
        var fields = Fields(open.Id) with { UitkomstToelichting = new Dictionary<Guid, string> { [reached.Id] = "Werkt nu drie dagen" } };
        var closing = trajectory.CheckClosing(fields, plan.Goals, Today, Today, new ErrorList())!;
        Assert.Equal([(open.Id, GoalStatus.DeelsBehaald)], closing.Outcomes.Select(o => (o.Key, o.Value)));

        plan.Close(closing.Outcomes, closing.Explanations, Today, Now);
        Assert.Equal((GoalStatus.DeelsBehaald, Today, (string?)null), (open.Status, open.StatusChangedOn, open.Toelichting));
        Assert.Equal((GoalStatus.Behaald, Today.AddDays(-30), "Werkt nu drie dagen"), (reached.Status, reached.StatusChangedOn, reached.Toelichting));
        Assert.Equal((Today, Now), (plan.ClosedOn, plan.UpdatedAt));
    }

    [Fact]
    public void Closing_a_plan_without_an_outcome_for_an_open_goal_is_refused_and_changes_nothing()
    {
        var (plan, open, reached) = PlanWithTwoGoals();
        var refused = Assert.Throws<DomainException>(() =>
            plan.Close(new Dictionary<Guid, GoalStatus> { [reached.Id] = GoalStatus.NietBehaald }, new Dictionary<Guid, string> { [open.Id] = "x" }, Today, Now));
        Assert.Equal((ClosingRules.OutcomeRequiredCode, $"Uitkomsten[{open.Id}]"), (refused.Error.Code, refused.Error.Field));

        refused = Assert.Throws<DomainException>(() => plan.Close(new Dictionary<Guid, GoalStatus> { [open.Id] = GoalStatus.Loopt }, NoExplanations, Today, Now));
        Assert.Equal(ClosingRules.OutcomeRequiredCode, refused.Error.Code);
        Assert.Equal(((DateOnly?)null, GoalStatus.Open, (string?)null, GoalStatus.Behaald), (plan.ClosedOn, open.Status, open.Toelichting, reached.Status));
    }

    [Fact]
    public void Closing_a_plan_twice_is_refused()
    {
        var (plan, open, _) = PlanWithTwoGoals();
        plan.Close(new Dictionary<Guid, GoalStatus> { [open.Id] = GoalStatus.Behaald }, NoExplanations, Today, Now);
        var refused = Assert.Throws<DomainException>(() => plan.Close(new Dictionary<Guid, GoalStatus>(), NoExplanations, Today.AddDays(1), Now.AddDays(1)));
        Assert.Equal(PlanRules.NoActivePlanCode, refused.Error.Code);
        Assert.Equal((Today, Now), (plan.ClosedOn, plan.UpdatedAt));
    }

    [Fact]
    public void A_goal_outcome_after_closing_is_refused()
    {
        var (plan, open, _) = PlanWithTwoGoals();
        plan.Close(new Dictionary<Guid, GoalStatus> { [open.Id] = GoalStatus.NietBehaald }, NoExplanations, Today, Now);
        var errors = new ErrorList();
        Assert.Null(plan.ChangeGoal(open, Goal("Geen huurschuld", "Behaald"), Members, Today.AddDays(1), errors));
        Assert.Equal(PlanRules.NoActivePlanCode, Assert.Single(errors.Errors).Code);
        Assert.Equal((GoalStatus.NietBehaald, Today), (open.Status, open.StatusChangedOn));
    }

    [Fact]
    public void A_saved_plan_change_stamps_its_time()
    {
        var (plan, _, _) = PlanWithTwoGoals();
        plan.MarkSaved(Now.AddHours(2));
        Assert.Equal(Now.AddHours(2), plan.UpdatedAt);
    }
}
