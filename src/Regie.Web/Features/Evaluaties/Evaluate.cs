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

public sealed record Interval(double Laag, double Hoog);
public sealed record Schatting(double? Waarde, Interval? Interval90, Interval? Interval95);
/// <summary>A group × period cell; the number of households is rounded to fives and, like the mean, withheld (null) below 10.</summary>
public sealed record Cel(string Groep, string Periode, int? Huishoudens, double? Gemiddelde);
public sealed record Maandpunt(int Maand, DateOnly Vanaf, double? Gemiddelde, int? Huishoudens, double? Vergelijking, int? VergelijkingHuishoudens);
public sealed record Uitkomst(string Sleutel, string Naam, string Eenheid, string Definitie, bool Horizon, Schatting Effect, Schatting? Niveauverandering,
    Schatting? Trendverandering, Schatting? PretrendVerschil, string? PretrendWaarschuwing, string? NietGetoond, IReadOnlyList<Cel> Cellen, IReadOnlyList<Maandpunt> Maanden);
public sealed record Wijziging(Guid? Id, string Soort, DateOnly Datum, string Titel, string? Omschrijving, IReadOnlyList<string> Teams);

/// <summary>An evaluation as the page, the exports and the API show it: figures, intervals, withheld cells and the method. No household appears in it.</summary>
/// <param name="MaandenVoor">The months before the change actually counted: the months asked for, rounded up to whole quarters when counted per quarter.</param>
/// <param name="GeteldVanaf">The first day of the first calendar quarter counted as "after" the change.</param>
/// <param name="Overgangskwartaal">The first day of the quarter left out because the change fell inside it (null when the change counts from the start of a quarter).</param>
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
