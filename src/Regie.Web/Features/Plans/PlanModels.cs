using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Plans;

// Inputs carry the plan version the user saw: a save on a stale version is refused, never merged silently.

public sealed class GoalInput
{
    [Required, OneOf(typeof(ZrmDomain))] public string? Leefgebied { get; set; }
    public Guid? PersoonId { get; set; }
    [Required] public string? Wat { get; set; }
    [Required] public string? MeetbaarResultaat { get; set; }
    [Required, Description("jjjj-mm-dd (of dd-mm-jjjj), vanaf vandaag.")] public string? Streefdatum { get; set; }
    [Required] public string? Wie { get; set; }
    [OneOf(typeof(GoalStatus))] public string? Status { get; set; }
    public string? Toelichting { get; set; }
    [Description(BesluitIdDescription)] public Guid? BesluitId { get; set; }
    public int Versie { get; set; }

    internal const string BesluitIdDescription = "Alleen bij toevoegen: het id van een besluit van een gehouden overleg van dit huishouden waaruit dit "
        + "voortkomt. Het plan onthoudt het besluit en de planversie en de tijdlijn noemen het; een ander id geeft 400 'conference-decision-unknown'.";

    public GoalFields ToFields() => new(Leefgebied, PersoonId, Wat, MeetbaarResultaat, Streefdatum, Wie, Status, Toelichting);
}

public sealed class ActionInput
{
    public Guid? DoelId { get; set; }
    [Required] public string? Omschrijving { get; set; }
    [Required, OneOf(typeof(ActionOwnerKind))] public string? Uitvoerder { get; set; }
    /// <summary>Name of a network contact, volunteer, organisation or professional, when no member or colleague is chosen.</summary>
    public string? Naam { get; set; }
    public Guid? PersoonId { get; set; }
    public string? MedewerkerId { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj).")] public string? Deadline { get; set; }
    /// <summary>Someone from the household's current network who carries it out (uitvoerder Netwerk or Vrijwilliger); their name becomes the owner's.</summary>
    [Description("Het id van een netwerklid uit het huidige netwerk van dit huishouden (uitvoerder Netwerk of Vrijwilliger); de naam van het netwerklid wordt "
        + "de naam van de uitvoerder. Een actie houdt het netwerklid dat zij al noemt, ook na beëindiging.")]
    public Guid? NetwerkLidId { get; set; }
    [Description("Het id van een afdeling of partnerorganisatie van de gemeente (GET /api/v1/organisations), bij uitvoerder Organisatie; de naam van de "
        + "organisatie wordt de naam van de uitvoerder en de actie hoort bij haar: haar inkijk in het plan toont de actie. Zonder id mag `naam` een "
        + "organisatie buiten Regie noemen; een naam die precies die van een organisatie in Regie is, hoort bij die organisatie. Een onbekend id of een "
        + "andere uitvoerder geeft action-organisation-unknown.")]
    public Guid? OrganisatieId { get; set; }
    [Description(GoalInput.BesluitIdDescription)] public Guid? BesluitId { get; set; }
    public int Versie { get; set; }

    public ActionFields ToFields() => new(DoelId, Omschrijving, Uitvoerder, Naam, PersoonId, MedewerkerId, Deadline, NetwerkLidId, OrganisatieId);
}

public sealed class PlanInput
{
    public string? Afspraken { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj), vanaf vandaag.")] public string? Evaluatiedatum { get; set; }
    [Description("Namen van wettelijke kaders, bijvoorbeeld Wmo2015 of Jeugdwet."), OneOf(typeof(LegalFramework))] public List<string> Kaders { get; set; } = [];
    public int Versie { get; set; }
}

