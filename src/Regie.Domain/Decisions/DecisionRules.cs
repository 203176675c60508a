using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Decisions;

/// <summary>Where an application stands. Stored by name.</summary>
public enum ApplicationStatus
{
    /// <summary>Wmo: a report (melding) was made; the investigation runs, no application yet.</summary>
    Melding,
    InBehandeling,
    Beslist,
    Ingetrokken,
}

/// <summary>The outcome of a beschikking. Stored by name; the event log uses <see cref="DecisionOutcomes.EventValue"/>.</summary>
public enum DecisionOutcome
{
    Toegekend,
    DeelsToegekend,
    Afgewezen,
}

public static class ApplicationStatuses
{
    public static bool IsOpen(ApplicationStatus s) => s is ApplicationStatus.Melding or ApplicationStatus.InBehandeling;

    public static string Label(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Melding => "Melding, onderzoek loopt",
        ApplicationStatus.InBehandeling => "Aanvraag in behandeling",
        ApplicationStatus.Beslist => "Beslist",
        _ => "Ingetrokken",
    };
}

public static class DecisionOutcomes
{
    public static readonly IReadOnlyList<DecisionOutcome> All = Enum.GetValues<DecisionOutcome>();

    public static string Label(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Toegekend => "Toegekend",
        DecisionOutcome.DeelsToegekend => "Deels toegekend",
        _ => "Afgewezen",
    };

    /// <summary>The value in the decision.taken event's data, a contract with the monitor.</summary>
    public static string EventValue(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Toegekend => "toegekend",
        DecisionOutcome.DeelsToegekend => "deels",
        _ => "afgewezen",
    };

    public static bool GrantsSomething(DecisionOutcome o) => o is not DecisionOutcome.Afgewezen;
}

/// <summary>One decided product as entered, before it is stored.</summary>
public sealed record ProductFacts(string? Category, string? Description, int? Volume, string? Unit, string? Frequency,
    DateOnly? From, DateOnly? To, decimal? EstimatedCost);

/// <summary>
/// The rules of applications and beschikkingen. Each rule has its own stable code; the legal
/// reasons behind them are in the comments of the checks.
/// </summary>
public static class DecisionRules
{
    public const string NotReceivedCode = "application-not-received";
    public const string AlreadyDecidedCode = "application-already-decided";
    public const string WithdrawnCode = "application-withdrawn";
    public const string AppliedBeforeReportCode = "application-date-before-report";
    public const string DateInFutureCode = "date-in-future";
    public const string DecisionDateBeforeApplicationCode = "decision-date-before-application";
    public const string ReasoningRequiredCode = "decision-reasoning-required";
    public const string ProductsRequiredCode = "decision-products-required";
    public const string ProductsNotAllowedCode = "decision-products-not-allowed";
    public const string CategoryInvalidCode = "product-category-invalid";
    public const string DescriptionRequiredCode = "product-description-required";
    public const string VolumeInvalidCode = "product-volume-invalid";
    public const string UnitInvalidCode = "product-unit-invalid";
    public const string FrequencyInvalidCode = "product-frequency-invalid";
    public const string PeriodInvalidCode = "product-period-invalid";
    public const string CostInvalidCode = "product-cost-invalid";
    public const string ExtensionReasonCode = "extension-reason-required";
    public const string ExtensionWeeksCode = "extension-weeks-invalid";
    public const string ExtensionTwiceCode = "extension-already-given";
    public const string ExtensionTooLateCode = "extension-after-deadline";
    public const string NotExtendableCode = "application-not-extendable";
    public const string NotAReportCode = "application-not-a-report";
    public const string DateRequiredCode = "application-date-required";
    public const string OutcomeInvalidCode = "decision-outcome-invalid";
    public const string TooManyProductsCode = "decision-too-many-products";
    public const int MaxProducts = 10;

    public const int MinimumReasoningLength = 20;
    public const int MaximumVolume = 99_999_999;
    public const decimal MaximumCost = 10_000_000m;

