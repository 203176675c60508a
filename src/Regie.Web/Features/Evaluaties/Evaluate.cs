using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Domain.Monitor;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The parameters as the page's form and the API's query string carry them: text, read and checked by <see cref="EvaluationRules"/>.</summary>
public sealed class EvaluatieVraag
{
    public string? Horizon { get; set; }
    public string? Voor { get; set; }
    public string? Na { get; set; }
}

/// <summary>Een bootstrapinterval: de ondergrens en de bovengrens, in de eenheid van de uitkomst.</summary>
/// <param name="Laag">Ondergrens.</param>
/// <param name="Hoog">Bovengrens.</param>
public sealed record Interval(double Laag, double Hoog);

/// <summary>Een schatting met haar 90%- en 95%-interval; alles null als de schatting niet getoond wordt (reden in nietGetoond) of niet te berekenen is.</summary>
/// <param name="Waarde">De schatting, in de eenheid van de uitkomst (procentpunt, euro, dagen of cijfer; een trend per maand).</param>
/// <param name="Interval90">Het 90%-interval (percentielbootstrap).</param>
/// <param name="Interval95">Het 95%-interval.</param>
public sealed record Schatting(double? Waarde, Interval? Interval90, Interval? Interval95);

/// <summary>Een cel groep × periode.</summary>
/// <param name="Groep">'Alle huishoudens' (onderbroken tijdreeks), of 'Gewijzigd' en 'Vergelijking' (verschil in verschillen).</param>
/// <param name="Periode">'Voor' of 'Na' de wijziging (niet te verwarren met de kwartalen in maanden[]).</param>
/// <param name="Huishoudens">Het aantal starts met een waarde, afgerond op vijftallen; null: minder dan 10 huishoudens.</param>
/// <param name="Gemiddelde">Het gemiddelde in de eenheid van de uitkomst; null: niet getoond.</param>
public sealed record Cel(string Groep, string Periode, int? Huishoudens, double? Gemiddelde);

/// <summary>Een kwartaal van de reeks voor de grafiek.</summary>
/// <param name="Maand">Maanden van het begin van het kwartaal van de wijziging tot het begin van dit kwartaal (… −6, −3, 0, 3 …); 0 is het kwartaal van de wijziging.</param>
/// <param name="Vanaf">De eerste dag van het kwartaal.</param>
/// <param name="Gemiddelde">Gemiddelde van de gewijzigde teams (of van alle huishoudens); null: minder dan 10 huishoudens of overgangskwartaal.</param>
/// <param name="Huishoudens">Aantal starts met een waarde, afgerond op vijftallen; null: minder dan 10 huishoudens.</param>
/// <param name="Vergelijking">Gemiddelde van de vergelijkingsteams (alleen bij verschil in verschillen, anders null).</param>
/// <param name="VergelijkingHuishoudens">Aantal starts van de vergelijkingsteams, afgerond op vijftallen.</param>
public sealed record Maandpunt(int Maand, DateOnly Vanaf, double? Gemiddelde, int? Huishoudens, double? Vergelijking, int? VergelijkingHuishoudens);

/// <summary>Eén uitkomst van de evaluatie.</summary>
/// <param name="Sleutel">zwaarder (naar maatwerk of specialistische zorg binnen de horizon), kosten (volledige kosten binnen de horizon), dagen-tot-steun, herinstroom of cijfer.</param>
/// <param name="Naam">De naam van de uitkomst in gewone taal.</param>
/// <param name="Eenheid">procentpunt, euro, dagen of cijfer.</param>
/// <param name="Definitie">Hoe de uitkomst per start gemeten wordt.</param>
/// <param name="Horizon">true: de uitkomst telt binnen de horizon na de start en dus alleen starts waarvan de hele horizon voorbij is.</param>
/// <param name="Effect">Het geschatte effect van de wijziging (na min verwacht, of het verschil in verschillen).</param>
/// <param name="Niveauverandering">Onderbroken tijdreeks: de sprong in niveau bij de wijziging; anders null.</param>
/// <param name="Trendverandering">Onderbroken tijdreeks: de verandering van de trend, per maand; anders null.</param>
/// <param name="PretrendVerschil">Verschil in verschillen: het verschil in trend (per maand) tussen de groepen vóór de wijziging; anders null.</param>
/// <param name="PretrendWaarschuwing">Een waarschuwing als de groepen vóór de wijziging niet gelijk opliepen; anders null.</param>
/// <param name="NietGetoond">Waarom de schatting niet getoond wordt (bijvoorbeeld minder dan 10 huishoudens, of de horizon nog niet voorbij); null als ze getoond wordt.</param>
/// <param name="Cellen">De gemiddelden per groep en periode (voor, na).</param>
/// <param name="Maanden">De reeks per kwartaal voor de grafiek.</param>
public sealed record Uitkomst(string Sleutel, string Naam, string Eenheid, string Definitie, bool Horizon, Schatting Effect, Schatting? Niveauverandering,
    Schatting? Trendverandering, Schatting? PretrendVerschil, string? PretrendWaarschuwing, string? NietGetoond, IReadOnlyList<Cel> Cellen, IReadOnlyList<Maandpunt> Maanden);

