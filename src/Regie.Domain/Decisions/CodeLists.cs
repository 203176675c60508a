using Regie.Domain.Care;

namespace Regie.Domain.Decisions;

/// <summary>One entry of an iStandaarden code list: the code as sent in iWmo/iJw messages and its official Dutch name.</summary>
public sealed record CodeListEntry(string Code, string Name);

/// <summary>A code list as Regie ships it, with where it comes from so a municipality can check it against the source.</summary>
public sealed record CodeList(string Id, string Name, string Standard, string Source, IReadOnlyList<CodeListEntry> Entries)
{
    public CodeListEntry? Find(string? code) => code is null ? null : Entries.FirstOrDefault(e => e.Code == code.Trim());
    public string Label(string code) => Find(code) is { } e ? $"{e.Code} {e.Name}" : code;
}

/// <summary>
/// The iStandaarden 3.2 code lists a beschikking uses (Zorginstituut Nederland). Copied by code and
/// name from the published lists; they change with a new release of the standard, not per
/// municipality, so they are data Regie ships and the UI shows them read-only.
/// </summary>
public static class CodeLists
{
    public static readonly CodeList Wmo020 = new("WMO020", "Productcategorie (Wmo)", "iWmo 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wmo020/",
    [
        new("01", "Hulp bij het huishouden"), new("02", "Begeleiding"), new("03", "Persoonlijke verzorging"), new("04", "Kortdurend verblijf"),
        new("05", "Woondiensten"), new("06", "Overige ondersteuning gericht op het individu of huishouden/gezin"), new("07", "Dagbesteding"),
        new("08", "Vervoerdiensten"), new("09", "Overige groepsgerichte ondersteuning"), new("10", "Overige maatwerk arrangementen"),
        new("11", "Rolstoelen"), new("12", "Vervoervoorzieningen"), new("13", "Woonvoorzieningen"), new("14", "Overige hulpmiddelen"),
        new("15", "Beschermd wonen"), new("16", "Opvang"), new("17", "Spoedopvang"), new("18", "Overige beschermd wonen en opvang"),
    ]);

    public static readonly CodeList Jz020 = new("JZ020", "Productcategorie (Jeugdwet)", "iJw 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/ijw/3.2/codelijsten/jz020/",
    [
        new("31", "(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam"), new("32", "(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder"),
        new("33", "(2015) Zonder verblijf: daghulp op locatie van de aanbieder"), new("34", "(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige"),
        new("35", "(2015) Met verblijf: pleegzorg"), new("36", "(2015) Met verblijf: gezinsgericht"), new("37", "(2015) Met verblijf: gesloten plaatsing"),
        new("38", "(2015) Met verblijf: overig residentieel"), new("40", "Persoonlijke verzorging"), new("41", "Dagbehandeling"), new("42", "Vervoerdiensten"),
        new("43", "Jeugdhulp verblijf (incl. behandeling)"), new("44", "Jeugdhulp verblijf (excl. behandeling)"), new("45", "Jeugdhulp ambulant"),
        new("46", "Jeugdhulp crisis"), new("47", "Jeugdreclassering"), new("48", "Jeugdbescherming"), new("49", "Activiteiten in het preventief justitieel kader"),
        new("50", "Maatwerkarrangementen jeugd"), new("51", "Generalistische basis-ggz"), new("52", "Specialistische ggz"), new("53", "Kindergeneeskunde"),
        new("54", "Jeugd-ggz"), new("55", "Landelijk ingekochte zorg"),
    ]);

    public static readonly CodeList Wj756 = new("WJ756", "Eenheid", "iWmo/iJw 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wj756/",
    [
        new("01", "Minuut"), new("04", "Uur"), new("14", "Etmaal"), new("16", "Dagdeel (4 uur)"), new("82", "Stuks (output)"), new("83", "Euro's"),
        new("84", "Stuks (inspanning)"),
    ]);

    public static readonly CodeList Wmo757 = new("WMO757", "Frequentie", "iWmo/iJw 3.2",
        "https://informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten/wmo757/",
    [
        new("1", "Per dag"), new("2", "Per week"), new("4", "Per maand"), new("6", "Totaal binnen geldigheidsduur toewijzing"),
    ]);

    public static readonly IReadOnlyList<CodeList> All = [Wmo020, Jz020, Wj756, Wmo757];

    /// <summary>
    /// The product categories of a framework. Participatiewet and Wgs have no iStandaard: their
    /// decisions name the provision in words.
    /// </summary>
    public static CodeList? ProductCategories(LegalFramework framework) => framework switch
    {
        LegalFramework.Wmo2015 => Wmo020,
        LegalFramework.Jeugdwet => Jz020,
        _ => null,
    };

    public static CodeList? ById(string id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Which decided care counts as custom or specialist ("heavier") care, for the monitor's goal of
/// preventing it. Wmo: every custom provision (maatwerkvoorziening) needs a beschikking, so every
/// granted Wmo product counts. Jeugdwet: care with residence (JZ020 35–38, 43, 44), crisis (46),
/// court-ordered measures (47, 48) and specialist mental health care (52); ambulant and
/// neighbourhood care do not. Participatiewet and Wgs provisions are not care and never count.
/// </summary>
public static class SpecialistCare
{
    private static readonly HashSet<string> YouthSpecialist = ["35", "36", "37", "38", "43", "44", "46", "47", "48", "52"];

    public static bool IsSpecialist(LegalFramework framework, string? productCategory) => framework switch
    {
        LegalFramework.Wmo2015 => true,
        LegalFramework.Jeugdwet => productCategory is not null && YouthSpecialist.Contains(productCategory),
        _ => false,
    };
}
