using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>Dutch postcode: four digits (first not 0) and two letters, not SA, SD or SS. Stored as 1234AB.</summary>
public readonly record struct Postcode
{
    public const string InvalidCode = "postcode-invalid";
    private static readonly string[] ForbiddenLetters = ["SA", "SD", "SS"];

    private Postcode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Accepts "1234AB", "1234 AB" and lower case; typing a postcode in capitals is not worth an error.</summary>
    public static Result<Postcode> Parse(string? input, string field = "Postcode")
    {
        var s = (input ?? "").Trim().Replace(" ", "").ToUpperInvariant();
        if (s.Length != 6 || s[0] is < '1' or > '9' || !s[..4].All(char.IsAsciiDigit) || !s[4..].All(char.IsAsciiLetterUpper))
            return new DomainError(InvalidCode, field, "Vul een geldige postcode in, bijvoorbeeld 1234 AB.");
        if (ForbiddenLetters.Contains(s[4..]))
            return new DomainError(InvalidCode, field, $"Postcodes met de letters {s[4..]} bestaan niet. Controleer de postcode.");
        return new Postcode(s);
    }

    /// <summary>Written as on an envelope: 1234 AB.</summary>
    public string Display => $"{Value[..4]} {Value[4..]}";

    public override string ToString() => Display;
}
