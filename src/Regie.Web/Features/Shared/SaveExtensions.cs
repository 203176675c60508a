using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Shared;

public static class SaveExtensions
{
    /// <summary>
    /// Saves the unit of work. A stale version or a unique index that another save claimed
    /// first becomes a "someone else changed this" answer instead of an error page; nothing is half-saved.
    /// </summary>
    public static async Task<CommandResult<T>> SaveOrConflictAsync<T>(this RegieDbContext db, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult<T>.Ok(value);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<T>.Conflict();
        }
    }
}