public sealed class AgreementInput
{
    [Required] public Guid? PersoonId { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    [Required, OneOf(typeof(AgreementWays), nameof(AgreementWays.Values))] public string? Wijze { get; set; }
    public int Versie { get; set; }
}

public sealed class EvaluationInput
{
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    [Required] public string? Samenvatting { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj), vanaf vandaag.")] public string? VolgendeEvaluatie { get; set; }
    /// <summary>The household's own mark for the help so far (1–10), given in the conversation; optional.</summary>
    [Description("Het cijfer van het huishouden voor de hulp: een heel getal van 1 tot en met 10, als tekst.")] public string? Cijfer { get; set; }
    public int Versie { get; set; }
}

/// <summary>The plan's own sections: what goes well, the concerns (each marked when it matters most) and the help there was before.</summary>
public sealed class PlanSectionsInput
{
    [Description("Wat goed gaat: de krachten van het huishouden.")] public string? Sterktes { get; set; }
    [Description("De zorgen; lege regels tellen niet mee. Wat het belangrijkst is, komt vooraan.")] public List<ConcernInput> Zorgen { get; set; } = [];
    [Description("Hulp die er eerder was (trajecten, verwijzingen, organisaties).")] public string? EerdereHulp { get; set; }
    public int Versie { get; set; }

    public PlanSectionFields ToFields() => new(Sterktes, Zorgen.Select(z => new ConcernFields(z.Wat, z.Belangrijkst)).ToList(), EerdereHulp);
}

public sealed class ConcernInput
{
    public string? Wat { get; set; }
    [Description("Deze zorg weegt het zwaarst.")] public bool Belangrijkst { get; set; }
}

public sealed class VersionInput
{
    public int Versie { get; set; }
}

public sealed record GoalView(Guid Id, ZrmDomain Leefgebied, Guid? PersoonId, string? Persoon, string Wat, string MeetbaarResultaat, DateOnly Streefdatum,
    string Wie, GoalStatus Status, DateOnly StatusGewijzigd, string? Toelichting, bool TeLaat);

public sealed record ActionView(Guid Id, Guid? DoelId, string Omschrijving, ActionOwnerKind Uitvoerder, string Naam, DateOnly? Deadline, DateOnly? Gedaan, bool TeLaat,
    Guid? NetwerkLidId = null, Guid? OrganisatieId = null, Guid? PersoonId = null, string? MedewerkerId = null);

public sealed record AgreementView(int Versie, string Naam, DateOnly Datum, string Wijze, DateTime VastgelegdOp);

public sealed record EvaluationView(DateOnly Datum, string Samenvatting, string DoorNaam);

public sealed record PlanView(Guid Id, Guid HouseholdId, Guid TrajectoryId, int Versie, DateOnly Gestart, DateOnly? Afgesloten, string? Afspraken,
    DateOnly? VolgendeEvaluatie, IReadOnlyList<LegalFramework> Kaders, IReadOnlyList<GoalView> Doelen, IReadOnlyList<ActionView> Acties,
    AgreementView? Akkoord, IReadOnlyList<EvaluationView> Evaluaties, string? Sterktes = null, IReadOnlyList<PlanConcern>? Zorgen = null, string? EerdereHulp = null)
{
    public bool IsActive => Afgesloten is null;
    /// <summary>The household agreed with an earlier version; the plan changed since.</summary>
    public bool AkkoordVerouderd => Akkoord is { } a && a.Versie != Versie;
}

public sealed record PlanVersionInfo(int Nummer, DateTime Opgeslagen, string Door, string Wijziging);

/// <summary>The plan's content as stored in each version, for reading and comparing.</summary>
/// <remarks>Versions saved before the plan had its own sections read them as empty.</remarks>
public sealed record PlanSnapshot(string? Afspraken, DateOnly? VolgendeEvaluatie, string? Kaders, IReadOnlyList<GoalSnapshot> Doelen, IReadOnlyList<ActionSnapshot> Acties,
    string? Sterktes = null, IReadOnlyList<PlanConcern>? Zorgen = null, string? EerdereHulp = null);
public sealed record GoalSnapshot(Guid Id, string Leefgebied, string? Persoon, string Wat, string MeetbaarResultaat, DateOnly Streefdatum, string Wie, string Status, string? Toelichting);
public sealed record ActionSnapshot(Guid Id, Guid? DoelId, string Omschrijving, string Uitvoerder, string Naam, DateOnly? Deadline, DateOnly? Gedaan);

public enum DiffKind { Gelijk, Gewijzigd, Nieuw, Verwijderd }

/// <summary>One row of a side-by-side comparison: the same item in two versions.</summary>
public sealed record DiffRow(string Onderdeel, string? Links, string? Rechts, DiffKind Soort);

public sealed record PlanComparison(PlanVersionInfo Links, PlanVersionInfo Rechts, IReadOnlyList<DiffRow> Rijen);
