using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Conferences;

/// <summary>
/// What every change to a conference shares: the right to work in the file (emergency access reads only), loading the
/// conference of this household with its invitees and decisions (one of another household reads as not found), and saving
/// against the version the user saw, audited once saved.
/// </summary>
public sealed class ConferenceChanges(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(Conference? Conference, CommandResult<T>? Failure)> LoadAsync<T>(Guid householdId, Guid conferenceId, CancellationToken ct)
    {
        if (await access.RefuseAsync<T>(householdId, FileWork.Change, ct, "Het overleg") is { } refused) return (null, refused);
        var c = await db.Conferences.FirstOrDefaultAsync(x => x.Id == conferenceId && x.HouseholdId == householdId, ct);
        if (c is null) return (null, CommandResult<T>.NotFound("Het overleg"));
        c.Load(await db.ConferenceInvitees.Where(i => i.ConferenceId == c.Id).ToListAsync(ct),
            await db.ConferenceDecisions.Where(d => d.ConferenceId == c.Id).ToListAsync(ct));
        return (c, null);
    }

    /// <summary>Saves when the conference is still at the version the user saw; otherwise nothing is saved (409).</summary>
    public async Task<CommandResult<int>> SaveAsync(Conference c, int seenVersion, string detail, CancellationToken ct)
    {
        if (c.Version != seenVersion) return CommandResult<int>.Conflict();
        db.Entry(c).Property(x => x.Version).OriginalValue = seenVersion;
        c.Version = seenVersion + 1;
        var result = await db.SaveOrConflictAsync(c.Version, ct);
        return await audit.AfterAsync(result, AuditResources.Conference, c.HouseholdId, null, $"overleg {c.Id}: {detail}", ct);
    }

    /// <summary>The household, tracked, for the timeline event that goes with a change.</summary>
    public Task<Household> HouseholdAsync(Guid householdId, CancellationToken ct) => db.Households.FirstAsync(h => h.Id == householdId, ct);
}
