using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>
/// Burgerservicenummer: nine digits passing the eleven-test
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11), never 000000000.
/// </summary>
public readonly record struct Bsn
{
    public const string InvalidCode = "bsn-invalid";
    public const int TestRangeStart = 999_900_006;
    public const int TestRangeEnd = 999_999_990;

    private Bsn(string value) => Value = value;

    public string Value { get; }

    public bool IsTestNumber => int.Parse(Value) is >= TestRangeStart and <= TestRangeEnd;

    public static Result<Bsn> Parse(string? input, string field = "Bsn")
    {
        var digits = (input ?? "").Trim().Replace(" ", "").Replace(".", "");
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit)) digits = "0" + digits; // BSNs below 100000000 are often written without the leading zero
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
            return new DomainError(InvalidCode, field, "Een BSN bestaat uit 9 cijfers.");
        if (!PassesElevenTest(digits))
            return new DomainError(InvalidCode, field, "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer.");
        return new Bsn(digits);
    }

    public static bool PassesElevenTest(string nineDigits)
    {
        if (nineDigits == "000000000") return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (nineDigits[i] - '0');
        sum -= nineDigits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>All valid test BSNs in ascending order (about 9,100 numbers), for synthetic data.</summary>
    public static IEnumerable<string> TestNumbers()
    {
        for (var n = TestRangeStart; n <= TestRangeEnd; n++)
        {
            var s = n.ToString("D9");
            if (PassesElevenTest(s)) yield return s;
        }
    }

    public override string ToString() => Value;
}
