using Regie.Domain.Common;

namespace Regie.Domain.IStandaarden;

/// <summary>
/// The AGB code (Algemeen GegevensBeheer, Vektis) that identifies a care provider in iWmo/iJw messages: exactly eight
/// digits (LDT_AgbCode), of which the first two name the kind of care (zorgsoort, never 00). Vektis publishes no check
/// digit, so this is all a code can be checked on without the AGB register.
/// </summary>
public static class AgbCode
{
    public const string InvalidCode = "agb-invalid";
    public const int Length = 8;

    /// <summary>The code without spaces when it is valid; otherwise null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var code = value.Replace(" ", "", StringComparison.Ordinal).Trim();
        return code.Length == Length && code.All(char.IsAsciiDigit) && !code.StartsWith("00", StringComparison.Ordinal) ? code : null;
    }

    public static DomainError? Check(string? value, string field = "AgbCode") =>
        string.IsNullOrWhiteSpace(value) || Normalize(value) is not null
            ? null
            : new DomainError(InvalidCode, field, "Een AGB-code bestaat uit acht cijfers en begint niet met 00, bijvoorbeeld 98765432.");
}
