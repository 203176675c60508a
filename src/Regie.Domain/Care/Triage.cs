using Regie.Domain.Assessment;
using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>Who brought the request in. Stored by name.</summary>
public enum RequestSource
{
    Inwoner,
    Netwerk,
    Huisarts,
    School,
    Politie,
    Organisatie,
    Vroegsignaal,
}

/// <summary>What the intake screen says about a request, for routing.</summary>
public enum CaseClass
{
    /// <summary>No life domain of concern.</summary>
    GeenZorg,
    /// <summary>One life domain of concern.</summary>
    Enkelvoudig,
    /// <summary>Several life domains of concern.</summary>
    Meervoudig,
    /// <summary>Acute problems somewhere: a score of 1.</summary>
    Acuut,
}

/// <summary>The ways of working of DOMAIN.md; <see cref="Eigen"/> is a municipality's own table.</summary>
public enum TriageModel
{
    /// <summary>(a) The team takes every request.</summary>
    TeamVoorAlles,
    /// <summary>(b) The team takes multi-domain and acute requests; single-domain ones go to the desk or a general provision (CPB 2019).</summary>
    TeamVoorComplex,
    /// <summary>(c) The municipality indicates custom provisions; the team supports the rest (Eindhoven 2019).</summary>
    IndicatieGemeente,
    /// <summary>(d) No team: the municipal desk does access, market providers the support.</summary>
    GeenTeam,
    /// <summary>A preset adjusted cell by cell.</summary>
    Eigen,
}

public static class RequestSources
{
    public static readonly IReadOnlyList<RequestSource> All = Enum.GetValues<RequestSource>();

    public static string Label(RequestSource s) => s switch
    {
        RequestSource.Inwoner => "De inwoner zelf",
        RequestSource.Netwerk => "Iemand uit het netwerk",
        RequestSource.Huisarts => "Huisarts",
        RequestSource.School => "School",
        RequestSource.Politie => "Politie",
        RequestSource.Organisatie => "Andere organisatie",
        _ => "Vroegsignaal (betalingsachterstand)",
    };
}

/// <summary>
/// A municipality's routing table: for every case class, with and without a request for custom
/// support (maatwerk), the route. A change of model is a change of this table, not of code.
/// </summary>
public sealed record TriageSettings(TriageModel Model, int ConcernThreshold, int MinDomains, IReadOnlyDictionary<(CaseClass Class, bool Maatwerk), TriageRoute> Routes)
{
    public const int DefaultConcernThreshold = 2;
    public const int DefaultMinDomains = 2;

    public TriageRoute RouteFor(CaseClass c, bool maatwerk) => Routes[(c, maatwerk)];

    public static TriageSettings Preset(TriageModel model, int concernThreshold = DefaultConcernThreshold, int minDomains = DefaultMinDomains)
    {
        var routes = new Dictionary<(CaseClass, bool), TriageRoute>();
        foreach (var c in Enum.GetValues<CaseClass>())
            foreach (var maatwerk in new[] { false, true })
                routes[(c, maatwerk)] = model switch
                {
                    // (b) Complex problems need the generalist team; a single question is answered where it belongs.
                    TriageModel.TeamVoorComplex => c is CaseClass.Meervoudig or CaseClass.Acuut ? TriageRoute.Wijkteam
                        : maatwerk ? TriageRoute.Loket : TriageRoute.AlgemeneVoorziening,
                    // (c) Access to custom provisions is the municipality's, whoever asks; the team supports without indicating.
                    TriageModel.IndicatieGemeente => maatwerk ? TriageRoute.Loket : TriageRoute.Wijkteam,
                    // (d) Without a team the desk is the only door; it refers to providers or general provisions itself.
                    TriageModel.GeenTeam => TriageRoute.Loket,
                    // (a) and a fresh own table: the team takes everything.
                    _ => TriageRoute.Wijkteam,
                };
        return new TriageSettings(model, concernThreshold, minDomains, routes);
    }

    /// <summary>Stored form: "GeenZorg:0=Wijkteam;GeenZorg:1=Loket;…".</summary>
    public string RoutesToStored() =>
        string.Join(";", Routes.OrderBy(r => r.Key.Class).ThenBy(r => r.Key.Maatwerk).Select(r => $"{r.Key.Class}:{(r.Key.Maatwerk ? 1 : 0)}={r.Value}"));

