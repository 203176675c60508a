using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Domain.IStandaarden;

/// <summary>The iWmo/iJw 3.2 messages Regie sends and receives: 301 out; 305, 307, 315, 317 in.</summary>
public enum BerichtType { Toewijzing = 301, Start = 305, Stop = 307, VerzoekOmToewijzing = 315, VerzoekOmWijziging = 317 }

/// <summary>Whether Regie sent the message or received it.</summary>
public enum BerichtRichting { Uit, In }

/// <summary>
/// Where a message stands. Out: <see cref="Klaar"/> (validated, waiting to be exported to the hub), <see cref="Verzonden"/>,
/// <see cref="Afgewezen"/> (did not validate against its XSD: not sent, the problems say why). In: <see cref="Ontvangen"/>
/// (accepted; a request waits for the desk), <see cref="Beantwoord"/> (a request the desk decided), <see cref="Afgewezen"/>
/// (refused with retour codes; nothing of its content is kept).
/// </summary>
public enum BerichtStatus { Klaar, Verzonden, Afgewezen, Ontvangen, Beantwoord }

/// <summary>One message kind of one standard: its name (WMO301), its XML namespace and its BerichtCode (COD002-VEKTIS).</summary>
public sealed record BerichtSoort(string Naam, LegalFramework Framework, BerichtType Type, string Namespace, string BerichtCode)
{
    public string Standaard => Framework == LegalFramework.Jeugdwet ? "iJw" : "iWmo";
}

/// <summary>The message kinds Regie knows, found by name or by the XML namespace of a received document.</summary>
public static class BerichtSoorten
{
    public const string WmoBasisNamespace = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
    public const string JwBasisNamespace = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    /// <summary>The XSD version Regie's messages state in their header (the 3.2 schemas' BerichtXsdVersie and BasisschemaXsdVersie).</summary>
    public const string XsdVersie = "1.0.0";

    public static readonly IReadOnlyList<BerichtSoort> All =
    [
        new("WMO301", LegalFramework.Wmo2015, BerichtType.Toewijzing, "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema", "414"),
        new("WMO305", LegalFramework.Wmo2015, BerichtType.Start, "http://www.istandaarden.nl/iwmo/3_2/wmo305/schema", "418"),
        new("WMO307", LegalFramework.Wmo2015, BerichtType.Stop, "http://www.istandaarden.nl/iwmo/3_2/wmo307/schema", "420"),
        new("WMO315", LegalFramework.Wmo2015, BerichtType.VerzoekOmToewijzing, "http://www.istandaarden.nl/iwmo/3_2/wmo315/schema", "444"),
        new("WMO317", LegalFramework.Wmo2015, BerichtType.VerzoekOmWijziging, "http://www.istandaarden.nl/iwmo/3_2/wmo317/schema", "480"),
        new("JW301", LegalFramework.Jeugdwet, BerichtType.Toewijzing, "http://www.istandaarden.nl/ijw/3_2/jw301/schema", "436"),
        new("JW305", LegalFramework.Jeugdwet, BerichtType.Start, "http://www.istandaarden.nl/ijw/3_2/jw305/schema", "438"),
        new("JW307", LegalFramework.Jeugdwet, BerichtType.Stop, "http://www.istandaarden.nl/ijw/3_2/jw307/schema", "440"),
        new("JW315", LegalFramework.Jeugdwet, BerichtType.VerzoekOmToewijzing, "http://www.istandaarden.nl/ijw/3_2/jw315/schema", "446"),
        new("JW317", LegalFramework.Jeugdwet, BerichtType.VerzoekOmWijziging, "http://www.istandaarden.nl/ijw/3_2/jw317/schema", "486"),
    ];

    public static BerichtSoort? ByName(string? naam) => All.FirstOrDefault(s => string.Equals(s.Naam, naam?.Trim(), StringComparison.OrdinalIgnoreCase));
    public static BerichtSoort? ByNamespace(string? ns) => All.FirstOrDefault(s => s.Namespace == ns);
    public static BerichtSoort Of(LegalFramework framework, BerichtType type) => All.First(s => s.Framework == framework && s.Type == type);

