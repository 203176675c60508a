using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;

namespace Regie.Web.Data;

/// <summary>
/// A signal of payment arrears from a signal partner (Wgs art. 2.2.1): who it is about as the partner knows them, the arrears,
/// and — once matched — the person, household and vroegsignaalzaak it belongs to. The retention run clears the personal data
/// (<see cref="AnonymisedAt"/>) and keeps what the DDAS counts need: partner kind, dates, amount and status.
/// </summary>
public sealed class Vroegsignaal : IMunicipalityOwned
{
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid PartnerOrganisationId { get; init; }
    public required string PartnerName { get; init; }
    public SignaalpartnerSoort PartnerSoort { get; init; }
    /// <summary>The partner's own reference; unique per partner. Cleared by retention (it can identify the resident at the partner).</summary>
    public string? Kenmerk { get; set; }
    public string? Bsn { get; set; }
    public string? Voorletters { get; set; }
    public string? Voorvoegsel { get; set; }
    public string? Achternaam { get; set; }
    public DateOnly? Geboortedatum { get; set; }
    public string? Straat { get; set; }
    public string? Postcode { get; set; }
    public int? Huisnummer { get; set; }
    public string? Huisnummertoevoeging { get; set; }
    public string? Woonplaats { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public decimal Bedrag { get; init; }
    public int MaandenAchterstand { get; init; }
    /// <summary>The day the partner sent the signal (DDAS signaaldatum).</summary>
    public DateOnly Signaaldatum { get; init; }
    /// <summary>The day the arrears arose (DDAS ontstaansdatum), when the partner gives it.</summary>
    public DateOnly? Ontstaansdatum { get; init; }
    /// <summary>Eviction or cut-off threatens (DDAS crisissignaal): the short contact term applies.</summary>
    public bool Crisis { get; init; }
    /// <summary>The partner already had contact and hands the resident over (DDAS warmeOverdracht).</summary>
    public bool WarmeOverdracht { get; init; }
    public DateTime ReceivedAt { get; init; }
    public DateOnly ReceivedOn { get; init; }
    /// <summary><see cref="SignalRules.ViaApi"/> or <see cref="SignalRules.ViaImport"/>.</summary>
    public required string Via { get; init; }
    public Guid? PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? ZaakId { get; set; }
    public DateTime? MatchedAt { get; set; }
    /// <summary>How it was matched: <see cref="SignalRules.MatchedOnBsn"/>, <see cref="SignalRules.MatchedOnNameAndAddress"/> or <see cref="SignalRules.MatchedByHand"/>.</summary>
    public string? MatchedHow { get; set; }
    public string? MatchedBy { get; set; }
    public Signaalstatus Status { get; set; }
    /// <summary>Set by the retention run: the personal data is gone, the counts stay.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public bool IsMatched => ZaakId is not null;
}

/// <summary>
/// A vroegsignaalzaak: one case per household while it is open, in which every signal about the household is handled, the contact
/// attempts are recorded and the case is closed with a DDAS outcome. One open case per household is a rule here
/// (<see cref="Join"/>), a filtered unique index in the database and a race test.
/// </summary>
public sealed class Vroegsignaalzaak : IMunicipalityOwned
{
    public const int NoteMaxLength = CaseRules.NoteMaxLength;
    public const string ClosedCode = "vroegsignaalzaak-closed";
    public const string OpenCaseExistsCode = "vroegsignaalzaak-open-exists";

    private readonly List<Contactpoging> _pogingen = [];

    private Vroegsignaalzaak() { }

    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    /// <summary>Cleared by retention once closed and past the term; the counts do not need it.</summary>
    public Guid? HouseholdId { get; set; }
    /// <summary>The day the first signal came in: the contact term counts from here.</summary>
    public DateOnly OpenedOn { get; private init; }
    public DateTime OpenedAt { get; private init; }
    /// <summary>The day the (first) signal was matched to the household (DDAS matchingsdatum).</summary>
    public DateOnly MatchedOn { get; private init; }
    /// <summary>A signal of the case says eviction or cut-off threatens.</summary>
    public bool Crisis { get; private set; }
    public DateOnly DeadlineOn { get; private set; }
    /// <summary>The household already had a coordinator or an open trajectory when the case opened (for the monitor).</summary>
    public bool HouseholdAlreadyHelped { get; private init; }
    /// <summary>The first contact attempt's date (DDAS datum_opgepakt): the contact term is met by it.</summary>
    public DateOnly? OpgepaktOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? ClosedByName { get; private set; }
    public Eindresultaat? Resultaat { get; private set; }
    public string? ClosingNote { get; private set; }
    /// <summary>The request for help (hulpvraag) opened by closing with "Vervolghulp".</summary>
    public Guid? RequestId { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => ClosedOn is null;
    public IReadOnlyList<Contactpoging> Contactpogingen => _pogingen;

    public static Vroegsignaalzaak Open(string gemeentecode, Guid householdId, Vroegsignaal first, bool alreadyHelped, ContactTermSettings term, DateTime now)
    {
        var zaak = new Vroegsignaalzaak
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, OpenedOn = first.ReceivedOn, OpenedAt = now,
            MatchedOn = DateOnly.FromDateTime(now), HouseholdAlreadyHelped = alreadyHelped, Version = 1,
        };
        zaak.DeadlineOn = ContactTerm.Deadline(first.ReceivedOn, first.Crisis, term);
        zaak.Crisis = first.Crisis;
        zaak.Attach(first);
        return zaak;
    }

