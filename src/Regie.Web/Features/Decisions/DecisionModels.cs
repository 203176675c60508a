using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Web.Features.Decisions;

/// <summary>Registering a Wmo report, or an application under any framework. Dates as dd-mm-jjjj.</summary>
public sealed class ApplicationInput
{
    /// <summary>The resident, when registered from the household file.</summary>
    public Guid? PersoonId { get; set; }
    /// <summary>The resident by BSN, at the municipal desk.</summary>
    public string? Bsn { get; set; }
    /// <summary>Wmo2015, Jeugdwet, Participatiewet or Wgs.</summary>
    public string? Kader { get; set; }
    public Guid? DoelId { get; set; }
    public string? Gevraagd { get; set; }
    /// <summary>Wmo: the day of the report (melding), which starts the six-week investigation.</summary>
    public string? Meldingsdatum { get; set; }
    /// <summary>The day the application was received, which starts the decision term. Empty for a Wmo report only.</summary>
    public string? Aanvraagdatum { get; set; }
}

public sealed class ReceiveInput
{
    public string? Aanvraagdatum { get; set; }
    /// <summary>Wmo: the day the investigation report was finished, if it was.</summary>
    public string? OnderzoekAfgerond { get; set; }
    public int Versie { get; set; }
}

public sealed class ExtendInput
{
    public int Weken { get; set; }
    public string? Reden { get; set; }
    public int Versie { get; set; }
}

public sealed class WithdrawInput
{
    public string? Reden { get; set; }
    public int Versie { get; set; }
}

public sealed class ProductInput
{
    /// <summary>WMO020 (Wmo) or JZ020 (Jeugdwet) code.</summary>
    public string? Categorie { get; set; }
    public string? Omschrijving { get; set; }
    public int? Omvang { get; set; }
    /// <summary>WJ756 code, e.g. 04 (uur).</summary>
    public string? Eenheid { get; set; }
    /// <summary>WMO757 code, e.g. 2 (per week).</summary>
    public string? Frequentie { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
    public Guid? AanbiederId { get; set; }
    /// <summary>Estimated cost of the whole period in euros, as text ("3.300,00" or "3300.00").</summary>
    public string? GeschatteKosten { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Categorie) && string.IsNullOrWhiteSpace(Omschrijving) && Omvang is null
        && string.IsNullOrWhiteSpace(Van) && string.IsNullOrWhiteSpace(Tot) && AanbiederId is null && string.IsNullOrWhiteSpace(GeschatteKosten);
}

public sealed class DecisionInput
{
    /// <summary>Toegekend, DeelsToegekend or Afgewezen.</summary>
    public string? Uitkomst { get; set; }
    public string? Besluitdatum { get; set; }
    public string? Motivering { get; set; }
    public List<ProductInput> Producten { get; set; } = [];
    public int Versie { get; set; }
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