    /// <summary>
    /// A registration starts at a report (Wmo only) or at an application. <paramref name="unreadableDate"/>: a date
    /// was typed but not read; its own error says so, so no "fill in a date" on top of it.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckRegistration(LegalFramework framework, DateOnly? reportedOn, DateOnly? appliedOn, bool unreadableDate, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (framework != LegalFramework.Wmo2015 && reportedOn is not null)
            errors.Add(new DomainError(NotAReportCode, "Meldingsdatum", "Alleen de Wmo kent een melding met onderzoek; vul de datum van de aanvraag in."));
        else if (reportedOn is null && appliedOn is null && !unreadableDate)
            errors.Add(new DomainError(DateRequiredCode, "Aanvraagdatum",
                framework == LegalFramework.Wmo2015 ? "Vul de datum van de melding of van de aanvraag in." : "Vul de datum van de aanvraag in."));
        if (CheckDates(framework, reportedOn, appliedOn, today) is { } e) errors.Add(e);
        return errors;
    }

    /// <summary>Only a report becomes an application, and only once.</summary>
    public static DomainError? CheckReceivable(ApplicationStatus status) =>
        status == ApplicationStatus.Melding ? null : new DomainError(NotAReportCode, "", "De aanvraag is al ontvangen.");

    /// <summary>Receiving a report needs the day of the application; an unreadable one has its own error.</summary>
    public static DomainError? CheckApplicationDate(DateOnly? appliedOn, bool unreadableDate) =>
        appliedOn is null && !unreadableDate ? new DomainError(DateRequiredCode, "Aanvraagdatum", "Vul de datum van de aanvraag in.") : null;

    /// <summary>The application follows its report; the investigation report was finished between the report and today.</summary>
    public static IReadOnlyList<DomainError> CheckReceiptDates(LegalFramework framework, DateOnly? reportedOn, DateOnly? appliedOn, DateOnly? investigationDoneOn, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (CheckDates(framework, reportedOn, appliedOn, today) is { } e) errors.Add(e);
        if (investigationDoneOn is { } d && (d > today || (reportedOn is { } r && d < r)))
            errors.Add(new DomainError(DutchDate.InvalidCode, "OnderzoekAfgerond", "Het onderzoek kan niet vóór de melding of in de toekomst zijn afgerond."));
        return errors;
    }

    /// <summary>Only what is still open can be withdrawn: a decided or withdrawn application is done.</summary>
    public static DomainError? CheckWithdrawable(ApplicationStatus status) =>
        ApplicationStatuses.IsOpen(status) ? null : new DomainError(AlreadyDecidedCode, "", "Deze aanvraag is al afgehandeld.");

    public static Result<DecisionOutcome> ParseOutcome(string? text) =>
        Enums.ParseDefined<DecisionOutcome>(text) is { } o
            ? o
            : new DomainError(OutcomeInvalidCode, "Uitkomst", "Kies de uitkomst: toegekend, deels toegekend of afgewezen.");

    /// <summary>A beschikking stays readable as one assignment message: at most <see cref="MaxProducts"/> provisions.</summary>
    public static DomainError? CheckProductCount(int count) =>
        count > MaxProducts ? new DomainError(TooManyProductsCode, "Producten", $"Een beschikking heeft hoogstens {MaxProducts} voorzieningen.") : null;

    /// <summary>A report is Wmo's first step only; the application date cannot lie before it.</summary>
    public static DomainError? CheckDates(LegalFramework framework, DateOnly? reportedOn, DateOnly? appliedOn, DateOnly today)
    {
        if (reportedOn > today || appliedOn > today)
            return new DomainError(DateInFutureCode, appliedOn > today ? "Aanvraagdatum" : "Meldingsdatum", "Een datum in de toekomst kan niet: registreer wat is ontvangen.");
        if (framework == LegalFramework.Wmo2015 && reportedOn is { } r && appliedOn is { } a && a < r)
            return new DomainError(AppliedBeforeReportCode, "Aanvraagdatum", "De aanvraag kan niet vóór de melding zijn ontvangen.");
        return null;
    }

    /// <summary>
    /// A beschikking answers one application (Awb 1:3): none without an application, never a second
    /// one on the same application (a change is a new application or a revision), and always reasoned
    /// (Awb 3:46), a refusal as much as a grant.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckDecision(ApplicationStatus status, DateOnly? appliedOn, DateOnly decidedOn, DateOnly today,
        DecisionOutcome outcome, string? reasoning, int productCount)
    {
        var errors = new List<DomainError>();
        switch (status)
        {
            case ApplicationStatus.Melding:
                errors.Add(new DomainError(NotReceivedCode, "", "Er is nog geen aanvraag: registreer eerst de datum van de aanvraag. Zonder aanvraag geen beschikking."));
                return errors;
            case ApplicationStatus.Beslist:
                errors.Add(new DomainError(AlreadyDecidedCode, "", "Op deze aanvraag is al beslist. Registreer een nieuwe aanvraag voor een wijziging."));
                return errors;
            case ApplicationStatus.Ingetrokken:
                errors.Add(new DomainError(WithdrawnCode, "", "Deze aanvraag is ingetrokken; er kan niet meer op worden beslist."));
                return errors;
        }
        if (decidedOn > today) errors.Add(new DomainError(DateInFutureCode, "Besluitdatum", "De besluitdatum kan niet in de toekomst liggen."));
        else if (appliedOn is { } a && decidedOn < a)
            errors.Add(new DomainError(DecisionDateBeforeApplicationCode, "Besluitdatum", "De besluitdatum kan niet vóór de aanvraag liggen."));
        if ((reasoning?.Trim().Length ?? 0) < MinimumReasoningLength)
            errors.Add(new DomainError(ReasoningRequiredCode, "Motivering",
                $"Motiveer het besluit (minstens {MinimumReasoningLength} tekens): waarom deze uitkomst, met de feiten uit het onderzoek."));
        if (DecisionOutcomes.GrantsSomething(outcome) && productCount == 0)
            errors.Add(new DomainError(ProductsRequiredCode, "Producten", "Vul bij een toekenning minstens één voorziening in."));
        if (outcome == DecisionOutcome.Afgewezen && productCount > 0)
            errors.Add(new DomainError(ProductsNotAllowedCode, "Producten", "Bij een afwijzing wordt geen voorziening toegekend: laat de voorzieningen leeg."));
        return errors;
    }

    /// <summary>A decided product as an assignment message (WMO301/JW301) would carry it: category, volume, unit, frequency, period.</summary>
    public static IReadOnlyList<DomainError> CheckProduct(LegalFramework framework, ProductFacts p, string field)
    {
        var errors = new List<DomainError>();
        if (CodeLists.ProductCategories(framework) is { } list)
        {
            if (list.Find(p.Category) is null)
                errors.Add(new DomainError(CategoryInvalidCode, $"{field}.Categorie", $"Kies een productcategorie uit {list.Id}."));
        }
        else if (string.IsNullOrWhiteSpace(p.Description))
            errors.Add(new DomainError(DescriptionRequiredCode, $"{field}.Omschrijving", "Omschrijf de voorziening: voor dit wettelijk kader is er geen landelijke codelijst."));
        if (p.Volume is not { } v || v < 1 || v > MaximumVolume)
            errors.Add(new DomainError(VolumeInvalidCode, $"{field}.Omvang", "Vul de omvang in als een heel getal groter dan 0."));
        if (CodeLists.Wj756.Find(p.Unit) is null)
            errors.Add(new DomainError(UnitInvalidCode, $"{field}.Eenheid", "Kies een eenheid uit de lijst (WJ756)."));
        if (CodeLists.Wmo757.Find(p.Frequency) is null)
            errors.Add(new DomainError(FrequencyInvalidCode, $"{field}.Frequentie", "Kies een frequentie uit de lijst (WMO757)."));
        // A missing start is named at the start, so that a caller learns which field to fill in.
        if (p.From is not { } from || p.To is not { } to || to < from)
            errors.Add(new DomainError(PeriodInvalidCode, p.From is null ? $"{field}.Van" : $"{field}.Tot", "Vul een periode in met een einddatum op of na de begindatum."));
        if (p.EstimatedCost is { } c && (c < 0 || c > MaximumCost))
            errors.Add(new DomainError(CostInvalidCode, $"{field}.GeschatteKosten", "De geschatte kosten moeten tussen € 0,00 en € 10.000.000,00 liggen."));
        return errors;
    }

    /// <summary>
    /// Verdaging (Awb 4:14): announced to the applicant before the term has passed, with a reason,
    /// once, and for a reasonable period that the municipality caps.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckExtension(ApplicationStatus status, int currentExtensionWeeks, DateOnly currentDue, DateOnly today,
        int weeks, string? reason, DecisionTerms terms)
    {
        var errors = new List<DomainError>();
        if (status != ApplicationStatus.InBehandeling)
        {
            errors.Add(new DomainError(NotExtendableCode, "", "Alleen een aanvraag in behandeling kan worden verdaagd."));
            return errors;
        }
        if (currentExtensionWeeks > 0) errors.Add(new DomainError(ExtensionTwiceCode, "Weken", "De beslistermijn is al eens verdaagd; dat kan maar één keer."));
        if (today > currentDue)
            errors.Add(new DomainError(ExtensionTooLateCode, "Weken", "De beslistermijn is al verstreken: verdagen moet vóór het einde van de termijn."));
        if (weeks < 1 || weeks > terms.MaxExtensionWeeks)
            errors.Add(new DomainError(ExtensionWeeksCode, "Weken", $"Verdaag met 1 tot {terms.MaxExtensionWeeks} weken."));
        if ((reason?.Trim().Length ?? 0) < 10)
            errors.Add(new DomainError(ExtensionReasonCode, "Reden", "Geef de reden van de verdaging (minstens 10 tekens); de aanvrager krijgt die te lezen."));
        return errors;
    }

    /// <summary>An amount in whole cents, read the Dutch way (<see cref="Money.TryParseEuro"/>).</summary>
    public static bool TryParseAmount(string? text, out decimal amount) =>
        Money.TryParseEuro(text, out amount) && decimal.Round(amount, 2) == amount;
}
