using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Documents;

/// <summary>
/// Withdraws (trekt in) a document with a reason: its content is removed for good, its record (name, type, size, hash, who
/// uploaded it, who withdrew it, when and why) stays for the audit trail.
/// </summary>
public sealed class WithdrawDocumentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid documentId, WithdrawInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct, "Het document") is { } refused) return refused;
        var d = await db.Documents.FirstOrDefaultAsync(x => x.Id == documentId && x.HouseholdId == householdId, ct);
        if (d is null) return CommandResult<int>.NotFound("Het document");
        var reason = TextRules.Required(input.Reden, "Reden", "de reden", DocumentRules.ReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);
        // Withdrawn already answers as such whatever version was sent: a stale version would only send the caller to reload and try again.
        if (!d.IsWithdrawn && d.Version != input.Versie) return CommandResult<int>.Conflict();
        if (d.Withdraw(reason.Value, user.ActorId, clock.GetUtcNow().UtcDateTime) is { } error) return CommandResult<int>.Invalid(error);
        db.Entry(d).Property(x => x.Version).OriginalValue = input.Versie;
        d.Version = input.Versie + 1;
        var content = await db.DocumentContents.FirstOrDefaultAsync(c => c.DocumentId == d.Id, ct);
        if (content is not null) db.DocumentContents.Remove(content);
        var result = await db.SaveOrConflictAsync(d.Version, ct);
        return await audit.AfterAsync(result, AuditResources.Document, householdId, d.PersonId, $"document {d.Id} ingetrokken: {reason.Value}", ct);
    }
}
