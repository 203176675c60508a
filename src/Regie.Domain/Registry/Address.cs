using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>A Dutch address the way the BAG identifies it: postcode + huisnummer (+ huisletter, toevoeging).</summary>
public sealed record Address(
    string? Straat,
    int Huisnummer,
    string? Huisletter,
    string? Toevoeging,
    Postcode Postcode,
    string Woonplaats,
    string? Wijk,
    string? Buurt)
{
    public const string HuisnummerCode = "huisnummer-invalid";
    public const string HuisletterCode = "huisletter-invalid";
    public const string ToevoegingCode = "toevoeging-invalid";
    public const int StraatMaxLength = 200;
    public const int WoonplaatsMaxLength = 100;
    public const int WijkMaxLength = 100;
    public const int BuurtMaxLength = 100;

    public static Address? Create(string? straat, string? huisnummer, string? huisletter, string? toevoeging,
        string? postcode, string? woonplaats, string? wijk, string? buurt, ErrorList errors)
    {
        var street = errors.Take(TextRules.Optional(straat, "Straat", "de straat", StraatMaxLength));
        var pc = errors.Take(Postcode.Parse(postcode));
        var number = errors.Take(ParseHuisnummer(huisnummer));
        var letter = errors.Take(ParseHuisletter(huisletter));
        var addition = errors.Take(ParseToevoeging(toevoeging));
        var place = errors.Take(TextRules.Required(woonplaats, "Woonplaats", "de woonplaats", WoonplaatsMaxLength));
        var district = errors.Take(TextRules.Optional(wijk, "Wijk", "de wijk", WijkMaxLength));
        var neighbourhood = errors.Take(TextRules.Optional(buurt, "Buurt", "de buurt", BuurtMaxLength));
        if (errors.HasErrors) return null;
        return new Address(street, number, letter, addition, pc, place!, district, neighbourhood);
    }

    public static Result<int> ParseHuisnummer(string? input) =>
        int.TryParse(input?.Trim(), out var n) && n is >= 1 and <= 99999
            ? n
            : new DomainError(HuisnummerCode, "Huisnummer", "Vul een huisnummer in van 1 tot en met 99999 (alleen cijfers; een letter hoort bij huisletter).");

    public static Result<string?> ParseHuisletter(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return Result<string?>.Ok(null);
        var s = input.Trim();
        return s.Length == 1 && char.IsAsciiLetter(s[0])
            ? Result<string?>.Ok(s.ToUpperInvariant())
            : new DomainError(HuisletterCode, "Huisletter", "Een huisletter is één letter, bijvoorbeeld A.");
    }

    public static Result<string?> ParseToevoeging(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return Result<string?>.Ok(null);
        var s = input.Trim();
        return s.Length <= 4 && s.All(char.IsAsciiLetterOrDigit)
            ? Result<string?>.Ok(s.ToUpperInvariant())
            : new DomainError(ToevoegingCode, "Toevoeging", "Een huisnummertoevoeging is hoogstens 4 letters of cijfers, bijvoorbeeld 2 of BIS.");
    }

    public string HouseNumberDisplay => NumberDisplay(Huisnummer, Huisletter, Toevoeging);
    public string Line1 => string.IsNullOrEmpty(Straat) ? HouseNumberDisplay : $"{Straat} {HouseNumberDisplay}";
    public string Line2 => $"{Postcode.Display} {Woonplaats}";

    private static string NumberDisplay(int huisnummer, string? huisletter, string? toevoeging) =>
        huisnummer + (huisletter ?? "") + (toevoeging is null ? "" : "-" + toevoeging);

    /// <summary>"Dorpsstraat 12A-2, 1234 AB Voorbeeld", from stored columns (for list projections).</summary>
    public static string OneLine(string? straat, int huisnummer, string? huisletter, string? toevoeging, string postcode, string woonplaats)
    {
        var number = NumberDisplay(huisnummer, huisletter, toevoeging);
        var pc = postcode.Length == 6 ? $"{postcode[..4]} {postcode[4..]}" : postcode;
        return string.IsNullOrEmpty(straat) ? $"{number}, {pc} {woonplaats}" : $"{straat} {number}, {pc} {woonplaats}";
    }
}
