using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Starts the Veilig Verder plan as an annex to the household's active plan; one per plan.</summary>
public sealed class StartVeiligVerderHandler(RegieDbContext db, CurrentUser user, VeiligVerderChanges changes, AuditLog audit)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, CancellationToken ct)
    {
        var (plan, failure) = await changes.ActivePlanAsync<Guid>(householdId, ct);
        if (plan is null) return failure!;
        var exists = await db.VeiligVerderPlans.AnyAsync(v => v.PlanId == plan.Id, ct);
        var errors = new ErrorList();
        if (VeiligVerderPlan.Start(plan, exists, user.ActorId, changes.Today, changes.Now, errors) is not { } vv) return CommandResult<Guid>.Invalid(errors.Errors);
        db.VeiligVerderPlans.Add(vv);
        // Two workers starting at once: the unique index on the plan lets one win; the other gets a conflict.
        return await audit.AfterAsync(await db.SaveOrConflictAsync(vv.Id, ct), AuditResources.SafetyPlan, householdId, null, "Veilig Verder-plan gestart", ct, AuditActions.Create);
    }
}
