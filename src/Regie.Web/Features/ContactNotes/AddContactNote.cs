using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.ContactNotes;

/// <summary>Records a contact with the household (klantcontact): the professional who made it is the one signed in.</summary>
public sealed class AddContactNoteHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<CreatedVersionAnswer>> HandleAsync(Guid householdId, ContactNoteInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<CreatedVersionAnswer>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<CreatedVersionAnswer>.NotFound("Het huishouden");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        var content = ContactNoteRules.Check(input.ToFields(), members, DateOnly.FromDateTime(now), errors);
        if (content is null) return CommandResult<CreatedVersionAnswer>.Invalid(errors.Errors);

        var note = ContactNote.Record(household, content, user.ActorId, user.ActorName, now);
        db.ContactNotes.Add(note);
        db.ContactNoteVersions.AddRange(note.Versions);
        household.Touch(now);
        timeline.Record(household, EventTypes.ContactNoteRecorded, ContactNoteText.Recorded(content, user.ActorName), content.Date,
            data: new { contactnotitie = note.Id, soort = content.Kind.ToString(), versie = note.Version });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(new CreatedVersionAnswer(note.Id, note.Version), ct), AuditResources.ContactNote, householdId, null,
            $"contactnotitie {note.Id} vastgelegd", ct, AuditActions.Create);
    }
}

/// <summary>What the timeline says of a contact note: the kind and the date, never what was said.</summary>
public static class ContactNoteText
{
    public static string Recorded(ContactNoteContent c, string by) =>
        $"Contact vastgelegd: {ContactKinds.Label(c.Kind)} op {Format.Date(c.Date)}, door {by}";

    public static string Revised(ContactNoteContent c, int version, IReadOnlyList<string> changes) =>
        $"Contactnotitie ({ContactKinds.Label(c.Kind)} op {Format.Date(c.Date)}) gewijzigd, versie {version}: {ContactNoteRules.Join(changes)}";
}
