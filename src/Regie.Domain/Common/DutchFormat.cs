using System.Globalization;

namespace Regie.Domain.Common;

/// <summary>How dates are written and read in Regie: 22-11-2026, the way Dutch forms do.</summary>
public static class DutchDate
{
    public const string Pattern = "dd-MM-yyyy";

    /// <summary>A text that is not read as a date (dd-mm-jjjj).</summary>
    public const string InvalidCode = "date-invalid";
    private static readonly string[] AcceptedPatterns = ["d-M-yyyy", "dd-MM-yyyy", "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy"];

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), AcceptedPatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
