using Regie.Domain.Monitor;

namespace Regie.Domain.Models;

/// <summary>
/// One household's start with a team (its first trajectory in the window) and what followed, without anything that says who
/// it was: an opaque key, its group (team or wijk), the day it started and the outcomes, null where not measurable.
/// The web layer computes the outcomes "within H months"; <see cref="Evaluation"/> counts a horizon outcome only for households
/// whose whole window of H months lies before the data date.
/// </summary>
public sealed record EvaluationUnit(
    int Key, string Group, DateOnly Start,
    bool? ReachedSpecialistCare, decimal? FullCost, int? DaysToFirstSupport, bool? ReEntry, int? Mark);

public enum EvaluationOutcome { MaatwerkOfSpecialistisch, VolledigeKosten, DagenTotEersteSteun, Herinstroom, Cijfer }

public enum EvaluationDesign { OnderbrokenTijdreeks, VerschilInVerschillen }

/// <summary>What to evaluate: the change date, the window around it, the follow-up horizon and, for a comparison, the groups that changed.</summary>
public sealed record EvaluationSpec(
    DateOnly ChangeDate, int MonthsBefore, int MonthsAfter, int HorizonMonths, DateOnly DataDate,
    IReadOnlySet<string>? TreatedGroups = null, int Samples = 1000, int Seed = 2024)
{
    public EvaluationDesign Design => TreatedGroups is { Count: > 0 } ? EvaluationDesign.VerschilInVerschillen : EvaluationDesign.OnderbrokenTijdreeks;
}

public sealed record EvaluationInterval(double Low, double High);

/// <summary>A figure with its 90 % and 95 % bootstrap intervals; all null when withheld or not computable.</summary>
public sealed record EvaluationEstimate(double? Value, EvaluationInterval? Ci90, EvaluationInterval? Ci95);

/// <summary>A group × period cell: households with a measurable value and their mean; the mean is null (withheld) below 10 households.</summary>
public sealed record EvaluationCell(string Group, string Period, int Households, double? Mean);

/// <summary>A month of the chart: the mean of the changed (or all) households and of the comparison; null is withheld or empty.</summary>
public sealed record EvaluationPoint(int Month, DateOnly From, double? Mean, int Households, double? ComparisonMean, int? ComparisonHouseholds);

public sealed record OutcomeEvaluation(
    EvaluationOutcome Outcome, string Key, string Label, string Unit, string Definition, bool NeedsFollowUp,
    IReadOnlyList<EvaluationCell> Cells, EvaluationEstimate Effect, EvaluationEstimate? LevelChange, EvaluationEstimate? TrendChange,
    EvaluationEstimate? PreTrendDifference, string? PreTrendWarning, string? Withheld, IReadOnlyList<EvaluationPoint> Series);

public sealed record EvaluationResult(EvaluationDesign Design, EvaluationSpec Spec, int Households, IReadOnlyList<OutcomeEvaluation> Outcomes, string Method);

/// <summary>The evaluation of a change: an interrupted time series when it applied everywhere, a difference-in-differences when some groups changed.</summary>
public static class Evaluation
{
    public const string WithheldReason = Monitor.MonitorIndicators.WithheldReason;
    public const string AllGroups = "Alle huishoudens";
    public const string Treated = "Gewijzigd";
    public const string Comparison = "Vergelijking";
    public const string Before = "Voor";
    public const string After = "Na";
    public static readonly int[] Horizons = [3, 6, 12];

    public sealed record OutcomeInfo(EvaluationOutcome Outcome, string Key, string Label, string Unit, int Decimals, double Scale, bool NeedsFollowUp, string Definition);

