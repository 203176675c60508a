using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.VeiligVerder;

// Inputs carry the Veilig Verder plan's version the user saw: a save on a stale version is refused, never merged silently.

public sealed class SafetyGoalInput
{
    [Required, Description("Wat moet veilig zijn, bijvoorbeeld: de kinderen slapen 's nachts rustig, er wordt niet geslagen.")] public string? Wat { get; set; }
    [Description("Voor wie uit het huishouden; leeg is het hele huishouden.")] public Guid? PersoonId { get; set; }
    [Required, Description("jjjj-mm-dd (of dd-mm-jjjj), vanaf vandaag, binnen drie jaar.")] public string? Streefdatum { get; set; }
    [OneOf(typeof(SafetyGoalStatus)), Description("Open, Behaald of NietBehaald; leeg laat de status zoals hij was (een nieuw doel is Open).")] public string? Status { get; set; }
    public int Versie { get; set; }

    public SafetyGoalFields ToFields() => new(Wat, PersoonId, Streefdatum, Status);
}

public sealed class SafetyAgreementInput
{
    [Required, OneOf(typeof(SafetyActorKind)), Description("Wie het doet: iemand uit het huishouden (met persoonId), een professional of organisatie, of iemand anders (met naam).")]
    public string? Wie { get; set; }
    [Description("Het huishoudlid dat het doet, bij wie = Huishoudlid.")] public Guid? PersoonId { get; set; }
    [Description("De naam van de professional, de organisatie of de persoon, bij wie = Professional of Anders.")] public string? Naam { get; set; }
    [Required, Description("Wat diegene dan doet.")] public string? Wat { get; set; }
    [Required, Description("Bij welk signaal of wanneer de afspraak geldt.")] public string? Signaal { get; set; }
    public int Versie { get; set; }

    public SafetyArrangementFields ToFields() => new(Wie, PersoonId, Naam, Wat, Signaal);
}

public sealed class SafetyCheckInput
{
    [Required, Description("Wie controleert of het veilig is (naam, rol of organisatie).")] public string? Wie { get; set; }
    [Required, OneOf(typeof(SafetyCheckMethod)), Description("Hoe er gecontroleerd wordt.")] public string? Hoe { get; set; }
    [Required, Description("Om de hoeveel dagen of weken: een heel getal, als tekst (1–365 dagen of 1–52 weken).")] public string? Aantal { get; set; }
    [Required, OneOf(typeof(FrequencyUnit))] public string? Eenheid { get; set; }
    [Required, Description("jjjj-mm-dd (of dd-mm-jjjj), vanaf vandaag.")] public string? VolgendeControle { get; set; }
    public int Versie { get; set; }

    public SafetyCheckFields ToFields() => new(Wie, Hoe, Aantal, Eenheid, VolgendeControle);
}

public sealed class VeiligVerderAgreementInput
{
    [Required, Description("Wie uit het huishouden akkoord gaf.")] public Guid? PersoonId { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    [Required, OneOf(typeof(AgreementWays), nameof(AgreementWays.Values))] public string? Wijze { get; set; }
    public int Versie { get; set; }
}

public sealed record SafetyGoalView(Guid Id, string Wat, Guid? PersoonId, string? Persoon, DateOnly Streefdatum, SafetyGoalStatus Status, bool TeLaat);

public sealed record SafetyAgreementView(Guid Id, SafetyActorKind Wie, Guid? PersoonId, string Naam, string Wat, string Signaal);

public sealed record SafetyCheckView(Guid Id, string Wie, SafetyCheckMethod Hoe, int Aantal, FrequencyUnit Eenheid, DateOnly VolgendeControle, bool TeLaat);

/// <summary>The household's agreement: on which version, by whom, when and how.</summary>
public sealed record VeiligVerderAgreementView(int Versie, Guid PersoonId, string Naam, DateOnly Datum, string Wijze, DateTime VastgelegdOp);

/// <summary>The Veilig Verder plan as shown and answered by the API.</summary>
public sealed record VeiligVerderView(Guid Id, Guid HouseholdId, Guid PlanId, int Versie, DateOnly Gestart, bool IsActive,
    IReadOnlyList<SafetyGoalView> Doelen, IReadOnlyList<SafetyAgreementView> Afspraken, IReadOnlyList<SafetyCheckView> Toezicht, VeiligVerderAgreementView? Akkoord)
{
    /// <summary>The household agreed with an earlier version; the plan changed since and the new version is not agreed yet.</summary>
    public bool AkkoordVerouderd => Akkoord is { } a && a.Versie != Versie;
}
