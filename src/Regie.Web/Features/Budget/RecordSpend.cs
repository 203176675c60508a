using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Budget;

/// <summary>
/// A professional commits an amount for a plan goal from the team's integral budget: within their mandate it is
/// approved at once, above it the team lead decides, above the second limit the municipality (the beleid role).
/// </summary>
public sealed class RecordSpendHandler(RegieDbContext db, FileAccessService access, SpendQueries queries, SpendComparisons comparisons, CurrentUser user,
    AuditLog audit, TimelineWriter timeline, BudgetSettings settings, TimeProvider clock)
{
    private bool IsSpender => user.IsSystem || user.Role is Roles.Professional or Roles.Teamleider;

    /// <summary>
    /// Null when the user may record a spend for this household: a spender whose team holds the file. Someone who
    /// may only read it (emergency access) or was added to it answers 403 with the access rule's code; a file the
    /// user may not open at all, 404. A household no team holds has no budget to spend from (<see cref="SpendRules.NoTeamCode"/>).
    /// </summary>
    public async Task<CommandResult<Guid>?> RefuseAsync(Guid householdId, CancellationToken ct)
    {
        var level = await access.DecideAsync(householdId, ct);
        if (level == FileAccessLevel.Denied) return CommandResult<Guid>.NotFound("Het huishouden");
        if (!IsSpender) return CommandResult<Guid>.Forbidden();
        if (FileAccessRules.CheckWork(level, FileWork.Hold) is { } refusal) return CommandResult<Guid>.Forbidden(refusal);
        return await db.Households.AnyAsync(h => h.Id == householdId && h.ResponsibleTeamId != null, ct) ? null : CommandResult<Guid>.Invalid(SpendRules.NoTeam);
    }

    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, SpendInput input, CancellationToken ct)
    {
        if (await RefuseAsync(householdId, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var goal = (await queries.GoalsAsync(householdId, ct)).FirstOrDefault(g => g.Id == input.DoelId);
        if (goal.Id == Guid.Empty) errors.Add(SpendRules.GoalRequired);
        var kind = SpendRules.ParseKind(input.Soort, errors);
        var description = errors.Take(TextRules.Required(input.Omschrijving, "Omschrijving", "een korte omschrijving", Spend.DescriptionMaxLength));
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het bedrag"));
        var justification = errors.Take(TextRules.Required(input.Onderbouwing, "Onderbouwing", "de onderbouwing", Spend.JustificationMaxLength));
        var frameworks = SpendRules.ParseFrameworks(input.Kaders, errors);
        var comparison = await comparisons.BuildAsync(input, errors, ct);
        // The money is the holding team's: the spend is booked on its budget, whoever of the team records it.
        var teamId = household.ResponsibleTeamId!.Value;
        var year = DateOnly.FromDateTime(now).Year;
        var budget = await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == teamId && b.Year == year, ct);
        if (budget is null) errors.Add(LedgerRules.NoBudgetToSpend(year));
        if (errors.HasErrors || budget is null) return CommandResult<Guid>.Invalid(errors.Errors);

        var ownMandate = user.IsSystem ? BudgetSettings.DefaultFor(Roles.Professional) : await settings.MandateOfAsync(user.ActorId, user.Role, ct);
        var spend = Spend.Request(household, budget, (goal.Id, goal.Domain), kind!.Value, description!, justification!, amount, frameworks, goal.Voorstel,
            Mandates.Required(amount, ownMandate, await settings.TeamLeadLimitAsync(ct)), new BudgetActor(user.ActorId, user.ActorName), now,
            comparison is null ? null : JsonSerializer.Serialize(SpendComparisons.ToView(comparison, amount)), comparison?.AvoidedEstimate(amount));
        db.Spends.Add(spend);
        timeline.Committed(household, spend);
        if (spend.Level != ApprovalLevel.Mandaat)
            return await audit.AfterAsync(await db.SaveOrConflictAsync(spend.Id, ct), AuditResources.Spend, householdId, null, $"uitgave {spend.Id} aangevraagd", ct, AuditActions.Create);

        await using var tx = await BudgetLedger.LockAsync(db, [budget.Id], ct);
        if (LedgerRules.CheckCommit(await BudgetLedger.BalanceAsync(db, budget.Id, ct), amount) is { } insufficient)
            return await BudgetLedger.RefuseAsync<Guid>(db, tx, insufficient);
        db.BudgetEntries.AddRange(spend.ApproveWithinMandate(now).Entries);
        timeline.Approved(household, spend);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<Guid>.Conflict();
        return await audit.AfterAsync(CommandResult<Guid>.Ok(spend.Id), AuditResources.Spend, householdId, null, $"uitgave {spend.Id} binnen mandaat", ct, AuditActions.Create);
    }
}
