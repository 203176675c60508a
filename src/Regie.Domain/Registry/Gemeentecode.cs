using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>CBS municipality code: four digits. One installation may serve several municipalities.</summary>
public readonly record struct Gemeentecode
{
    public const string InvalidCode = "gemeentecode-invalid";

    private Gemeentecode(string value) => Value = value;

    public string Value { get; }

    public static Result<Gemeentecode> Parse(string? input, string field = "Gemeentecode")
    {
        var s = (input ?? "").Trim();
        if (s.Length == 6 && s.StartsWith("GM", StringComparison.OrdinalIgnoreCase)) s = s[2..]; // CBS also writes GM0363
        return s.Length == 4 && s.All(char.IsAsciiDigit)
            ? new Gemeentecode(s)
            : new DomainError(InvalidCode, field, "Een gemeentecode bestaat uit 4 cijfers, bijvoorbeeld 0363.");
    }

    public override string ToString() => Value;
}
