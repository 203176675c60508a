namespace Regie.Web.Data;

/// <summary>A goal the coordinator took from a decision of a case conference: the decision it came from.</summary>
public sealed partial class PlanGoal
{
    /// <summary>The conference decision (besluit) of the same household this goal was taken from; null for every other goal. Set once.</summary>
    public Guid? DecisionId { get; private set; }

    /// <summary>Records the decision this new goal came from (checked by the caller to be one of the household's held conferences).</summary>
    internal void TakeFrom(Guid decisionId) => DecisionId ??= decisionId;
}

/// <summary>An action the coordinator took from a decision of a case conference: the decision it came from.</summary>
public sealed partial class PlanAction
{
    /// <summary>The conference decision (besluit) of the same household this action was taken from; null for every other action. Set once.</summary>
    public Guid? DecisionId { get; private set; }

    /// <summary>Records the decision this new action came from (checked by the caller to be one of the household's held conferences).</summary>
    internal void TakeFrom(Guid decisionId) => DecisionId ??= decisionId;
}
