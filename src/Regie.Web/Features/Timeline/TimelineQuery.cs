using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Timeline;

public sealed record TimelineEntry(long Id, string Type, DateTime OccurredAt, DateOnly EffectiveDate, string ActorName, string Summary);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? NextBefore);

public sealed class TimelineQuery(RegieDbContext db, Audit.AuditLog audit, Access.FileAccessService access)
{
    public const int PageSize = 25;

    /// <summary>The timeline on its own (API, older pages); the household page's first page is covered by its household read.</summary>
    public async Task<TimelinePage?> ReadAsync(Guid householdId, long? before, CancellationToken ct)
    {
        if (!(await access.VisiblePartsAsync(householdId, ct)).Contains(Access.FileAccessService.Parts.Timeline)) return null;
        await audit.RecordAsync(Audit.AuditActions.Read, Audit.AuditResources.Timeline, householdId: householdId, ct: ct);
        return await ForHouseholdAsync(householdId, before, ct);
    }

    /// <summary>Newest first; keyset paging on the event sequence, so page 100 costs what page 1 costs.</summary>
    public async Task<TimelinePage> ForHouseholdAsync(Guid householdId, long? before, CancellationToken ct)
    {
        var q = db.HouseholdEvents.AsNoTracking().Where(e => e.HouseholdId == householdId);
        if (before is { } b) q = q.Where(e => e.Id < b);
        var rows = await q.OrderByDescending(e => e.Id).Take(PageSize + 1)
            .Select(e => new TimelineEntry(e.Id, e.Type, e.OccurredAt, e.EffectiveDate, e.ActorName, e.Summary))
            .ToListAsync(ct);
        var hasMore = rows.Count > PageSize;
        if (hasMore) rows.RemoveAt(PageSize);
        return new TimelinePage(rows, hasMore ? rows[^1].Id : null);
    }
}
