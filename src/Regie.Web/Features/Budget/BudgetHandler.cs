using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>
/// The municipality's side of the integral budget: a yearly budget per team (optionally earmarked per law),
/// moving money between teams with a reason, and the figures — all derived from the ledger.
/// </summary>
public sealed class BudgetHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string TeamRequiredCode = "budget-team-required";
    public const string YearInvalidCode = "budget-year-invalid";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public int CurrentYear => Today.Year;

    /// <summary>Why a year asked of the overview or the report cannot be answered (<see cref="DateRules.CheckQueryYear"/>); null when it can or none was asked.</summary>
    public DomainError? AskedYearError(int? year) => year is { } y ? DateRules.CheckQueryYear(y, Today, "jaar") : null;
    private bool IsMunicipality => user.IsSystem || user.Role == Roles.Beleid;

    public async Task<CommandResult<long>> AllocateAsync(AllocationInput input, CancellationToken ct)
    {
        if (!IsMunicipality) return CommandResult<long>.Forbidden();
        var errors = new ErrorList();
        var team = input.TeamId is { } tid ? await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        if (team is null) errors.Add(new DomainError(TeamRequiredCode, "TeamId", "Kies het team."));
        CheckYear(input.Jaar, errors);
        var amount = errors.Take(Amounts.ParseSigned(input.Bedrag, "Bedrag", "het bedrag"));
        LegalFramework? framework = null;
        if (!string.IsNullOrWhiteSpace(input.Kader))
        {
            framework = LegalFrameworks.Parse(input.Kader);
            if (framework is null) errors.Add(new DomainError(LegalFrameworks.InvalidCode, "Kader", "Kies een wettelijk kader uit de lijst, of geen oormerk."));
        }
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden of het raadsbesluit", BudgetEntry.ReasonMaxLength));
        if (errors.HasErrors) return CommandResult<long>.Invalid(errors.Errors);

        var budget = await EnsureBudgetAsync(team!.Id, input.Jaar, ct);
        await using var tx = await BudgetLedger.LockAsync(db, [budget.Id], ct);
        if (LedgerRules.CheckAllocation(await BudgetLedger.BalanceAsync(db, budget.Id, ct), amount) is { } tooLarge)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return CommandResult<long>.Invalid(tooLarge);
        }
        var entry = Entry(budget, EntryKind.Toekenning, amount, reason!, framework);
        db.BudgetEntries.Add(entry);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<long>.Conflict();
        await audit.RecordAsync(AuditActions.Create, AuditResources.Budget, detail: $"toekenning {new Money(amount)} aan {team.Name} ({input.Jaar})", ct: ct);
        return CommandResult<long>.Ok(entry.Id);
    }

    public async Task<CommandResult<long>> TransferAsync(TransferInput input, CancellationToken ct)
    {
        if (!IsMunicipality) return CommandResult<long>.Forbidden();
        var errors = new ErrorList();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var from = input.VanTeamId is { } f ? teams.GetValueOrDefault(f) : null;
        var to = input.NaarTeamId is { } n ? teams.GetValueOrDefault(n) : null;
        if (from is null) errors.Add(new DomainError(TeamRequiredCode, "VanTeamId", "Kies het team dat geld afstaat."));
        if (to is null) errors.Add(new DomainError(TeamRequiredCode, "NaarTeamId", "Kies het team dat het geld krijgt."));
        if (from is not null && from.Id == to?.Id) errors.Add(new DomainError(LedgerRules.TransferSameTeamCode, "NaarTeamId", "Kies twee verschillende teams."));
        CheckYear(input.Jaar, errors);
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het bedrag"));
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden", BudgetEntry.ReasonMaxLength));
        if (errors.HasErrors) return CommandResult<long>.Invalid(errors.Errors);

        var source = await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == from!.Id && b.Year == input.Jaar, ct);
        if (source is null) return CommandResult<long>.Invalid(new DomainError(SpendHandler.NoBudgetCode, "VanTeamId", $"{from!.Name} heeft geen budget voor {input.Jaar}."));
        var target = await EnsureBudgetAsync(to!.Id, input.Jaar, ct);
        await using var tx = await BudgetLedger.LockAsync(db, [source.Id, target.Id], ct);
        if (LedgerRules.CheckTransfer(await BudgetLedger.BalanceAsync(db, source.Id, ct), amount) is { } tooMuch)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return CommandResult<long>.Invalid(tooMuch);
        }
        var outgoing = Entry(source, EntryKind.Overboeking, -amount, $"Naar {to.Name}: {reason}", null, to.Id);
        db.BudgetEntries.Add(outgoing);
        db.BudgetEntries.Add(Entry(target, EntryKind.Overboeking, amount, $"Van {from!.Name}: {reason}", null, from.Id));
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<long>.Conflict();
        await audit.RecordAsync(AuditActions.Create, AuditResources.Budget, detail: $"overboeking {new Money(amount)} van {from.Name} naar {to.Name} ({input.Jaar})", ct: ct);
        return CommandResult<long>.Ok(outgoing.Id);
    }

    private void CheckYear(int year, ErrorList errors)
    {
        if (year < CurrentYear - 1 || year > CurrentYear + 1)
            errors.Add(new DomainError(YearInvalidCode, "Jaar", $"Kies een jaar van {CurrentYear - 1} tot en met {CurrentYear + 1}."));
    }

    /// <summary>Creates the team's budget row for the year when it is not there; a second creator meets the unique index and reads the first one's.</summary>
    private async Task<TeamBudget> EnsureBudgetAsync(Guid teamId, int year, CancellationToken ct)
    {
        if (await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == teamId && b.Year == year, ct) is { } existing) return existing;
        var budget = new TeamBudget { Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, TeamId = teamId, Year = year, CreatedAt = clock.GetUtcNow().UtcDateTime, Version = 1 };
        db.TeamBudgets.Add(budget);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            db.ChangeTracker.Clear();
            return await db.TeamBudgets.AsNoTracking().FirstAsync(b => b.TeamId == teamId && b.Year == year, ct);
        }
        db.Entry(budget).State = EntityState.Detached;
        return budget;
    }

    private BudgetEntry Entry(TeamBudget budget, EntryKind kind, decimal amount, string reason, LegalFramework? framework, Guid? counterpart = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new BudgetEntry
        {
            Gemeentecode = budget.Gemeentecode, BudgetId = budget.Id, TeamId = budget.TeamId, Year = budget.Year, Kind = kind, Framework = framework, Amount = amount,
            CounterpartTeamId = counterpart, Reason = Text.Truncate(reason, BudgetEntry.ReasonMaxLength), BookedOn = DateOnly.FromDateTime(now), OccurredAt = now,
            ActorId = Text.Truncate(user.ActorId, 64), ActorName = Text.Truncate(user.ActorName, 200),
        };
    }

    /// <summary>Every team's budget for the year with its figures per law; the team lead sees their own team, the municipality all.</summary>
    public async Task<IReadOnlyList<TeamBudgetView>> OverviewAsync(int year, CancellationToken ct)
    {
        var budgets = db.TeamBudgets.AsNoTracking().Where(b => b.Year == year);
        if (user.Role is Roles.Teamleider or Roles.Professional) budgets = budgets.Where(b => b.TeamId == user.TeamId);
        else if (!IsMunicipality) return [];
        var list = await budgets.ToListAsync(ct);
        var ids = list.Select(b => b.Id).ToList();
        var entries = await db.BudgetEntries.AsNoTracking().Where(e => ids.Contains(e.BudgetId)).Select(e => new { e.BudgetId, e.Kind, e.Framework, e.Amount }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return list.Select(b =>
        {
            var own = entries.Where(e => e.BudgetId == b.Id).ToList();
            var balance = BudgetBalance.Of(own.Select(e => (e.Kind, e.Amount)));
            var perFramework = own.GroupBy(e => e.Framework).Select(g =>
            {
                var part = BudgetBalance.Of(g.Select(e => (e.Kind, e.Amount)));
                return new FrameworkBalanceView(g.Key, part.Allocated, part.Committed, part.Paid);
            }).OrderBy(f => f.Kader is null ? 0 : 1).ThenBy(f => f.Kader).ToList();
            var (spent, passed) = balance.BurnRate(Today, year);
            return new TeamBudgetView(b.Id, b.TeamId, teams.GetValueOrDefault(b.TeamId) ?? "", year, View(balance), perFramework, spent, passed, b.Version);
        }).OrderBy(v => v.Team).ToList();
    }

    public static BalanceView View(BudgetBalance b) => new(b.Allocated, b.Committed, b.Paid, b.Remaining);

    /// <summary>The ledger of one budget, oldest first. Read-only: there is no way to change an entry.</summary>
    public async Task<IReadOnlyList<EntryView>?> LedgerAsync(Guid budgetId, CancellationToken ct)
    {
        var budget = await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId, ct);
        if (budget is null || !(IsMunicipality || (user.Role == Roles.Teamleider && budget.TeamId == user.TeamId))) return null;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == budget.TeamId).Select(t => t.Name).FirstAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Budget, detail: $"grootboek {team} {budget.Year}", ct: ct);
        return (await db.BudgetEntries.AsNoTracking().Where(e => e.BudgetId == budgetId).OrderBy(e => e.Id).ToListAsync(ct))
            .Select(e => new EntryView(e.Id, team, e.Kind, e.Framework, e.Amount, e.SpendId, e.Domain, e.Reason, e.BookedOn, e.OccurredAt, e.ActorName)).ToList();
    }

    /// <summary>The largest approved or paid spends of the year, without names of residents.</summary>
    public async Task<IReadOnlyList<LargestSpendView>> LargestAsync(int year, int take, CancellationToken ct)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var q = db.Spends.AsNoTracking().Where(s => s.RequestedAt >= from && s.RequestedAt < to && (s.Status == SpendStatus.Goedgekeurd || s.Status == SpendStatus.Betaald));
        if (user.Role is Roles.Teamleider) q = q.Where(s => s.TeamId == user.TeamId);
        else if (!IsMunicipality) return [];
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        // Ordered in memory: SQLite cannot order by a decimal stored as text.
        var rows = await q.Select(s => new { s.Id, s.TeamId, s.Kind, s.Description, s.Amount, s.Status, s.RequestedAt }).ToListAsync(ct);
        return rows.OrderByDescending(s => s.Amount).Take(take)
            .Select(s => new LargestSpendView(s.Id, teams.GetValueOrDefault(s.TeamId) ?? "", s.Kind, s.Description, s.Amount, s.Status, DateOnly.FromDateTime(s.RequestedAt))).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(CancellationToken ct) =>
        (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
}
