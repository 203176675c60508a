using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;

namespace Regie.Web.Data;

/// <summary>
/// Which products a provider may deliver under its contract with the municipality: a product category of WMO020 or JZ020,
/// optionally narrowed to one product code. A provider with an AGB code gets assignments only for what its contract holds.
/// </summary>
public sealed class ProviderContract : IMunicipalityOwned
{
    public const int ProductCodeMaxLength = 5;

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid OrganisationId { get; init; }
    public LegalFramework Framework { get; init; }
    public required string Category { get; init; }
    public string? ProductCode { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// A toewijzing: one decided product assigned to one provider, with the number the iWmo/iJw messages know it by (unique per
/// municipality and legal framework, TR332). The municipality changes or ends it through <see cref="Change"/>; the provider's
/// start (305) and stop (307) reach it through <see cref="Start"/> and <see cref="Stop"/>, each checked by <see cref="AssignmentRules"/>.
/// </summary>
public sealed class Toewijzing : IMunicipalityOwned
{
    private Toewijzing() { }

    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    /// <summary>ToewijzingNummer: unique per municipality and framework; the database refuses a second.</summary>
    public int Nummer { get; private set; }
    public LegalFramework Framework { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid DecisionProductId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public Guid ProviderOrganisationId { get; private set; }
    public string Category { get; private set; } = "";
    public string? ProductCode { get; private set; }
    public int Volume { get; private set; }
    public string Unit { get; private set; } = "";
    public string Frequency { get; private set; } = "";
    public DateOnly Ingangsdatum { get; private set; }
    public DateOnly Einddatum { get; private set; }
    /// <summary>When the municipality fixed the assignment: Toewijzingsdatum and -tijd of the 301. Moves with each change.</summary>
    public DateTime AssignedAt { get; private set; }
    /// <summary>The decision's date: the monitor counts the wait for care from here.</summary>
    public DateOnly DecidedOn { get; private set; }
    /// <summary>WMO002/JZ002 code of the last change; null while unchanged.</summary>
    public string? RedenWijziging { get; private set; }
    public string? ChangedBy { get; private set; }
    /// <summary>Begindatum of the provider's current or last start (305).</summary>
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? StoppedOn { get; private set; }
    /// <summary>WMO588/JZ588 code of the stop (307).</summary>
    public string? StopReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>Concurrency token: every change counts it up, so two messages or two users do not overwrite each other.</summary>
    public int Version { get; set; }

    public AssignmentFacts Facts(string? clientBsn) => new(Framework, ProviderOrganisationId, clientBsn, Ingangsdatum, Einddatum, StartedOn, StoppedOn);

    /// <summary>A granted product with a provider becomes an assignment with the next number of its framework.</summary>
    public static Toewijzing Assign(DecisionProduct product, Decision decision, int nummer, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = decision.Gemeentecode, Nummer = nummer, Framework = decision.Framework, DecisionId = decision.Id,
        DecisionProductId = product.Id, PersonId = decision.PersonId, HouseholdId = decision.HouseholdId,
        ProviderOrganisationId = product.ProviderOrganisationId ?? throw new InvalidOperationException("Only a product with a provider is assigned."),
        Category = product.Category ?? throw new InvalidOperationException("Only a product with a category is assigned."),
        Volume = product.Volume, Unit = product.Unit, Frequency = product.Frequency, Ingangsdatum = product.From, Einddatum = product.To,
        AssignedAt = now, DecidedOn = decision.DecidedOn, CreatedAt = now, Version = 1,
    };

    public IReadOnlyList<DomainError> CheckChange(DateOnly? newEnd, int? newVolume, string? reden, DateOnly today) =>
        AssignmentRules.CheckChange(Framework, Ingangsdatum, Einddatum, Volume, RedenWijziging, newEnd, newVolume, reden, today);

    /// <summary>The municipality changes or ends the assignment; the 301 that follows carries the reason.</summary>
    public void Change(DateOnly? newEnd, int? newVolume, string reden, string changedBy, DateOnly today, DateTime now)
    {
        if (CheckChange(newEnd, newVolume, reden, today) is [var error, ..]) throw new DomainException(error);
        Einddatum = AssignmentRules.EndAfterChange(Ingangsdatum, Einddatum, newEnd, reden);
        Volume = newVolume ?? Volume;
        RedenWijziging = reden;
        ChangedBy = Text.Fit(changedBy, RegieUser.IdMaxLength);
        AssignedAt = now;
    }

    /// <summary>The provider's 305: checked by <see cref="AssignmentRules.CheckStart"/> before.</summary>
    public void Start(Guid providerId, string bsn, DateOnly begindatum)
    {
        if (AssignmentRules.CheckStart(Facts(bsn), providerId, bsn, begindatum, "") is [var r, ..]) throw new InvalidOperationException(r.Toelichting);
        StartedOn = begindatum;
        StoppedOn = null;
        StopReason = null;
    }

    /// <summary>The provider's 307: checked by <see cref="AssignmentRules.CheckStop"/> before.</summary>
    public void Stop(Guid providerId, string bsn, DateOnly begindatum, DateOnly einddatum, string reden)
    {
        if (AssignmentRules.CheckStop(Facts(bsn), providerId, bsn, begindatum, einddatum, reden, "") is [var r, ..]) throw new InvalidOperationException(r.Toelichting);
        StoppedOn = einddatum;
        StopReason = reden;
    }
}

/// <summary>
/// One iWmo/iJw message, sent or received. A sent 301 keeps its XML as released (or, when it did not validate, the problems and
/// no release). A received message keeps its XML only when accepted; a refused one keeps only who sent what kind of message and
/// the retour codes, nothing of its content.
/// </summary>
public sealed class IstandaardBericht : IMunicipalityOwned
{
    public const int IdentificatieMaxLength = 12;
    public const int ProblemenMaxLength = 8000;
    public const int FileNameMaxLength = 120;

    private IstandaardBericht() { }

    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    /// <summary>WMO301, JW305, …: <see cref="BerichtSoorten"/>.</summary>
    public string Soort { get; private set; } = "";
    public BerichtRichting Richting { get; private set; }
    public BerichtStatus Status { get; private set; }
    /// <summary>The provider: receiver of a 301, sender of the rest.</summary>
    public Guid OrganisationId { get; private set; }
    /// <summary>Identificatie of the BerichtIdentificatie; for received messages unique per provider among the accepted ones.</summary>
    public string Identificatie { get; private set; } = "";
    public DateOnly Dagtekening { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? HouseholdId { get; private set; }
    /// <summary>The decision a 301 carries, or the application a 315/317 opened.</summary>
    public Guid? DecisionId { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public string? Xml { get; private set; }
    /// <summary>Why it was refused: XSD problems of a 301, retour codes of a received message, as JSON.</summary>
    public string? Problemen { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? FileName { get; private set; }
    /// <summary>
    /// The ReferentieAanbieder values of an accepted 315/317, each between line breaks (a reference holds none), so TR347 (a
    /// provider uses a reference once within its legal domain) is checked with one text search.
    /// </summary>
    public string? Referenties { get; private set; }
    public int Version { get; set; }

    /// <summary>A 301: ready when its XML validated, refused (and never released) when it did not.</summary>
    public static IstandaardBericht Outgoing(string gemeentecode, BerichtSoort soort, Guid providerId, string identificatie, DateOnly dagtekening,
        Guid personId, Guid? householdId, Guid decisionId, string xml, string? problemen, DateTime now) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Soort = soort.Naam, Richting = BerichtRichting.Uit,
            Status = problemen is null ? BerichtStatus.Klaar : BerichtStatus.Afgewezen, OrganisationId = providerId, Identificatie = identificatie,
            Dagtekening = dagtekening, PersonId = personId, HouseholdId = householdId, DecisionId = decisionId, Xml = problemen is null ? xml : null,
            Problemen = problemen is null ? null : Text.Truncate(problemen, ProblemenMaxLength), CreatedAt = now, Version = 1,
        };

    /// <summary>An accepted message from a provider, with its XML.</summary>
    public static IstandaardBericht Accepted(string gemeentecode, BerichtSoort soort, Guid providerId, string identificatie, DateOnly dagtekening,
        Guid? personId, Guid? householdId, Guid? applicationId, string xml, DateTime now, IReadOnlyCollection<string>? referenties = null) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Soort = soort.Naam, Richting = BerichtRichting.In, Status = BerichtStatus.Ontvangen,
            OrganisationId = providerId, Identificatie = Text.Truncate(identificatie, IdentificatieMaxLength), Dagtekening = dagtekening, PersonId = personId,
            HouseholdId = householdId, ApplicationId = applicationId, Xml = xml, CreatedAt = now, Version = 1,
            Referenties = referenties is { Count: > 0 } ? ReferentieKey(string.Join('\n', referenties)) : null,
        };

    /// <summary>How a reference (or the joined references) is stored and searched: between line breaks.</summary>
    public static string ReferentieKey(string referentie) => "\n" + referentie + "\n";

    /// <summary>A refused message: who sent which kind and why; nothing of its content (no client, no XML).</summary>
    public static IstandaardBericht Refused(string gemeentecode, string soort, Guid providerId, string identificatie, DateOnly dagtekening, string problemen, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Soort = Text.Truncate(soort, 8), Richting = BerichtRichting.In, Status = BerichtStatus.Afgewezen,
        OrganisationId = providerId, Identificatie = Text.Truncate(identificatie, IdentificatieMaxLength), Dagtekening = dagtekening,
        Problemen = Text.Truncate(problemen, ProblemenMaxLength), CreatedAt = now, Version = 1,
    };

    /// <summary>Exported to the hub under <paramref name="fileName"/>: only a ready 301 is sent, once.</summary>
    public void MarkSent(string fileName, DateTime now)
    {
        if (Status != BerichtStatus.Klaar) throw new InvalidOperationException("Only a ready message is sent.");
        Status = BerichtStatus.Verzonden;
        FileName = fileName;
        SentAt = now;
    }

    /// <summary>The desk decided the application a 315/317 opened.</summary>
    public void MarkAnswered()
    {
        if (Status != BerichtStatus.Ontvangen || ApplicationId is null) throw new InvalidOperationException("Only a received request is answered.");
        Status = BerichtStatus.Beantwoord;
    }
}
