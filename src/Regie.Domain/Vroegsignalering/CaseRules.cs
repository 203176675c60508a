using Regie.Domain.Common;

namespace Regie.Domain.Vroegsignalering;

/// <summary>A contact attempt as typed: soort and dagdeel by name or DDAS label, the date as dd-mm-jjjj or jjjj-mm-dd.</summary>
public sealed record AttemptFields(string? Soort, string? Datum, string? Dagdeel, bool Bereikt, string? Toelichting);

/// <summary>A contact attempt that passed the rules.</summary>
public sealed record AttemptContent(Contactsoort Soort, DateOnly Datum, Dagdeel Dagdeel, bool Bereikt, string? Toelichting);

/// <summary>
/// The rules of working a vroegsignaalzaak: contact attempts as DDAS records them, and closing with a DDAS outcome that fits
/// what happened. An outcome that says the resident was spoken to needs a reached attempt; "definitely no contact" needs at
/// least one attempt; the outcomes of a signal not taken up need none.
/// </summary>
public static class CaseRules
{
    public const string AttemptSoortInvalidCode = "vroegsignaalzaak-attempt-kind-invalid";
    public const string AttemptDateInvalidCode = "vroegsignaalzaak-attempt-date-invalid";
    public const string AttemptDagdeelInvalidCode = "vroegsignaalzaak-attempt-daypart-invalid";
    public const string ResultInvalidCode = "vroegsignaalzaak-result-invalid";
    public const string ResultNeedsContactCode = "vroegsignaalzaak-result-needs-contact";
    public const string ResultNeedsAttemptCode = "vroegsignaalzaak-result-needs-attempt";
    public const int NoteMaxLength = 500;
    /// <summary>The description of the request for help opened by "Vervolghulp".</summary>
    public const int RequestTextMaxLength = 2000;

    public static AttemptContent? CheckAttempt(AttemptFields f, DateOnly openedOn, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        if (!DdasCodes.TryParse<Contactsoort>(f.Soort, out var soort))
            errors.Add(new DomainError(AttemptSoortInvalidCode, "Soort",
                $"Kies hoe u contact zocht: {string.Join(", ", DdasCodes.Contactsoorten.Select(DdasCodes.Label))}."));
        DateOnly datum = default;
        if (string.IsNullOrWhiteSpace(f.Datum) || !(DutchDate.TryParse(f.Datum, out datum) || DateOnly.TryParseExact(f.Datum.Trim(), "yyyy-MM-dd", out datum))
            || datum > today || datum < openedOn)
            errors.Add(new DomainError(AttemptDateInvalidCode, "Datum",
                $"Vul de datum van de contactpoging in als dd-mm-jjjj: niet in de toekomst en niet voor de ontvangst van het signaal ({DutchDate.Format(openedOn)})."));
        if (!DdasCodes.TryParse<Dagdeel>(f.Dagdeel, out var dagdeel))
            errors.Add(new DomainError(AttemptDagdeelInvalidCode, "Dagdeel", "Kies het dagdeel: ochtend (tot 12 uur), middag (12 tot 18 uur) of avond."));
        var note = errors.Take(TextRules.Optional(f.Toelichting, "Toelichting", "de toelichting", NoteMaxLength));
        return errors.Errors.Count > count ? null : new AttemptContent(soort, datum, dagdeel, f.Bereikt, note);
    }

    /// <param name="attempts">How many contact attempts the case has, and how many of them reached the resident.</param>
    public static Eindresultaat? CheckClosing(string? resultaat, int attempts, int reached, ErrorList errors)
    {
        if (!DdasCodes.TryParse<Eindresultaat>(resultaat, out var r))
        {
            errors.Add(new DomainError(ResultInvalidCode, "Resultaat", "Kies het resultaat van de vroegsignaalzaak."));
            return null;
        }
        if (NeedsContact(r) && reached == 0)
        {
            errors.Add(new DomainError(ResultNeedsContactCode, "Resultaat",
                $"'{DdasCodes.Label(r)}' betekent dat u de inwoner heeft gesproken: leg eerst een contactpoging vast waarbij de inwoner is bereikt."));
            return null;
        }
        if (r == Eindresultaat.GeenContact && attempts == 0)
        {
            errors.Add(new DomainError(ResultNeedsAttemptCode, "Resultaat",
                $"'{DdasCodes.Label(r)}' kan pas na een of meer contactpogingen: leg die eerst vast."));
            return null;
        }
        return r;
    }

    /// <summary>The outcomes that say the resident was spoken to.</summary>
    public static bool NeedsContact(Eindresultaat r) => r is Eindresultaat.GeenReactieNaContact or Eindresultaat.GeenHulpNodig or Eindresultaat.ZelfBetaald
        or Eindresultaat.BudgetadviesQuickFix or Eindresultaat.VervolghulpFinancieel or Eindresultaat.VervolghulpNietFinancieel;
}
