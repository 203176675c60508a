using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// A contact with the household (klantcontact): recorded through <see cref="Record"/>, changed only through <see cref="Revise"/>,
/// which adds a version and never overwrites one. Its versions are rows of their own (<see cref="ContactNoteVersion"/>);
/// <see cref="Version"/> is the number of the current one and the concurrency token.
/// </summary>
public sealed class ContactNote : IMunicipalityOwned
{
    private readonly List<ContactNoteVersion> _versions = [];

    private ContactNote() { }

    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; private init; }
    /// <summary>The professional who made the contact and recorded it.</summary>
    public string CreatedBy { get; private init; } = "";
    public string CreatedByName { get; private init; } = "";
    public DateTime CreatedAt { get; private init; }
    /// <summary>The current version's date and kind, so the list sorts and shows without reading every version.</summary>
    public DateOnly Date { get; private set; }
    public ContactKind Kind { get; private set; }
    /// <summary>Set once, by <see cref="Withdraw"/>: the note no longer counts, and stays in the file's history with its versions.</summary>
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public string? WithdrawReason { get; private set; }
    /// <summary>The number of the current version; concurrency token, bumped by <see cref="Revise"/> and <see cref="Withdraw"/>.</summary>
    public int Version { get; set; }

    /// <summary>Every version, the first first; loaded with <see cref="Load"/>.</summary>
    public IReadOnlyList<ContactNoteVersion> Versions => _versions;

    public static ContactNote Record(Household household, ContactNoteContent content, string byId, string byName, DateTime now)
    {
        var note = new ContactNote
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, CreatedBy = byId,
            CreatedByName = Text.Truncate(byName, ContactNoteVersion.NameMaxLength), CreatedAt = now, Version = 1,
        };
        note.Add(content, null, byId, byName, now);
        return note;
    }

    public void Load(IEnumerable<ContactNoteVersion> versions)
    {
        var mine = versions.Where(v => v.ContactNoteId == Id).OrderBy(v => v.Number).ToList();
        _versions.Clear();
        _versions.AddRange(mine);
    }

    /// <summary>
    /// A changed note as a new version, with what changed; null when nothing changed (then nothing is added and the version stays).
    /// The versions must be loaded.
    /// </summary>
    public (ContactNoteVersion Version, IReadOnlyList<string> Changes)? Revise(ContactNoteContent content, string? reason, string byId, string byName, DateTime now)
    {
        if (WithdrawnAt is not null) throw new InvalidOperationException("A withdrawn contact note is not revised.");
        var current = _versions[^1].Content;
        if (current.SameAs(content)) return null;
        var changes = ContactNoteRules.Changes(current, content);
        Version++;
        return (Add(content, reason, byId, byName, now), changes);
    }

    /// <summary>Withdraws the note with a reason (checked by the rules); bumps the version, so a form opened before is refused.</summary>
    public DomainError? Withdraw(string reason, string byId, string byName, DateTime now)
    {
        if (ContactNoteRules.CheckNotWithdrawn(WithdrawnAt) is { } refused) return refused;
        WithdrawnAt = now;
        WithdrawnBy = byId;
        WithdrawnByName = Text.Truncate(byName, ContactNoteVersion.NameMaxLength);
        WithdrawReason = reason;
        Version++;
        return null;
    }

    private ContactNoteVersion Add(ContactNoteContent c, string? reason, string byId, string byName, DateTime now)
    {
        var v = new ContactNoteVersion
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, ContactNoteId = Id, HouseholdId = HouseholdId, Number = Version,
            Date = c.Date, Kind = c.Kind, PersonIds = string.Join(',', c.Persons), Others = c.Others, Text = c.Text, Reason = reason,
            AuthorId = byId, AuthorName = Text.Truncate(byName, ContactNoteVersion.NameMaxLength), RecordedAt = now,
        };
        Date = c.Date;
        Kind = c.Kind;
        _versions.Add(v);
        return v;
    }
}

/// <summary>One version of a contact note, as it was saved; never changed.</summary>
public sealed class ContactNoteVersion : IMunicipalityOwned
{
    public const int NameMaxLength = 200;
    public const int PersonIdsMaxLength = ContactNoteRules.MaxPersons * 37;

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid ContactNoteId { get; init; }
    public Guid HouseholdId { get; init; }
    public int Number { get; init; }
    public DateOnly Date { get; init; }
    public ContactKind Kind { get; init; }
    /// <summary>Who of the household took part: person ids, comma-separated. Their names are read from the persons, so an erased person reads as such.</summary>
    public string PersonIds { get; init; } = "";
    public string? Others { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Why it was changed; none for the first version, optional after.</summary>
    public string? Reason { get; init; }
    public string AuthorId { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public DateTime RecordedAt { get; init; }

    public IReadOnlyList<Guid> Persons => PersonIds.Length == 0 ? [] : PersonIds.Split(',').Select(Guid.Parse).ToList();

    public ContactNoteContent Content => new(Date, Kind, Persons, Others, Text);
}
