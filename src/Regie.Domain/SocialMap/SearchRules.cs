using Regie.Domain.Common;

namespace Regie.Domain.SocialMap;

/// <summary>The rules of a social map search that are worth a message to the user.</summary>
public static class SearchRules
{
    public const string AgeInvalidCode = "socialmap-age-invalid";
    public const string DomainInvalidCode = "socialmap-domain-invalid";
    public const string DistanceInvalidCode = "socialmap-distance-invalid";
    public const string DistanceNeedsPostcodeCode = "socialmap-distance-needs-postcode";
    public const int MaxAge = 120;
    public const int MaxDistanceKm = 250;

    public static int? Age(string? input, ErrorList errors, string field = "Leeftijd")
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        if (int.TryParse(input.Trim(), out var age) && age is >= 0 and <= MaxAge) return age;
        errors.Add(new DomainError(AgeInvalidCode, field, $"Vul een leeftijd in van 0 tot en met {MaxAge} jaar."));
        return null;
    }

    /// <summary>Kilometres, a whole or decimal number with a comma or a point.</summary>
    public static double? Distance(string? input, bool hasPostcode, ErrorList errors, string field = "Afstand")
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = input.Trim().Replace(',', '.');
        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var km) || km <= 0 || km > MaxDistanceKm)
        {
            errors.Add(new DomainError(DistanceInvalidCode, field, $"Vul een afstand in kilometers in, groter dan 0 en hoogstens {MaxDistanceKm}."));
            return null;
        }
        if (!hasPostcode)
        {
            errors.Add(new DomainError(DistanceNeedsPostcodeCode, field, "Een maximale afstand werkt vanaf een postcode: vul de postcode in of open de sociale kaart vanuit een huishouden."));
            return null;
        }
        return km;
    }

    /// <summary>A service without an age limit fits everyone; HSDS ages are inclusive.</summary>
    public static bool FitsAge(double? minimumAge, double? maximumAge, int age) =>
        (minimumAge is null || age >= minimumAge) && (maximumAge is null || age <= maximumAge);

    /// <summary>The postcode area (PC4) of a Dutch postcode, as the municipality's centroid table keys it.</summary>
    public static string? Pc4(string? postcode)
    {
        var s = (postcode ?? "").Trim().Replace(" ", "");
        return s.Length >= 4 && s[0] is >= '1' and <= '9' && s[..4].All(char.IsAsciiDigit) ? s[..4] : null;
    }
}
