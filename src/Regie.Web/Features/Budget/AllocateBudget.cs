using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>The municipality gives a team money for a year, integral or earmarked for one law; a negative amount corrects an earlier allocation.</summary>
public sealed class AllocateBudgetHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<long>> HandleAsync(AllocationInput input, CancellationToken ct)
    {
        if (!BudgetRoles.IsMunicipality(user)) return CommandResult<long>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var team = input.TeamId is { } tid ? await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        errors.Add(LedgerRules.CheckAllocationTeam(team is not null));
        errors.Add(LedgerRules.CheckYear(input.Jaar, now.Year));
        var amount = errors.Take(Amounts.ParseSigned(input.Bedrag, "Bedrag", "het bedrag"));
        var framework = LedgerRules.ReadEarmark(input.Kader, errors);
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden of het raadsbesluit", BudgetEntry.ReasonMaxLength));
        if (errors.HasErrors) return CommandResult<long>.Invalid(errors.Errors);

        var budget = await BudgetLedger.EnsureBudgetAsync(db, user.Gemeentecode!, team!.Id, input.Jaar, now, ct);
        await using var tx = await BudgetLedger.LockAsync(db, [budget.Id], ct);
        if (LedgerRules.CheckAllocation(await BudgetLedger.BalanceAsync(db, budget.Id, ct), amount) is { } tooLarge)
            return await BudgetLedger.RefuseAsync<long>(db, tx, tooLarge);
        var entry = budget.Allocate(amount, framework, reason!, new BudgetActor(user.ActorId, user.ActorName), clock.GetUtcNow().UtcDateTime);
        db.BudgetEntries.Add(entry);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<long>.Conflict();
        await audit.RecordAsync(AuditActions.Create, AuditResources.Budget, detail: $"toekenning {new Money(amount)} aan {team.Name} ({input.Jaar})", ct: ct);
        return CommandResult<long>.Ok(entry.Id);
    }
}
