using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>The plan entity applies each change only through its rules: a refused change leaves it as it was, a valid one is applied whole.</summary>
public sealed class PlanEntityTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Members = new() { [Sanne] = "Sanne Jansen" };

    private static readonly Household Household = new() { Id = Guid.NewGuid(), Gemeentecode = "9999", Naam = "Huishouden Jansen", Postcode = "9911AB", Woonplaats = "Voorbeeld" };

    private static Trajectory OpenTrajectory() => Trajectory.Open(Household, Guid.NewGuid(), null, "u-1", Today, Now);

    private static Plan NewPlan()
    {
        var plan = Plan.Start(false, Household, OpenTrajectory, Today.AddDays(-30), Now, new ErrorList())!;
        plan.Load([], []);
        return plan;
    }

    private static GoalFields Goal(string wat = "Geen huurschuld", string? status = null) =>
        new("Financien", Sanne, wat, "Achterstand is nul", "22-02-2027", "Sanne", status, null);

    private static ActionFields Action(Guid? goal = null) => new(goal, "Oma past op dinsdag op", "Netwerk", "Oma Jansen", null, null, null);

    [Fact]
    public void A_plan_starts_at_version_one_unless_the_household_has_an_active_plan()
    {
        var errors = new ErrorList();
        Assert.Null(Plan.Start(true, Household, OpenTrajectory, Today, Now, errors));
        Assert.Equal((PlanRules.PlanExistsCode, "Dit huishouden heeft al een actief plan. Eén huishouden, één plan."), (errors.Errors[0].Code, errors.Errors[0].Message));
        var plan = Plan.Start(false, Household, OpenTrajectory, Today, Now, new ErrorList())!;
        Assert.Equal((1, Household.Id, "9999", Today, (DateOnly?)null), (plan.Version, plan.HouseholdId, plan.Gemeentecode, plan.StartedOn, plan.ClosedOn));
    }

    [Fact]
    public void A_plan_starts_for_the_trajectory_it_is_given_which_is_opened_only_when_the_plan_may_start()
    {
        var opened = 0;
        var trajectory = OpenTrajectory();
        Trajectory Open()
        {
            opened++;
            return trajectory;
        }

        Assert.Null(Plan.Start(true, Household, Open, Today, Now, new ErrorList()));
        Assert.Equal(0, opened);
        var plan = Plan.Start(false, Household, Open, Today, Now, new ErrorList())!;
        Assert.Equal((1, trajectory.Id, Now, Now), (opened, plan.TrajectoryId, plan.CreatedAt, plan.UpdatedAt));
    }

    [Fact]
    public void A_goal_or_action_is_found_only_in_its_own_plan()
    {
        var plan = NewPlan();
        var (goal, _) = plan.AddGoal(Goal(), Members, Today, Now, new ErrorList())!.Value;
        var (action, _) = plan.AddAction(Action(goal.Id), Members, null, Today, Now, new ErrorList())!.Value;
        Assert.Same(goal, plan.Goal(goal.Id));
        Assert.Same(action, plan.Action(action.Id));
        Assert.Null(plan.Goal(action.Id));
        Assert.Null(plan.Action(goal.Id));
        Assert.Null(NewPlan().Goal(goal.Id));
        var inPlan = Plan.GoalIn(plan.Id, goal.Id).Compile();
        Assert.True(inPlan(goal));
        Assert.False(Plan.GoalIn(Guid.NewGuid(), goal.Id).Compile()(goal));
        Assert.False(Plan.GoalIn(plan.Id, Guid.NewGuid()).Compile()(goal));
    }

    [Fact]
    public void A_plan_is_active_until_it_is_closed_and_the_query_expression_says_the_same()
    {
        var open = NewPlan();
        var closed = new Plan { Gemeentecode = "9999", ClosedOn = Today };
        Assert.Equal((true, false), (open.IsActive, closed.IsActive));
        var active = Plan.Active.Compile();
        Assert.Equal((true, false), (active(open), active(closed)));
    }

    [Fact]
    public void Goals_are_added_in_order_and_a_status_change_is_dated()
    {
        var plan = NewPlan();
        var (first, change) = plan.AddGoal(Goal(), Members, Today, Now, new ErrorList())!.Value;
        Assert.Equal("Doel toegevoegd (Financiën): Geen huurschuld", change);
        var (second, _) = plan.AddGoal(Goal("Werk"), Members, Today, Now, new ErrorList())!.Value;
        Assert.Equal([1, 2], plan.Goals.Select(g => g.Position));
        Assert.Equal((plan.Id, plan.HouseholdId, GoalStatus.Open, Sanne), (first.PlanId, first.HouseholdId, first.Status, first.PersonId));

        var later = Today.AddDays(3);
        Assert.Equal("Doel 'Werk': nog niet gestart → loopt", plan.ChangeGoal(second, Goal("Werk", "Loopt"), Members, later, new ErrorList()));
        Assert.Equal((GoalStatus.Loopt, later), (second.Status, second.StatusChangedOn));
        Assert.Equal("Doel gewijzigd: Werk voor drie dagen", plan.ChangeGoal(second, Goal("Werk voor drie dagen", "Loopt"), Members, later.AddDays(1), new ErrorList()));
        Assert.Equal(later, second.StatusChangedOn);
    }

    [Fact]
    public void A_refused_goal_change_leaves_the_goal_as_it_was()
    {
        var plan = NewPlan();
        var (goal, _) = plan.AddGoal(Goal(status: "Behaald"), Members, Today, Now, new ErrorList())!.Value;
        var errors = new ErrorList();
        Assert.Null(plan.ChangeGoal(goal, Goal("Anders", "Loopt"), Members, Today, errors));
        Assert.Equal(PlanRules.GoalStatusChangeCode, Assert.Single(errors.Errors).Code);
        Assert.Equal(("Geen huurschuld", GoalStatus.Behaald), (goal.Wat, goal.Status));

        errors = new ErrorList();
        Assert.Null(plan.AddGoal(Goal() with { PersoonId = Guid.NewGuid() }, Members, Today, Now, errors));
        Assert.Equal(Regie.Domain.Registry.MembershipRules.NotMemberCode, Assert.Single(errors.Errors).Code);
        Assert.Single(plan.Goals);
    }

    [Fact]
    public void Actions_belong_to_a_goal_of_this_plan_and_are_completed_once()
    {
        var plan = NewPlan();
        var errors = new ErrorList();
        Assert.Null(plan.AddAction(Action(Guid.NewGuid()), Members, null, Today, Now, errors));
        Assert.Equal((PlanRules.GoalNotFoundCode, "DoelId", "Kies een doel uit dit plan."), (errors.Errors[0].Code, errors.Errors[0].Field, errors.Errors[0].Message));
        Assert.Empty(plan.Actions);

        var (goal, _) = plan.AddGoal(Goal(), Members, Today, Now, new ErrorList())!.Value;
        var (action, change) = plan.AddAction(Action(goal.Id), Members, null, Today, Now, new ErrorList())!.Value;
        Assert.Equal("Actie toegevoegd (netwerk: Oma Jansen): Oma past op dinsdag op", change);
        Assert.Equal((goal.Id, ActionOwnerKind.Netwerk, 1), (action.GoalId, action.OwnerKind, action.Position));
        Assert.Equal("Actie gewijzigd (netwerk: Opa Jansen): Oma past op dinsdag op", plan.ChangeAction(action, Action(goal.Id) with { Naam = "Opa Jansen" }, Members, null, Today, new ErrorList()));

        Assert.Equal("Actie afgerond (Opa Jansen): Oma past op dinsdag op", plan.CompleteAction(action, Today, new ErrorList()));
        Assert.Equal(Today, action.DoneOn);
        errors = new ErrorList();
        Assert.Null(plan.CompleteAction(action, Today.AddDays(1), errors));
        Assert.Equal((PlanRules.ActionAlreadyDoneCode, "Deze actie is al afgerond."), (errors.Errors[0].Code, errors.Errors[0].Message));
        Assert.Equal(Today, action.DoneOn);
    }

    [Fact]
    public void An_agreement_needs_goals_and_is_for_the_version_seen()
    {
        var plan = NewPlan();
        var errors = new ErrorList();
        Assert.Null(plan.RecordAgreement(new AgreementFields(Sanne, null, "mondeling"), Members, 1, Today, "u-1", Now, errors));
        Assert.Equal(PlanRules.NoGoalsCode, Assert.Single(errors.Errors).Code);

        plan.AddGoal(Goal(), Members, Today, Now, new ErrorList());
        var agreement = plan.RecordAgreement(new AgreementFields(Sanne, null, "mondeling"), Members, 2, Today, "u-1", Now, new ErrorList())!;
        Assert.Equal((plan.Id, 2, "Sanne Jansen", Today, "mondeling", "u-1"),
            (agreement.PlanId, agreement.VersionNumber, agreement.AgreedByName, agreement.AgreedOn, agreement.Wijze, agreement.RecordedBy));
    }

    [Fact]
    public void An_evaluation_sets_the_next_evaluation_date_and_a_refused_one_does_not()
    {
        var plan = NewPlan();
        var errors = new ErrorList();
        Assert.Null(plan.RecordEvaluation(new EvaluationFields(null, "Goed gesprek", "05-01-2027", "11"), Today, "u-1", Now, errors));
        Assert.Equal(PlanRules.RatingInvalidCode, Assert.Single(errors.Errors).Code);
        Assert.Null(plan.NextEvaluationOn);

        var (evaluation, rating, change) = plan.RecordEvaluation(new EvaluationFields(null, "Goed gesprek", "05-01-2027", "8"), Today, "u-1", Now, new ErrorList())!.Value;
        Assert.Equal((8, "Evaluatie van 22-11-2026 vastgelegd; volgende evaluatie 05-01-2027"), (rating, change));
        Assert.Equal((Today, "Goed gesprek", plan.Id), (evaluation.HeldOn, evaluation.Summary, evaluation.PlanId));
        Assert.Equal(new DateOnly(2027, 1, 5), plan.NextEvaluationOn);
    }

    [Fact]
    public void Updating_the_plan_sets_the_trajectorys_frameworks()
    {
        var plan = NewPlan();
        var trajectory = new Trajectory { Gemeentecode = "9999", OpenedBy = "u-1" };
        Assert.Equal("Afspraken, evaluatiedatum en wettelijke kaders bijgewerkt",
            plan.Update(new PlanFields("Elke week een huisbezoek", "05-01-2027", ["Wgs", "Jeugdwet"]), trajectory, Today, new ErrorList()));
        Assert.Equal(("Elke week een huisbezoek", new DateOnly(2027, 1, 5), "Jeugdwet,Wgs"), (plan.Afspraken, plan.NextEvaluationOn, trajectory.Frameworks));
    }

    [Fact]
    public void A_closed_plan_refuses_every_change()
    {
        var plan = NewPlan();
        var (goal, _) = plan.AddGoal(Goal(), Members, Today, Now, new ErrorList())!.Value;
        var (action, _) = plan.AddAction(Action(), Members, null, Today, Now, new ErrorList())!.Value;
        plan.Close(new Dictionary<Guid, GoalStatus> { [goal.Id] = GoalStatus.Behaald }, new Dictionary<Guid, string>(), Today, Now);
        var trajectory = new Trajectory { Gemeentecode = "9999", OpenedBy = "u-1" };
        var attempts = new Func<ErrorList, object?>[]
        {
            e => plan.Update(new PlanFields("x", null, []), trajectory, Today, e),
            e => plan.AddGoal(Goal(), Members, Today, Now, e),
            e => plan.ChangeGoal(goal, Goal("Anders"), Members, Today, e),
            e => plan.AddAction(Action(), Members, null, Today, Now, e),
            e => plan.ChangeAction(action, Action(), Members, null, Today, e),
            e => plan.CompleteAction(action, Today, e),
            e => plan.RecordAgreement(new AgreementFields(Sanne, null, "mondeling"), Members, 1, Today, "u-1", Now, e),
            e => plan.RecordEvaluation(new EvaluationFields(null, "Goed", null, null), Today, "u-1", Now, e),
        };
        foreach (var attempt in attempts)
        {
            var errors = new ErrorList();
            Assert.Null(attempt(errors));
            Assert.Equal((PlanRules.NoActivePlanCode, "Dit huishouden heeft geen actief plan. Start eerst een plan."), (errors.Errors[0].Code, errors.Errors[0].Message));
        }
        Assert.Equal(("Geen huurschuld", null, 1, 1), (goal.Wat, action.DoneOn, plan.Goals.Count, plan.Actions.Count));
    }
}
