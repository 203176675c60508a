using Microsoft.EntityFrameworkCore;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Consent;

/// <summary>One consent as the coordinator sees it: for whom, what, given when and by whom, and whether and when it was revoked.</summary>
/// <param name="Reikwijdte">The scopes: "inkijk", "berichten".</param>
public sealed record ConsentView(Guid Id, Guid OrganisatieId, string Organisatie, IReadOnlyList<string> Reikwijdte, DateOnly GegevenOp, string GegevenDoor,
    string VastgelegdDoor, DateTime VastgelegdOp, bool Actief, DateOnly? IngetrokkenOp, string? IngetrokkenDoor);

/// <summary>A partner organisation consent can be given to.</summary>
public sealed record ConsentOrganisation(Guid Id, string Naam);

/// <summary>The household's consents, active and revoked (the history), for the care roles that may open the file. Every read is on record.</summary>
public sealed class ConsentQueries(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    /// <summary>Null when the file does not exist or is not the user's to open (indistinguishable on purpose).</summary>
    public async Task<IReadOnlyList<ConsentView>?> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var rows = await db.Consents.AsNoTracking().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.RecordedAt)
            .Select(c => new { Consent = c, Organisation = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Consent, householdId, ct: ct);
        return rows.Select(r => View(r.Consent, r.Organisation ?? "?")).ToList();
    }

    public async Task<IReadOnlyList<ConsentOrganisation>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKinds.Partner).OrderBy(o => o.Name)
            .Select(o => new ConsentOrganisation(o.Id, o.Name)).ToListAsync(ct);

    private static ConsentView View(Data.Consent c, string organisation) =>
        new(c.Id, c.OrganisationId, organisation, c.ScopeList.Select(ConsentScopes.Value).ToList(), c.GivenOn, c.GivenByName, c.RecordedByName, c.RecordedAt,
            c.IsActive, c.RevokedOn, c.RevokedByName);
}
