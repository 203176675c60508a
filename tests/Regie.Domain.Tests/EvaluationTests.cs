using Regie.Domain.Models;

namespace Regie.Domain.Tests;

/// <summary>
/// The evaluation of a change: the interrupted time series and the difference-in-differences computed by hand on tiny data,
/// a planted effect recovered within its interval, and the calibration of the 90 % interval over many worlds without an effect.
/// </summary>
public sealed class EvaluationTests
{
    private static readonly DateOnly Change = new(2026, 4, 1);
    private static readonly DateOnly Later = new(2030, 1, 1);

    private static EvaluationUnit Unit(int key, string group, DateOnly start, int? days = null, bool? specialist = null, decimal? cost = null, int? mark = null, bool? reEntry = null) =>
        new(key, group, start, specialist, cost, days, reEntry, mark);

    /// <summary>Ten households in a quarter (relative to the change's), alternating one above and one below the quarter's mean.</summary>
    private static IEnumerable<EvaluationUnit> Quarter(int quarter, string group, int mean, int count = 10) =>
        Enumerable.Range(0, count).Select(i => Unit(quarter * 100 + i + (group == "Zuid" ? 10_000 : 0), group, Change.AddMonths(3 * quarter).AddDays(i), days: mean + (i % 2 == 0 ? 1 : -1)));

    private static OutcomeEvaluation Days(EvaluationResult r) => r.Outcomes.Single(o => o.Outcome == EvaluationOutcome.DagenTotEersteSteun);

