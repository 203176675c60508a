using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.ContactNotes;

/// <summary>
/// The household's contact notes, for the care roles who may open the file (emergency access reads too); partners get 403,
/// who may not open the file finds nothing. Every read is one audit entry; a note of another household reads as not found.
/// </summary>
public sealed class ContactNoteQueries(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    public async Task<CommandResult<ContactNotesView>> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<ContactNotesView>(householdId, FileWork.Read, ct) is { } refused) return refused;
        var name = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Naam).FirstOrDefaultAsync(ct);
        if (name is null) return CommandResult<ContactNotesView>.NotFound("Het huishouden");
        var notes = await db.ContactNotes.AsNoTracking().Where(n => n.HouseholdId == householdId).ToListAsync(ct);
        // A household has few notes: the newest version of each is picked here (a withdrawal bumps the note's version, not its versions).
        var current = (await db.ContactNoteVersions.AsNoTracking().Where(v => v.HouseholdId == householdId).ToListAsync(ct))
            .GroupBy(v => v.ContactNoteId).Select(g => g.MaxBy(v => v.Number)!).ToList();
        var names = await NamesAsync(householdId, ct);
        var views = notes.Join(current, n => n.Id, v => v.ContactNoteId, (n, v) => View(n, v, names))
            .OrderByDescending(v => v.Datum).ThenByDescending(v => v.VastgelegdOp).ToList();
        await audit.RecordAsync(AuditActions.Read, AuditResources.ContactNote, householdId, detail: $"contactnotities ({views.Count})", ct: ct);
        return CommandResult<ContactNotesView>.Ok(new ContactNotesView(householdId, name, views));
    }

    public async Task<CommandResult<ContactNoteDetailView>> GetAsync(Guid householdId, Guid noteId, CancellationToken ct)
    {
        if (await access.RefuseAsync<ContactNoteDetailView>(householdId, FileWork.Read, ct, "De contactnotitie") is { } refused) return refused;
        var name = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Naam).FirstOrDefaultAsync(ct);
        var note = await db.ContactNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId && n.HouseholdId == householdId, ct);
        if (name is null || note is null) return CommandResult<ContactNoteDetailView>.NotFound("De contactnotitie");
        note.Load(await db.ContactNoteVersions.AsNoTracking().Where(v => v.ContactNoteId == noteId).ToListAsync(ct));
        var names = await NamesAsync(householdId, ct);
        var versions = note.Versions.Select((v, i) => new ContactNoteVersionView(v.Number, v.Date, v.Kind, Persons(v, names), v.Others, v.Text, v.AuthorName,
            v.RecordedAt, v.Reason, i == 0 ? [] : ContactNoteRules.Changes(note.Versions[i - 1].Content, v.Content))).ToList();
        await audit.RecordAsync(AuditActions.Read, AuditResources.ContactNote, householdId, detail: $"contactnotitie {noteId}", ct: ct);
        return CommandResult<ContactNoteDetailView>.Ok(new ContactNoteDetailView(householdId, name, View(note, note.Versions[^1], names), versions));
    }

    /// <summary>Who of the household a contact may be with: its current members. Only for a page that read the notes (and so checked access) first.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> MembersAsync(Guid householdId, CancellationToken ct) => PlanVersions.CurrentMembersAsync(db, householdId, ct);

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid householdId, CancellationToken ct) =>
        (await PlanVersions.MembersAsync(db, householdId, ct)).ToDictionary(m => m.PersonId, m => m.Name);

    private static ContactNoteView View(ContactNote n, ContactNoteVersion v, IReadOnlyDictionary<Guid, string> names) =>
        new(n.Id, v.Date, v.Kind, Persons(v, names), v.Others, v.Text, n.CreatedByName, n.CreatedAt, n.Version,
            n.WithdrawnAt is { } at ? new ContactNoteWithdrawal(at, n.WithdrawnByName ?? "", n.WithdrawReason ?? "") : null);

    private static IReadOnlyList<ContactPersonView> Persons(ContactNoteVersion v, IReadOnlyDictionary<Guid, string> names) =>
        v.Persons.Select(p => new ContactPersonView(p, names.GetValueOrDefault(p, "Onbekend"))).ToList();
}
