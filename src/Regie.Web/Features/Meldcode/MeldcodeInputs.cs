using Regie.Domain.Safety;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Meldcode;

/// <summary>Step 1: what was seen or heard, by whom, when. Adds to the household's open track, or opens one.</summary>
public sealed class SignalsInput
{
    [Required, Description("Wat is gezien of gehoord (feiten, geen interpretaties).")] public string? Wat { get; set; }
    [Required, Description("Door wie het is gezien of gehoord.")] public string? DoorWie { get; set; }
    [Description("Wanneer: jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag. Niet in de toekomst.")] public string? Datum { get; set; }
    [Description("Om wie het gaat: leden van het huishouden nu. Alleen gebruikt als er nog geen open traject is; leeg is alle leden.")]
    public List<Guid> Personen { get; set; } = [];
}

/// <summary>Step 2: the consultation: with whom, what was advised, when.</summary>
public sealed class ConsultationInput
{
    [Required, OneOf(typeof(ConsultationPartner)), Description("Met wie is overlegd.")] public string? Met { get; set; }
    [Required, Description("De naam van wie is geraadpleegd (bij Veilig Thuis: de adviseur).")] public string? Naam { get; set; }
    [Required, Description("Wat is geadviseerd.")] public string? Advies { get; set; }
    [Description("Wanneer: jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    public int Versie { get; set; }
}

/// <summary>Step 3: the conversation with the person(s), or why it did not take place.</summary>
public sealed class ConversationInput
{
    [Required, OneOf(typeof(MeldcodeInputs), nameof(MeldcodeInputs.YesNo)), Description("Ja: het gesprek is gevoerd; Nee: het is niet gevoerd (zeg waarom in 'verslag').")]
    public string? Gevoerd { get; set; }
    [Description("Met wie is gesproken; verplicht als het gesprek is gevoerd.")] public string? Met { get; set; }
    [Required, Description("Verslag van het gesprek, of de reden waarom het niet is gevoerd (bijvoorbeeld de veiligheid van een kind).")] public string? Verslag { get; set; }
    [Description("Wanneer: jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    public int Versie { get; set; }
}

/// <summary>Step 4: the afwegingskader, each question answered in order with its reasoning until the outcome is settled.</summary>
public sealed class WeighingInput
{
    [Description("Per afweging (1 tot en met 5) Ja of Nee, in volgorde tot de uitkomst vaststaat: 1 Nee (geen vermoeden), 2 Ja (acute of structurele onveiligheid: melden), 3 of 4 Nee (melden), 5 Ja (hulp organiseren) of Nee (melden). Antwoorden daarna worden genegeerd.")]
    [MapKeys(typeof(MeldcodeStep), "[1-5]"), OneOf(typeof(MeldcodeInputs), nameof(MeldcodeInputs.YesNo))]
    public Dictionary<int, string?> Afweging { get; set; } = [];
    [Description("Per beantwoorde afweging de onderbouwing (verplicht).")]
    [MapKeys(typeof(MeldcodeStep), "[1-5]")]
    public Dictionary<int, string?> Onderbouwing { get; set; } = [];
    [Description("Wanneer gewogen: jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    public int Versie { get; set; }
}

/// <summary>Step 5: the decision. It must follow the latest weighing (the meldnorm).</summary>
public sealed class MeldcodeDecisionInput
{
    [Required, OneOf(typeof(MeldcodeDecision)), Description("HulpGeorganiseerd (met 'doelen'), GemeldBijVeiligThuis (met 'kanaal' en 'informeertGezin') of Afgesloten (met de reden in 'toelichting').")]
    public string? Besluit { get; set; }
    [Required, Description("Welke hulp; bij een melding wat is gemeld; bij afsluiten de reden.")] public string? Toelichting { get; set; }
    [Description("Wanneer besloten (bij een melding: de datum van de melding): jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    [Description("Bij HulpGeorganiseerd: de doelen van het actieve plan van dit huishouden waarmee de hulp is georganiseerd (minstens één).")]
    public List<Guid> Doelen { get; set; } = [];
    [OneOf(typeof(ReportChannel)), Description("Bij een melding: hoe gemeld (verplicht).")] public string? Kanaal { get; set; }
    [Description("Bij een melding: het kenmerk van Veilig Thuis (optioneel).")] public string? Referentie { get; set; }
    [Description("Bij een melding: wie de familie informeert over de melding (verplicht).")] public string? InformeertGezin { get; set; }
    public int Versie { get; set; }
}

/// <summary>
/// A correction: a new entry of the same step that replaces what the corrected one said; the corrected entry stays, marked
/// as corrected. Give exactly the part of the corrected entry's step. A decision's correction keeps the decision.
/// </summary>
public sealed class CorrectionInput
{
    [Description("Bij een correctie van stap 1.")] public SignalsInput? Signalen { get; set; }
    [Description("Bij een correctie van stap 2 (zijn 'versie' wordt genegeerd: die van de correctie telt).")] public ConsultationInput? Overleg { get; set; }
    [Description("Bij een correctie van stap 3.")] public ConversationInput? Gesprek { get; set; }
    [Description("Bij een correctie van stap 4.")] public WeighingInput? Weging { get; set; }
    [Description("Bij een correctie van stap 5 (hetzelfde besluit).")] public MeldcodeDecisionInput? Besluit { get; set; }
    public int Versie { get; set; }
}

public static class MeldcodeInputs
{
    public static readonly IReadOnlyList<string> YesNo = ["Ja", "Nee"];
}
