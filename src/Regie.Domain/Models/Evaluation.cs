using Regie.Domain.Monitor;

namespace Regie.Domain.Models;

/// <summary>
/// One start of a household with a team (every trajectory opened in the window, so a household that returns counts again, as the
/// monitor counts re-entry) and what followed, without anything that says who it was: <c>Key</c> is an opaque number that is
/// the same for every start of one household (the k ≥ 10 rule counts households, not starts), its group (a team's id), the day it
/// started and the outcomes, null where not measurable. The web layer computes the outcomes "within H months"; <see cref="Evaluation"/>
/// counts a horizon outcome only for starts whose whole window of H months lies before the data date and does not straddle the change.
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

/// <summary>
/// How the window was cut into calendar quarters: the first day counted as after the change, the length of a period (3 months), the
/// quarters before and after it, and the quarter left out as a transition when the change fell inside it.
/// </summary>
public sealed record EvaluationLayout(DateOnly CountFrom, int PeriodMonths, int PeriodsBefore, int PeriodsAfter, DateOnly? TransitionQuarter = null);

public sealed record EvaluationResult(EvaluationDesign Design, EvaluationSpec Spec, EvaluationLayout Layout, int Households, IReadOnlyList<OutcomeEvaluation> Outcomes, string Method);

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

    /// <param name="FixedHorizon">A horizon that does not follow the question: the mark is the first within 12 months whatever the horizon asked,
    /// because a first mark within 3 months is also the first within 6, and comparing the two would single out who marked in between.</param>
    public sealed record OutcomeInfo(EvaluationOutcome Outcome, string Key, string Label, string Unit, int Decimals, double Scale, bool NeedsFollowUp, string Definition, int? FixedHorizon = null)
    {
        public int Horizon(EvaluationSpec spec) => FixedHorizon ?? spec.HorizonMonths;
    }

    /// <summary>The months the mark is followed, whatever the horizon asked.</summary>
    public const int MarkHorizonMonths = 12;

    /// <summary>The outcomes, with their definitions in words; one home for page, PDF, spreadsheet and API.</summary>
    public static readonly IReadOnlyList<OutcomeInfo> Outcomes =
    [
        new(EvaluationOutcome.MaatwerkOfSpecialistisch, "zwaarder", "Naar maatwerk of specialistische zorg binnen de horizon", "procentpunt", 1, 100, true,
            "Deel van de huishoudens dat binnen H maanden na de start een beschikking voor maatwerk of specialistische zorg kreeg (niet afgewezen), of van wie het traject binnen H maanden werd overgedragen aan specialistische zorg."),
        new(EvaluationOutcome.VolledigeKosten, "kosten", "Volledige kosten per huishouden binnen de horizon", "euro", 0, 1, true,
            "Betaald uit het budget + geschatte kosten van beschikkingen van het huishouden binnen H maanden na de start, plus de personeelskosten van het team verdeeld over de open trajectmaanden: de personeelskosten van een team in een maand gedeeld door de huishoudens met een open traject bij dat team in die maand, voor elke maand dat het traject van dit huishouden binnen de horizon open was."),
        new(EvaluationOutcome.DagenTotEersteSteun, "dagen-tot-steun", "Dagen van hulpvraag tot eerste steun", "dagen", 1, 1, false,
            "Dagen van de laatste hulpvraag in de 12 maanden vóór de start tot de eerste steun: lichte ondersteuning, een gestarte verwijzing, een toekennende beschikking of het begin van het traject zelf, wat het eerst kwam."),
        new(EvaluationOutcome.Herinstroom, "herinstroom", "Herinstroom binnen 12 maanden", "procentpunt", 1, 100, false,
            "Deel van de starts bij een huishouden waarvan een eerder traject in de 12 maanden ervoor was afgesloten (de definitie van de monitor)."),
        new(EvaluationOutcome.Cijfer, "cijfer", "Cijfer van inwoners binnen 12 maanden", "cijfer", 2, 1, true,
            "Het eerste cijfer (1–10) dat het huishouden binnen 12 maanden na de start gaf, bij een evaluatie of de afsluiting (altijd 12 maanden, welke horizon ook gekozen is).", MarkHorizonMonths),
    ];

    public static OutcomeInfo Info(string key) => Outcomes.Single(o => o.Key == key);

    /// <summary>
    /// The first day of the calendar month the evaluation counts from: the first of the change's month, or of the next month for a
    /// change on the 16th or later. Counting in whole calendar months means two questions whose dates differ by a
    /// day give the same answer, so subtracting them reveals nothing.
    /// </summary>
    public static DateOnly CountFrom(DateOnly change)
    {
        var first = new DateOnly(change.Year, change.Month, 1);
        return change.Day <= 15 ? first : first.AddMonths(1);
    }

    public const int QuarterMonths = 3;

    /// <summary>The calendar quarter of a day as one number (year × 4 + quarter − 1).</summary>
    public static int QuarterOf(DateOnly day) => day.Year * 4 + (day.Month - 1) / QuarterMonths;

    public static DateOnly QuarterStart(int quarter) => new(quarter / 4, quarter % 4 * QuarterMonths + 1, 1);

    /// <summary>
    /// How the window is cut into fixed calendar quarters (January, April, July, October): the quarter the change counts from, the
    /// quarters before and after it, and whether that quarter is a transition left out because the change fell inside it. Fixed
    /// quarters make every window a union of the same periods, so no two questions can be subtracted into less than a quarter.
    /// </summary>
    private static (int Change, int Before, int After, bool Transition) Quarters(EvaluationSpec spec)
    {
        var start = CountFrom(spec.ChangeDate);
        var change = QuarterOf(start);
        var transition = start != QuarterStart(change);
        return (change, Periods(spec.MonthsBefore, QuarterMonths), Periods(spec.MonthsAfter, QuarterMonths) + (transition ? 1 : 0), transition);
    }

    /// <summary>The stretch of start dates an evaluation uses: what the data layer reads.</summary>
    public static (DateOnly From, DateOnly Until) Window(EvaluationSpec spec)
    {
        var (change, before, after, _) = Quarters(spec);
        return (QuarterStart(change - before), QuarterStart(change + after));
    }

    private static int Periods(int months, int width) => (months + width - 1) / width;

    /// <summary>Whether every start of a quarter has been followed the whole horizon: before the running quarter and, for a quarter before the change, before the change's quarter.</summary>
    private static bool FollowedWhole(int quarter, EvaluationSpec spec, int horizon)
    {
        var end = QuarterStart(quarter + 1).AddMonths(horizon);
        var change = QuarterStart(QuarterOf(CountFrom(spec.ChangeDate)));
        return end <= QuarterStart(QuarterOf(spec.DataDate)) && (quarter >= QuarterOf(change) || end <= change);
    }

    /// <summary>
    /// The value of an outcome for a unit, NaN when it is not measurable: no value; or, for an outcome with a horizon, a quarter of
    /// which not every start has been followed the whole horizon before the running month, or, before the change, a quarter of which
    /// some start's horizon runs into the quarter of the change (partly followed under the new way of working). Decided per whole
    /// quarter, so the date of the change within its quarter or the day of the data never picks out part of a quarter.
    /// </summary>
    public static double Value(EvaluationUnit u, OutcomeInfo o, EvaluationSpec spec)
    {
        if (o.NeedsFollowUp && !FollowedWhole(QuarterOf(u.Start), spec, o.Horizon(spec))) return double.NaN;
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
        var (change, before, after, transition) = Quarters(spec);
        // The running quarter is not counted: it is not over, and counting it would change the answer month by month.
        var running = QuarterStart(QuarterOf(spec.DataDate));
        var periods = before + after;
        var bins = (did ? 2 : 1) * periods;
        var binOf = new int[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var q = QuarterOf(units[i].Start) - change;
            var group = did && spec.TreatedGroups!.Contains(units[i].Group) ? 1 : 0;
            binOf[i] = q < -before || q >= after || (transition && q == 0) || units[i].Start >= running ? -1 : group * periods + q + before;
        }
        var values = Outcomes.Select(o => units.Select(u => Value(u, o, spec)).ToArray()).ToList();
        LeaveOutSmallBins(units, binOf, values);
        // A start without any value left takes no part in the bootstrap either, so it does not even shift the random draws.
        for (var i = 0; i < units.Count; i++)
            if (binOf[i] >= 0 && values.All(v => double.IsNaN(v[i]))) binOf[i] = -1;
        var bootstrap = new Bootstrap(bins, binOf, values);
        IBinStatistic statistic = did ? new DifferenceInDifferences(before, after) : new InterruptedTimeSeries(before, after);
        var (sums, counts) = bootstrap.Observed();
        var replicates = bootstrap.Run(statistic, spec.Samples, spec.Seed, parallel);
        var observed = new double[statistic.Count];
        var layout = new EvaluationLayout(QuarterStart(change + (transition ? 1 : 0)), QuarterMonths, before, after, transition ? QuarterStart(change) : null);
        var list = new List<OutcomeEvaluation>();
        for (var o = 0; o < Outcomes.Count; o++)
        {
            var info = Outcomes[o];
            var s = sums.AsSpan(o * bins, bins);
            var n = counts.AsSpan(o * bins, bins);
            statistic.Compute(s, n, observed);
            list.Add(Outcome(info, spec, layout, change, did, s, n, observed, replicates[o]));
        }
        // Counted per team and quarter, as the 10-rule counts them: a total over the whole window would let two windows be subtracted
        // into the few households of one quarter that did not also start in another.
        var households = units.Where((u, i) => binOf[i] >= 0).GroupBy(u => (u.Group, QuarterOf(u.Start))).Sum(g => g.Select(u => u.Key).Distinct().Count());
        return new EvaluationResult(spec.Design, spec, layout, households, list, EvaluationMethod.Statement(spec.Design));
    }

    /// <summary>
    /// Leaves out, per outcome, every quarter of a team (<see cref="EvaluationUnit.Group"/>) with fewer than 10 households with a value:
    /// it counts in no group, cell, estimate or bootstrap replicate. Applied per team before teams are added up into the changed, the
    /// comparison or the whole municipality, so that subtracting one group from another never isolates a small team. A household counts
    /// once per quarter, however many times it started in it.
    /// </summary>
    private static void LeaveOutSmallBins(IReadOnlyList<EvaluationUnit> units, int[] binOf, List<double[]> values)
    {
        foreach (var v in values)
        {
            var households = new Dictionary<(string Team, int Bin), HashSet<int>>();
            for (var i = 0; i < binOf.Length; i++)
                if (binOf[i] >= 0 && !double.IsNaN(v[i]))
                {
                    if (!households.TryGetValue((units[i].Group, binOf[i]), out var set)) households[(units[i].Group, binOf[i])] = set = [];
                    set.Add(units[i].Key);
                }
            for (var i = 0; i < binOf.Length; i++)
                if (binOf[i] >= 0 && !double.IsNaN(v[i]) && households[(units[i].Group, binOf[i])].Count < MonitorIndicators.MinimumHouseholds) v[i] = double.NaN;
        }
    }

    private static OutcomeEvaluation Outcome(OutcomeInfo info, EvaluationSpec spec, EvaluationLayout layout, int change, bool did, ReadOnlySpan<double> sums, ReadOnlySpan<double> counts,
        double[] observed, double[,] replicates)
    {
        var periods = layout.PeriodsBefore + layout.PeriodsAfter;
        var cells = new List<EvaluationCell>();
        var reasons = new List<string>();
        foreach (var g in did ? new[] { 1, 0 } : [0])
            foreach (var after in new[] { false, true })
            {
                double s = 0, n = 0;
                var from = g * periods + (after ? layout.PeriodsBefore : 0);
                for (var b = from; b < from + (after ? layout.PeriodsAfter : layout.PeriodsBefore); b++) { s += sums[b]; n += counts[b]; }
                var group = did ? (g == 1 ? Treated : Comparison) : AllGroups;
                var period = after ? After : Before;
                var shown = n >= MonitorIndicators.MinimumHouseholds;
                if (!shown) reasons.Add($"{(did ? group.ToLowerInvariant() + ", " : "")}{(after ? "na" : "vóór")} de wijziging: {WithheldReason}");
                cells.Add(new EvaluationCell(group, period, (int)n, shown ? Round(s / n * info.Scale, info.Decimals) : null));
            }
        var series = new List<EvaluationPoint>();
        for (var k = 0; k < periods; k++)
        {
            var main = (did ? periods : 0) + k;
            var month = (k - layout.PeriodsBefore) * layout.PeriodMonths;
            series.Add(new EvaluationPoint(month, QuarterStart(change + k - layout.PeriodsBefore), Point(sums[main], counts[main], info), (int)counts[main],
                did ? Point(sums[k], counts[k], info) : null, did ? (int)counts[k] : null));
        }
        var horizon = info.Horizon(spec);
        if (info.NeedsFollowUp && !FollowedWhole(QuarterOf(layout.CountFrom), spec, horizon))
            reasons.Add($"nog geen kwartaal na de wijziging is helemaal {horizon} maanden gevolgd: de starts van het eerste kwartaal erna hebben de hele horizon nog niet achter zich");
        if (info.NeedsFollowUp && layout.PeriodsBefore * layout.PeriodMonths <= horizon)
            reasons.Add($"vóór de wijziging telt alleen wie de hele horizon van {horizon} maanden vóór de wijziging had: kies meer dan {horizon} maanden vóór"
                + (info.FixedHorizon is null ? " of een kortere horizon" : ""));
        string? withheld = reasons.Count > 0 ? string.Join("; ", reasons.Distinct()) : null;
        var column = did ? DifferenceInDifferences.Effect : InterruptedTimeSeries.Effect;
        if (withheld is null && double.IsNaN(observed[column]))
            withheld = did ? "niet te berekenen" : "te weinig maanden met huishoudens vóór de wijziging om een trend te schatten";
        // Trends are per period in the statistics; shown per month.
        EvaluationEstimate Estimate(int c, double perPeriod = 1) => withheld is not null || double.IsNaN(observed[c])
            ? new EvaluationEstimate(null, null, null)
            : new EvaluationEstimate(Round(observed[c] * info.Scale / perPeriod, info.Decimals), Interval(replicates, c, 0.90, info, perPeriod), Interval(replicates, c, 0.95, info, perPeriod));
        var effect = Estimate(column);
        EvaluationEstimate? preTrend = null;
        string? warning = null;
        if (did)
        {
            preTrend = Estimate(DifferenceInDifferences.PreTrendDifference, layout.PeriodMonths);
            if (preTrend.Ci90 is { } ci && (ci.Low > 0 || ci.High < 0))
                warning = "De groepen liepen vóór de wijziging niet gelijk op: het verschil in trend vóór de wijziging is niet nul (90 %-interval zonder 0). Het verschil-in-verschillen kan daardoor een effect tonen dat er niet is, of een effect missen.";
        }
        return new OutcomeEvaluation(info.Outcome, info.Key, info.Label, info.Unit, info.Definition.Replace("H maanden", $"{spec.HorizonMonths} maanden", StringComparison.Ordinal),
            info.NeedsFollowUp, cells, effect, did ? null : Estimate(InterruptedTimeSeries.LevelChange), did ? null : Estimate(InterruptedTimeSeries.TrendChange, layout.PeriodMonths),
            preTrend, warning, withheld, series);
    }

    private static double? Point(double sum, double count, OutcomeInfo info) =>
        count >= MonitorIndicators.MinimumHouseholds ? Round(sum / count * info.Scale, info.Decimals) : null;

    private static EvaluationInterval? Interval(double[,] replicates, int column, double level, OutcomeInfo info, double perPeriod) =>
        Bootstrap.Percentile(replicates, column, level) is { } p
            ? new EvaluationInterval(Round(p.Low * info.Scale / perPeriod, info.Decimals)!.Value, Round(p.High * info.Scale / perPeriod, info.Decimals)!.Value) : null;

    private static double? Round(double v, int decimals) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, decimals, MidpointRounding.AwayFromZero);
}

