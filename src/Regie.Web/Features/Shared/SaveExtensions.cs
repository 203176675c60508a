using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regie.Web.Data;

namespace Regie.Web.Features.Shared;

public static class SaveExtensions
{
    /// <summary>
    /// Saves the unit of work. A stale version or a unique index that another save claimed
    /// first becomes a "someone else changed this" answer instead of an error page; nothing is half-saved.
    /// Every other database error (a value too long, a missing row a key points to) is a fault, not a
    /// race, and surfaces as one.
    /// </summary>
    public static async Task<CommandResult<T>> SaveOrConflictAsync<T>(this RegieDbContext db, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult<T>.Ok(value);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            db.ChangeTracker.Clear();
            return CommandResult<T>.Conflict();
        }
    }

    /// <summary>
    /// A save that lost to another: a row version that changed since it was read, or a unique index
    /// (SQLite's unique or primary-key constraint, PostgreSQL's 23505) that another save claimed first.
    /// </summary>
    public static bool IsConflict(this DbUpdateException e) => e switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: SqliteException { SqliteErrorCode: SqliteUniqueViolation.Constraint, SqliteExtendedErrorCode: SqliteUniqueViolation.Unique or SqliteUniqueViolation.PrimaryKey } } => true,
        { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => false,
    };

    /// <summary>SQLite's result codes for a unique violation (sqlite.org/rescode.html).</summary>
    private static class SqliteUniqueViolation
    {
        public const int Constraint = 19;
        public const int Unique = 2067;
        public const int PrimaryKey = 1555;
    }
}
