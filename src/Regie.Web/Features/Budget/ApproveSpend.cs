using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Budget;

/// <summary>The team lead or the municipality approves a spend above the requester's mandate: the money is committed on the ledger.</summary>
public sealed class ApproveSpendHandler(RegieDbContext db, SpendAccess spends, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<SpendStatus>> HandleAsync(Guid spendId, DecisionInput input, CancellationToken ct)
    {
        var (spend, refused) = await spends.ForDecisionAsync(spendId, input.Versie, SpendAction.Approve, ct);
        if (spend is null) return refused!;
        var step = spend.Approve(await spends.DeciderAsync(SpendAction.Approve, ct), input.Reden, clock.GetUtcNow().UtcDateTime);
        if (step.IsRefused) return CommandResult<SpendStatus>.Invalid(step.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);

        await using var tx = await BudgetLedger.LockAsync(db, [spend.BudgetId], ct);
        if (LedgerRules.CheckCommit(await BudgetLedger.BalanceAsync(db, spend.BudgetId, ct), spend.Amount) is { } insufficient)
            return await BudgetLedger.RefuseAsync<SpendStatus>(db, tx, insufficient);
        db.BudgetEntries.AddRange(step.Entries);
        timeline.Approved(household, spend);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<SpendStatus>.Conflict();
        return await audit.AfterAsync(CommandResult<SpendStatus>.Ok(spend.Status), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} goedgekeurd", ct);
    }
}