/// <summary>What each design can and cannot show, in plain Dutch: one text for the page, the report and the API.</summary>
public static class EvaluationMethod
{
    /// <summary>How we count, the same for both designs.</summary>
    private const string Counting =
        "We tellen elke start van een huishouden met een team (wie na een afsluiting terugkomt, telt opnieuw) en rekenen in vaste kalenderkwartalen "
        + "(januari, april, juli, oktober). De wijziging telt vanaf de eerste van haar maand (op of na de 16e: van de volgende maand); valt die midden in een kwartaal, "
        + "dan telt dat kwartaal niet mee (het is deels vóór en deels na). Het lopende kwartaal telt nog niet mee. "
        + "Een uitkomst met een horizon telt alleen kwartalen waarvan elke start de hele horizon gevolgd is vóór het lopende kwartaal, en vóór de wijziging alleen kwartalen "
        + "waarvan elke horizon afliep vóór het kwartaal van de wijziging (anders zou een deel van de gevolgen al onder de nieuwe werkwijze vallen). "
        + "Een kwartaal van een team met minder dan 10 huishoudens met een waarde laten we voor die uitkomst helemaal weg: uit elke groep (ook de hele gemeente), de cellen, de schattingen en de bootstrap. "
        + "Zo leveren twee vragen van elkaar afgetrokken nooit minder dan een kwartaal van een team met minstens 10 huishoudens op. "
        + "Een cel (groep × periode) met minder dan 10 huishoudens tonen we niet, en een schatting die zo'n cel nodig heeft ook niet.";

