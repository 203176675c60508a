using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Decisions;

/// <summary>
/// Registering a report or an application for a resident: the legal framework, the resident (by id or by BSN) and, when
/// given, a goal of the plan of the resident's household. The caller looks the resident and the goal up and passes what
/// it found; the dates are checked by <see cref="DecisionRules.CheckRegistration"/>.
/// </summary>
public static class ApplicationRules
{
    public const string PersonUnknownCode = "person-unknown";
    public const string PersonRequiredCode = "person-required";

    public static DomainError? CheckFramework(LegalFramework? framework) =>
        framework is null ? new DomainError(LegalFrameworks.InvalidCode, "Kader", "Kies het wettelijk kader van de aanvraag.") : null;

    /// <summary>The resident chosen by id, <paramref name="found"/> when they exist and are not anonymised.</summary>
    public static DomainError? CheckPersonById(bool found) =>
        found ? null : new DomainError(PersonUnknownCode, "PersoonId", "Deze inwoner is niet gevonden.");

    /// <summary>Without an id the resident is named by BSN.</summary>
    public static DomainError? CheckBsnGiven(string? bsn) =>
        string.IsNullOrWhiteSpace(bsn) ? new DomainError(PersonRequiredCode, "Bsn", "Vul het BSN van de inwoner in.") : null;

    /// <summary>The resident with a valid BSN, <paramref name="found"/> when one is registered and not anonymised.</summary>
    public static DomainError? CheckPersonByBsn(bool found) =>
        found ? null : new DomainError(PersonUnknownCode, "Bsn", "Er is geen inwoner met dit BSN ingeschreven. Registreer de inwoner eerst.");

    /// <summary>A chosen goal must belong to the plan of the resident's current household (<paramref name="inPlan"/>).</summary>
    public static DomainError? CheckGoal(bool inPlan) =>
        inPlan ? null : new DomainError(PlanRules.GoalNotFoundCode, "DoelId", "Dit doel hoort niet bij het plan van het huishouden van deze inwoner.");
}
