using Regie.Domain.Care;

namespace Regie.Domain.Models;

/// <summary>Mean, median and the 80 % interval (P10–P90) of one output over the runs, next to the answer at the base values.</summary>
public sealed record ScenarioSummary(double Base, double Mean, double Median, double P10, double P90);

/// <summary>One model's outputs, in the order of <see cref="ScenarioOutputs.All"/>.</summary>
public sealed record ScenarioModelResult(ScenarioModel Model, IReadOnlyList<ScenarioSummary> Outputs)
{
    public ScenarioSummary this[ScenarioOutput o] => Outputs[(int)o];
}

public sealed record ScenarioResult(int Seed, int Runs, IReadOnlyList<ScenarioModelResult> Models)
{
    public ScenarioModelResult? For(ScenarioModel m) => Models.FirstOrDefault(x => x.Model == m);
}

/// <summary>
/// The flow model and its Monte Carlo. For one set of parameter values the flows are expected values, computed
/// deterministically: households with a request = households × inflow; per complexity class (ZRM screen) the route comes from
/// the triage preset of the model (<see cref="TriageSettings.Preset"/>) with and without a request for maatwerk; the number
/// reaching maatwerk or specialist care = Σ inflow × class share × route share × chance, the chance being the desk's chance for
/// the class times the route's factor (team, general provision; partners and light support change the team's factor). Staff
/// needed = Σ households × hours per route ÷ productive hours per fte. Cost = staff × full cost per fte × (1 + overhead) +
/// maatwerk × the tariff mix + light support + general provisions. Waiting: with the current staff, utilisation ρ = staff
/// needed ÷ current staff and waiting = (waiting at ρ = ½) × ρ ÷ (1 − ρ), the M/M/1 shape, capped at <see cref="MaxWaitWeeks"/>
/// (also when ρ ≥ 1).
///
/// A run draws every parameter from a triangular distribution (low, base, high) — the simplest distribution that needs only a
/// most likely value and bounds, which is what a policy officer can state — and computes every model with the same draw, so
/// models are compared under the same world. Run r uses its own <see cref="Random"/> seeded from (seed, r), so the answer does
/// not depend on how runs are spread over threads. With zero-width ranges every run gives the base answer exactly.
/// </summary>
public static class MonteCarlo
{
    /// <summary>
    /// The version of the model and its draws. A saved scenario keeps the version it was computed with, so a council report says
    /// which model produced it. Raise it with every change that moves any figure for the same parameters and seed; the golden test
    /// (<c>ScenarioMonteCarloTests.The_model_of_this_version_gives_the_figures_it_always_gave</c>) fails until you do.
    /// </summary>
    public const int ModelVersion = 1;
    public const double MaxWaitWeeks = 26;
    public const int MaxRuns = 20_000;
    public const string RunsInvalidCode = "scenario-runs-invalid";
    public const string SeedInvalidCode = "scenario-seed-invalid";
    public const string ModelsRequiredCode = "scenario-models-required";
    public const string NotFiniteCode = "scenario-result-not-finite";

    private static readonly int Outputs = ScenarioOutputs.All.Count;
    private static readonly int Classes = Enum.GetValues<CaseClass>().Length;
    private static readonly int Routes = Enum.GetValues<TriageRoute>().Length;

    /// <summary>Route per (model, class, maatwerk asked): read once from the triage presets.</summary>
    private static readonly int[] RouteTable = BuildRoutes();

    private static int[] BuildRoutes()
    {
        var table = new int[ScenarioModels.All.Count * Classes * 2];
        foreach (var m in ScenarioModels.All)
        {
            var preset = TriageSettings.Preset(ScenarioModels.Triage(m));
            for (var c = 0; c < Classes; c++)
                for (var w = 0; w < 2; w++)
                    table[((int)m * Classes + c) * 2 + w] = (int)preset.RouteFor((CaseClass)c, w == 1);
        }
        return table;
    }

