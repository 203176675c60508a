using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Web.Features.Decisions;

/// <summary>The descriptions the inputs of this area share.</summary>
internal static class Dates
{
    public const string Format = "jjjj-mm-dd (of dd-mm-jjjj).";
    public const string Version = "De versie van de aanvraag zoals u haar las; een andere geeft 409 (concurrency-conflict). 0 of leeg: zonder die controle.";
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

