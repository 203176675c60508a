using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Marks an action as done today.</summary>
public sealed class CompleteActionHandler(PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid actionId, VersionInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        if (work.Plan.Action(actionId) is not { } action) return CommandResult<int>.NotFound("De actie");
        var errors = new ErrorList();
        if (work.Plan.CompleteAction(action, changes.Today, errors) is not { } change) return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