    [Fact]
    public void The_time_series_compares_the_months_after_with_the_trend_before_extended()
    {
        // Before: 20 and 18 days (a line falling 2 a month, 16 at the change); after: 10 and 6 days (a line from 10 falling 4 a month).
        var units = Quarter(-2, "Noord", 20).Concat(Quarter(-1, "Noord", 18)).Concat(Quarter(0, "Noord", 10)).Concat(Quarter(1, "Noord", 6)).ToList();
        var result = Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Later, Samples: 200, Seed: 1));

        Assert.Equal(EvaluationDesign.OnderbrokenTijdreeks, result.Design);
        var days = Days(result);
        // Expected 16 and 14, observed 10 and 6: on average 7 days fewer.
        Assert.Equal(-7.0, days.Effect.Value);
        Assert.Equal(-6.0, days.LevelChange!.Value);
        // −2 a quarter: shown per month.
        Assert.Equal(Math.Round(-2.0 / 3, 1), days.TrendChange!.Value);
        Assert.Equal([new EvaluationCell(Evaluation.AllGroups, Evaluation.Before, 20, 19.0), new EvaluationCell(Evaluation.AllGroups, Evaluation.After, 20, 8.0)], days.Cells);
        Assert.Equal([20.0, 18.0, 10.0, 6.0], days.Series.Select(p => p.Mean!.Value));
        Assert.Equal([-6, -3, 0, 3], days.Series.Select(p => p.Month));
        Assert.Equal(new DateOnly(2025, 10, 1), days.Series[0].From);
        Assert.Null(days.Withheld);
        Assert.InRange(days.Effect.Ci90!.Low, -9, -7);
        Assert.InRange(days.Effect.Ci90!.High, -7, -5);
        Assert.True(days.Effect.Ci95!.Low <= days.Effect.Ci90.Low && days.Effect.Ci95.High >= days.Effect.Ci90.High);
        Assert.Contains("Onderbroken tijdreeks", result.Method, StringComparison.Ordinal);
        Assert.Contains("geen bewijs", result.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_difference_in_differences_subtracts_the_change_of_the_teams_that_did_not_change()
    {
        // Zuid changed: 21, 19 before, 13, 11 after (20 → 12); Noord did not: 18, 18 before, 16, 16 after (18 → 16).
        var units = Quarter(-2, "Zuid", 21).Concat(Quarter(-1, "Zuid", 19)).Concat(Quarter(0, "Zuid", 13)).Concat(Quarter(1, "Zuid", 11))
            .Concat(Quarter(-2, "Noord", 18)).Concat(Quarter(-1, "Noord", 18)).Concat(Quarter(0, "Noord", 16)).Concat(Quarter(1, "Noord", 16)).ToList();
        var result = Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Later, new HashSet<string> { "Zuid" }, Samples: 200, Seed: 1));

        Assert.Equal(EvaluationDesign.VerschilInVerschillen, result.Design);
        var days = Days(result);
        Assert.Equal(-6.0, days.Effect.Value);
        // Zuid fell 2 a quarter before the change, Noord stayed level: the pre-trends differ by −2 a quarter, shown per month.
        Assert.Equal(Math.Round(-2.0 / 3, 1), days.PreTrendDifference!.Value);
        Assert.NotNull(days.PreTrendWarning);
        Assert.Equal([20.0, 12.0, 18.0, 16.0], days.Cells.Select(c => c.Mean!.Value));
        Assert.Equal([Evaluation.Treated, Evaluation.Treated, Evaluation.Comparison, Evaluation.Comparison], days.Cells.Select(c => c.Group));
        Assert.Equal([21.0, 19.0, 13.0, 11.0], days.Series.Select(p => p.Mean!.Value));
        Assert.Equal([18.0, 18.0, 16.0, 16.0], days.Series.Select(p => p.ComparisonMean!.Value));
        Assert.Null(days.LevelChange);
        Assert.Contains("parallelle trends", result.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quarter_of_a_team_with_fewer_than_ten_households_counts_in_no_group_so_subtracting_groups_reveals_nothing()
    {
        // Noord has 20 households a quarter at about 10 days, Zuid 3 a quarter at about 100.
        var units = Enumerable.Range(-2, 4).SelectMany(q => Quarter(q, "Noord", 10, 20).Concat(Quarter(q, "Zuid", 100, 3))).ToList();
        var everyone = Days(Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Later, Samples: 50, Seed: 1)));
        var zuidChanged = Days(Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Later, new HashSet<string> { "Zuid" }, Samples: 50, Seed: 1)));

        // The whole municipality is Noord alone: Zuid's quarters are left out before the groups are added up.
        Assert.Equal([(40, 10.0), (40, 10.0)], everyone.Cells.Select(c => (c.Households, c.Mean!.Value)));
        Assert.Equal([(0, (double?)null), (0, null), (40, 10.0), (40, 10.0)], zuidChanged.Cells.Select(c => (c.Households, c.Mean)));
        Assert.Equal("gewijzigd, vóór de wijziging: minder dan 10 huishoudens; gewijzigd, na de wijziging: minder dan 10 huishoudens", zuidChanged.Withheld);
    }

    [Fact]
    public void A_quarter_of_fewer_than_ten_households_is_left_out_with_the_estimate_that_needs_it()
    {
        var units = Quarter(-1, "Zuid", 20, 12).Concat(Quarter(0, "Zuid", 12, 9)).Concat(Quarter(-1, "Noord", 18, 12)).Concat(Quarter(0, "Noord", 16, 12)).ToList();
        var days = Days(Evaluation.Run(units, new EvaluationSpec(Change, 3, 3, 3, Later, new HashSet<string> { "Zuid" }, Samples: 50, Seed: 1)));

        Assert.Equal(new EvaluationEstimate(null, null, null), days.Effect);
        Assert.Equal("gewijzigd, na de wijziging: minder dan 10 huishoudens", days.Withheld);
        var after = days.Cells.Single(c => c.Group == Evaluation.Treated && c.Period == Evaluation.After);
        Assert.Equal((0, (double?)null), (after.Households, after.Mean));
        Assert.Equal((12, (double?)16.0), days.Cells.Where(c => c.Group == Evaluation.Comparison && c.Period == Evaluation.After).Select(c => (c.Households, c.Mean)).Single());
        Assert.Null(days.Series[1].Mean);
    }

    [Fact]
    public void Dates_that_count_from_the_same_quarter_give_the_same_evaluation()
    {
        var units = Quarter(-2, "Noord", 20).Concat(Quarter(-1, "Noord", 18)).Concat(Quarter(0, "Noord", 10)).Concat(Quarter(1, "Noord", 6)).ToList();
        var first = Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Later, Samples: 100, Seed: 1));

        // A change on 20 March counts from 1 April, like one on 1 or 15 April.
        foreach (var day in new DateOnly[] { new(2026, 3, 20), new(2026, 4, 15) })
        {
            var other = Evaluation.Run(units, new EvaluationSpec(day, 6, 6, 3, Later, Samples: 100, Seed: 1));
            Assert.Equal(Change, other.Layout.CountFrom);
            Assert.Equal(Days(first).Effect, Days(other).Effect);
            Assert.Equal(Days(first).Cells, Days(other).Cells);
        }
    }

    [Fact]
    public void A_change_in_the_middle_of_a_quarter_leaves_that_quarter_out()
    {
        var units = Quarter(-2, "Noord", 20).Concat(Quarter(-1, "Noord", 18)).Concat(Quarter(0, "Noord", 10)).Concat(Quarter(1, "Noord", 6)).ToList();

        // 16 April counts from 1 May: April–June is partly before and partly after, so it counts in neither.
        var result = Evaluation.Run(units, new EvaluationSpec(new DateOnly(2026, 4, 16), 6, 3, 3, Later, Samples: 100, Seed: 1));

        Assert.Equal(new EvaluationLayout(new DateOnly(2026, 7, 1), 3, 2, 2, Change), result.Layout);
        Assert.Equal([(20, 19.0), (10, 6.0)], Days(result).Cells.Select(c => (c.Households, c.Mean!.Value)));
        Assert.Null(Days(result).Series[2].Mean);
    }

    [Fact]
    public void The_running_month_is_not_counted()
    {
        var units = Quarter(-2, "Noord", 20).Concat(Quarter(-1, "Noord", 18)).Concat(Quarter(0, "Noord", 10)).Concat(Quarter(1, "Noord", 6)).ToList();
        var result = Evaluation.Run(units, new EvaluationSpec(Change, 6, 6, 3, Change.AddMonths(3).AddDays(5), Samples: 100, Seed: 1));

        // The data date lies in July, the month the starts of quarter 1 fall in: they wait until that month is over.
        Assert.Equal([20, 10], Days(result).Cells.Select(c => c.Households));
        Assert.Equal(30, result.Households);
    }

    [Fact]
    public void Moving_the_window_by_a_month_never_reveals_a_month_of_fewer_than_ten_households()
    {
        // Months of 10 to 14 households with, in between, months of 3 and 7 in both groups.
        int[] sizes = [12, 3, 10, 7, 14, 11, 3, 10, 13, 7, 12, 10];
        var units = Enumerable.Range(-6, 12).SelectMany(m => Quarter(m, "Zuid", 20 + m, sizes[m + 6]).Concat(Quarter(m, "Noord", 30 - m, sizes[11 - (m + 6)]))).ToList();
        foreach (var treated in new[] { null, new HashSet<string> { "Zuid" } })
            for (var v = 1; v < 6; v++)
                for (var n = 1; n < 6; n++)
                {
                    var result = Days(Evaluation.Run(units, new EvaluationSpec(Change, v, n, 3, Later, treated, Samples: 20, Seed: 1)));
                    var moreBefore = Days(Evaluation.Run(units, new EvaluationSpec(Change, v + 1, n, 3, Later, treated, Samples: 20, Seed: 1)));
                    var moreAfter = Days(Evaluation.Run(units, new EvaluationSpec(Change, v, n + 1, 3, Later, treated, Samples: 20, Seed: 1)));
                    foreach (var other in new[] { moreBefore, moreAfter })
                        for (var c = 0; c < result.Cells.Count; c++)
                            Assert.True(other.Cells[c].Households - result.Cells[c].Households is 0 or >= 10, $"voor {v}, na {n}, cel {c}");
                }
    }

    [Fact]
    public void A_quarter_of_fewer_than_ten_households_does_not_move_the_estimate()
    {
        var units = Enumerable.Range(-3, 3).SelectMany(q => Quarter(q, "Noord", 20 - q, 12)).Concat(Enumerable.Range(0, 2).SelectMany(q => Quarter(q, "Noord", 10, 12))).ToList();
        var spec = new EvaluationSpec(Change, 24, 6, 3, Later, Samples: 200, Seed: 1);
        var without = Days(Evaluation.Run(units, spec));
        var with = Days(Evaluation.Run([.. units, .. Quarter(-4, "Noord", 500, count: 9)], spec));

        Assert.NotNull(with.Effect.Value);
        Assert.Equal(without.Effect, with.Effect);
        Assert.Equal(without.Cells, with.Cells);
    }

    [Fact]
    public void An_outcome_with_a_horizon_counts_only_households_whose_whole_horizon_lies_before_the_data_date_and_on_one_side_of_the_change()
    {
        var dataDate = Change.AddMonths(3).AddDays(5);
        var units = Enumerable.Range(0, 70).Select(i => Unit(i, "Noord", Change.AddMonths(3 * (i / 10 - 5)).AddDays(i % 10), days: 5, specialist: i % 4 == 0)).ToList();
        var result = Evaluation.Run(units, new EvaluationSpec(Change, 15, 6, 3, dataDate, Samples: 50, Seed: 1));

        var specialist = result.Outcomes.Single(o => o.Outcome == EvaluationOutcome.MaatwerkOfSpecialistisch);
        // Before the change quarters −5 to −2 count; in quarter −1 the three months of a later start run into the change's quarter, so the
        // whole quarter is left out. After the change the three months end after the data date, so none counts.
        Assert.Equal([40, 0], specialist.Cells.Select(c => c.Households));
        Assert.Null(specialist.Effect.Value);
        Assert.Contains("nog geen kwartaal na de wijziging is helemaal 3 maanden gevolgd", specialist.Withheld, StringComparison.Ordinal);
        Assert.Contains("3 maanden na de start", specialist.Definition, StringComparison.Ordinal);
        // Days to first support need no follow-up: the 50 before and quarter 0's 10 count (quarter 1 is the running quarter).
        Assert.Equal([50, 10], Days(result).Cells.Select(c => c.Households));
    }

    [Fact]
    public void Moving_the_change_date_within_its_quarter_does_not_change_which_starts_count_for_a_horizon()
    {
        // Starts spread over every month of five quarters before and two after, 30 a month, a quarter of them reaching care.
        var units = Enumerable.Range(-15, 21).SelectMany(m => Enumerable.Range(0, 30).Select(i => Unit((m + 15) * 100 + i, "Noord", Change.AddMonths(m).AddDays(i % 28), specialist: i % 4 == 0))).ToList();
        OutcomeEvaluation Specialist(DateOnly day) => Evaluation.Run(units, new EvaluationSpec(day, 15, 3, 3, Later, Samples: 20, Seed: 1)).Outcomes.Single(o => o.Outcome == EvaluationOutcome.MaatwerkOfSpecialistisch);

        // 1 May and 1 June both fall inside April–June: the same whole quarters count before it, whatever the day.
        var may = Specialist(new DateOnly(2026, 5, 1));
        var june = Specialist(new DateOnly(2026, 6, 1));
        Assert.Equal(may.Cells, june.Cells);
        // Quarters −5 to −2 count (360 starts); quarter −1's horizons run into the change's quarter.
        Assert.Equal(360, may.Cells[0].Households);
    }

    [Fact]
    public void The_total_of_households_grows_by_whole_team_quarters_so_two_windows_cannot_be_subtracted_into_a_few()
    {
        // The same twelve households start in quarters −1 and 0; in quarter 1 eleven of them return with one newcomer.
        IEnumerable<EvaluationUnit> Starts(int quarter, IEnumerable<int> keys) => keys.Select(k => Unit(k, "Noord", Change.AddMonths(3 * quarter).AddDays(k % 20), days: 10));
        var units = Starts(-1, Enumerable.Range(1, 12)).Concat(Starts(0, Enumerable.Range(1, 12))).Concat(Starts(1, [.. Enumerable.Range(1, 11), 99])).ToList();

        var two = Evaluation.Run(units, new EvaluationSpec(Change, 3, 3, 3, Later, Samples: 20, Seed: 1)).Households;
        var three = Evaluation.Run(units, new EvaluationSpec(Change, 3, 6, 3, Later, Samples: 20, Seed: 1)).Households;

        // Counted over the window the newcomer alone would be the difference; per team and quarter the difference is the whole quarter.
        Assert.Equal((24, 36), (two, three));
    }

    [Fact]
    public void A_horizon_as_long_as_the_months_before_leaves_nothing_before_and_says_why()
    {
        var units = Enumerable.Range(0, 40).Select(i => Unit(i, "Noord", Change.AddMonths(3 * (i / 10 - 2)).AddDays(i % 10), specialist: i % 4 == 0)).ToList();
        var specialist = Evaluation.Run(units, new EvaluationSpec(Change, 3, 3, 3, Later, Samples: 20, Seed: 1)).Outcomes.Single(o => o.Outcome == EvaluationOutcome.MaatwerkOfSpecialistisch);

        Assert.Equal(0, specialist.Cells[0].Households);
        Assert.Contains("kies meer dan 3 maanden vóór of een kortere horizon", specialist.Withheld, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_on_one_core_or_many()
    {
        var units = World(new Random(5), treatedEffect: 0, perMonth: 20).ToList();
        var spec = new EvaluationSpec(Change, 24, 6, 3, Later, new HashSet<string> { "Zuid" }, Samples: 300, Seed: 42);
        var parallel = Evaluation.Run(units, spec);
        var serial = Evaluation.Run(units, spec, parallel: false);
        var again = Evaluation.Run(units, spec);
        Assert.Equal(parallel.Outcomes.Select(o => o.Effect), serial.Outcomes.Select(o => o.Effect));
        Assert.Equal(parallel.Outcomes.Select(o => o.Effect), again.Outcomes.Select(o => o.Effect));
        var other = Evaluation.Run(units, spec with { Seed = 43 });
        Assert.NotEqual(parallel.Outcomes.Select(o => o.Effect.Ci90), other.Outcomes.Select(o => o.Effect.Ci90));
        Assert.Equal(parallel.Outcomes.Select(o => o.Effect.Value), other.Outcomes.Select(o => o.Effect.Value));
    }

    /// <summary>
    /// A world of households starting with Noord and Zuid each month from 24 months before the change to 6 after (the mark is followed
    /// 12 months, and before the change only quarters whose 12 months ended before it count): specialist care
    /// with a chance of 30 % rising a little each month, cost around € 4,000, days to first support around 20 falling slowly, re-entry
    /// 15 %, marks around 7.5. <paramref name="treatedEffect"/> × (−10 pp, −600 euro, −6 days, −5 pp, +0.5) is planted in Zuid after the change.
    /// </summary>
    private static IEnumerable<EvaluationUnit> World(Random r, double treatedEffect, int perMonth, bool everywhere = false)
    {
        var key = 0;
        foreach (var group in new[] { "Noord", "Zuid" })
            for (var k = -24; k < 6; k++)
                for (var i = 0; i < perMonth; i++)
                {
                    var on = (everywhere || group == "Zuid") && k >= 0 ? treatedEffect : 0;
                    var specialist = r.NextDouble() < 0.30 + 0.004 * k - 0.10 * on;
                    var cost = Math.Round(4000 + 20 * k + Normal(r) * 1500 - 600 * on, 2);
                    var days = (int)Math.Max(0, Math.Round(20 - 0.2 * k + Normal(r) * 6 - 6 * on));
                    var reEntry = r.NextDouble() < 0.15 - 0.05 * on;
                    var mark = (int)Math.Clamp(Math.Round(7.5 + Normal(r) * 1.2 + 0.5 * on), 1, 10);
                    yield return new EvaluationUnit(key++, group, Change.AddMonths(k).AddDays(r.Next(0, 28)), specialist, (decimal)cost, days, reEntry, mark);
                }
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static readonly (EvaluationOutcome Outcome, double Planted)[] Planted =
    [
        (EvaluationOutcome.MaatwerkOfSpecialistisch, -10), (EvaluationOutcome.VolledigeKosten, -600), (EvaluationOutcome.DagenTotEersteSteun, -6),
        (EvaluationOutcome.Herinstroom, -5), (EvaluationOutcome.Cijfer, 0.5),
    ];

    [Fact]
    public void A_planted_effect_in_one_team_is_recovered_within_its_interval_by_the_difference_in_differences()
    {
        var result = Evaluation.Run(World(new Random(11), treatedEffect: 1, perMonth: 150).ToList(),
            new EvaluationSpec(Change, 24, 6, 3, Later, new HashSet<string> { "Zuid" }, Samples: 400, Seed: 7));
        foreach (var (outcome, planted) in Planted)
        {
            var e = result.Outcomes.Single(o => o.Outcome == outcome).Effect;
            Assert.InRange(planted, e.Ci95!.Low, e.Ci95.High);
            Assert.True(e.Ci90!.High < 0 || e.Ci90.Low > 0, $"{outcome}: the 90 % interval {e.Ci90} should exclude 0");
        }
        // Both teams had the same trend before the change; the pre-trend difference is estimated for every outcome (by chance
        // alone its 90 % interval misses zero one time in ten, so the warning is not asserted here).
        Assert.All(result.Outcomes, o => Assert.NotNull(o.PreTrendDifference!.Ci90));
    }

    [Fact]
    public void A_planted_effect_everywhere_is_recovered_within_its_interval_by_the_time_series()
    {
        var units = World(new Random(12), treatedEffect: 1, perMonth: 150, everywhere: true).ToList();
        var result = Evaluation.Run(units, new EvaluationSpec(Change, 24, 6, 3, Later, Samples: 400, Seed: 7));
        foreach (var (outcome, planted) in Planted)
        {
            var e = result.Outcomes.Single(o => o.Outcome == outcome).Effect;
            Assert.InRange(planted, e.Ci95!.Low, e.Ci95.High);
        }
        // The strongest planted effects stand out from zero.
        foreach (var outcome in new[] { EvaluationOutcome.MaatwerkOfSpecialistisch, EvaluationOutcome.DagenTotEersteSteun, EvaluationOutcome.Cijfer })
        {
            var ci = result.Outcomes.Single(o => o.Outcome == outcome).Effect.Ci90!;
            Assert.True(ci.High < 0 || ci.Low > 0, $"{outcome}: {ci}");
        }
    }

    /// <summary>400 worlds without an effect: the 90 % interval should contain zero in about 90 % of them (here between 85 and 95 %).</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Over_many_worlds_without_an_effect_the_90_percent_interval_contains_zero_about_90_percent_of_the_time(bool comparison)
    {
        const int worlds = 400;
        var random = new Random(20261207);
        var contains = new int[Planted.Length];
        for (var w = 0; w < worlds; w++)
        {
            var units = World(random, treatedEffect: 0, perMonth: 40).ToList();
            var spec = new EvaluationSpec(Change, 24, 6, 3, Later, comparison ? new HashSet<string> { "Zuid" } : null, Samples: 200, Seed: w);
            var result = Evaluation.Run(units, spec);
            for (var o = 0; o < Planted.Length; o++)
                if (result.Outcomes.Single(x => x.Outcome == Planted[o].Outcome).Effect.Ci90 is { } ci && ci.Low <= 0 && ci.High >= 0) contains[o]++;
        }
        var shares = string.Join(", ", Planted.Select((p, o) => $"{p.Outcome} {contains[o] / (double)worlds:0.000}"));
        for (var o = 0; o < Planted.Length; o++)
            Assert.True(contains[o] / (double)worlds is >= 0.85 and <= 0.95, shares);
    }
}
