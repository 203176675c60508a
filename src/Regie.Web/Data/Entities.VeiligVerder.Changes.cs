using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// Every change to a Veilig Verder plan goes through these methods, which apply <see cref="VeiligVerderRules"/>. Each
/// returns the change in one Dutch sentence, or null with the broken rules in <c>errors</c>. The household plan it belongs
/// to must be active: a closed plan's Veilig Verder plan is read-only. Each change marks the plan as changed, so saving it
/// bumps <see cref="Version"/> (and a stale version is refused by the database).
/// </summary>
public sealed partial class VeiligVerderPlan
{
    // Not mapped: the child tables have no foreign key to the plan. The use cases load them with the plan.
    private readonly List<SafetyGoal> _goals = [];
    private readonly List<SafetyArrangement> _arrangements = [];
    private readonly List<SafetyCheck> _checks = [];

    public IReadOnlyList<SafetyGoal> Goals => _goals;
    public IReadOnlyList<SafetyArrangement> Arrangements => _arrangements;
    public IReadOnlyList<SafetyCheck> Checks => _checks;

    public void Load(IEnumerable<SafetyGoal> goals, IEnumerable<SafetyArrangement> arrangements, IEnumerable<SafetyCheck> checks)
    {
        _goals.Clear();
        _goals.AddRange(goals.OrderBy(g => g.Position));
        _arrangements.Clear();
        _arrangements.AddRange(arrangements.OrderBy(a => a.Position));
        _checks.Clear();
        _checks.AddRange(checks.OrderBy(c => c.Position));
    }

    /// <summary>Version 1 of the annex to <paramref name="plan"/>; refused when the plan is closed or already has one.</summary>
    public static VeiligVerderPlan? Start(Plan plan, bool exists, string startedBy, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!plan.IsActive) errors.Add(PlanRules.NoActivePlan());
        else if (exists) errors.Add(VeiligVerderRules.AlreadyStarted());
        if (errors.HasErrors) return null;
        return new VeiligVerderPlan
        {
            Id = Guid.CreateVersion7(), Gemeentecode = plan.Gemeentecode, PlanId = plan.Id, HouseholdId = plan.HouseholdId, StartedOn = today, StartedBy = startedBy,
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
    }

