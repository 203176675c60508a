using Regie.Domain.Common;
using Regie.Domain.Registry;
using System.Globalization;

namespace Regie.Domain.Vroegsignalering;

/// <summary>A signal as the partner sent it: every field as text (a CSV cell or a JSON value), checked by <see cref="SignalRules.Check"/>.</summary>
public sealed record SignalFields(string? Kenmerk, string? Bsn, string? Voorletters, string? Voorvoegsel, string? Achternaam, string? Geboortedatum,
    string? Straat, string? Postcode, string? Huisnummer, string? Toevoeging, string? Woonplaats, string? Telefoon, string? Email, string? Bedrag,
    string? Maanden, string? Datum, string? Ontstaansdatum, bool Crisis, bool WarmeOverdracht);

/// <summary>A signal that passed the rules; <see cref="Bsn"/> or the name, birth date and address identify the resident.</summary>
public sealed record SignalContent(string Kenmerk, string? Bsn, string? Voorletters, string? Voorvoegsel, string? Achternaam, DateOnly? Geboortedatum,
    string? Straat, string? Postcode, int? Huisnummer, string? Toevoeging, string? Woonplaats, string? Telefoon, string? Email, decimal Bedrag, int Maanden,
    DateOnly Signaaldatum, DateOnly? Ontstaansdatum, bool Crisis, bool WarmeOverdracht);

public static partial class SignalRules
{
    public const string KenmerkRequiredCode = "vroegsignaal-kenmerk-required";
    public const string IdentificationMissingCode = "vroegsignaal-identification-missing";
    public const string AmountInvalidCode = "vroegsignaal-amount-invalid";
    public const string MonthsInvalidCode = "vroegsignaal-months-invalid";
    public const string DateInvalidCode = "vroegsignaal-date-invalid";
    /// <summary>The caller's organisation is not registered as a signal partner of the municipality.</summary>
    public const string NotASignalPartnerCode = "vroegsignaal-not-a-signal-partner";
    /// <summary>A manual match to a person the registry does not hold, or who lives in no household.</summary>
    public const string PersonUnknownCode = "vroegsignaal-person-unknown";
    public const string AlreadyMatchedCode = "vroegsignaal-already-matched";
    /// <summary>A manual match to a person whose BSN differs from the one the partner gave: it is someone else.</summary>
    public const string BsnMismatchCode = "vroegsignaal-bsn-mismatch";

    /// <summary>A signal older than this is not an early signal any more; its date is refused as a typing error.</summary>
    public const int MaxSignalAgeDays = 366;

