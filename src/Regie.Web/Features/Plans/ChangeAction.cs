using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Changes an action of the active plan.</summary>
public sealed class ChangeActionHandler(Data.RegieDbContext db, Assignees.AssigneeQueries assignees, PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid actionId, ActionInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        if (work.Plan.Action(actionId) is not { } action) return CommandResult<int>.NotFound("De actie");
        var colleague = await AddActionHandler.ColleagueNameAsync(assignees, input, ct);
        var errors = new ErrorList();
        if (work.Plan.ChangeAction(action, input.ToFields(), work.Members, colleague, changes.Today, errors, work.Network, await PlanChanges.OrganisationsAsync(db, ct)) is not { } change)
            return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
