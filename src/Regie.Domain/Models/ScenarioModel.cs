using Regie.Domain.Care;

namespace Regie.Domain.Models;

/// <summary>The ways of organising a scenario compares. Stored by name.</summary>
public enum ScenarioModel
{
    /// <summary>(a) The team takes every request.</summary>
    TeamVoorAlles,
    /// <summary>(b) The team only for complex cases, beside a Wmo desk (CPB 2019).</summary>
    TeamVoorComplex,
    /// <summary>(c) The municipality indicates custom provisions again (Eindhoven 2019).</summary>
    IndicatieGemeente,
    /// <summary>(d) No team: the municipality as market master, the desk does access.</summary>
    GeenTeam,
    /// <summary>The team takes everything and offers light support without indication (Utrecht).</summary>
    LichteSteunZonderIndicatie,
    /// <summary>The team takes everything with partners from providers in it (wijkteam extra, Utrecht Ondiep).</summary>
    WijkteamExtra,
}

public static class ScenarioModels
{
    public static readonly IReadOnlyList<ScenarioModel> All = Enum.GetValues<ScenarioModel>();

    public static string Label(ScenarioModel m) => m switch
    {
        ScenarioModel.TeamVoorAlles => "Wijkteam voor alles",
        ScenarioModel.TeamVoorComplex => "Wijkteam alleen voor complexe vragen, naast een Wmo-loket (CPB)",
        ScenarioModel.IndicatieGemeente => "De gemeente indiceert maatwerk (Eindhoven)",
        ScenarioModel.GeenTeam => "Geen wijkteam: de gemeente als marktmeester",
        ScenarioModel.LichteSteunZonderIndicatie => "Lichte ondersteuning zonder indicatie (Utrecht)",
        _ => "Wijkteam extra: het team met partners (Utrecht Ondiep)",
    };

    /// <summary>
    /// The triage table a model routes by. The four models of DOMAIN.md are the triage presets themselves (one home for the
    /// routing rule); light support and wijkteam extra route as "the team takes everything" and differ in what the team does.
    /// </summary>
    public static TriageModel Triage(ScenarioModel m) => m switch
    {
        ScenarioModel.TeamVoorComplex => TriageModel.TeamVoorComplex,
        ScenarioModel.IndicatieGemeente => TriageModel.IndicatieGemeente,
        ScenarioModel.GeenTeam => TriageModel.GeenTeam,
        _ => TriageModel.TeamVoorAlles,
    };

    /// <summary>The scenario model that stands for a triage model in force; an own table counts as its nearest preset, (a).</summary>
    public static ScenarioModel From(TriageModel m) => m switch
    {
        TriageModel.TeamVoorComplex => ScenarioModel.TeamVoorComplex,
        TriageModel.IndicatieGemeente => ScenarioModel.IndicatieGemeente,
        TriageModel.GeenTeam => ScenarioModel.GeenTeam,
        _ => ScenarioModel.TeamVoorAlles,
    };
}

/// <summary>What a run yields per model.</summary>
public enum ScenarioOutput
{
    TotaleKosten,
    KostenPerHuishouden,
    Maatwerk,
    Wachttijd,
    Formatie,
}

public static class ScenarioOutputs
{
    public static readonly IReadOnlyList<ScenarioOutput> All = Enum.GetValues<ScenarioOutput>();

    public static string Label(ScenarioOutput o) => o switch
    {
        ScenarioOutput.TotaleKosten => "Totale kosten per jaar",
        ScenarioOutput.KostenPerHuishouden => "Kosten per geholpen huishouden",
        ScenarioOutput.Maatwerk => "Huishoudens naar maatwerk of specialistische zorg (binnen 12 maanden)",
        ScenarioOutput.Wachttijd => "Wachttijd tot eerste ondersteuning",
        _ => "Benodigde formatie",
    };

    public static string Unit(ScenarioOutput o) => o switch
    {
        ScenarioOutput.TotaleKosten or ScenarioOutput.KostenPerHuishouden => "euro",
        ScenarioOutput.Maatwerk => "huishoudens",
        ScenarioOutput.Wachttijd => "weken",
        _ => "fte",
    };

    /// <summary>The stable name in exports and the API.</summary>
    public static string Key(ScenarioOutput o) => o switch
    {
        ScenarioOutput.TotaleKosten => "totaleKosten",
        ScenarioOutput.KostenPerHuishouden => "kostenPerHuishouden",
        ScenarioOutput.Maatwerk => "maatwerk",
        ScenarioOutput.Wachttijd => "wachttijdWeken",
        _ => "formatieFte",
    };
}