    public (SafetyGoal Goal, string Change)? AddGoal(Plan plan, SafetyGoalFields fields, IReadOnlyDictionary<Guid, string> members, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckGoal(fields, members, null, today, errors) is not { } c) return null;
        var goal = new SafetyGoal { Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, VeiligVerderPlanId = Id, HouseholdId = HouseholdId, Position = Next(_goals.Select(g => g.Position)), CreatedAt = now };
        goal.Apply(c);
        _goals.Add(goal);
        return (goal, Changed(now, $"Veiligheidsdoel toegevoegd: {Short(c.Wat)}"));
    }

    public string? ChangeGoal(Plan plan, SafetyGoal goal, SafetyGoalFields fields, IReadOnlyDictionary<Guid, string> members, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckGoal(fields, members, (goal.Status, goal.Streefdatum), today, errors) is not { } c) return null;
        var change = goal.Status != c.Status
            ? $"Veiligheidsdoel '{Short(goal.Wat)}': {SafetyGoalStatuses.Label(c.Status).ToLowerInvariant()}"
            : $"Veiligheidsdoel gewijzigd: {Short(c.Wat)}";
        goal.Apply(c);
        return Changed(now, change);
    }

    public (SafetyArrangement Arrangement, string Change)? AddArrangement(Plan plan, SafetyArrangementFields fields, IReadOnlyDictionary<Guid, string> members, DateTime now,
        ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckArrangement(fields, members, errors) is not { } c) return null;
        var arrangement = new SafetyArrangement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, VeiligVerderPlanId = Id, HouseholdId = HouseholdId, Position = Next(_arrangements.Select(a => a.Position)), CreatedAt = now,
        };
        arrangement.Apply(c);
        _arrangements.Add(arrangement);
        return (arrangement, Changed(now, $"Veiligheidsafspraak toegevoegd ({c.Name}): {Short(c.Wat)}"));
    }

    public string? ChangeArrangement(Plan plan, SafetyArrangement arrangement, SafetyArrangementFields fields, IReadOnlyDictionary<Guid, string> members, DateTime now, ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckArrangement(fields, members, errors) is not { } c) return null;
        arrangement.Apply(c);
        return Changed(now, $"Veiligheidsafspraak gewijzigd ({c.Name}): {Short(c.Wat)}");
    }

    public (SafetyCheck Check, string Change)? AddCheck(Plan plan, SafetyCheckFields fields, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckCheck(fields, null, today, errors) is not { } c) return null;
        var check = new SafetyCheck { Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, VeiligVerderPlanId = Id, HouseholdId = HouseholdId, Position = Next(_checks.Select(x => x.Position)), CreatedAt = now };
        check.Apply(c);
        _checks.Add(check);
        return (check, Changed(now, $"Toezicht toegevoegd: {c.Who}, {SafetyVocabulary.Label(c.Method).ToLowerInvariant()}"));
    }

    public string? ChangeCheck(Plan plan, SafetyCheck check, SafetyCheckFields fields, DateOnly today, DateTime now, ErrorList errors)
    {
        if (!IsOpen(plan, errors) || VeiligVerderRules.CheckCheck(fields, check.NextOn, today, errors) is not { } c) return null;
        check.Apply(c);
        return Changed(now, $"Toezicht gewijzigd: {c.Who}, {SafetyVocabulary.Label(c.Method).ToLowerInvariant()}");
    }

    /// <summary>The household's agreement with <see cref="Version"/>, the version they saw. Changes nothing in the plan itself.</summary>
    public VeiligVerderAgreement? RecordAgreement(Plan plan, AgreementFields fields, IReadOnlyDictionary<Guid, string> members, DateOnly today, string recordedBy, DateTime now,
        ErrorList errors)
    {
        if (!IsOpen(plan, errors)
            || VeiligVerderRules.CheckAgreement(fields, members, _goals.Count > 0 || _arrangements.Count > 0, StartedOn, today, errors) is not { } c) return null;
        return new VeiligVerderAgreement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, VeiligVerderPlanId = Id, VersionNumber = Version, PersonId = c.PersonId, AgreedByName = c.Name,
            AgreedOn = c.AgreedOn, Wijze = c.Wijze, RecordedBy = recordedBy, RecordedAt = now,
        };
    }

    /// <summary>A closed plan's Veilig Verder plan is read-only, like the plan.</summary>
    private bool IsOpen(Plan plan, ErrorList errors)
    {
        var open = plan.Id == PlanId && plan.IsActive;
        if (!open) errors.Add(PlanRules.NoActivePlan());
        return open;
    }

    private string Changed(DateTime now, string change)
    {
        UpdatedAt = now;
        return change;
    }

    private static int Next(IEnumerable<int> positions) => positions.DefaultIfEmpty(0).Max() + 1;

    private static string Short(string s) => Text.Short(s);
}

public sealed partial class SafetyGoal
{
    internal void Apply(SafetyGoalContent c) => (Wat, PersonId, Streefdatum, Status) = (c.Wat, c.PersonId, c.Streefdatum, c.Status);
}

public sealed partial class SafetyArrangement
{
    internal void Apply(SafetyArrangementContent c) => (ActorKind, PersonId, ActorName, Wat, Signaal) = (c.Kind, c.PersonId, c.Name, c.Wat, c.Signaal);
}

public sealed partial class SafetyCheck
{
    internal void Apply(SafetyCheckContent c) => (Who, Method, Every, Unit, NextOn) = (c.Who, c.Method, c.Every, c.Unit, c.NextOn);
}