    /// <summary>The outcomes, with their definitions in words; one home for page, PDF, spreadsheet and API.</summary>
    public static readonly IReadOnlyList<OutcomeInfo> Outcomes =
    [
        new(EvaluationOutcome.MaatwerkOfSpecialistisch, "zwaarder", "Naar maatwerk of specialistische zorg binnen de horizon", "procentpunt", 1, 100, true,
            "Deel van de huishoudens dat binnen H maanden na de start een beschikking voor maatwerk of specialistische zorg kreeg (niet afgewezen), of van wie het traject binnen H maanden werd overgedragen aan specialistische zorg."),
        new(EvaluationOutcome.VolledigeKosten, "kosten", "Volledige kosten per huishouden binnen de horizon", "euro", 0, 1, true,
            "Betaald uit het budget + geschatte kosten van beschikkingen van het huishouden binnen H maanden na de start, plus de personeelskosten van het team verdeeld over de open trajectmaanden: de personeelskosten van een team in een maand gedeeld door de huishoudens met een open traject bij dat team in die maand, voor elke maand dat het traject van dit huishouden binnen de horizon open was."),
        new(EvaluationOutcome.DagenTotEersteSteun, "dagen-tot-steun", "Dagen van hulpvraag tot eerste steun", "dagen", 1, 1, false,
            "Dagen van de eerste hulpvraag vóór de start tot de eerste steun: lichte ondersteuning, een gestarte verwijzing, een toekennende beschikking of het begin van het traject zelf, wat het eerst kwam."),
        new(EvaluationOutcome.Herinstroom, "herinstroom", "Herinstroom binnen 12 maanden", "procentpunt", 1, 100, false,
            "Deel van de starts bij een huishouden waarvan een eerder traject in de 12 maanden ervoor was afgesloten (de definitie van de monitor)."),
        new(EvaluationOutcome.Cijfer, "cijfer", "Cijfer van inwoners binnen de horizon", "cijfer", 2, 1, true,
            "Het eerste cijfer (1–10) dat het huishouden binnen H maanden na de start gaf, bij een evaluatie of de afsluiting."),
    ];

    public static OutcomeInfo Info(string key) => Outcomes.Single(o => o.Key == key);

    /// <summary>The month of <paramref name="day"/> relative to the change: 0 is the month from the change date on, -1 the month before it.</summary>
    public static int MonthOf(DateOnly day, DateOnly change)
    {
        var k = (day.Year * 12 + day.Month) - (change.Year * 12 + change.Month);
        if (day.Day < Math.Min(change.Day, DateTime.DaysInMonth(day.Year, day.Month))) k--;
        return k;
    }

    /// <summary>The first day of month <paramref name="k"/> relative to the change.</summary>
    public static DateOnly MonthStart(DateOnly change, int k) => change.AddMonths(k);

    /// <summary>The value of an outcome for a unit, NaN when it is not measurable (no value, or its follow-up window not yet over).</summary>
    public static double Value(EvaluationUnit u, OutcomeInfo o, EvaluationSpec spec)
    {
        if (o.NeedsFollowUp && u.Start.AddMonths(spec.HorizonMonths) > spec.DataDate) return double.NaN;
        double? v = o.Outcome switch
        {
            EvaluationOutcome.MaatwerkOfSpecialistisch => u.ReachedSpecialistCare is { } b ? (b ? 1 : 0) : null,
            EvaluationOutcome.VolledigeKosten => u.FullCost is { } c ? (double)c : null,
            EvaluationOutcome.DagenTotEersteSteun => u.DaysToFirstSupport,
            EvaluationOutcome.Herinstroom => u.ReEntry is { } r ? (r ? 1 : 0) : null,
            _ => u.Mark,
        };
        return v ?? double.NaN;
    }

    public static EvaluationResult Run(IReadOnlyList<EvaluationUnit> units, EvaluationSpec spec, bool parallel = true)
    {
        var did = spec.Design == EvaluationDesign.VerschilInVerschillen;
        var months = spec.MonthsBefore + spec.MonthsAfter;
        var groups = did ? 2 : 1;
        var bins = groups * months;
        var binOf = new int[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var k = MonthOf(units[i].Start, spec.ChangeDate);
            var g = did ? (spec.TreatedGroups!.Contains(units[i].Group) ? 1 : 0) : 0;
            binOf[i] = k < -spec.MonthsBefore || k >= spec.MonthsAfter ? -1 : g * months + k + spec.MonthsBefore;
        }
        var values = Outcomes.Select(o => units.Select(u => Value(u, o, spec)).ToArray()).ToList();
        LeaveOutSmallMonths(bins, binOf, values);
        var bootstrap = new Bootstrap(bins, binOf, values);
        IBinStatistic statistic = did ? new DifferenceInDifferences(spec.MonthsBefore, spec.MonthsAfter) : new InterruptedTimeSeries(spec.MonthsBefore, spec.MonthsAfter);
        var (sums, counts) = bootstrap.Observed();
        var replicates = bootstrap.Run(statistic, spec.Samples, spec.Seed, parallel);
        var observed = new double[statistic.Count];
        var list = new List<OutcomeEvaluation>();
        for (var o = 0; o < Outcomes.Count; o++)
        {
            var info = Outcomes[o];
            var s = sums.AsSpan(o * bins, bins);
            var n = counts.AsSpan(o * bins, bins);
            statistic.Compute(s, n, observed);
            list.Add(Outcome(info, spec, did, months, s, n, observed, replicates[o]));
        }
        var households = Enumerable.Range(0, bins).Select(bootstrap.BinSize).Where(n => n >= MonitorIndicators.MinimumHouseholds).Sum();
        return new EvaluationResult(spec.Design, spec, households, list, EvaluationMethod.Statement(spec.Design));
    }

