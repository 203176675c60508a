using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Budget;

/// <summary>The team lead or the municipality refuses a spend, with a reason; no money moves.</summary>
public sealed class RefuseSpendHandler(RegieDbContext db, SpendAccess spends, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<SpendStatus>> HandleAsync(Guid spendId, DecisionInput input, CancellationToken ct)
    {
        var (spend, refused) = await spends.ForDecisionAsync(spendId, input.Versie, SpendAction.Refuse, ct);
        if (spend is null) return refused!;
        var step = spend.Refuse(await spends.DeciderAsync(SpendAction.Refuse, ct), input.Reden, clock.GetUtcNow().UtcDateTime);
        if (step.IsRefused) return CommandResult<SpendStatus>.Invalid(step.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);
        timeline.Refused(household, spend);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(spend.Status, ct), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} afgewezen", ct);
    }
}