    public static TriageSettings FromStored(TriageModel model, int concernThreshold, int minDomains, string stored)
    {
        var routes = new Dictionary<(CaseClass, bool), TriageRoute>(Preset(model).Routes);
        foreach (var cell in stored.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = cell.Split('=', ':');
            if (parts.Length == 3 && Enum.TryParse<CaseClass>(parts[0], out var c) && Enum.TryParse<TriageRoute>(parts[2], out var r))
                routes[(c, parts[1] == "1")] = r;
        }
        return new TriageSettings(model, concernThreshold, minDomains, routes);
    }
}

public sealed record TriageSuggestion(CaseClass Class, IReadOnlyList<ZrmDomain> ConcernDomains, TriageRoute Route, string Explanation);

/// <summary>Routes a screened request by the municipality's table. Pure: every model is tested without a database.</summary>
public static class TriageRules
{
    public const string ReasonRequiredCode = "triage-reason-required";
    public const string ThresholdInvalidCode = "triage-threshold-invalid";
    public const string MinDomainsInvalidCode = "triage-min-domains-invalid";
    public const string ModelInvalidCode = "triage-model-invalid";
    public const string ModelAndCellsChangedCode = "triage-model-and-cells-changed";
    public const string RouteInvalidCode = "triage-route-invalid";
    public const string TeamRequiredCode = "triage-team-required";

    public static string Label(CaseClass c) => c switch
    {
        CaseClass.GeenZorg => "geen leefgebied van zorg",
        CaseClass.Enkelvoudig => "één leefgebied van zorg",
        CaseClass.Meervoudig => "meerdere leefgebieden van zorg",
        _ => "acute problematiek",
    };

    public static string Label(TriageModel m) => m switch
    {
        TriageModel.TeamVoorAlles => "(a) Het wijkteam neemt alles",
        TriageModel.TeamVoorComplex => "(b) Het wijkteam neemt alleen complexe en meervoudige vragen",
        TriageModel.IndicatieGemeente => "(c) De gemeente indiceert maatwerk",
        TriageModel.GeenTeam => "(d) Geen wijkteam: het loket doet de toegang",
        _ => "Eigen tabel",
    };

    /// <summary>The screen is (domain, score) per person; "not screened" is simply absent.</summary>
    public static TriageSuggestion Suggest(TriageSettings settings, IEnumerable<(ZrmDomain Domain, int Score)> screen, bool maatwerk)
    {
        var scores = screen.ToList();
        var concern = scores.Where(s => s.Score <= settings.ConcernThreshold).Select(s => s.Domain).Distinct().Order().ToList();
        var c = scores.Any(s => s.Score == 1) ? CaseClass.Acuut
            : concern.Count >= settings.MinDomains ? CaseClass.Meervoudig
            : concern.Count >= 1 ? CaseClass.Enkelvoudig
            : CaseClass.GeenZorg;
        var route = settings.RouteFor(c, maatwerk);
        var domains = concern.Count == 0 ? "" : $" ({string.Join(", ", concern.Select(Zrm.Label))})";
        var explanation = $"De screening laat {Label(c)} zien{domains}{(maatwerk ? ", en er wordt maatwerk gevraagd" : "")}. "
            + $"Volgens de werkwijze van de gemeente — {Label(settings.Model).ToLowerInvariant()} — gaat zo'n vraag naar: {TriageRoutes.Label(route).ToLowerInvariant()}.";
        return new TriageSuggestion(c, concern, route, explanation);
    }

    /// <summary>The worker decides; a decision against the suggestion needs its reason on record.</summary>
    public static void CheckDecision(TriageRoute suggested, TriageRoute decided, string? reason, ErrorList errors)
    {
        if (decided != suggested && string.IsNullOrWhiteSpace(reason))
            errors.Add(new DomainError(ReasonRequiredCode, "Reden",
                $"U kiest een andere route dan de voorgestelde ({TriageRoutes.Label(suggested).ToLowerInvariant()}). Schrijf op waarom."));
    }

    /// <summary>The route a worker chose; an unknown one is refused.</summary>
    public static TriageRoute? ParseRoute(string? text, ErrorList errors)
    {
        var route = Enums.ParseDefined<TriageRoute>(text);
        if (route is null) errors.Add(new DomainError(RouteInvalidCode, "Route", "Kies de route."));
        return route;
    }

