using Regie.Domain.Common;
using System.Text.RegularExpressions;

namespace Regie.Domain.Vroegsignalering;

/// <summary>Who delivers the DDAS report to CBS, as the municipality's settings hold it.</summary>
public sealed record DdasDeliverer(string? CodeGegevensleverancier, string? Naam, string? KvkNummer, string? ContactNaam, string? ContactTelefoon,
    string? ContactEmail, string? ContactFunctie);

/// <summary>
/// The rules of a DDAS delivery (VNG exchange model v0.9) that are not the codes themselves (<see cref="DdasCodes"/>): the period,
/// who delivers, and how amounts are written. A delivery holds the signals received in the period, the cases those signals belong
/// to (each with its signals of the period), their contact attempts and outcomes; signals whose personal data was removed by
/// retention still count, with an empty client.
/// </summary>
public static partial class DdasDelivery
{
    /// <summary>The settings lack what a delivery must name: the supplier's code, the delivering organisation or a contact.</summary>
    public const string SettingsIncompleteCode = "ddas-settings-incomplete";
    public const string KvkInvalidCode = "kvk-invalid";
    /// <summary>Regie writes one delivery (one municipality) per file: <c>teller</c> is always 1.</summary>
    public const int Teller = 1;

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex KvkPattern();

    /// <summary>DDAS <c>bedrag</c> is an integer number of euros: rounded half away from zero (812,50 → 813).</summary>
    public static long WholeEuros(decimal amount) => (long)Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>The default period of the page: the last full calendar month before <paramref name="today"/>.</summary>
    public static (DateOnly Van, DateOnly Tot) LastFullMonth(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first.AddMonths(-1), first.AddDays(-1));
    }

    /// <summary>
    /// The period asked for: both days required, as dd-mm-jjjj or jjjj-mm-dd, in a year a report can answer and the end not before
    /// the start (<see cref="DateRules.CheckPeriod"/>).
    /// </summary>
    public static (DateOnly Van, DateOnly Tot)? ReadPeriod(string? van, string? tot, DateOnly today, string vanField, string totField, ErrorList errors)
    {
        var count = errors.Errors.Count;
        if (!TryDate(van, out var from)) errors.Add(DateRules.PeriodStartUnreadable(vanField));
        if (!TryDate(tot, out var to)) errors.Add(DateRules.PeriodEndUnreadable(totField));
        if (errors.Errors.Count == count) errors.AddRange(DateRules.CheckPeriod(from, to, today, vanField, totField));
        return errors.Errors.Count == count ? (from, to) : null;
    }

    private static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && (DutchDate.TryParse(text, out date) || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out date));
    }

    /// <summary>
    /// Null when the settings name everything a delivery needs: the supplier's code (<c>codeGegevensleverancier</c>), the delivering
    /// organisation's name and a contact with a name and an e-mail address or phone number. Otherwise one error that names what is
    /// missing and where to fill it in: a delivery without them would be refused by CBS.
    /// </summary>
    public static DomainError? CheckDeliverer(DdasDeliverer d)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(d.CodeGegevensleverancier)) missing.Add("de code van de gegevensleverancier");
        if (string.IsNullOrWhiteSpace(d.Naam)) missing.Add("de naam van de aanleverende organisatie");
        if (string.IsNullOrWhiteSpace(d.ContactNaam)) missing.Add("de naam van de contactpersoon");
        if (string.IsNullOrWhiteSpace(d.ContactEmail) && string.IsNullOrWhiteSpace(d.ContactTelefoon)) missing.Add("het e-mailadres of telefoonnummer van de contactpersoon");
        if (missing.Count == 0) return null;
        var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.SkipLast(1)) + " en " + missing[^1];
        return new DomainError(SettingsIncompleteCode, "",
            $"De DDAS-levering kan niet worden gemaakt: in de instellingen voor vroegsignalering ontbreekt {list}. De functioneel beheerder vult die in onder Beheer, Vroegsignalering.");
    }

    /// <summary>An optional KvK number: eight digits.</summary>
    public static string? Kvk(string? input, string field, ErrorList errors)
    {
        var kvk = errors.Take(TextRules.Optional(input, field, "het KvK-nummer", 8));
        if (kvk is not null && !KvkPattern().IsMatch(kvk))
        {
            errors.Add(new DomainError(KvkInvalidCode, field, "Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."));
            return null;
        }
        return kvk;
    }
}
