using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>The budgets' figures, all derived from the ledger: per team and law, the ledger itself, the largest spends.</summary>
public sealed class BudgetQueries(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public int CurrentYear => Today.Year;

    /// <summary>Why a year asked of the overview or the report cannot be answered (<see cref="DateRules.CheckQueryYear"/>); null when it can or none was asked.</summary>
    public DomainError? AskedYearError(int? year) => year is { } y ? DateRules.CheckQueryYear(y, Today, "jaar") : null;
    private bool IsMunicipality => BudgetRoles.IsMunicipality(user);

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
