using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using System.Linq.Expressions;

namespace Regie.Web.Data;

/// <summary>
/// Every change to a plan goes through these methods, which apply <see cref="PlanRules"/>; each returns the change in one
/// Dutch sentence for the new version, or null with the broken rules in <c>errors</c>. A closed plan refuses every change.
/// </summary>
public sealed partial class Plan
{
    // Not mapped: the goal and action tables have no foreign key to the plan. The use cases load them with the plan.
    private readonly List<PlanGoal> _goals = [];
    private readonly List<PlanAction> _actions = [];

    public IReadOnlyList<PlanGoal> Goals => _goals;
    public IReadOnlyList<PlanAction> Actions => _actions;

    /// <summary>This plan's goal <paramref name="goalId"/>; null when the goal is not in this plan (the one "goal in plan" rule, with <see cref="GoalIn"/>).</summary>
    public PlanGoal? Goal(Guid goalId) => _goals.FirstOrDefault(g => g.Id == goalId);

    /// <summary>This plan's action <paramref name="actionId"/>; null when the action is not in this plan.</summary>
    public PlanAction? Action(Guid actionId) => _actions.FirstOrDefault(a => a.Id == actionId);

    /// <summary><see cref="Goal"/> for queries, where the goals are not loaded: goal <paramref name="goalId"/> of plan <paramref name="planId"/>.</summary>
    public static Expression<Func<PlanGoal, bool>> GoalIn(Guid planId, Guid goalId) => g => g.Id == goalId && g.PlanId == planId;

    public void Load(IEnumerable<PlanGoal> goals, IEnumerable<PlanAction> actions)
    {
        _goals.Clear();
        _goals.AddRange(goals.OrderBy(g => g.Position));
        _actions.Clear();
        _actions.AddRange(actions.OrderBy(a => a.Position));
    }

    /// <summary>
    /// Version 1 of a household's plan, for the household's open trajectory; refused while the household has an active plan.
    /// <paramref name="trajectory"/> finds or opens that trajectory; it is called only once the plan may start.
    /// </summary>
    public static Plan? Start(bool hasActivePlan, Household household, Func<Trajectory> trajectory, DateOnly today, DateTime now, ErrorList errors)
    {
        errors.Add(PlanRules.CheckCanStart(hasActivePlan));
        if (errors.HasErrors) return null;
        return new Plan
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, TrajectoryId = trajectory().Id, StartedOn = today,
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
    }

    /// <summary>The agreements, the next evaluation date and the legal frameworks, which are the trajectory's.</summary>
    public string? Update(PlanFields fields, Trajectory trajectory, DateOnly today, ErrorList errors)
    {
        if (!CheckActive(errors) || PlanRules.CheckPlan(fields, NextEvaluationOn, today, errors) is not { } c) return null;
        _afspraken = c.Afspraken;
        _nextEvaluationOn = c.NextEvaluationOn;
        trajectory.ChangeFrameworks(c.Frameworks);
        return "Afspraken, evaluatiedatum en wettelijke kaders bijgewerkt";
    }

