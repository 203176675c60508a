using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// A trajectory opens once and closes once. <see cref="CheckClosing"/> says what the closing form lacks;
/// <see cref="Close"/> refuses what it refuses, so a second closing or an unchecked one is a bug, not a state.
/// </summary>
public sealed partial class Trajectory
{
    public bool IsOpen => _closedOn is null;

    /// <summary>A new open trajectory for the household, held by <paramref name="teamId"/>. The database's unique index refuses a second open one.</summary>
    public static Trajectory Open(Household household, Guid? teamId, Guid? requestId, string openedBy, DateOnly today, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, TeamId = teamId, RequestId = requestId,
        OpenedOn = today, OpenedBy = openedBy, CreatedAt = now,
    };

    /// <summary>
    /// Checks a closing against the plan's goals (none without a plan) and the newest ZRM assessment since opening.
    /// Null with the broken rules in <paramref name="errors"/>; a closed trajectory refuses with <see cref="ClosingRules.NotOpenCode"/>.
    /// </summary>
    public ClosingContent? CheckClosing(ClosingFields fields, IEnumerable<PlanGoal> goals, DateOnly? latestAssessment, DateOnly today, ErrorList errors)
    {
        if (!IsOpen)
        {
            errors.Add(ClosingRules.NotOpen());
            return null;
        }
        return ClosingRules.CheckClosing(fields, goals.Select(g => (g.Id, g.Wat, g.Status)), latestAssessment, today, errors);
    }

    /// <summary>Closes the trajectory with a checked closing (<see cref="CheckClosing"/>); the plan is closed by <see cref="Plan.Close"/>.</summary>
    public void Close(ClosingContent closing, string closedBy, DateOnly today)
    {
        if (!IsOpen) throw new DomainException(ClosingRules.NotOpen());
        _closedOn = today;
        ClosingReason = closing.Reason;
        ClosingNote = closing.Note;
        ClosedBy = closedBy;
    }

    /// <summary>The legal frameworks, as set through <see cref="Plan.Update"/>, which checks them.</summary>
    internal void ChangeFrameworks(string? frameworks)
    {
        if (!IsOpen) throw new DomainException(ClosingRules.NotOpen());
        _frameworks = frameworks;
    }
}

public sealed partial class Plan
{
    /// <summary>A saved change: the use case that saves it stamps the time.</summary>
    public void MarkSaved(DateTime at) => _updatedAt = at;

    /// <summary>
    /// Closes the plan with its trajectory: every goal without an outcome gets the one in <paramref name="outcomes"/> (dated
    /// <paramref name="today"/>), a goal named in <paramref name="explanations"/> gets that text, and after this the plan refuses
    /// every change. Refuses a closed plan, a goal left without an outcome and an outcome that is not one.
    /// </summary>
    public void Close(IReadOnlyDictionary<Guid, GoalStatus> outcomes, IReadOnlyDictionary<Guid, string> explanations, DateOnly today, DateTime now)
    {
        if (_closedOn is not null) throw new DomainException(PlanRules.NoActivePlan());
        var open = _goals.Where(g => !GoalStatuses.IsFinal(g.Status)).ToList();
        foreach (var goal in open)
            if (!outcomes.TryGetValue(goal.Id, out var outcome) || !GoalStatuses.IsFinal(outcome))
                throw new DomainException(ClosingRules.OutcomeRequired(goal.Id, goal.Wat));
        foreach (var goal in open) goal.RecordOutcome(outcomes[goal.Id], today);
        foreach (var goal in _goals)
            if (explanations.TryGetValue(goal.Id, out var text)) goal.Explain(text);
        _closedOn = today;
        _updatedAt = now;
    }
}

public sealed partial class PlanGoal
{
    internal void RecordOutcome(GoalStatus outcome, DateOnly today)
    {
        _status = outcome;
        _statusChangedOn = today;
    }

    internal void Explain(string text) => _toelichting = text;
}
