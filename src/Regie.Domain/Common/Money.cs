using System.Globalization;

namespace Regie.Domain.Common;

/// <summary>An amount in euros. Always decimal: social-domain budgets must add up to the cent.</summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Money Zero => new(0m);
    public static Money Euro(decimal amount) => new(decimal.Round(amount, 2, MidpointRounding.ToEven));

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>Dutch notation as used on letters and reports: € 1.234,56 and € -1.234,56.</summary>
    public override string ToString() => "€ " + Amount.ToString("#,##0.00", Dutch);
}
