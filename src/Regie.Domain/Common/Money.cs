using System.Globalization;

namespace Regie.Domain.Common;

/// <summary>An amount in euros. Always decimal: social-domain budgets must add up to the cent.</summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    private static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");

    public static Money Zero => new(0m);
    public static Money Euro(decimal amount) => new(decimal.Round(amount, 2, MidpointRounding.ToEven));

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>
    /// An amount as people and systems type it: 1.800,00 / 1800,5 / € 1.800 / 1800.00. A dot is a
    /// thousands separator as on Dutch letters (then every group after the first has three digits and
    /// the first does not start with 0), unless it is the only one and one or two digits follow (a
    /// decimal point, as an API client writes it). Anything else (0.001, 1.23.4, 12.3456) is refused
    /// rather than guessed. Never through floating point.
    /// </summary>
    public static bool TryParseEuro(string? text, out decimal amount)
    {
        amount = 0m;
        var s = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (DecimalPoint.IsMatch(s)) s = s.Replace('.', ',');
        else if (Dutch.IsMatch(s)) s = s.Replace(".", "", StringComparison.Ordinal);
        else return false;
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, DutchCulture, out amount);
    }

    private static readonly System.Text.RegularExpressions.Regex DecimalPoint = new(@"^-?[0-9]+\.[0-9]{1,2}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    private static readonly System.Text.RegularExpressions.Regex Dutch = new(@"^-?([1-9][0-9]{0,2}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Dutch notation as used on letters and reports: € 1.234,56 and € -1.234,56.</summary>
    public override string ToString() => "€ " + Amount.ToString("#,##0.00", DutchCulture);
}