    /// <summary>
    /// Leaves out, per outcome, every month (of a group) with fewer than 10 measurable households: such a month counts in no cell,
    /// no estimate and no bootstrap replicate. Otherwise moving the window by one month and subtracting two answers would reveal it.
    /// </summary>
    private static void LeaveOutSmallMonths(int bins, int[] binOf, List<double[]> values)
    {
        var counts = new int[bins];
        foreach (var v in values)
        {
            Array.Clear(counts);
            for (var i = 0; i < binOf.Length; i++)
                if (binOf[i] >= 0 && !double.IsNaN(v[i])) counts[binOf[i]]++;
            for (var i = 0; i < binOf.Length; i++)
                if (binOf[i] >= 0 && counts[binOf[i]] < MonitorIndicators.MinimumHouseholds) v[i] = double.NaN;
        }
    }

    private static OutcomeEvaluation Outcome(OutcomeInfo info, EvaluationSpec spec, bool did, int months, ReadOnlySpan<double> sums, ReadOnlySpan<double> counts,
        double[] observed, double[,] replicates)
    {
        var cells = new List<EvaluationCell>();
        var reasons = new List<string>();
        foreach (var g in did ? new[] { 1, 0 } : [0])
            foreach (var after in new[] { false, true })
            {
                double s = 0, n = 0;
                var from = g * months + (after ? spec.MonthsBefore : 0);
                for (var b = from; b < from + (after ? spec.MonthsAfter : spec.MonthsBefore); b++) { s += sums[b]; n += counts[b]; }
                var group = did ? (g == 1 ? Treated : Comparison) : AllGroups;
                var period = after ? After : Before;
                var shown = n >= MonitorIndicators.MinimumHouseholds;
                if (!shown) reasons.Add($"{(did ? group.ToLowerInvariant() + ", " : "")}{period.ToLowerInvariant()} de wijziging: {WithheldReason}");
                cells.Add(new EvaluationCell(group, period, (int)n, shown ? Round(s / n * info.Scale, info.Decimals) : null));
            }
        var series = new List<EvaluationPoint>();
        for (var k = 0; k < months; k++)
        {
            var main = (did ? months : 0) + k;
            series.Add(new EvaluationPoint(k - spec.MonthsBefore, MonthStart(spec.ChangeDate, k - spec.MonthsBefore), Point(sums[main], counts[main], info), (int)counts[main],
                did ? Point(sums[k], counts[k], info) : null, did ? (int)counts[k] : null));
        }
        if (info.NeedsFollowUp && spec.ChangeDate.AddMonths(spec.HorizonMonths) > spec.DataDate)
            reasons.Add($"de wijziging is korter dan {spec.HorizonMonths} maanden geleden: nog geen huishouden na de wijziging heeft de hele horizon achter zich");
        string? withheld = reasons.Count > 0 ? string.Join("; ", reasons.Distinct()) : null;
        var column = did ? DifferenceInDifferences.Effect : InterruptedTimeSeries.Effect;
        if (withheld is null && double.IsNaN(observed[column]))
            withheld = did ? "niet te berekenen" : "te weinig maanden met huishoudens vóór de wijziging om een trend te schatten";
        EvaluationEstimate Estimate(int c) => withheld is not null || double.IsNaN(observed[c])
            ? new EvaluationEstimate(null, null, null)
            : new EvaluationEstimate(Round(observed[c] * info.Scale, info.Decimals), Interval(replicates, c, 0.90, info), Interval(replicates, c, 0.95, info));
        var effect = Estimate(column);
        EvaluationEstimate? preTrend = null;
        string? warning = null;
        if (did)
        {
            preTrend = Estimate(DifferenceInDifferences.PreTrendDifference);
            if (preTrend.Ci90 is { } ci && (ci.Low > 0 || ci.High < 0))
                warning = "De groepen liepen vóór de wijziging niet gelijk op: het verschil in trend vóór de wijziging is niet nul (90 %-interval zonder 0). Het verschil-in-verschillen kan daardoor een effect tonen dat er niet is, of een effect missen.";
        }
        return new OutcomeEvaluation(info.Outcome, info.Key, info.Label, info.Unit, info.Definition.Replace("H maanden", $"{spec.HorizonMonths} maanden", StringComparison.Ordinal),
            info.NeedsFollowUp, cells, effect, did ? null : Estimate(InterruptedTimeSeries.LevelChange), did ? null : Estimate(InterruptedTimeSeries.TrendChange),
            preTrend, warning, withheld, series);
    }

