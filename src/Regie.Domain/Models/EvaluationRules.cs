using Regie.Domain.Common;

namespace Regie.Domain.Models;

/// <summary>What the policy officer asks of an evaluation, as typed in the form or the query string, read into a checked choice.</summary>
public sealed record EvaluationChoice(int HorizonMonths, int MonthsBefore, int MonthsAfter);

/// <summary>The rules of the evaluation's parameters and of a recorded change of working practice, with their stable codes.</summary>
public static class EvaluationRules
{
    public const string HorizonInvalidCode = "evaluation-horizon-invalid";
    public const string MonthsInvalidCode = "evaluation-months-invalid";
    public const string TeamUnknownCode = "evaluation-team-unknown";
    public const string NoComparisonCode = "evaluation-no-comparison";
    public const string TeamsRequiredCode = "practice-change-teams-required";
    public const string TitleRequiredCode = "practice-change-title-required";
    public const int DefaultHorizon = 12, DefaultMonthsBefore = 24, DefaultMonthsAfter = 12, MaxMonths = 36;
    public const int TitleMaxLength = 200, DescriptionMaxLength = 2000;

    /// <summary>
    /// Horizon 3, 6 or 12 months; 1–36 months before and after. Empty means the default: 24 months before, because before the change a
    /// horizon outcome counts only households whose horizon ended before it, so with 12 months before and a horizon of 12 none would.
    /// </summary>
    public static EvaluationChoice? Read(string? horizon, string? before, string? after, ErrorList errors)
    {
        var h = Number(horizon, DefaultHorizon);
        if (h is null || !Evaluation.Horizons.Contains(h.Value))
            errors.Add(new DomainError(HorizonInvalidCode, "Horizon", "Kies een horizon van 3, 6 of 12 maanden."));
        var b = Months(before, DefaultMonthsBefore, "Voor", "vóór", errors);
        var a = Months(after, DefaultMonthsAfter, "Na", "na", errors);
        return errors.HasErrors ? null : new EvaluationChoice(h!.Value, b!.Value, a!.Value);
    }

    private static int? Months(string? text, int fallback, string field, string word, ErrorList errors)
    {
        var n = Number(text, fallback);
        if (n is >= 1 and <= MaxMonths) return n;
        errors.Add(new DomainError(MonthsInvalidCode, field, $"Vul het aantal maanden {word} de wijziging in: een heel getal van 1 tot en met {MaxMonths}."));
        return null;
    }

    private static int? Number(string? text, int fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback : int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The day of a change: a real date, not in the future.</summary>
    public static DateOnly? ReadDate(string? text, string field, DateOnly today, ErrorList errors)
    {
        if (!DutchDate.TryParse(text, out var d))
        {
            errors.Add(new DomainError(DutchDate.InvalidCode, field, "Vul de datum van de wijziging in als dd-mm-jjjj."));
            return null;
        }
        if (DateRules.Check(d, DateKind.Happened, today, field, "de datum van de wijziging") is { } error)
        {
            errors.Add(error);
            return null;
        }
        return d;
    }

    public static DomainError TeamUnknown(string field) => new(TeamUnknownCode, field, "Dit team bestaat niet in deze gemeente.");

    /// <summary>A comparison needs teams that did not change.</summary>
    public static DomainError NoComparison(string field) => new(NoComparisonCode, field, "Kies niet alle teams: het verschil in verschillen vergelijkt met de teams die niet veranderden.");

    public static DomainError TeamsRequired(string field) => new(TeamsRequiredCode, field, "Kies het team of de teams die anders gingen werken.");

    public static string? ReadTitle(string? text, ErrorList errors) =>
        errors.Take(TextRules.Required(text, "Titel", "de titel", TitleMaxLength, TitleRequiredCode, "Vul de titel van de wijziging in."));

    public static string? ReadDescription(string? text, ErrorList errors) =>
        errors.Take(TextRules.Optional(text, "Omschrijving", "de omschrijving", DescriptionMaxLength));

    public const string WithdrawnCode = "practice-change-withdrawn";
    public const string WithdrawalReasonRequiredCode = "practice-change-reason-required";
    public const int WithdrawalReasonMaxLength = 500;

    /// <summary>A withdrawn change of working practice is neither corrected nor withdrawn again.</summary>
    public static DomainError PracticeChangeWithdrawn() => new(WithdrawnCode, "", "Deze wijziging van werkwijze is al ingetrokken.");

    /// <summary>Why a recorded change is withdrawn (recorded in the wrong way, never happened): required, at most <see cref="WithdrawalReasonMaxLength"/> characters.</summary>
    public static string? ReadWithdrawalReason(string? text, ErrorList errors) =>
        errors.Take(TextRules.Required(text, "Reden", "de reden", WithdrawalReasonMaxLength, WithdrawalReasonRequiredCode, "Vul in waarom u de wijziging intrekt."));
}