    /// <summary>
    /// Who takes a request routed to the team: the team of the open trajectory, else the team that holds the household, else
    /// the deciding worker's own team. Only a worker without a team (the municipal desk) deciding for a household nobody holds
    /// must name one: without it the trajectory would belong to no one.
    /// </summary>
    public static bool MustNameTeam(TriageRoute route, bool trajectoryOpen, bool householdHasTeam, bool workerHasTeam) =>
        route == TriageRoute.Wijkteam && !trajectoryOpen && !householdHasTeam && !workerHasTeam;

    /// <summary>The team the worker had to name (<see cref="MustNameTeam"/>) is missing or unknown.</summary>
    public static DomainError TeamRequired() => new(TeamRequiredCode, "Team", "Kies het wijkteam dat de hulpvraag oppakt.");

    /// <summary>A cell of the triage table as the admin page and the API name it: "Class:0" without, "Class:1" with custom support.</summary>
    public static string CellKey(CaseClass c, bool maatwerk) => $"{c}:{(maatwerk ? 1 : 0)}";

    /// <summary>
    /// The model a posting of the admin page means. The page sends the chosen model and every cell of the table it showed:
    /// changed cells under the same model make an own table (a preset fine-tuned); a new model applies its preset. Both at
    /// once is ambiguous without script to redraw the table, so it is refused rather than silently dropping cells.
    /// </summary>
    public static Result<string?> ModelFromForm(TriageSettings current, string? posted, IReadOnlyDictionary<string, string?> cells)
    {
        var model = Enums.ParseDefined<TriageModel>(posted);
        var cellsChanged = current.Routes.Any(r => cells.GetValueOrDefault(CellKey(r.Key.Class, r.Key.Maatwerk)) is { } v && v != r.Value.ToString());
        if (model is not { } m || m == TriageModel.Eigen || !cellsChanged) return Result<string?>.Ok(posted);
        if (m != current.Model)
            return new DomainError(ModelAndCellsChangedCode, "Model",
                "U wijzigde zowel de werkwijze als losse routes. Sla eerst de nieuwe werkwijze op en pas daarna de routes aan.");
        return Result<string?>.Ok(nameof(TriageModel.Eigen));
    }

    /// <summary>
    /// A new triage table: a model's preset with the thresholds, or for the own table (<see cref="TriageModel.Eigen"/>) a route for
    /// every cell (<see cref="CellKey"/>). Null with the errors when it is refused.
    /// </summary>
    public static TriageSettings? ParseSettings(string? model, int concernThreshold, int minDomains, IReadOnlyDictionary<string, string?> cells, ErrorList errors)
    {
        var before = errors.Errors.Count;
        var parsed = Enums.ParseDefined<TriageModel>(model);
        if (parsed is null) errors.Add(new DomainError(ModelInvalidCode, "Model", "Kies een werkwijze."));
        CheckSettings(concernThreshold, minDomains, errors);
        var table = parsed is null ? null : TriageSettings.Preset(parsed.Value, concernThreshold, minDomains);
        if (parsed == TriageModel.Eigen)
        {
            var routes = new Dictionary<(CaseClass, bool), TriageRoute>(table!.Routes);
            foreach (var cell in routes.Keys.ToList())
            {
                var key = CellKey(cell.Item1, cell.Item2);
                if (Enums.ParseDefined<TriageRoute>(cells.GetValueOrDefault(key)) is not { } route)
                    errors.Add(new DomainError(ModelInvalidCode, $"Routes[{key}]", $"Kies een route voor {Label(cell.Item1)}{(cell.Item2 ? " met maatwerk" : "")}."));
                else routes[cell] = route;
            }
            table = table with { Routes = routes };
        }
        return errors.Errors.Count > before ? null : table;
    }

    public static void CheckSettings(int concernThreshold, int minDomains, ErrorList errors)
    {
        if (concernThreshold is < 1 or > 4)
            errors.Add(new DomainError(ThresholdInvalidCode, "Zorgdrempel", "Kies een zorgdrempel van 1 tot en met 4 (een score op of onder de drempel telt als zorg)."));
        if (minDomains is < 2 or > 13)
            errors.Add(new DomainError(MinDomainsInvalidCode, "MinimumLeefgebieden", "Meervoudig betekent minstens 2 en hoogstens 13 leefgebieden."));
    }
}
