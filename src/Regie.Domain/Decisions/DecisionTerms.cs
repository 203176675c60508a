using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Decisions;

/// <summary>
/// The legal terms a municipality works to, in weeks. Defaults are the law's: Wmo 2015 art. 2.3.2
/// (investigation within 6 weeks of a report) and art. 2.3.5 (decision within 2 weeks of the
/// application); Jeugdwet via Awb 4:13 (8 weeks); Participatiewet and Wgs the Awb's 8 weeks as a
/// default a municipality may shorten in its own rules. An extension (verdaging, Awb 4:14) is
/// announced before the term ends, with a reason, at most once and at most MaxExtensionWeeks.
/// </summary>
public sealed record DecisionTerms(
    int WmoInvestigationWeeks = 6,
    int WmoDecisionWeeks = 2,
    int JeugdwetWeeks = 8,
    int ParticipatiewetWeeks = 8,
    int WgsWeeks = 8,
    int MaxExtensionWeeks = 6,
    int DueSoonDays = 5)
{
    public static readonly DecisionTerms Default = new();

    public const string WeeksInvalidCode = "term-weeks-invalid";
    public const string DueSoonInvalidCode = "term-due-soon-invalid";

    public int DecisionWeeks(LegalFramework f) => f switch
    {
        LegalFramework.Wmo2015 => WmoDecisionWeeks,
        LegalFramework.Jeugdwet => JeugdwetWeeks,
        LegalFramework.Participatiewet => ParticipatiewetWeeks,
        _ => WgsWeeks,
    };

    /// <summary>Terms longer than the law allows cannot be configured; shorter local norms can.</summary>
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError>();
        void Weeks(int value, int max, string field, string label)
        {
            if (value < 1 || value > max)
                errors.Add(new DomainError(WeeksInvalidCode, field, $"De termijn voor {label} moet tussen 1 en {max} weken liggen."));
        }
        Weeks(WmoInvestigationWeeks, 6, nameof(WmoInvestigationWeeks), "het Wmo-onderzoek");
        Weeks(WmoDecisionWeeks, 2, nameof(WmoDecisionWeeks), "een Wmo-beschikking");
        Weeks(JeugdwetWeeks, 8, nameof(JeugdwetWeeks), "een Jeugdwet-beschikking");
        Weeks(ParticipatiewetWeeks, 8, nameof(ParticipatiewetWeeks), "een besluit op grond van de Participatiewet");
        Weeks(WgsWeeks, 8, nameof(WgsWeeks), "een besluit over schuldhulpverlening");
        Weeks(MaxExtensionWeeks, 8, nameof(MaxExtensionWeeks), "een verdaging");
        if (DueSoonDays < 0 || DueSoonDays > 30)
            errors.Add(new DomainError(DueSoonInvalidCode, nameof(DueSoonDays), "Kies tussen 0 en 30 dagen voor 'bijna te laat'."));
        return errors;
    }
}

/// <summary>Where a term stands on a given day.</summary>
public sealed record DeadlineStatus(DateOnly Due, bool Late, DateOnly? LateSince, bool DueSoon, int DaysLeft);

public static class Deadlines
{
    /// <summary>Wmo only: the investigation after a report (melding).</summary>
    public static DateOnly? InvestigationDue(LegalFramework framework, DateOnly? reportedOn, DecisionTerms terms) =>
        framework == LegalFramework.Wmo2015 && reportedOn is { } r ? r.AddDays(7 * terms.WmoInvestigationWeeks) : null;

    /// <summary>The decision term counts from the day after receipt (Awb 4:13 and the Wmo's "binnen twee weken na ontvangst").</summary>
    public static DateOnly DecisionDue(LegalFramework framework, DateOnly appliedOn, int extensionWeeks, DecisionTerms terms) =>
        appliedOn.AddDays(7 * (terms.DecisionWeeks(framework) + extensionWeeks));

    /// <summary>
    /// Late when the work was not done by the due day: still open after it, or done after it. A late
    /// application stays late after its decision, so the figures show it.
    /// </summary>
    public static DeadlineStatus Evaluate(DateOnly due, DateOnly today, DateOnly? doneOn, int dueSoonDays)
    {
        var reference = doneOn ?? today;
        var late = reference > due;
        var daysLeft = due.DayNumber - today.DayNumber;
        return new DeadlineStatus(due, late, late ? due.AddDays(1) : null, !late && doneOn is null && daysLeft <= dueSoonDays, daysLeft);
    }
}
