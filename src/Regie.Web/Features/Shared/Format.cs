using Regie.Domain.Common;

namespace Regie.Web.Features.Shared;

/// <summary>Display conventions of the Dutch UI, in one place so every page writes them the same.</summary>
public static class Format
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Date(DateOnly d) => DutchDate.Format(d);
    public static string Date(DateOnly? d) => DutchDate.Format(d);

    public static string DateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);
        return local.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Money(decimal amount) => new Money(amount).ToString();

    public static string Bsn(string? bsn) => bsn is { Length: 9 } ? $"{bsn[..4]}.{bsn[4..6]}.{bsn[6..]}" : "onbekend";
}
