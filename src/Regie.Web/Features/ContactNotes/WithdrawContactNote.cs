using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.ContactNotes;

/// <summary>
/// Withdraws (trekt in) a contact note with a reason, for instance one recorded in the wrong file: it no longer counts and
/// changes no more, and stays with all its versions, who withdrew it, when and why, in the file's history.
/// </summary>
public sealed class WithdrawContactNoteHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid noteId, WithdrawContactNoteInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct, "De contactnotitie") is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        var note = await db.ContactNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.HouseholdId == householdId, ct);
        if (household is null || note is null) return CommandResult<int>.NotFound("De contactnotitie");
        var errors = new ErrorList();
        var reason = ContactNoteRules.CheckWithdrawReason(input.Reden, errors);
        errors.Add(ContactNoteRules.CheckNotWithdrawn(note.WithdrawnAt));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (note.Version != input.Versie) return CommandResult<int>.Conflict();
        var now = clock.GetUtcNow().UtcDateTime;
        if (note.Withdraw(reason!, user.ActorId, user.ActorName, now) is { } error) return CommandResult<int>.Invalid(error);
        db.Entry(note).Property(n => n.Version).OriginalValue = input.Versie;
        household.Touch(now);
        timeline.Record(household, EventTypes.ContactNoteWithdrawn, $"Contactnotitie ({ContactKinds.Label(note.Kind)} op {Format.Date(note.Date)}) ingetrokken",
            note.Date, data: new { contactnotitie = note.Id, soort = note.Kind.ToString(), versie = note.Version });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(note.Version, ct), AuditResources.ContactNote, householdId, null,
            $"contactnotitie {note.Id} ingetrokken: {reason}", ct);
    }
}
