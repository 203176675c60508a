using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>The municipality moves money from one team's budget to another's, with a reason; never more than the giving team has free.</summary>
public sealed class TransferBudgetHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<long>> HandleAsync(TransferInput input, CancellationToken ct)
    {
        if (!BudgetRoles.IsMunicipality(user)) return CommandResult<long>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var from = input.VanTeamId is { } f ? teams.GetValueOrDefault(f) : null;
        var to = input.NaarTeamId is { } n ? teams.GetValueOrDefault(n) : null;
        LedgerRules.CheckTransferTeams(from?.Id, to?.Id, errors);
        errors.Add(LedgerRules.CheckYear(input.Jaar, now.Year));
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het bedrag"));
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden", BudgetEntry.ReasonMaxLength));
        if (errors.HasErrors) return CommandResult<long>.Invalid(errors.Errors);

        var source = await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == from!.Id && b.Year == input.Jaar, ct);
        if (source is null) return CommandResult<long>.Invalid(LedgerRules.NoBudgetToTransfer(from!.Name, input.Jaar));
        var target = await BudgetLedger.EnsureBudgetAsync(db, user.Gemeentecode!, to!.Id, input.Jaar, now, ct);
        await using var tx = await BudgetLedger.LockAsync(db, [source.Id, target.Id], ct);
        if (LedgerRules.CheckTransfer(await BudgetLedger.BalanceAsync(db, source.Id, ct), amount) is { } tooMuch)
            return await BudgetLedger.RefuseAsync<long>(db, tx, tooMuch);
        var (outgoing, incoming) = TeamBudget.Transfer(source, from!.Name, target, to.Name, amount, reason!, new BudgetActor(user.ActorId, user.ActorName), clock.GetUtcNow().UtcDateTime);
        db.BudgetEntries.AddRange(outgoing, incoming);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<long>.Conflict();
        await audit.RecordAsync(AuditActions.Create, AuditResources.Budget, detail: $"overboeking {new Money(amount)} van {from.Name} naar {to.Name} ({input.Jaar})", ct: ct);
        return CommandResult<long>.Ok(outgoing.Id);
    }
}