    /// <summary>A later signal about the household joins the open case; a crisis signal can bring the deadline forward, never back.</summary>
    public DomainError? Join(Vroegsignaal signal, ContactTermSettings term)
    {
        if (!IsOpen) return new DomainError(ClosedCode, "zaak", "Deze vroegsignaalzaak is afgesloten; een nieuw signaal opent een nieuwe zaak.");
        var deadline = ContactTerm.Deadline(signal.ReceivedOn, signal.Crisis, term);
        if (OpgepaktOn is null && deadline < DeadlineOn) DeadlineOn = deadline;
        Crisis |= signal.Crisis;
        Attach(signal);
        Version++;
        return null;
    }

    public void Load(IEnumerable<Contactpoging> pogingen)
    {
        _pogingen.Clear();
        _pogingen.AddRange(pogingen.Where(p => p.ZaakId == Id).OrderBy(p => p.Datum).ThenBy(p => p.Dagdeel).ThenBy(p => p.RecordedAt));
    }

    /// <summary>Records a contact attempt; the first one sets the day the case was taken up. The attempts must be loaded.</summary>
    public (Contactpoging? Poging, DomainError? Error) RecordAttempt(Contactsoort soort, DateOnly datum, Dagdeel dagdeel, bool bereikt, string? note,
        string byId, string byName, DateTime now)
    {
        if (!IsOpen) return (null, new DomainError(ClosedCode, "zaak", "Deze vroegsignaalzaak is afgesloten; er kan geen contactpoging meer bij."));
        var poging = new Contactpoging
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, ZaakId = Id, Soort = soort, Datum = datum, Dagdeel = dagdeel, Bereikt = bereikt, Note = note,
            RecordedBy = byId, RecordedByName = Text.Truncate(byName, Contactpoging.NameMaxLength), RecordedAt = now,
        };
        _pogingen.Add(poging);
        if (OpgepaktOn is null || datum < OpgepaktOn) OpgepaktOn = datum;
        Version++;
        return (poging, null);
    }

    /// <summary>Closes the case with its DDAS outcome; the signals take the status the outcome gives them.</summary>
    public DomainError? Close(Eindresultaat resultaat, string? note, IEnumerable<Vroegsignaal> signals, string byId, string byName, DateTime now)
    {
        if (!IsOpen) return new DomainError(ClosedCode, "zaak", "Deze vroegsignaalzaak is al afgesloten.");
        Resultaat = resultaat;
        ClosingNote = note;
        ClosedOn = DateOnly.FromDateTime(now);
        ClosedAt = now;
        ClosedBy = byId;
        ClosedByName = Text.Truncate(byName, Contactpoging.NameMaxLength);
        foreach (var s in signals.Where(s => s.ZaakId == Id)) s.Status = DdasCodes.StatusAfter(resultaat);
        Version++;
        return null;
    }

    /// <summary>Links the request for help opened on closing with "Vervolghulp".</summary>
    public void LinkRequest(Guid requestId) => RequestId = requestId;

    private void Attach(Vroegsignaal signal)
    {
        signal.ZaakId = Id;
        signal.HouseholdId = HouseholdId;
    }
}

/// <summary>A contact attempt of a vroegsignaalzaak (DDAS Contactpoging): how, when, which part of the day, and whether the resident was reached.</summary>
public sealed class Contactpoging : IMunicipalityOwned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid ZaakId { get; init; }
    public Contactsoort Soort { get; init; }
    public DateOnly Datum { get; init; }
    public Dagdeel Dagdeel { get; init; }
    public bool Bereikt { get; init; }
    /// <summary>A short note for the worker; never in the DDAS report, cleared by retention.</summary>
    public string? Note { get; set; }
    public string RecordedBy { get; init; } = "";
    public string RecordedByName { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}

/// <summary>
/// A municipality's vroegsignalering settings: the contact term, how long signal data is kept, the organisation whose workers
/// handle the signals (its involvement is registered), and who delivers the DDAS report to CBS.
/// </summary>
public sealed class VroegsignaleringSettings : IMunicipalityOwned
{
    /// <summary>Wgs art. 7 (as changed in 2021): signal data that does not lead to debt help is kept at most 12 months.</summary>
    public const int DefaultRetentionMonths = 12;
    public const int MaxRetentionMonths = 60;
    public const int TextMaxLength = 200;
    public const int KvkMaxLength = 8;
    public const string RetentionInvalidCode = "vroegsignalering-retention-invalid";
    public const string UitvoerderUnknownCode = "vroegsignalering-uitvoerder-unknown";

    /// <summary>The retention term is 1 to <see cref="MaxRetentionMonths"/> months.</summary>
    public static DomainError? CheckRetention(int months) => months is < 1 or > MaxRetentionMonths
        ? new DomainError(RetentionInvalidCode, "Bewaartermijn",
            $"De bewaartermijn is 1 tot {MaxRetentionMonths} maanden. De Wgs (art. 7) noemt {DefaultRetentionMonths} maanden voor signalen die niet tot schuldhulp leiden.")
        : null;

    public required string Gemeentecode { get; init; }
    public int TermDays { get; set; } = ContactTermSettings.Default.TermDays;
    public int UrgentWorkingDays { get; set; } = ContactTermSettings.Default.UrgentWorkingDays;
    public int RetentionMonths { get; set; } = DefaultRetentionMonths;
    /// <summary>The organisation (department or partner) whose workers handle the signals; registered as involved with the resident.</summary>
    public Guid? UitvoerderOrganisationId { get; set; }
    /// <summary>DDAS codeGegevensleverancier: the software supplier or host delivering for the municipality.</summary>
    public string? CodeGegevensleverancier { get; set; }
    public string? LeverancierNaam { get; set; }
    public string? KvkNummer { get; set; }
    public string? ContactNaam { get; set; }
    public string? ContactTelefoon { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactFunctie { get; set; }
    public int Version { get; set; }

    public ContactTermSettings Term => new(TermDays, UrgentWorkingDays);
}