    private static double? Point(double sum, double count, OutcomeInfo info) =>
        count >= MonitorIndicators.MinimumHouseholds ? Round(sum / count * info.Scale, info.Decimals) : null;

    private static EvaluationInterval? Interval(double[,] replicates, int column, double level, OutcomeInfo info) =>
        Bootstrap.Percentile(replicates, column, level) is { } p
            ? new EvaluationInterval(Round(p.Low * info.Scale, info.Decimals)!.Value, Round(p.High * info.Scale, info.Decimals)!.Value) : null;

    private static double? Round(double v, int decimals) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, decimals, MidpointRounding.AwayFromZero);
}

/// <summary>What each design can and cannot show, in plain Dutch: one text for the page, the report and the API.</summary>
public static class EvaluationMethod
{
    public static string Statement(EvaluationDesign design) => design switch
    {
        EvaluationDesign.OnderbrokenTijdreeks =>
            "Onderbroken tijdreeks. We trekken een lijn (niveau en trend) door de maandgemiddelden van de huishoudens die vóór de wijziging met een team begonnen, "
            + "en trekken die lijn door naar de maanden erna. Het effect is het gemiddelde verschil tussen wat de huishoudens na de wijziging lieten zien en wat die doorgetrokken lijn "
            + "voorspelde; daarnaast tonen we de sprong in niveau en de verandering van de trend. "
            + "Wat het kan laten zien: of er rond de datum van de wijziging iets veranderde dat de trend van daarvoor niet verklaart. "
            + "Wat het niet kan: het onderscheidt de wijziging niet van iets anders dat op hetzelfde moment veranderde (een nieuwe wet, een ander seizoen, een andere instroom), "
            + "en het veronderstelt dat de trend van vóór de wijziging zonder wijziging zou zijn doorgegaan. Het is dus geen bewijs dat de wijziging het effect veroorzaakte; "
            + "het is een schatting onder die aannames. "
            + "Het interval komt uit een bootstrap: we trekken de huishoudens opnieuw, met teruglegging, binnen elke maand, en herhalen de berekening; "
            + "het 90 %-interval bevat de middelste 90 % van de uitkomsten. Schokken die een hele maand treffen zitten daar niet in; het interval is dan te smal. "
            + "Een uitkomst met een horizon telt alleen huishoudens van wie de hele horizon vóór de datum van de gegevens ligt. "
            + "Een maand (per groep) met minder dan 10 huishoudens laten we helemaal weg: uit de cellen, de schattingen en de bootstrap. "
            + "Een cel (groep × periode) met minder dan 10 huishoudens tonen we niet, en een schatting die zo'n cel nodig heeft ook niet.",
        _ =>
            "Verschil in verschillen. We vergelijken hoeveel de uitkomst veranderde bij de teams die hun werkwijze wijzigden (na min vóór de wijziging) met hoeveel hij "
            + "in dezelfde periode veranderde bij de teams die niets wijzigden. Het verschil tussen die twee veranderingen is de schatting van het effect. "
            + "Wat het kan laten zien: een verandering bij de gewijzigde teams die de vergelijkingsteams niet hadden, zodat ontwikkelingen die alle teams raakten eruit vallen. "
            + "Wat het niet kan: het veronderstelt dat beide groepen zonder de wijziging gelijk zouden zijn opgelopen (parallelle trends). Daarom tonen we de maanden vóór de wijziging "
            + "van beide groepen en het verschil in hun trend; wijkt dat duidelijk van nul af, dan staat er een waarschuwing. Veranderde er tegelijk iets anders alleen bij de gewijzigde teams "
            + "(andere medewerkers, een andere wijk), dan ziet deze methode dat als effect. Het is dus geen bewijs dat de wijziging het effect veroorzaakte; het is een schatting onder die aannames. "
            + "Het interval komt uit een bootstrap: we trekken de huishoudens opnieuw, met teruglegging, binnen elke groep en maand, en herhalen de berekening; "
            + "het 90 %-interval bevat de middelste 90 % van de uitkomsten. "
            + "Een uitkomst met een horizon telt alleen huishoudens van wie de hele horizon vóór de datum van de gegevens ligt. "
            + "Een maand (per groep) met minder dan 10 huishoudens laten we helemaal weg: uit de cellen, de schattingen en de bootstrap. "
            + "Een cel (groep × periode) met minder dan 10 huishoudens tonen we niet, en een schatting die zo'n cel nodig heeft ook niet.",
    };
}
