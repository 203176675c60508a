using Regie.Domain.Access;
using Regie.Domain.Common;

namespace Regie.Domain.Safety;

/// <summary>
/// Withholding a part of a Meldcode track from the resident's inzage (UAVG art. 41, e.g. the safety of a child): the
/// household's coordinator withholds a whole track or one entry with a reason, and lifts it later; the lift is recorded,
/// the withholding stays. One part is withheld once at a time.
/// </summary>
public static class MeldcodeWithholdingRules
{
    public const int ReasonMaxLength = 1000;
    /// <summary>How every audit entry about a withholding begins, so the resident's export can leave them all out.</summary>
    public const string AuditPrefix = "beperking inzage";
    public const string NotCoordinatorCode = "meldcode-withholding-not-coordinator";
    public const string AlreadyWithheldCode = "meldcode-already-withheld";
    public const string AlreadyLiftedCode = "meldcode-withholding-lifted";

    /// <summary>Only the household's coordinator decides what the resident does not get to see; the other readers of the track see the decision.</summary>
    public static bool MayWithhold(MeldcodeAccessFacts f) => f.Role is RoleNames.Professional or RoleNames.Teamleider or RoleNames.Consulent && f.IsCoordinator;

    public static DomainError NotCoordinator() => new(NotCoordinatorCode, "",
        "Alleen de regisseur van het huishouden beperkt de inzage in een meldcodetraject, of heft een beperking op.");

    /// <summary>The reason the controller must be able to justify: required, at most <see cref="ReasonMaxLength"/> characters.</summary>
    public static Result<string> Reason(string? value) => TextRules.Required(value, "Reden", "de reden om dit deel niet te verstrekken", ReasonMaxLength);

    /// <summary>The same part (the whole track, or this entry) is already withheld and not lifted.</summary>
    public static DomainError? CheckWithhold(bool activeForSamePart) => activeForSamePart
        ? new DomainError(AlreadyWithheldCode, "VastleggingId", "Dit deel van het traject wordt al niet verstrekt bij inzage.")
        : null;

    public static DomainError? CheckLift(DateTime? liftedAt) => liftedAt is null ? null
        : new DomainError(AlreadyLiftedCode, "", "Deze beperking is al opgeheven.");
}
