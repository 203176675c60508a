using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Budget;

/// <summary>The team cancels a spend that is not yet paid, with a reason; money already committed is released.</summary>
public sealed class CancelSpendHandler(RegieDbContext db, SpendAccess spends, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<SpendStatus>> HandleAsync(Guid spendId, DecisionInput input, CancellationToken ct)
    {
        var (spend, refused) = await spends.ForTeamAsync(spendId, input.Versie, ct);
        if (spend is null) return refused!;
        var step = spend.Cancel(input.Reden, spends.Actor, clock.GetUtcNow().UtcDateTime);
        if (step.IsRefused) return CommandResult<SpendStatus>.Invalid(step.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);

        await using var tx = await BudgetLedger.LockAsync(db, [spend.BudgetId], ct);
        db.BudgetEntries.AddRange(step.Entries);
        timeline.Cancelled(household, spend);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<SpendStatus>.Conflict();
        return await audit.AfterAsync(CommandResult<SpendStatus>.Ok(spend.Status), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} geannuleerd", ct);
    }
}