    /// <summary>Only the Wmo and the Jeugdwet exchange iStandaarden messages; Participatiewet and Wgs provisions do not travel.</summary>
    public static bool Travels(LegalFramework framework) => framework is LegalFramework.Wmo2015 or LegalFramework.Jeugdwet;

    public static string BasisNamespace(LegalFramework framework) => framework == LegalFramework.Jeugdwet ? JwBasisNamespace : WmoBasisNamespace;
}

/// <summary>
/// The code lists of a change and of a stop: WMO002/JZ002 (reden wijziging toewijzing, sent by the municipality) and
/// WMO588/JZ588 (reden beëindiging, sent by the provider in a 307). Copied by code and name from the 3.2 lists.
/// </summary>
public static class BerichtCodeLists
{
    public static readonly CodeList Wmo002 = new("WMO002", "Reden wijziging toewijzing (Wmo)", "iWmo 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wmo002/", RedenWijziging);

    public static readonly CodeList Jz002 = new("JZ002", "Reden wijziging toewijzing (Jeugdwet)", "iJw 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/ijw/3.2/codelijsten/jz002/", RedenWijziging);

    public static readonly CodeList Wmo588 = new("WMO588", "Reden beëindiging (Wmo)", "iWmo 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wmo588/",
    [
        new("02", "Overlijden"), new("19", "Levering volgens plan beëindigd"), new("20", "Levering is tijdelijk beëindigd"),
        new("21", "Levering is eenzijdig door cliënt beëindigd"), new("22", "Levering is eenzijdig door aanbieder beëindigd"),
        new("23", "Levering is in overeenstemming voortijdig beëindigd"), new("31", "Verhuizing naar een andere gemeente"),
        new("36", "Geïnitieerd door de gemeente"), new("37", "In verband met wijzigingsverzoek"), new("38", "Overstap naar andere aanbieder"),
        new("39", "Uitstroom naar ander domein"),
    ]);

    public static readonly CodeList Jz588 = new("JZ588", "Reden beëindiging (Jeugdwet)", "iJw 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/ijw/3.2/codelijsten/jz588/",
    [
        new("02", "Overlijden"), new("20", "Levering is tijdelijk beëindigd"), new("31", "Levering is volgens plan beëindigd"),
        new("32", "Voortijdig afgesloten, door cliënt"), new("33", "Voortijdig afgesloten, door aanbieder"), new("34", "Voortijdig afgesloten, in overleg"),
        new("35", "Voortijdig afgesloten, externe oorzaak"), new("36", "Geïnitieerd door de gemeente"), new("37", "In verband met wijzigingsverzoek"),
        new("38", "Overstap naar andere aanbieder"), new("39", "Uitstroom naar ander domein"),
    ]);

    /// <summary>01 is withdrawn from the list ("niet gebruiken"); the rest is the same in both standards.</summary>
    private static IReadOnlyList<CodeListEntry> RedenWijziging =>
    [
        new("02", "Cliënt overleden"), new("03", "Contractwijziging"), new("04", "Herbeoordeling: verlenging toewijzing"),
        new("05", "Herbeoordeling: verkorting toewijzing"), new("06", "Uitstroom naar ander domein"), new("07", "Verhuizing naar een andere gemeente"),
        new("08", "Wijziging leveringsvorm"), new("09", "Overstap naar andere aanbieder"), new("10", "Overgang naar nieuwe bekostigingssystematiek"),
        new("11", "Gemeentelijke herindeling"), new("12", "Geïnitieerd door de aanbieder"), new("13", "Verwijderd"), new("14", "Administratieve correctie"),
    ];

    public static CodeList RedenWijzigingFor(LegalFramework framework) => framework == LegalFramework.Jeugdwet ? Jz002 : Wmo002;
    public static CodeList RedenBeeindigingFor(LegalFramework framework) => framework == LegalFramework.Jeugdwet ? Jz588 : Wmo588;
}