    public (PlanGoal Goal, string Change)? AddGoal(GoalFields fields, IReadOnlyDictionary<Guid, string> members, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!CheckActive(errors) || PlanRules.CheckGoalChange(fields, members, null, today, errors) is not { } c) return null;
        var goal = new PlanGoal
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, PlanId = Id, HouseholdId = HouseholdId,
            Wat = c.Wat, MeetbaarResultaat = c.MeetbaarResultaat, Wie = c.Wie, Status = c.Status, StatusChangedOn = today,
            Position = _goals.Count == 0 ? 1 : _goals.Max(g => g.Position) + 1, CreatedAt = now,
        };
        goal.Apply(c, today);
        _goals.Add(goal);
        return (goal, $"Doel toegevoegd ({Zrm.Label(c.Domain)}): {Short(c.Wat)}");
    }

    /// <summary>Changes a goal of this plan, its status included: an outcome is final, and a goal being worked on does not go back to not started.</summary>
    public string? ChangeGoal(PlanGoal goal, GoalFields fields, IReadOnlyDictionary<Guid, string> members, DateOnly today, ErrorList errors)
    {
        if (!CheckActive(errors) || PlanRules.CheckGoalChange(fields, members, (goal.Status, goal.Streefdatum), today, errors) is not { } c) return null;
        var change = goal.Status != c.Status
            ? $"Doel '{Short(goal.Wat)}': {GoalStatuses.Label(goal.Status).ToLowerInvariant()} → {GoalStatuses.Label(c.Status).ToLowerInvariant()}"
            : $"Doel gewijzigd: {Short(c.Wat)}";
        goal.Apply(c, today);
        return change;
    }

    /// <param name="colleagueName">The name of the colleague the action is for, looked up in this municipality; null when none was chosen or unknown.</param>
    /// <param name="network">The household's current, consented network by name: who a network or volunteer action may name by id.</param>
    public (PlanAction Action, string Change)? AddAction(ActionFields fields, IReadOnlyDictionary<Guid, string> members, string? colleagueName, DateOnly today, DateTime now,
        ErrorList errors, IReadOnlyDictionary<Guid, string>? network = null, IReadOnlyDictionary<Guid, string>? organisations = null)
    {
        if (!CheckActive(errors) || CheckAction(fields, members, colleagueName, today, errors, network, organisations) is not { } c) return null;
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, PlanId = Id, HouseholdId = HouseholdId, Omschrijving = c.Omschrijving, OwnerName = c.OwnerName,
            Position = _actions.Count == 0 ? 1 : _actions.Max(a => a.Position) + 1, CreatedAt = now,
        };
        action.Apply(c);
        _actions.Add(action);
        return (action, ActionChange("Actie toegevoegd", c));
    }

    public string? ChangeAction(PlanAction action, ActionFields fields, IReadOnlyDictionary<Guid, string> members, string? colleagueName, DateOnly today, ErrorList errors,
        IReadOnlyDictionary<Guid, string>? network = null, IReadOnlyDictionary<Guid, string>? organisations = null)
    {
        // The member the action already names may stay, also when they have since ended.
        var kept = action.NetworkMemberId is { } m ? (m, action.OwnerName) : ((Guid, string)?)null;
        if (!CheckActive(errors) || CheckAction(fields, members, colleagueName, today, errors, network, organisations, kept) is not { } c) return null;
        action.Apply(c);
        return ActionChange("Actie gewijzigd", c);
    }

    public string? CompleteAction(PlanAction action, DateOnly today, ErrorList errors)
    {
        if (!CheckActive(errors)) return null;
        errors.Add(PlanRules.CheckCompletion(action.DoneOn));
        if (errors.HasErrors) return null;
        action.Complete(today);
        return $"Actie afgerond ({action.OwnerName}): {Short(action.Omschrijving)}";
    }

    /// <summary>The household's agreement with <paramref name="version"/>, the version they saw. Changes nothing in the plan itself.</summary>
    public PlanAgreement? RecordAgreement(AgreementFields fields, IReadOnlyDictionary<Guid, string> members, int version, DateOnly today, string recordedBy, DateTime now,
        ErrorList errors)
    {
        if (!CheckActive(errors) || PlanRules.CheckAgreement(fields, members, _goals.Count > 0, StartedOn, today, errors) is not { } c) return null;
        return new PlanAgreement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, PlanId = Id, VersionNumber = version, PersonId = c.PersonId, AgreedByName = c.Name,
            AgreedOn = c.AgreedOn, Wijze = c.Wijze, RecordedBy = recordedBy, RecordedAt = now,
        };
    }

    /// <summary>An evaluation held with the household; it sets the next evaluation date (none when left empty).</summary>
    public (PlanEvaluation Evaluation, int? Rating, string Change)? RecordEvaluation(EvaluationFields fields, DateOnly today, string recordedBy, DateTime now, ErrorList errors)
    {
        if (!CheckActive(errors) || PlanRules.CheckEvaluation(fields, StartedOn, today, errors) is not { } c) return null;
        _nextEvaluationOn = c.NextEvaluationOn;
        var evaluation = new PlanEvaluation
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, PlanId = Id, HouseholdId = HouseholdId, HeldOn = c.HeldOn,
            Summary = c.Summary, RecordedBy = recordedBy, CreatedAt = now,
        };
        var change = $"Evaluatie van {DutchDate.Format(c.HeldOn)} vastgelegd" + (c.NextEvaluationOn is { } n ? $"; volgende evaluatie {DutchDate.Format(n)}" : "");
        return (evaluation, c.Rating, change);
    }

    private bool CheckActive(ErrorList errors)
    {
        if (!IsActive) errors.Add(PlanRules.NoActivePlan());
        return IsActive;
    }

    private ActionContent? CheckAction(ActionFields fields, IReadOnlyDictionary<Guid, string> members, string? colleagueName, DateOnly today, ErrorList errors,
        IReadOnlyDictionary<Guid, string>? network, IReadOnlyDictionary<Guid, string>? organisations, (Guid, string)? kept = null) =>
        PlanRules.CheckActionChange(fields, id => Goal(id) is not null, members, colleagueName, today, errors, network, kept, organisations);

    private static string ActionChange(string what, ActionContent c) => $"{what} ({ActionOwnerKinds.ShortLabel(c.OwnerKind)}: {c.OwnerName}): {Short(c.Omschrijving)}";

    private static string Short(string s) => Text.Short(s);
}

public sealed partial class PlanGoal
{
    /// <summary>A status change dates itself; the rules were checked by the plan.</summary>
    internal void Apply(GoalContent c, DateOnly today)
    {
        if (_status != c.Status) _statusChangedOn = today;
        _domain = c.Domain;
        _personId = c.PersonId;
        _wat = c.Wat;
        _meetbaarResultaat = c.MeetbaarResultaat;
        _wie = c.Wie;
        _status = c.Status;
        _streefdatum = c.Streefdatum;
        _toelichting = c.Toelichting;
    }
}

public sealed partial class PlanAction
{
    internal void Apply(ActionContent c)
    {
        _goalId = c.GoalId;
        _omschrijving = c.Omschrijving;
        _ownerKind = c.OwnerKind;
        _ownerName = c.OwnerName;
        _ownerPersonId = c.OwnerPersonId;
        _ownerUserId = c.OwnerUserId;
        _deadline = c.Deadline;
        _networkMemberId = c.NetworkMemberId;
        _ownerOrganisationId = c.OwnerOrganisationId;
    }

    internal void Complete(DateOnly today) => _doneOn = today;
}
