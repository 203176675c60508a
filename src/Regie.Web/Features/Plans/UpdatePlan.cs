using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Changes the agreements, the next evaluation date and the legal frameworks.</summary>
public sealed class UpdatePlanHandler(PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, PlanInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        var change = work.Plan.Update(new PlanFields(input.Afspraken, input.Evaluatiedatum, input.Kaders), work.Trajectory, changes.Today, errors);
        if (change is null) return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