/// <summary>De geëvalueerde wijziging.</summary>
/// <param name="Id">Het id van de triageconfiguratie of de werkwijzewijziging; null bij een eigen datum (adhoc).</param>
/// <param name="Soort">triagemodel, werkwijze of eigen (adhoc).</param>
/// <param name="Datum">De datum van de wijziging zoals vastgelegd of gevraagd.</param>
/// <param name="Titel">De titel van de wijziging.</param>
/// <param name="Omschrijving">De omschrijving, als die er is.</param>
/// <param name="Teams">De namen van de teams die veranderden; leeg: de hele gemeente.</param>
public sealed record Wijziging(Guid? Id, string Soort, DateOnly Datum, string Titel, string? Omschrijving, IReadOnlyList<string> Teams);

/// <summary>Een evaluatie zoals de pagina, de exports en de API haar tonen: cijfers, intervallen, niet getoonde cellen en de methode. Er staat geen huishouden in.</summary>
/// <param name="Wijziging">De geëvalueerde wijziging.</param>
/// <param name="Ontwerp">onderbroken-tijdreeks (de hele gemeente) of verschil-in-verschillen (tegen de teams die niet veranderden).</param>
/// <param name="Vergelijkingsteams">De namen van de teams waarmee vergeleken is (leeg bij een onderbroken tijdreeks).</param>
/// <param name="HorizonMaanden">De horizon in maanden (3, 6 of 12).</param>
/// <param name="MaandenVoor">Het venster vóór de wijziging: de gevraagde maanden, afgerond op hele kwartalen (kwartalen zonder gegevens of zonder hele horizon tellen daarin niet mee).</param>
/// <param name="MaandenNa">Het venster na de wijziging (zonder het overgangskwartaal), afgerond op hele kwartalen; het lopende kwartaal en latere tellen niet mee.</param>
/// <param name="GeteldVanaf">De eerste dag van het eerste kalenderkwartaal dat als 'na' de wijziging telt.</param>
/// <param name="Overgangskwartaal">De eerste dag van het kwartaal waarin de wijziging viel en dat daarom niet meetelt; null als de wijziging aan het begin van een kwartaal telt.</param>
/// <param name="DatumGegevens">De dag waarop de gegevens gelezen zijn.</param>
/// <param name="Seed">Het vaste startgetal van de bootstrap.</param>
/// <param name="Trekkingen">Het aantal bootstraptrekkingen.</param>
/// <param name="Huishoudens">Het aantal huishoudens in de berekening, per team en kwartaal geteld (wie in twee kwartalen begon, telt twee keer), afgerond op vijftallen; null: minder dan 10.</param>
/// <param name="Methode">Wat de methode kan en niet kan laten zien, in gewone taal.</param>
/// <param name="Uitkomsten">Per uitkomst de cijfers.</param>
public sealed record EvaluatieAntwoord(
    Wijziging Wijziging, string Ontwerp, IReadOnlyList<string> Vergelijkingsteams, int HorizonMaanden, int MaandenVoor, int MaandenNa,
    DateOnly GeteldVanaf, DateOnly? Overgangskwartaal, DateOnly DatumGegevens, int Seed, int Trekkingen, int? Huishoudens, string Methode, IReadOnlyList<Uitkomst> Uitkomsten);

/// <summary>The policy officer evaluates a change: a change of triage model, a recorded change of working practice, or a date and teams of their own.</summary>
public sealed class EvaluateChange(EvaluationData data)
{
    /// <summary>Fixed, so the same question on the same data gives the same interval on the page, in the report and in the API.</summary>
    public const int Seed = 20241;
    public const int Samples = 1000;

    public async Task<CommandResult<EvaluatieAntwoord>> ForChangeAsync(Guid id, EvaluatieVraag vraag, CancellationToken ct)
    {
        var errors = new ErrorList();
        var choice = EvaluationRules.Read(vraag.Horizon, vraag.Voor, vraag.Na, errors);
        if (choice is null) return CommandResult<EvaluatieAntwoord>.Invalid(errors.Errors);
        // The query filter keeps another municipality's changes out: their id is not found here.
        if ((await data.ChangesAsync(ct)).FirstOrDefault(c => c.Id == id) is not { } change) return CommandResult<EvaluatieAntwoord>.NotFound("De wijziging");
        var teams = await data.TeamNamesAsync(ct);
        return CommandResult<EvaluatieAntwoord>.Ok(await RunAsync(new Wijziging(change.Id, change.Soort, change.Datum, change.Titel, change.Omschrijving, change.Teams),
            change.TeamIds, teams, choice, ct));
    }

