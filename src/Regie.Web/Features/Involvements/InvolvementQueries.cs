using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Involvements;

/// <summary>One of the caller's organisation's active registrations, for its own list.</summary>
public sealed record OwnInvolvement(Guid Id, string Bsn, DateOnly Sinds, DateOnly Tot, string Contact);

public sealed class InvolvementQueries(RegieDbContext db, CallerOrganisation caller, TimeProvider clock)
{
    /// <summary>The caller's organisation's active registrations, newest first.</summary>
    public async Task<IReadOnlyList<OwnInvolvement>> OwnAsync(CancellationToken ct)
    {
        if (await caller.FindOrAddAsync(ct) is not { } organisation) return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.Involvements.AsNoTracking().Where(Involvement.ActiveOn(today)).Where(i => i.OrganisationId == organisation.Id)
            .OrderByDescending(i => i.StartedOn).Take(500).Select(i => new OwnInvolvement(i.Id, i.Bsn, i.StartedOn, i.ExpiresOn, i.ContactName)).ToListAsync(ct);
    }
}
