using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Decisions;

/// <summary>Registering a Wmo report, or an application under any framework. Dates as dd-mm-jjjj.</summary>
public sealed class ApplicationInput
{
    /// <summary>The resident, when registered from the household file.</summary>
    [Description("De inwoner; zonder persoonId is 'bsn' verplicht.")]
    public Guid? PersoonId { get; set; }
    /// <summary>The resident by BSN, at the municipal desk.</summary>
    [Description("Het BSN van een ingeschreven inwoner, als persoonId ontbreekt.")]
    public string? Bsn { get; set; }
    [Required, OneOf(typeof(LegalFramework))] public string? Kader { get; set; }
    public Guid? DoelId { get; set; }
    [Required] public string? Gevraagd { get; set; }
    /// <summary>Wmo: the day of the report (melding), which starts the six-week investigation.</summary>
    [Description("Alleen Wmo: de dag van de melding, jjjj-mm-dd (of dd-mm-jjjj). Zonder aanvraagdatum is het een melding: het onderzoek loopt.")]
    public string? Meldingsdatum { get; set; }
    /// <summary>The day the application was received, which starts the decision term. Empty for a Wmo report only.</summary>
    [Description("De dag dat de aanvraag binnenkwam, jjjj-mm-dd (of dd-mm-jjjj): daar begint de beslistermijn. Verplicht, behalve bij een Wmo-melding met meldingsdatum.")]
    public string? Aanvraagdatum { get; set; }
}

public sealed class ReceiveInput
{
    [Required, Description(Dates.Format)] public string? Aanvraagdatum { get; set; }
    /// <summary>Wmo: the day the investigation report was finished, if it was.</summary>
    [Description("De dag dat het onderzoeksverslag klaar was, als dat zo is; " + Dates.Format)]
    public string? OnderzoekAfgerond { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

public sealed class ExtendInput
{
    [Required, Description("Met hoeveel weken, van 1 tot het maximum van de gemeente.")]
    public int Weken { get; set; }
    [Required, Description("Minstens 10 tekens; de aanvrager krijgt de reden te lezen.")]
    public string? Reden { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

public sealed class WithdrawInput
{
    [Required] public string? Reden { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

public sealed class ProductInput
{
    /// <summary>WMO020 (Wmo) or JZ020 (Jeugdwet) code.</summary>
    [Description("Wmo: een code uit WMO020, Jeugdwet: uit JZ020 (GET /api/v1/code-lists); voor de andere kaders leeg, met een omschrijving.")]
    public string? Categorie { get; set; }
    [Description("Verplicht voor Participatiewet en Wgs (geen codelijst).")]
    public string? Omschrijving { get; set; }
    [Required] public int? Omvang { get; set; }
    /// <summary>WJ756 code, e.g. 04 (uur).</summary>
    [Required, OneOf(typeof(ProductInput), nameof(Units))] public string? Eenheid { get; set; }
    /// <summary>WMO757 code, e.g. 2 (per week).</summary>
    [Required, OneOf(typeof(ProductInput), nameof(Frequencies))] public string? Frequentie { get; set; }
    [Required, Description(Dates.Format)] public string? Van { get; set; }
    [Required, Description("Op of na 'van'; " + Dates.Format)] public string? Tot { get; set; }
    public Guid? AanbiederId { get; set; }
    /// <summary>Estimated cost of the whole period in euros, as text ("3.300,00" or "3300.00").</summary>
    [Description("De geschatte kosten van de hele periode in euro, als tekst: \"3300.00\" of \"3.300,00\".")]
    public string? GeschatteKosten { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Categorie) && string.IsNullOrWhiteSpace(Omschrijving) && Omvang is null
        && string.IsNullOrWhiteSpace(Van) && string.IsNullOrWhiteSpace(Tot) && AanbiederId is null && string.IsNullOrWhiteSpace(GeschatteKosten);

    /// <summary>The codes <see cref="DecisionRules.CheckProduct"/> accepts as unit and as frequency.</summary>
    private static IEnumerable<string> Units => CodeLists.Wj756.Entries.Select(e => e.Code);
    private static IEnumerable<string> Frequencies => CodeLists.Wmo757.Entries.Select(e => e.Code);
}

public sealed class DecisionInput
{
    [Required, OneOf(typeof(DecisionOutcome))] public string? Uitkomst { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg: vandaag.")]
    public string? Besluitdatum { get; set; }
    [Required, Description("Minstens 20 tekens: waarom deze uitkomst, met de feiten uit het onderzoek.")]
    public string? Motivering { get; set; }
    [Description("Bij een (deels) toekenning minstens één, hoogstens tien; bij een afwijzing geen.")]
    public List<ProductInput> Producten { get; set; } = [];
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>The descriptions the inputs of this area share.</summary>
file static class Dates
{
    public const string Format = "jjjj-mm-dd (of dd-mm-jjjj).";
    public const string Version = "De versie van de aanvraag zoals u haar las; een andere geeft 409 (concurrency-conflict). 0 of leeg: zonder die controle.";
}

public sealed class TermsInput
{
    public int WmoInvestigationWeeks { get; set; }
    public int WmoDecisionWeeks { get; set; }
    public int JeugdwetWeeks { get; set; }
    public int ParticipatiewetWeeks { get; set; }
    public int WgsWeeks { get; set; }
    public int MaxExtensionWeeks { get; set; }
    public int DueSoonDays { get; set; }
    public int Versie { get; set; }
}

/// <summary>The term that matters now: the investigation while only a report exists, then the decision.</summary>
public sealed record TermView(string Stap, DeadlineStatus Status);

public sealed record ApplicationRow(Guid Id, Guid PersoonId, string Persoon, Guid? HuishoudenId, LegalFramework Kader, string Gevraagd,
    ApplicationStatus Status, TermView? Termijn, string? Behandelaar, DateOnly? Aanvraagdatum, bool? OpTijd, DecisionOutcome? Uitkomst, DateOnly? Besluitdatum);

public sealed record ProductView(int Positie, string? Categorie, string Product, int Omvang, string Eenheid, string Frequentie, DateOnly Van, DateOnly Tot,
    Guid? AanbiederId, string? Aanbieder, bool EigenWerkgever, decimal? GeschatteKosten, bool Specialistisch)
{
    /// <summary>"3 uur per week", as on an assignment.</summary>
    public string OmvangTekst => $"{Omvang} {Eenheid.ToLowerInvariant()} {Frequentie.ToLowerInvariant()}";
}

public sealed record DecisionView(Guid Id, DecisionOutcome Uitkomst, DateOnly Besluitdatum, string Motivering, string BesluitDoor, bool EigenWerkgever,
    decimal? GeschatteKosten, IReadOnlyList<ProductView> Producten);

public sealed record ApplicationView(Guid Id, Guid PersoonId, string Persoon, string? Bsn, DateOnly Geboortedatum, Guid? HuishoudenId, string? Huishouden,
    string? AdresRegel1, string? AdresRegel2, LegalFramework Kader, Guid? DoelId, string Gevraagd, ApplicationStatus Status,
    DateOnly? Meldingsdatum, DateOnly? OnderzoekUiterlijk, DateOnly? OnderzoekAfgerond, DateOnly? Aanvraagdatum, DateOnly? BeslissenUiterlijk,
    int VerdaagdWeken, string? VerdagingReden, DateOnly? IngetrokkenOp, string? IngetrokkenReden, TermView? Termijn, bool? OpTijd,
    string? Behandelaar, int Versie, DecisionView? Beschikking);

