using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Changes a goal of the active plan, or its status.</summary>
public sealed class ChangeGoalHandler(PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid goalId, GoalInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        if (work.Plan.Goal(goalId) is not { } goal) return CommandResult<int>.NotFound("Het doel");
        var errors = new ErrorList();
        if (work.Plan.ChangeGoal(goal, input.ToFields(), work.Members, changes.Today, errors) is not { } change) return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
