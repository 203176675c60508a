using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.IStandaarden;

/// <summary>An assignment as the rules see it: its period, the provider it went to, the client, and what the provider reported.</summary>
public sealed record AssignmentFacts(LegalFramework Framework, Guid ProviderOrganisationId, string? ClientBsn, DateOnly Ingangsdatum, DateOnly Einddatum,
    DateOnly? StartedOn, DateOnly? StoppedOn);

/// <summary>
/// The rules of an assignment (toewijzing) that the XSD cannot express: when the municipality may change or end it, and which
/// start (305) and stop (307) a provider may report on it. One home: the entity and the message intake both ask here.
/// </summary>
public static class AssignmentRules
{
    public const string ReasonInvalidCode = "toewijzing-reden-invalid";
    public const string EndInvalidCode = "toewijzing-einde-invalid";
    public const string VolumeInvalidCode = "toewijzing-omvang-invalid";
    public const string NothingChangedCode = "toewijzing-ongewijzigd";
    public const string AlreadyEndedCode = "toewijzing-al-beeindigd";
    /// <summary>"Verwijderd": the assignment should never have been sent; it ends the day before it began.</summary>
    public const string RedenVerwijderd = "13";

    /// <summary>
    /// A change by the municipality: a new end date (earlier ends or shortens it, later extends it) and/or a new volume, with its
    /// WMO002/JZ002 reason. An assignment that was withdrawn ("verwijderd") or whose end has passed no longer changes.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckChange(LegalFramework framework, DateOnly from, DateOnly currentEnd, int currentVolume, string? currentReden,
        DateOnly? newEnd, int? newVolume, string? reden, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (currentReden == RedenVerwijderd || currentEnd < today)
            errors.Add(new DomainError(AlreadyEndedCode, "", "Deze toewijzing is al afgelopen of verwijderd; er valt niets meer aan te wijzigen."));
        if (BerichtCodeLists.RedenWijzigingFor(framework).Find(reden) is null)
            errors.Add(new DomainError(ReasonInvalidCode, "Reden", $"Kies de reden van de wijziging uit {BerichtCodeLists.RedenWijzigingFor(framework).Id}."));
        if (newEnd is { } end && reden != RedenVerwijderd && end < from)
            errors.Add(new DomainError(EndInvalidCode, "Einddatum", "De nieuwe einddatum ligt vóór de ingangsdatum van de toewijzing. Kies reden 13 (verwijderd) om een toewijzing in te trekken die nooit had mogen gaan."));
        if (newEnd is { } e2 && e2 > from.AddYears(5))
            errors.Add(new DomainError(EndInvalidCode, "Einddatum", "Een toewijzing loopt hoogstens vijf jaar."));
        if (newVolume is { } v && (v < 1 || v > 99_999_999))
            errors.Add(new DomainError(VolumeInvalidCode, "Omvang", "Vul een omvang in van minstens 1."));
        if (errors.Count == 0 && reden != RedenVerwijderd && (newEnd ?? currentEnd) == currentEnd && (newVolume ?? currentVolume) == currentVolume)
            errors.Add(new DomainError(NothingChangedCode, "Einddatum", "Er verandert niets: geef een andere einddatum of een andere omvang."));
        return errors;
    }

    /// <summary>The end a change gives: "verwijderd" ends the day before the start, so no care day remains.</summary>
    public static DateOnly EndAfterChange(DateOnly from, DateOnly currentEnd, DateOnly? newEnd, string reden) =>
        reden == RedenVerwijderd ? from.AddDays(-1) : newEnd ?? currentEnd;

    /// <summary>A start (305) of <paramref name="providerId"/> for the client with <paramref name="bsn"/> on <paramref name="begindatum"/>; <paramref name="element"/> names where in the message.</summary>
    public static IReadOnlyList<Retourmelding> CheckStart(AssignmentFacts? a, Guid providerId, string bsn, DateOnly begindatum, string element)
    {
        if (Link(a, providerId, bsn, element) is { } refused) return [refused];
        if (begindatum < a!.Ingangsdatum || begindatum > a.Einddatum)
            return [new(Retourcodes.NietGekoppeld, $"{element}/Begindatum", $"De begindatum {begindatum:dd-MM-yyyy} valt buiten de periode van de toewijzing ({a.Ingangsdatum:dd-MM-yyyy} tot en met {a.Einddatum:dd-MM-yyyy}).")];
        if (a.StartedOn == begindatum)
            return [new(Retourcodes.SleutelAlOntvangen, element, "Deze start is al eerder ontvangen.")];
        if (a.StartedOn is not null && a.StoppedOn is null)
            return [new(Retourcodes.NogNietGestopt, element, $"De levering die op {a.StartedOn:dd-MM-yyyy} begon, is nog niet gestopt met een stopbericht.")];
        return [];
    }

    /// <summary>A stop (307): it follows a start with the same begindatum, ends on or after it and within the assignment, once.</summary>
    public static IReadOnlyList<Retourmelding> CheckStop(AssignmentFacts? a, Guid providerId, string bsn, DateOnly begindatum, DateOnly einddatum, string? reden, string element)
    {
        if (Link(a, providerId, bsn, element) is { } refused) return [refused];
        var errors = new List<Retourmelding>();
        if (a!.StartedOn != begindatum)
            errors.Add(new(Retourcodes.GeenStart, element, a.StartedOn is null
                ? "Er is voor deze toewijzing geen start ontvangen; stuur eerst het startbericht."
                : $"De start die hoort bij deze stop begon op {a.StartedOn:dd-MM-yyyy}, niet op {begindatum:dd-MM-yyyy}."));
        else if (a.StoppedOn is not null)
            errors.Add(new(Retourcodes.SleutelAlOntvangen, element, $"Deze levering is al gestopt op {a.StoppedOn:dd-MM-yyyy}."));
        if (einddatum < begindatum || einddatum > a.Einddatum)
            errors.Add(new(Retourcodes.NietGekoppeld, $"{element}/Einddatum", $"De einddatum {einddatum:dd-MM-yyyy} ligt vóór de begindatum of na het einde van de toewijzing ({a.Einddatum:dd-MM-yyyy})."));
        if (BerichtCodeLists.RedenBeeindigingFor(a.Framework).Find(reden) is null)
            errors.Add(new(Retourcodes.Technisch, $"{element}/RedenBeeindiging", $"De reden van beëindiging staat niet in {BerichtCodeLists.RedenBeeindigingFor(a.Framework).Id}."));
        return errors;
    }

    /// <summary>TR019: the assignment exists, went to this provider, and is about this client.</summary>
    private static Retourmelding? Link(AssignmentFacts? a, Guid providerId, string bsn, string element) =>
        a is null ? new(Retourcodes.NietGekoppeld, $"{element}/ToewijzingNummer", "Er is geen toewijzing met dit nummer.")
        : a.ProviderOrganisationId != providerId ? new(Retourcodes.NietGekoppeld, $"{element}/ToewijzingNummer", "Er is geen toewijzing met dit nummer.")
        : a.ClientBsn != bsn ? new(Retourcodes.NietGekoppeld, $"{element}/ToewijzingNummer", "De toewijzing met dit nummer hoort niet bij deze cliënt.")
        : null;
}
