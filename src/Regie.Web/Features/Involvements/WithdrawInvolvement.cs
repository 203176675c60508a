using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Involvements;

/// <summary>The caller's organisation withdraws one of its own registrations.</summary>
public sealed class WithdrawInvolvementHandler(RegieDbContext db, AuditLog audit, TimeProvider clock, CallerOrganisation caller)
{
    public const string AuditDetail = "betrokkenheid ingetrokken";

    public async Task<CommandResult<Guid>> HandleAsync(Guid id, CancellationToken ct)
    {
        var organisation = await caller.FindOrAddAsync(ct);
        // A registration past its term but not yet ended can still be withdrawn.
        var involvement = await db.Involvements.Where(Involvement.Open()).FirstOrDefaultAsync(i => i.Id == id, ct);
        // Another organisation's registration is not found: the caller cannot even learn it exists.
        if (involvement is null || organisation is null || involvement.OrganisationId != organisation.Id) return CommandResult<Guid>.NotFound("De betrokkenheid");
        involvement.End(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Involvement.WithdrawnReason);
        var result = await db.SaveOrConflictAsync(id, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"{AuditDetail} door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }
}