    public static string Statement(EvaluationDesign design) => design switch
    {
        EvaluationDesign.OnderbrokenTijdreeks =>
            "Onderbroken tijdreeks. We trekken een lijn (niveau en trend) door de kwartaalgemiddelden van de huishoudens die vóór de wijziging met een team begonnen, "
            + "en trekken die lijn door naar de kwartalen erna. Het effect is het gemiddelde verschil tussen wat de huishoudens na de wijziging lieten zien en wat die doorgetrokken lijn "
            + "voorspelde; daarnaast tonen we de sprong in niveau en de verandering van de trend (per maand). "
            + "Wat het kan laten zien: of er rond de datum van de wijziging iets veranderde dat de trend van daarvoor niet verklaart. "
            + "Wat het niet kan: het onderscheidt de wijziging niet van iets anders dat op hetzelfde moment veranderde (een nieuwe wet, een ander seizoen, een andere instroom), "
            + "en het veronderstelt dat de trend van vóór de wijziging zonder wijziging zou zijn doorgegaan. Het is dus geen bewijs dat de wijziging het effect veroorzaakte; "
            + "het is een schatting onder die aannames. "
            + "Het interval komt uit een bootstrap: we trekken de starts opnieuw, met teruglegging, binnen elk kwartaal, en herhalen de berekening; "
            + "het 90 %-interval bevat de middelste 90 % van de uitkomsten. Schokken die een heel kwartaal treffen zitten daar niet in; het interval is dan te smal. "
            + Counting,
        _ =>
            "Verschil in verschillen. We vergelijken hoeveel de uitkomst veranderde bij de teams die hun werkwijze wijzigden (na min vóór de wijziging) met hoeveel hij "
            + "in dezelfde periode veranderde bij de teams die niets wijzigden. Het verschil tussen die twee veranderingen is de schatting van het effect. "
            + "Wat het kan laten zien: een verandering bij de gewijzigde teams die de vergelijkingsteams niet hadden, zodat ontwikkelingen die alle teams raakten eruit vallen. "
            + "Wat het niet kan: het veronderstelt dat beide groepen zonder de wijziging gelijk zouden zijn opgelopen (parallelle trends). Daarom tonen we de kwartalen vóór de wijziging "
            + "van beide groepen en het verschil in hun trend (per maand); wijkt dat duidelijk van nul af, dan staat er een waarschuwing. Veranderde er tegelijk iets anders alleen bij de gewijzigde teams "
            + "(andere medewerkers, een andere wijk), dan ziet deze methode dat als effect. Het is dus geen bewijs dat de wijziging het effect veroorzaakte; het is een schatting onder die aannames. "
            + "Het interval komt uit een bootstrap: we trekken de starts opnieuw, met teruglegging, binnen elke groep en elk kwartaal, en herhalen de berekening; "
            + "het 90 %-interval bevat de middelste 90 % van de uitkomsten. "
            + Counting,
    };
}
