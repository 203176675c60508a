using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.Team;
using System.Text.Json;

namespace Regie.Web.Features.Scenarios;

/// <summary>The assumptions as estimated from the municipality's own data, the day they were read, and the model in force.</summary>
public sealed record ScenarioEstimate(ScenarioParameters Parameters, DateOnly StandVan, ScenarioModel ModelNu);

/// <summary>A change of triage model in the history, for the back-test.</summary>
public sealed record ModelChange(Guid Id, DateOnly Datum, ScenarioModel Voor, ScenarioModel Na);

/// <summary>The back-test of one change: the prediction from the year before next to what the data after it show.</summary>
public sealed record BackTestView(ModelChange Wijziging, DateOnly VoorVan, DateOnly NaTot, IReadOnlyList<BackTestRow> Rijen, IReadOnlyList<ScenarioParameterView> Parameters);

/// <summary>
/// Reads the municipality's own data for the scenario model (figures only: households are counted, never named) and the saved
/// scenarios. Every estimate that rests on fewer than <see cref="MonitorIndicators.MinimumHouseholds"/> households falls back to
/// the default of DOMAIN.md, and its source says so.
/// </summary>
public sealed class ScenarioQueries(RegieDbContext db, WaitingTimesQuery waiting, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The estimate from the last year of data, as the cockpit starts with.</summary>
    public Task<ScenarioEstimate> EstimateAsync(CancellationToken ct) => EstimateAsync(Today.AddDays(-364), Today, ct);

    /// <summary>The bounds of the factor that scales the default chances of maatwerk or specialist care to the municipality's data.</summary>
    public const double MinCalibration = 0.2, MaxCalibration = 5;

    /// <summary>
    /// The assumptions from the data of <paramref name="from"/>–<paramref name="to"/> (<paramref name="to"/> is the data date). A share
    /// from the municipality's data is used only when the households it counts and the households it leaves out are both at least
    /// <see cref="MonitorIndicators.MinimumHouseholds"/> (else the difference with the whole would single them out); it is kept to
    /// a whole percent and the counts in its source are rounded to fives. The chances of maatwerk or specialist care within 12
    /// months are calibrated on the households that can have been followed 12 months: those whose first request lies a year
    /// before the period (<paramref name="from"/>–<paramref name="to"/> minus 365 days).
    /// </summary>
    public async Task<ScenarioEstimate> EstimateAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        const int minimum = MonitorIndicators.MinimumHouseholds;
        var households = await db.Households.AsNoTracking().CountAsync(ct);
        var model = await ModelOnAsync(to, ct);
        var p = ScenarioParameters.Defaults(households >= minimum ? households : 50_000);
        var period = Period(from, to);
        if (households >= minimum)
            p = p.With(ScenarioParameters.Huishoudens, households, households, households, $"Eigen gegevens: {households:N0} huishoudens in Regie, stand van {DutchDate.Format(to)}".Replace(',', '.'));
        else
            p = p.With(ScenarioParameters.Huishoudens, 50_000, 50_000, 50_000, p[ScenarioParameters.Huishoudens].Source + Fallback);

        var facts = await FactsAsync(from, to, ct);
        var n = facts.Households;
        var yearFraction = (to.DayNumber - from.DayNumber + 1) / 365.0;
        if (households >= minimum && Enough(n, households))
        {
            var share = WholePercent(Math.Min(1, n / (double)households / yearFraction));
            p = p.With(ScenarioParameters.Instroom, share, WholePercent(share * 0.8), Math.Min(1, WholePercent(share * 1.2)),
                $"Eigen gegevens: ongeveer {About(n)} huishoudens met een hulpvraag, periode {period} (bereik ± 20 %)");
        }
        else p = Default(p, ScenarioParameters.Instroom);

        var screenedHouseholds = facts.Screened.Select(s => s.Household).Distinct().Count();
        for (var c = 0; c < 4; c++)
        {
            var index = ScenarioParameters.KlasseGeenZorg + c;
            var inClass = facts.Screened.Where(s => (int)s.Class == c).Select(s => s.Household).Distinct().Count();
            if (Enough(inClass, screenedHouseholds))
            {
                var share = WholePercent(facts.Screened.Count(s => (int)s.Class == c) / (double)facts.Screened.Count);
                p = p.With(index, share, WholePercent(Math.Max(0, share - 0.05)), WholePercent(Math.Min(1, share + 0.05)),
                    $"Eigen gegevens: ZRM-screening bij de intake, ongeveer {About(facts.Screened.Count)} hulpvragen van ongeveer {About(screenedHouseholds)} huishoudens, periode {period} (bereik ± 5 procentpunt)");
            }
            else p = Default(p, index);
        }
        if (Enough(facts.MaatwerkHouseholds, n))
        {
            var share = WholePercent(facts.MaatwerkAsked / (double)facts.Requests);
            p = p.With(ScenarioParameters.Maatwerkvraag, share, WholePercent(Math.Max(0, share - 0.05)), WholePercent(Math.Min(1, share + 0.05)),
                $"Eigen gegevens: {Percent(share)} van ongeveer {About(facts.Requests)} hulpvragen vroeg om maatwerk, periode {period} (bereik ± 5 procentpunt)");
        }
        else p = Default(p, ScenarioParameters.Maatwerkvraag);

        // The chances per class are calibrated as one: scaled so that the model in force predicts the share the data show. Only a
        // household whose first request lies a year or more before the data date can have been followed for 12 months, so the
        // calibration rests on the households that first asked in the year before the period (a later one would count as not reached).
        var (cohortFrom, cohortTo) = (from.AddDays(-365), to.AddDays(-365));
        var cohort = await FactsAsync(cohortFrom, cohortTo, ct);
        var (followed, reached) = (cohort.Households, cohort.ReachedSpecialist);
        var cohortPeriod = Period(cohortFrom, cohortTo);
        if (Enough(reached, followed))
        {
            var cohortModel = await ModelOnAsync(cohortTo, ct);
            var observed = reached / (double)followed;
            var predicted = MonteCarlo.AtBase(p, cohortModel)[(int)ScenarioOutput.Maatwerk] / (p[ScenarioParameters.Huishoudens].Base * p[ScenarioParameters.Instroom].Base);
            var unbounded = predicted > 0 ? observed / predicted : 1;
            var factor = Math.Round(Math.Clamp(unbounded, MinCalibration, MaxCalibration), 2);
            var bounded = unbounded < MinCalibration || unbounded > MaxCalibration
                ? $" (begrensd: de eigen gegevens wijken meer af dan een factor {MinCalibration.ToString("0.0", Dutch)} tot {MaxCalibration.ToString("0", Dutch)} op de standaardkans; de werkelijke kans ligt {(unbounded > MaxCalibration ? "hoger" : "lager")})"
                : "";
            for (var c = 0; c < 4; c++)
            {
                var index = ScenarioParameters.KansGeenZorg + c;
                var x = p[index];
                p = p.With(index, WholePercent(Math.Min(1, x.Base * factor)), WholePercent(Math.Min(1, x.Low * factor)), WholePercent(Math.Min(1, x.High * factor)),
                    $"Aanname geschaald naar eigen gegevens: {Percent(observed)} van ongeveer {About(followed)} huishoudens met een eerste hulpvraag in {cohortPeriod} kreeg binnen 12 maanden maatwerk of specialistische zorg"
                    + $" onder de werkwijze {ScenarioModels.Label(cohortModel).ToLowerInvariant()}; factor {factor.ToString("0.00", Dutch)} op de standaardkans{bounded}");
            }
        }
        else
        {
            var why = followed < minimum
                ? $" — te weinig huishoudens die al 12 maanden gevolgd konden worden (eerste hulpvraag in {cohortPeriod}: {MonitorIndicators.WithheldReason}): standaardwaarde"
                : Fallback;
            for (var c = 0; c < 4; c++)
            {
                var index = ScenarioParameters.KansGeenZorg + c;
                p = p.With(index, p[index].Base, p[index].Low, p[index].High, p[index].Source + why);
            }
        }

        var staff = (await db.MonitorCostEntries.AsNoTracking().Where(e => e.WithdrawnAt == null && e.Kind == CostKind.Personeel && e.From <= to && e.To >= to)
            .Select(e => new { e.Fte, e.CostPerFte }).ToListAsync(ct)).Where(e => e.Fte > 0 && e.CostPerFte > 0).ToList();
        if (staff.Count > 0)
        {
            var fte = (double)staff.Sum(e => e.Fte!.Value);
            var perFte = (double)staff.Sum(e => e.Fte!.Value * e.CostPerFte!.Value) / fte;
            var source = $"Eigen gegevens: {staff.Count} kostenposten personeel met samen {fte:0.#} fte, stand van {DutchDate.Format(to)}";
            p = p.With(ScenarioParameters.FteNu, fte, fte, fte, source)
                .With(ScenarioParameters.KostenPerFte, Math.Round(perFte), Math.Round(perFte * 0.95), Math.Round(perFte * 1.05), source + " (gewogen gemiddelde, bereik ± 5 %)");
        }
        return new ScenarioEstimate(p, to, model);
    }

    /// <summary>Whether a share of <paramref name="part"/> in <paramref name="whole"/> households may be estimated: both the part and the rest are at least 10 households.</summary>
    public static bool Enough(int part, int whole) => part >= MonitorIndicators.MinimumHouseholds && whole - part >= MonitorIndicators.MinimumHouseholds;

    private static double WholePercent(double share) => Math.Round(share, 2, MidpointRounding.AwayFromZero);

    private static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0} %";

    private static string About(int count) => MonitorIndicators.RoundedToFive(count).ToString("N0", Dutch);

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static string Period(DateOnly from, DateOnly to) => $"{DutchDate.Format(from)} t/m {DutchDate.Format(to)}";

    private static ScenarioParameters Default(ScenarioParameters p, int index) =>
        p.With(index, p[index].Base, p[index].Low, p[index].High, p[index].Source + Fallback);

    private static readonly string Fallback =
        $" — eigen gegevens te weinig ({MonitorIndicators.WithheldReason} in de groep of daarbuiten): standaardwaarde";

    private sealed record Facts(int Households, int Requests, int MaatwerkAsked, int MaatwerkHouseholds, IReadOnlyList<(Guid Household, CaseClass Class)> Screened, int ReachedSpecialist);

    /// <summary>The requests of a period and, per household, whether a decision for specialist care or maatwerk followed within 12 months of its first request.</summary>
    private async Task<Facts> FactsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var requests = await db.HelpRequests.AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new { r.HouseholdId, r.ReceivedOn, r.Maatwerk, r.CaseClass }).ToListAsync(ct);
        var first = requests.GroupBy(r => r.HouseholdId).ToDictionary(g => g.Key, g => g.Min(r => r.ReceivedOn));
        var ids = first.Keys.ToList();
        var decisions = await db.HouseholdEvents.AsNoTracking().Where(e => e.Type == EventTypes.DecisionTaken && ids.Contains(e.HouseholdId))
            .Select(e => new { e.HouseholdId, e.EffectiveDate, e.Data }).ToListAsync(ct);
        var reached = decisions.Where(e => Specialist(e.Data) && e.EffectiveDate >= first[e.HouseholdId] && e.EffectiveDate <= first[e.HouseholdId].AddDays(365))
            .Select(e => e.HouseholdId).Distinct().Count();
        return new Facts(first.Count, requests.Count, requests.Count(r => r.Maatwerk), requests.Where(r => r.Maatwerk).Select(r => r.HouseholdId).Distinct().Count(),
            requests.Where(r => r.CaseClass is not null).Select(r => (r.HouseholdId, r.CaseClass!.Value)).ToList(), reached);
    }

    /// <summary>As the monitor counts it: a decision marked specialist that was not a refusal.</summary>
    private static bool Specialist(string? json)
    {
        if (json is null) return false;
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(EventDataKeys.Specialistisch, out var s) && s.ValueKind == JsonValueKind.True
            && !(root.TryGetProperty(EventDataKeys.Uitkomst, out var u) && u.ValueKind == JsonValueKind.String && u.GetString() == "afgewezen");
    }

    private static decimal? EstimatedCost(string? json)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(EventDataKeys.GeschatteKosten, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDecimal() : null;
    }

    /// <summary>The triage model in force on a day: the newest configuration valid from that day or earlier; (a) when none.</summary>
    public async Task<ScenarioModel> ModelOnAsync(DateOnly day, CancellationToken ct)
    {
        var until = day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var model = await db.TriageConfigurations.AsNoTracking().Where(t => t.ValidFrom <= until).OrderByDescending(t => t.ValidFrom).Select(t => (TriageModel?)t.Model).FirstOrDefaultAsync(ct);
        return ScenarioModels.From(model ?? TriageModel.TeamVoorAlles);
    }

    /// <summary>The changes of working model in the triage history: a configuration whose model differs from the one before it.</summary>
    public async Task<IReadOnlyList<ModelChange>> ChangesAsync(CancellationToken ct)
    {
        var configs = await db.TriageConfigurations.AsNoTracking().OrderBy(t => t.ValidFrom).Select(t => new { t.Id, t.ValidFrom, t.Model }).ToListAsync(ct);
        var changes = new List<ModelChange>();
        for (var i = 1; i < configs.Count; i++)
        {
            var (before, after) = (ScenarioModels.From(configs[i - 1].Model), ScenarioModels.From(configs[i].Model));
            if (before != after) changes.Add(new ModelChange(configs[i].Id, DateOnly.FromDateTime(configs[i].ValidFrom), before, after));
        }
        return changes;
    }

    /// <summary>
    /// The back-test of a change: parameters estimated from the year before it, the model after it, predicted for the period after
    /// (up to a year, up to today) next to the figures observed in that period. Observed figures on fewer than 10 households are withheld,
    /// and so is the share reaching care when it or its rest is fewer than 10 households.
    /// </summary>
    public async Task<BackTestView?> BackTestAsync(Guid changeId, CancellationToken ct)
    {
        if ((await ChangesAsync(ct)).FirstOrDefault(c => c.Id == changeId) is not { } change) return null;
        var beforeFrom = change.Datum.AddDays(-365);
        var estimate = await EstimateAsync(beforeFrom, change.Datum.AddDays(-1), ct);
        var afterTo = Min(change.Datum.AddDays(364), Today);
        var facts = await FactsAsync(change.Datum, afterTo, ct);
        var enough = facts.Households >= MonitorIndicators.MinimumHouseholds;
        var cases = (await waiting.CasesAsync(null, change.Datum, afterTo, ct)).Where(c => c.Requested >= change.Datum && c.Requested <= afterTo && WaitingTimes.Reached(c, x => x.FirstSupport))
            .Select(c => c.FirstSupport!.Value.DayNumber - c.Requested.DayNumber).Order().ToList();
        double? wait = cases.Count >= MonitorIndicators.MinimumHouseholds && WaitingTimes.Median(cases) is { } median ? (double)median / 7 : null;
        double? cost = null;
        if (enough)
        {
            var entries = (await db.MonitorCostEntries.AsNoTracking().Where(e => e.WithdrawnAt == null).ToListAsync(ct)).Select(e => e.ToEntry()).ToList();
            var system = Enum.GetValues<CostKind>().Sum(k => SystemCost.Total(entries, k, change.Datum, afterTo));
            var care = (await db.HouseholdEvents.AsNoTracking().Where(e => e.Type == EventTypes.DecisionTaken && e.EffectiveDate >= change.Datum && e.EffectiveDate <= afterTo)
                .Select(e => e.Data).ToListAsync(ct)).Sum(d => EstimatedCost(d) ?? 0);
            cost = (double)(system + care) / facts.Households;
        }
        // As the estimates: the count rounded to fives, the share only when those who reached care and those who did not are each 10 or more,
        // and only over the households that first asked a year or more before today: a later one cannot have been followed 12 months.
        var followedTo = Min(afterTo, Today.AddDays(-365));
        var followed = followedTo >= change.Datum ? await FactsAsync(change.Datum, followedTo, ct) : null;
        var observed = new ObservedFigures(enough ? MonitorIndicators.RoundedToFive(facts.Households) : null,
            followed is not null && Enough(followed.ReachedSpecialist, followed.Households) ? WholePercent(followed.ReachedSpecialist / (double)followed.Households) : null, cost, wait);
        var yearFraction = (afterTo.DayNumber - change.Datum.DayNumber + 1) / 365.0;
        var result = ScenarioBackTest.Compare(estimate.Parameters, change.Voor, change.Na, observed, yearFraction);
        return new BackTestView(change, beforeFrom, afterTo, result.Rows, ScenarioFormat.Views(estimate.Parameters));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public async Task<IReadOnlyList<ScenarioListItem>> ListAsync(CancellationToken ct) =>
        (await db.Scenarios.AsNoTracking().OrderByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Name, s.Description, s.Models, s.Seed, s.Runs, s.DataDate, s.CreatedAt }).ToListAsync(ct))
        .Select(s => new ScenarioListItem(s.Id, s.Name, s.Description, s.Models.Split(','), s.Seed, s.Runs, s.DataDate, s.CreatedAt)).ToList();

    /// <summary>A saved scenario of this municipality, or null (another municipality's reads as none).</summary>
    public async Task<ScenarioDetail?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? Detail(s) : null;

    public static ScenarioParameters Parameters(Scenario s) =>
        new(JsonSerializer.Deserialize<List<ScenarioParameter>>(s.ParametersJson, ScenarioFormat.Json)!);

    public static StoredScenarioResult Result(Scenario s) => JsonSerializer.Deserialize<StoredScenarioResult>(s.ResultJson, ScenarioFormat.Json)!;

    public static IReadOnlyList<ScenarioModel> Models(Scenario s) => s.Models.Split(',').Select(Enum.Parse<ScenarioModel>).ToList();

    public static ScenarioDetail Detail(Scenario s)
    {
        var result = Result(s);
        return new ScenarioDetail(s.Id, s.Name, s.Description, s.Seed, s.Runs, s.ModelVersion, s.DataDate, s.CreatedAt, s.CreatedByName, ScenarioFormat.Views(Parameters(s)),
            ScenarioFormat.Views(result.Result), ScenarioFormat.View(result.Sensitivity), ScenarioFormat.Method);
    }

    /// <summary>Whether every figure of the Monte Carlo and the sensitivity is finite (JSON cannot carry infinity).</summary>
    public static bool IsFinite(StoredScenarioResult r) =>
        MonteCarlo.IsFinite(r.Result) && double.IsFinite(r.Sensitivity.Base) && r.Sensitivity.Bars.All(b => double.IsFinite(b.AtLow) && double.IsFinite(b.AtHigh));

    /// <summary>
    /// The Monte Carlo and the sensitivity of a set of assumptions. The sensitivity is of the total cost: of the second model minus
    /// the first when two or more are compared (what the choice between them turns on), else of the one model.
    /// </summary>
    public static StoredScenarioResult Compute(ScenarioParameters parameters, IReadOnlyList<ScenarioModel> models, int seed, int runs) =>
        new(MonteCarlo.Run(parameters, models, seed, runs),
            ScenarioSensitivity.Compute(parameters, models.Count > 1 ? models[1] : models[0], ScenarioOutput.TotaleKosten, models.Count > 1 ? models[0] : null));
}
