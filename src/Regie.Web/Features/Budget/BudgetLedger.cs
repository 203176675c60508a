using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Budget;

/// <summary>
/// The one way money moves: inside a transaction that holds the budget's lock. The transaction's first
/// statement bumps the budget row's version: PostgreSQL then holds that row's lock until commit (a second
/// approval on the same budget waits there), SQLite holds its single write lock. Only after that is the
/// ledger read, so the balance a check uses is the balance the new entries are added to.
/// </summary>
internal static class BudgetLedger
{
    public static async Task<IDbContextTransaction> LockAsync(RegieDbContext db, IEnumerable<Guid> budgetIds, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        // Always in the same order, so two transfers in opposite directions cannot wait for each other.
        foreach (var id in budgetIds.Distinct().Order())
            await db.Database.ExecuteSqlAsync($"UPDATE \"TeamBudgets\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}", ct);
        return tx;
    }

    /// <summary>The team's budget row for the year, created when it is not there; a second creator meets the unique index and reads the first one's.</summary>
    public static async Task<TeamBudget> EnsureBudgetAsync(RegieDbContext db, string gemeentecode, Guid teamId, int year, DateTime now, CancellationToken ct)
    {
        if (await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == teamId && b.Year == year, ct) is { } existing) return existing;
        var budget = new TeamBudget { Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, TeamId = teamId, Year = year, CreatedAt = now, Version = 1 };
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

    public static async Task<BudgetBalance> BalanceAsync(RegieDbContext db, Guid budgetId, CancellationToken ct)
    {
        // Summed here, not in SQL: SQLite keeps decimals as text and would sum them as floating point.
        var entries = await db.BudgetEntries.AsNoTracking().Where(e => e.BudgetId == budgetId).Select(e => new { e.Kind, e.Amount }).ToListAsync(ct);
        return BudgetBalance.Of(entries.Select(e => (e.Kind, e.Amount)));
    }

    /// <summary>Ends the transaction and forgets the unit of work: a check under the lock refused the movement.</summary>
    public static async Task<CommandResult<T>> RefuseAsync<T>(RegieDbContext db, IDbContextTransaction tx, DomainError why)
    {
        await tx.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return CommandResult<T>.Invalid(why);
    }

    /// <summary>Saves the unit of work and commits; a stale spend version rolls everything back and answers "changed by someone else".</summary>
    public static async Task<bool> CommitAsync(RegieDbContext db, IDbContextTransaction tx, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