    /// <summary>A date and, for a comparison, the teams that changed (none: the whole municipality, an interrupted time series).</summary>
    public async Task<CommandResult<EvaluatieAntwoord>> AdHocAsync(string? datum, IReadOnlyList<string> teamIds, EvaluatieVraag vraag, CancellationToken ct)
    {
        var errors = new ErrorList();
        var choice = EvaluationRules.Read(vraag.Horizon, vraag.Voor, vraag.Na, errors);
        var date = EvaluationRules.ReadDate(datum, "Datum", data.Today, errors);
        var teams = await data.TeamNamesAsync(ct);
        var chosen = ReadTeams(teamIds, teams, errors);
        if (chosen.Count > 0 && chosen.Count == teams.Count) errors.Add(EvaluationRules.NoComparison("Teams"));
        if (errors.HasErrors) return CommandResult<EvaluatieAntwoord>.Invalid(errors.Errors);
        var names = chosen.Select(t => teams[t]).Order().ToList();
        var title = names.Count == 0 ? "Wijziging voor de hele gemeente" : $"Wijziging bij {string.Join(", ", names)}";
        return CommandResult<EvaluatieAntwoord>.Ok(await RunAsync(new Wijziging(null, "eigen", date!.Value, title, null, names), chosen, teams, choice!, ct));
    }

    /// <summary>Team ids as typed: each must be a team of this municipality.</summary>
    public static List<Guid> ReadTeams(IReadOnlyList<string> teamIds, IReadOnlyDictionary<Guid, string> teams, ErrorList errors)
    {
        var chosen = new List<Guid>();
        foreach (var text in teamIds.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Guid.TryParse(text, out var id) && teams.ContainsKey(id)) { if (!chosen.Contains(id)) chosen.Add(id); }
            else { errors.Add(EvaluationRules.TeamUnknown("Teams")); break; }
        }
        return chosen;
    }

    private async Task<EvaluatieAntwoord> RunAsync(Wijziging change, IReadOnlyList<Guid> changedTeams, IReadOnlyDictionary<Guid, string> teams, EvaluationChoice choice,
        CancellationToken ct)
    {
        var today = data.Today;
        IReadOnlySet<string>? treated = changedTeams.Count > 0 ? changedTeams.Select(t => t.ToString()).ToHashSet() : null;
        var spec = new EvaluationSpec(change.Datum, choice.MonthsBefore, choice.MonthsAfter, choice.HorizonMonths, today, treated, Samples, Seed);
        var (from, until) = Evaluation.Window(spec);
        var result = Evaluation.Run(await data.UnitsAsync(from, until, choice.HorizonMonths, ct), spec);
        var comparison = treated is null ? [] : teams.Where(t => !changedTeams.Contains(t.Key)).Select(t => t.Value).Order().ToList();
        var layout = result.Layout;
        return new EvaluatieAntwoord(change, result.Design == EvaluationDesign.VerschilInVerschillen ? "verschil-in-verschillen" : "onderbroken-tijdreeks", comparison,
            choice.HorizonMonths, layout.PeriodsBefore * layout.PeriodMonths, (layout.PeriodsAfter - (layout.TransitionQuarter is null ? 0 : 1)) * layout.PeriodMonths, layout.CountFrom,
            layout.TransitionQuarter, today, Seed, Samples, MonitorIndicators.SideBySide(result.Households, result.Households),
            result.Method, result.Outcomes.Select(Map).ToList());
    }

    private static Uitkomst Map(OutcomeEvaluation o) => new(o.Key, o.Label, o.Unit, o.Definition, o.NeedsFollowUp, Map(o.Effect)!, Map(o.LevelChange), Map(o.TrendChange),
        Map(o.PreTrendDifference), o.PreTrendWarning, o.Withheld,
        o.Cells.Select(c => new Cel(c.Group, c.Period, MonitorIndicators.SideBySide(c.Households, c.Households), c.Mean)).ToList(),
        o.Series.Select(p => new Maandpunt(p.Month, p.From, p.Mean, MonitorIndicators.SideBySide(p.Households, p.Households), p.ComparisonMean,
            p.ComparisonHouseholds is { } n ? MonitorIndicators.SideBySide(n, n) : null)).ToList());

    private static Schatting? Map(EvaluationEstimate? e) => e is null ? null
        : new Schatting(e.Value, e.Ci90 is { } a ? new Interval(a.Low, a.High) : null, e.Ci95 is { } b ? new Interval(b.Low, b.High) : null);
}
