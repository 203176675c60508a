using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>How the professional was in contact with the household (klantcontact). Stored by name.</summary>
public enum ContactKind
{
    Huisbezoek,
    Telefonisch,
    OpKantoor,
    Digitaal,
}

public static class ContactKinds
{
    public static readonly IReadOnlyList<ContactKind> All = Enum.GetValues<ContactKind>();

    /// <summary>The kind in a sentence, lowercase: "huisbezoek", "op kantoor".</summary>
    public static string Label(ContactKind k) => k switch
    {
        ContactKind.Huisbezoek => "huisbezoek",
        ContactKind.Telefonisch => "telefonisch",
        ContactKind.OpKantoor => "op kantoor",
        _ => "digitaal",
    };

    /// <summary>The kind at the start of a line or in a list: "Huisbezoek", "Op kantoor".</summary>
    public static string Title(ContactKind k)
    {
        var label = Label(k);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }
}

// What a worker filled in, as typed, and what is left of it once every rule passed.
public sealed record ContactNoteFields(string? Datum, string? Soort, IReadOnlyList<Guid>? MetWie, string? Anderen, string? Tekst, string? Reden);

/// <summary>A contact as recorded: the date, the kind, who of the household took part (person ids, in order), others present and the note.</summary>
public sealed record ContactNoteContent(DateOnly Date, ContactKind Kind, IReadOnlyList<Guid> Persons, string? Others, string Text)
{
    /// <summary>The same contact, as the rules compare two versions: every field, the persons as a set.</summary>
    public bool SameAs(ContactNoteContent other) =>
        Date == other.Date && Kind == other.Kind && Others == other.Others && Text == other.Text && Persons.ToHashSet().SetEquals(other.Persons);
}

/// <summary>
/// The rules of a contact note (klantcontact): a contact with the household on a date — a home visit, a phone call, at the
/// office or digital — with who of the household took part (and who else was there), and a short note. The professional who
/// made the contact is the one who records it. A note is never overwritten: a change is a new version, the earlier ones stay
/// readable; a save that changes nothing makes no version.
/// </summary>
public static class ContactNoteRules
{
    public const string DateInvalidCode = "contact-note-date-invalid";
    public const string KindInvalidCode = "contact-note-kind-invalid";
    public const string WhoRequiredCode = "contact-note-who-required";
    public const string PersonUnknownCode = "contact-note-person-unknown";
    public const string TextRequiredCode = "contact-note-text-required";
    public const string WithdrawnCode = "contact-note-withdrawn";
    /// <summary>The note is short: what happened and what was agreed; longer reports belong in a document.</summary>
    public const int TextMaxLength = 2000;
    /// <summary>Others present, in a few words ("buurvrouw Fatma, tolk").</summary>
    public const int OthersMaxLength = 300;
    /// <summary>Why a note was changed, optional.</summary>
    public const int ReasonMaxLength = 500;
    /// <summary>A contact is recorded when it happened or soon after: not more than this many years back.</summary>
    public const int MaxYearsBack = 2;
    /// <summary>More persons than a household can have is no input.</summary>
    public const int MaxPersons = 30;

    /// <param name="members">Who of the household may be named: its current members, and on a change also those the former version named.</param>
    public static ContactNoteContent? Check(ContactNoteFields f, IReadOnlyDictionary<Guid, string> members, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(f.Datum) || !DutchDate.TryParse(f.Datum, out date) || date > today || date < today.AddYears(-MaxYearsBack))
            errors.Add(new DomainError(DateInvalidCode, "Datum",
                $"Vul de datum van het contact in als dd-mm-jjjj: niet in de toekomst en niet langer dan {MaxYearsBack} jaar geleden."));
        var kind = Enums.ParseDefined<ContactKind>(f.Soort);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies de soort contact: huisbezoek, telefonisch, op kantoor of digitaal."));
        var persons = (f.MetWie ?? []).Distinct().ToList();
        if (persons.Count == 0)
            errors.Add(new DomainError(WhoRequiredCode, "MetWie", "Kies met wie uit het huishouden het contact was."));
        else if (persons.Count > MaxPersons || persons.Any(p => !members.ContainsKey(p)))
            errors.Add(new DomainError(PersonUnknownCode, "MetWie", "Kies alleen leden van dit huishouden."));
        var others = errors.Take(TextRules.Optional(f.Anderen, "Anderen", "wie er verder bij waren", OthersMaxLength));
        var text = errors.Take(TextRules.Required(f.Tekst, "Tekst", "de notitie", TextMaxLength, TextRequiredCode,
            "Schrijf kort op wat er besproken of afgesproken is."));
        return errors.Errors.Count > count ? null : new ContactNoteContent(date, kind!.Value, persons, others, text!);
    }

    /// <summary>Why the note changed: optional, short.</summary>
    public static string? CheckReason(string? reden, ErrorList errors) =>
        errors.Take(TextRules.Optional(reden, "Reden", "de reden van de wijziging", ReasonMaxLength));

    /// <summary>Withdrawing a note takes a reason; the note and its versions stay in the file's history.</summary>
    public static string? CheckWithdrawReason(string? reden, ErrorList errors) =>
        errors.Take(TextRules.Required(reden, "Reden", "de reden van het intrekken", ReasonMaxLength));

    /// <summary>A withdrawn note is changed no more, and withdrawn once.</summary>
    public static DomainError? CheckNotWithdrawn(DateTime? withdrawnAt) =>
        withdrawnAt is null ? null : new DomainError(WithdrawnCode, "", "Deze contactnotitie is ingetrokken en kan niet meer worden gewijzigd of ingetrokken.");

    /// <summary>What a version changed against the one before, in Dutch words for the history and the timeline; empty when nothing did.</summary>
    public static IReadOnlyList<string> Changes(ContactNoteContent before, ContactNoteContent after)
    {
        var changes = new List<string>();
        if (before.Date != after.Date) changes.Add("datum");
        if (before.Kind != after.Kind) changes.Add("soort contact");
        if (!before.Persons.ToHashSet().SetEquals(after.Persons) || before.Others != after.Others) changes.Add("met wie");
        if (before.Text != after.Text) changes.Add("notitie");
        return changes;
    }

    /// <summary>"datum, soort contact en notitie".</summary>
    public static string Join(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " en " + parts[^1];
}
