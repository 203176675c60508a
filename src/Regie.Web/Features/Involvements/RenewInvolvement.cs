using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Involvements;

/// <summary>Renews one of the caller's own active registrations: it runs for another <see cref="InvolvementOptions.MaxYears"/> years from today.</summary>
public sealed class RenewInvolvementHandler(RegieDbContext db, AuditLog audit, InvolvementOptions options, TimeProvider clock, CallerOrganisation caller)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid id, CancellationToken ct)
    {
        var organisation = await caller.FindOrAddAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // An expired registration is over: it is registered again, not renewed.
        var involvement = await db.Involvements.Where(Involvement.ActiveOn(today)).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (involvement is null || organisation is null || involvement.OrganisationId != organisation.Id) return CommandResult<Guid>.NotFound("De betrokkenheid");
        involvement.Renew(today, options.MaxYears);
        var result = await db.SaveOrConflictAsync(id, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"betrokkenheid verlengd door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }
}
