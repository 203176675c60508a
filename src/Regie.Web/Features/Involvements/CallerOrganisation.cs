using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

/// <summary>The organisation the signed-in user or API key acts for; created by name on first use so a new partner's key works at once.</summary>
public sealed class CallerOrganisation(RegieDbContext db, CurrentUser user)
{
    /// <summary>Adds a new organisation to the unit of work; the caller's save stores it.</summary>
    public async Task<Organisation?> FindOrAddAsync(CancellationToken ct)
    {
        // A linked account or key acts for its organisation by id, whatever the organisation is called now.
        if (user.OrganisationId is { } id) return await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (user.Organisation is not { Length: > 0 } name || user.Gemeentecode is null) return null;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (organisation is not null) return organisation;
        organisation = new Organisation
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode, Name = name, Kind = user.Role == Roles.Afdeling ? OrganisationKinds.Afdeling : OrganisationKinds.Partner,
        };
        db.Organisations.Add(organisation);
        return organisation;
    }
}
