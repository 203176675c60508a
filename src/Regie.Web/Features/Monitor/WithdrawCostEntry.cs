using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Monitor;

/// <summary>A cost entry in force is withdrawn: it leaves the monitor's figures and stays visible in the history.</summary>
public sealed class WithdrawCostEntryHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!RecordCostEntryHandler.MayKeepCosts(user)) return CommandResult<Guid>.Forbidden();
        var entry = await db.MonitorCostEntries.FirstOrDefaultAsync(e => e.Id == id && e.WithdrawnAt == null, ct);
        if (entry is null) return CommandResult<Guid>.NotFound("De kostenpost");
        entry.Withdraw(user.ActorName, clock.GetUtcNow().UtcDateTime);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(id, ct), AuditResources.MonitorCost, null, null, $"kostenpost {entry.Id} ingetrokken: {entry.Description}", ct);
    }
}
