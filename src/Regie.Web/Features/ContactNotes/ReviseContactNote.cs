using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.ContactNotes;

/// <summary>
/// Changes a contact note as a new version: the earlier versions stay as they were, readable in its history. A save that
/// changes nothing makes no version; a save against a version that is no longer the newest is refused.
/// </summary>
public sealed class ReviseContactNoteHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid noteId, ContactNoteInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct, "De contactnotitie") is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        // Another household's note is not found here, also when its id is known.
        var note = await db.ContactNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.HouseholdId == householdId, ct);
        if (household is null || note is null) return CommandResult<int>.NotFound("De contactnotitie");
        note.Load(await db.ContactNoteVersions.AsNoTracking().Where(v => v.ContactNoteId == noteId).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        // Who the note named stays nameable, also when they have left the household since.
        var members = (await PlanVersions.MembersAsync(db, householdId, ct))
            .Where(m => m.Current || note.Versions[^1].Persons.Contains(m.PersonId)).ToDictionary(m => m.PersonId, m => m.Name);
        var content = ContactNoteRules.Check(input.ToFields(), members, DateOnly.FromDateTime(now), errors);
        var reason = ContactNoteRules.CheckReason(input.Reden, errors);
        errors.Add(ContactNoteRules.CheckNotWithdrawn(note.WithdrawnAt));
        if (content is null || errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (note.Version != input.Versie) return CommandResult<int>.Conflict();
        // Nothing changed: nothing is saved, so the version the user saw stays the one to send next.
        if (note.Revise(content, reason, user.ActorId, user.ActorName, now) is not var (version, changes)) return CommandResult<int>.Ok(note.Version);
        db.Entry(note).Property(n => n.Version).OriginalValue = input.Versie;
        db.ContactNoteVersions.Add(version);
        household.Touch(now);
        timeline.Record(household, EventTypes.ContactNoteRevised, ContactNoteText.Revised(content, note.Version, changes), content.Date,
            data: new { contactnotitie = note.Id, soort = content.Kind.ToString(), versie = note.Version });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(note.Version, ct), AuditResources.ContactNote, householdId, null,
            $"contactnotitie {note.Id} gewijzigd: versie {note.Version}", ct);
    }
}