    /// <summary>The seed of run r's own stream: a SplitMix64 step over (seed, r), so neighbouring runs get unrelated streams.</summary>
    public static int RunSeed(int seed, int run)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)run) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    /// <summary>Inverse of the triangular distribution's CDF at u ∈ [0, 1).</summary>
    public static double Triangular(double u, double low, double mode, double high)
    {
        if (high <= low) return mode;
        var f = (mode - low) / (high - low);
        return u < f ? low + Math.Sqrt(u * (high - low) * (mode - low)) : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }

    /// <summary>Every output of one model for one set of values (in <see cref="ScenarioParameters"/> order), written into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> p, ScenarioModel model, Span<double> output)
    {
        var inflow = p[ScenarioParameters.Huishoudens] * p[ScenarioParameters.Instroom];
        var classTotal = p[ScenarioParameters.KlasseGeenZorg] + p[ScenarioParameters.KlasseEnkelvoudig] + p[ScenarioParameters.KlasseMeervoudig] + p[ScenarioParameters.KlasseAcuut];
        var asked = p[ScenarioParameters.Maatwerkvraag];
        var light = model == ScenarioModel.LichteSteunZonderIndicatie;
        var teamFactor = p[ScenarioParameters.FactorWijkteam]
            * (model == ScenarioModel.WijkteamExtra ? p[ScenarioParameters.FactorPartners] : 1)
            * (light ? 1 - p[ScenarioParameters.AandeelLichteSteun] + p[ScenarioParameters.AandeelLichteSteun] * p[ScenarioParameters.EffectLichteSteun] : 1);
        Span<double> routeFactor = [teamFactor, 1, p[ScenarioParameters.FactorAlgemeen]];
        Span<double> perRoute = [0, 0, 0];
        var maatwerk = 0.0;
        var row = (int)model * Classes * 2;
        for (var c = 0; c < Classes; c++)
        {
            var share = classTotal > 0 ? p[ScenarioParameters.KlasseGeenZorg + c] / classTotal : 0;
            var chance = p[ScenarioParameters.KansGeenZorg + c];
            for (var w = 0; w < 2; w++)
            {
                var n = inflow * share * (w == 1 ? asked : 1 - asked);
                var route = RouteTable[row + c * 2 + w];
                perRoute[route] += n;
                maatwerk += n * Math.Min(1, chance * routeFactor[route]);
            }
        }
        var hours = perRoute[(int)TriageRoute.Wijkteam] * p[ScenarioParameters.UrenWijkteam] + perRoute[(int)TriageRoute.Loket] * p[ScenarioParameters.UrenLoket]
            + perRoute[(int)TriageRoute.AlgemeneVoorziening] * p[ScenarioParameters.UrenAlgemeen];
        var fte = p[ScenarioParameters.UrenPerFte] > 0 ? hours / p[ScenarioParameters.UrenPerFte] : 0;
        var youth = p[ScenarioParameters.AandeelJeugd];
        var residence = p[ScenarioParameters.AandeelVerblijf];
        var tariff = (1 - youth) * p[ScenarioParameters.TariefWmo]
            + youth * ((1 - residence) * p[ScenarioParameters.TariefJeugdAmbulant] + residence * p[ScenarioParameters.TariefJeugdVerblijf]);
        var total = fte * p[ScenarioParameters.KostenPerFte] * (1 + p[ScenarioParameters.Overhead])
            + maatwerk * tariff
            + (light ? perRoute[(int)TriageRoute.Wijkteam] * p[ScenarioParameters.AandeelLichteSteun] * p[ScenarioParameters.KostenLichteSteun] : 0)
            + perRoute[(int)TriageRoute.AlgemeneVoorziening] * p[ScenarioParameters.KostenAlgemeen];
        var rho = p[ScenarioParameters.FteNu] > 0 ? fte / p[ScenarioParameters.FteNu] : double.PositiveInfinity;
        var wait = rho >= 1 ? MaxWaitWeeks : Math.Min(MaxWaitWeeks, p[ScenarioParameters.WachttijdHalf] * rho / (1 - rho));
        output[(int)ScenarioOutput.TotaleKosten] = total;
        output[(int)ScenarioOutput.KostenPerHuishouden] = inflow > 0 ? total / inflow : 0;
        output[(int)ScenarioOutput.Maatwerk] = maatwerk;
        output[(int)ScenarioOutput.Wachttijd] = wait;
        output[(int)ScenarioOutput.Formatie] = fte;
    }

    /// <summary>The outputs of one model at the base values.</summary>
    public static double[] AtBase(ScenarioParameters parameters, ScenarioModel model)
    {
        var output = new double[Outputs];
        Compute(parameters.BaseValues(), model, output);
        return output;
    }

    /// <summary>Runs the Monte Carlo; <paramref name="maxThreads"/> only changes the speed, never the answer.</summary>
    public static ScenarioResult Run(ScenarioParameters parameters, IReadOnlyList<ScenarioModel> models, int seed, int runs, int maxThreads = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var n = parameters.Items.Count;
        var low = new double[n];
        var mode = new double[n];
        var high = new double[n];
        for (var i = 0; i < n; i++) (low[i], mode[i], high[i]) = (parameters[i].Low, parameters[i].Base, parameters[i].High);
        var modelList = models.ToArray();
        // [model][output][run]: each series is contiguous, to be sorted in place for its percentiles.
        var values = new double[modelList.Length * Outputs * runs];
        const int chunk = 256;
        var chunks = (runs + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, () => (new double[n], new double[Outputs]), (k, _, buffers) =>
        {
            var (draw, output) = buffers;
            var end = Math.Min(runs, (k + 1) * chunk);
            for (var r = k * chunk; r < end; r++)
            {
                var rng = new Random(RunSeed(seed, r));
                for (var i = 0; i < n; i++) draw[i] = Triangular(rng.NextDouble(), low[i], mode[i], high[i]);
                for (var m = 0; m < modelList.Length; m++)
                {
                    Compute(draw, modelList[m], output);
                    for (var o = 0; o < Outputs; o++) values[(m * Outputs + o) * runs + r] = output[o];
                }
            }
            return buffers;
        }, _ => { });

        var results = new ScenarioModelResult[modelList.Length];
        var baseOutput = new double[Outputs];
        for (var m = 0; m < modelList.Length; m++)
        {
            Compute(mode, modelList[m], baseOutput);
            var summaries = new ScenarioSummary[Outputs];
            for (var o = 0; o < Outputs; o++)
            {
                var series = values.AsSpan((m * Outputs + o) * runs, runs);
                var sum = 0.0;
                foreach (var v in series) sum += v;
                series.Sort();
                summaries[o] = new ScenarioSummary(baseOutput[o], sum / runs, Percentile(series, 0.5), Percentile(series, 0.1), Percentile(series, 0.9));
            }
            results[m] = new ScenarioModelResult(modelList[m], summaries);
        }
        return new ScenarioResult(seed, runs, results);
    }

    /// <summary>
    /// Whether every figure of a result is a finite number. The bounds of <see cref="ScenarioParameters.Bounds"/> keep every
    /// output finite; this is the last guard before a result is shown, saved or serialised (JSON has no infinity).
    /// </summary>
    public static bool IsFinite(ScenarioResult result) =>
        result.Models.All(m => m.Outputs.All(s => double.IsFinite(s.Base) && double.IsFinite(s.Mean) && double.IsFinite(s.Median) && double.IsFinite(s.P10) && double.IsFinite(s.P90)));

    /// <summary>The error to answer when a result is not finite, at the assumptions as a whole.</summary>
    public static Common.DomainError NotFinite() =>
        new(NotFiniteCode, "Parameters", "Met deze aannames loopt de berekening over (een uitkomst wordt oneindig groot); kies kleinere waarden.");

    /// <summary>Percentile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7, as Excel's PERCENTILE.INC).</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 1) return sorted[0];
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>The run settings a form or request gives: a seed ≥ 0, 1 to <see cref="MaxRuns"/> runs, at least one model.</summary>
    public static IReadOnlyList<Common.DomainError> CheckRun(int? seed, int? runs, int models)
    {
        var errors = new List<Common.DomainError>();
        if (seed is null or < 0) errors.Add(new(SeedInvalidCode, "Seed", "Vul als startgetal een heel getal van 0 of meer in."));
        if (runs is null or < 1 or > MaxRuns) errors.Add(new(RunsInvalidCode, "Runs", $"Vul een aantal rekenrondes in van 1 tot en met {MaxRuns:N0}.".Replace(',', '.')));
        if (models < 1) errors.Add(new(ModelsRequiredCode, "Modellen", "Kies ten minste één werkwijze om te vergelijken."));
        return errors;
    }
}