    /// <summary>
    /// The rules of a signal as a partner delivers it. The partner's reference is required (it makes a repeated delivery harmless).
    /// Without a BSN the resident is identified by surname, birth date, postcode and house number, which is what matching needs.
    /// The amount is in euros (Dutch 1.234,56 or 1234.56), at least one cent; the months in arrears at least one.
    /// </summary>
    public static SignalContent? Check(SignalFields f, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var kenmerk = errors.Take(TextRules.Required(f.Kenmerk, "Kenmerk", "het kenmerk", KenmerkMaxLength, KenmerkRequiredCode,
            "Vul het kenmerk in: uw eigen referentie van dit signaal, zodat hetzelfde signaal nooit twee keer binnenkomt."));
        string? bsn = null;
        if (!string.IsNullOrWhiteSpace(f.Bsn)) bsn = errors.Take(Registry.Bsn.Parse(f.Bsn)).Value;
        var voorletters = errors.Take(TextRules.Optional(f.Voorletters, "Voorletters", "de voorletters", VoorlettersMaxLength));
        var voorvoegsel = errors.Take(TextRules.Optional(f.Voorvoegsel, "Voorvoegsel", "het voorvoegsel", VoorvoegselMaxLength));
        var achternaam = errors.Take(TextRules.Optional(f.Achternaam, "Achternaam", "de achternaam", AchternaamMaxLength));
        DateOnly? geboortedatum = string.IsNullOrWhiteSpace(f.Geboortedatum) ? null : errors.Take(ParseBirthDate(f.Geboortedatum, today));
        var straat = errors.Take(TextRules.Optional(f.Straat, "Straat", "de straat", StraatMaxLength));
        string? postcode = string.IsNullOrWhiteSpace(f.Postcode) ? null : errors.Take(Registry.Postcode.Parse(f.Postcode)).Value;
        int? huisnummer = string.IsNullOrWhiteSpace(f.Huisnummer) ? null : errors.Take(Address.ParseHuisnummer(f.Huisnummer));
        var toevoeging = errors.Take(TextRules.Optional(f.Toevoeging, "Toevoeging", "de toevoeging", ToevoegingMaxLength));
        var woonplaats = errors.Take(TextRules.Optional(f.Woonplaats, "Woonplaats", "de woonplaats", WoonplaatsMaxLength));
        var telefoon = ContactDetails.Phone(f.Telefoon, "Telefoon", errors);
        var email = ContactDetails.Email(f.Email, "Email", errors);
        if (string.IsNullOrWhiteSpace(f.Bsn) && (achternaam is null || string.IsNullOrWhiteSpace(f.Geboortedatum) || string.IsNullOrWhiteSpace(f.Postcode)
            || string.IsNullOrWhiteSpace(f.Huisnummer)))
            errors.Add(new DomainError(IdentificationMissingCode, "Bsn",
                "Geef het BSN, of anders de achternaam, geboortedatum, postcode en het huisnummer: daarmee wordt de inwoner gevonden."));
        if (!Money.TryParseEuro(f.Bedrag, out var bedrag) || bedrag < 0.01m || bedrag > MaxBedrag || decimal.Round(bedrag, 2) != bedrag)
            errors.Add(new DomainError(AmountInvalidCode, "Bedrag",
                $"Vul het bedrag van de achterstand in euro's in, bijvoorbeeld 812,50: minstens 0,01 en hoogstens {MaxBedrag.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))}."));
        if (!int.TryParse(f.Maanden?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var maanden) || maanden < 1 || maanden > MaxMaanden)
            errors.Add(new DomainError(MonthsInvalidCode, "Maanden", $"Vul het aantal maanden achterstand in als heel getal van 1 tot en met {MaxMaanden}."));
        var datum = ParseDay(f.Datum);
        if (datum is null || datum > today || datum < today.AddDays(-MaxSignalAgeDays))
            errors.Add(new DomainError(DateInvalidCode, "Signaaldatum",
                $"Vul de signaaldatum in als dd-mm-jjjj: niet in de toekomst en niet meer dan {MaxSignalAgeDays} dagen geleden."));
        DateOnly? ontstaan = null;
        if (!string.IsNullOrWhiteSpace(f.Ontstaansdatum))
        {
            ontstaan = ParseDay(f.Ontstaansdatum);
            if (ontstaan is null || ontstaan > today || (datum is { } d && ontstaan > d) || ontstaan < DateRules.Earliest(today))
                errors.Add(new DomainError(DateInvalidCode, "Ontstaansdatum",
                    "Vul de datum waarop de achterstand ontstond in als dd-mm-jjjj: niet na de signaaldatum en niet in de toekomst."));
        }
        if (errors.Errors.Count > count) return null;
        return new SignalContent(kenmerk!, bsn, voorletters, voorvoegsel, achternaam, geboortedatum, straat, postcode, huisnummer, toevoeging, woonplaats,
            telefoon, email, bedrag, maanden, datum!.Value, ontstaan, f.Crisis, f.WarmeOverdracht);
    }

    /// <summary>A day as a partner writes it: dd-mm-jjjj (the monthly files), or jjjj-mm-dd (the API).</summary>
    public static DateOnly? ParseDay(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DutchDate.TryParse(text, out var d) || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d) ? d
        : null;

    private static Result<DateOnly> ParseBirthDate(string text, DateOnly today) =>
        ParseDay(text) is { } d ? BirthDate.Check(d, today) : BirthDate.Parse(text, today);
}
