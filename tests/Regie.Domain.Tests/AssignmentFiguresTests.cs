using Regie.Domain.Care;
using Regie.Domain.Monitor;

namespace Regie.Domain.Tests;

/// <summary>Issue 23 point 5: the wait for care after a decision, the assignments not started and the stops, every expected value counted by hand.</summary>
public sealed class AssignmentFiguresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private static readonly DateOnly Decided = new(2026, 1, 5);
    private static readonly Guid[] H = Enumerable.Range(0, 41).Select(_ => Guid.NewGuid()).ToArray();

    private static AssignmentFact Started(int household, string provider, LegalFramework framework, string category, int days, DateOnly? stopped = null, string? reason = null) =>
        new(H[household], provider, framework, category, Decided, Decided, Decided.AddDays(days), stopped, reason);

    /// <summary>
    /// Zorg A (Wmo 01): households 0–11 started 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20 and 40 days after the decision; household 15 three days
    /// before it (counts as 0). Households 0–9 stopped in March "volgens plan" (WMO588 19). Zorg B (Jeugdwet 45): households 12–14 started
    /// after 10 days; 12 and 13 stopped "volgens plan" (JZ588 31). Zorg C (Wmo 02): households 20–29 without a start since 1 February;
    /// household 30 without a start since 3 March (exactly four weeks on 31 March: not yet late). Zorg A: household 31 without a start
    /// since 2 March (29 days). Household 40 started in December: not in the period.
    /// </summary>
    private static IReadOnlyList<AssignmentFact> Facts()
    {
        var stop = new DateOnly(2026, 3, 20);
        int[] waits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 40];
        var list = new List<AssignmentFact>();
        for (var i = 0; i < 12; i++)
            list.Add(Started(i, "Zorg A", LegalFramework.Wmo2015, "01", waits[i], i < 10 ? stop : null, i < 10 ? "19" : null));
        list.Add(Started(15, "Zorg A", LegalFramework.Wmo2015, "01", -3));
        for (var i = 12; i < 15; i++)
            list.Add(Started(i, "Zorg B", LegalFramework.Jeugdwet, "45", 10, i < 14 ? stop : null, i < 14 ? "31" : null));
        for (var i = 20; i < 30; i++)
            list.Add(new AssignmentFact(H[i], "Zorg C", LegalFramework.Wmo2015, "02", new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 1), null, null, null));
        list.Add(new AssignmentFact(H[30], "Zorg C", LegalFramework.Wmo2015, "02", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 3), null, null, null));
        list.Add(new AssignmentFact(H[31], "Zorg A", LegalFramework.Wmo2015, "01", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 2), null, null, null));
        list.Add(new AssignmentFact(H[40], "Zorg A", LegalFramework.Wmo2015, "01", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 20), null, null));
        return list;
    }

    private static Indicator Figure(IReadOnlyList<Indicator> all, string key) => all.Single(i => i.Key == key);

    private static IReadOnlyList<Indicator> Compute(IReadOnlyList<AssignmentFact> facts) =>
        MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], [], Assignments: facts), From, To);

    [Fact]
    public void The_wait_from_decision_to_start_is_the_median_and_80th_percentile_of_the_starts_in_the_period()
    {
        var figures = Compute(Facts());

        // Sixteen starts: 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 20, 40 days. Median (6 + 7) / 2; 80th percentile the 13th.
        var median = Figure(figures, "tw-tot-start");
        Assert.Equal((6.5m, 16, false, AssignmentFigures.Goal), (median.Value, median.Households, median.Suppressed, median.Goal));
        var p80 = Figure(figures, "tw-tot-start-p80");
        Assert.Equal((10m, 16), (p80.Value, p80.Households));
        var waiting = Figure(figures, "tw-niet-gestart");
        Assert.Equal((11m, 11), (waiting.Value, waiting.Households));
        var stops = Figure(figures, "tw-gestopt");
        Assert.Equal((12m, 12), (stops.Value, stops.Households));
    }

    [Fact]
    public void The_tables_show_each_provider_and_category_on_ten_households_or_more_and_round_their_counts()
    {
        var t = AssignmentFigures.Tables(Facts(), From, To);

        // Zorg A: 13 starts (0, 0, 1, ..., 9, 20, 40): median the 7th (5), 80th percentile the 11th (9); 13 shown as 15.
        Assert.Equal([new AssignmentWaitRow("Zorg A", 15, 5m, 9), new AssignmentWaitRow("Zorg B", null, null, null)], t.PerAanbieder);
        Assert.Equal([new AssignmentWaitRow("Jeugdwet 45 Jeugdhulp ambulant", null, null, null), new AssignmentWaitRow("Wmo 01 Hulp bij het huishouden", 15, 5m, 9)],
            t.PerCategorie);
        Assert.Equal(10, t.NietGestart);
        Assert.Equal([new AssignmentNotStartedRow("Zorg A", null), new AssignmentNotStartedRow("Zorg C", 10)], t.NietGestartPerAanbieder);
        Assert.Equal([new AssignmentStopRow("Levering is volgens plan beëindigd", null), new AssignmentStopRow("Levering volgens plan beëindigd", 10)], t.Stops);
    }

    [Fact]
    public void Fewer_than_ten_households_withhold_every_figure()
    {
        var few = Facts().Where(f => f.Provider == "Zorg B").ToList();

        var figures = Compute(few);
        Assert.All(figures.Where(i => i.Goal == AssignmentFigures.Goal), i => Assert.True(i.Suppressed && i.Value is null, i.Key));
        var t = AssignmentFigures.Tables(few, From, To);
        Assert.Null(t.NietGestart);
        Assert.Equal([new AssignmentWaitRow("Zorg B", null, null, null)], t.PerAanbieder);
    }

    [Fact]
    public void A_start_before_the_decision_counts_as_no_wait_and_one_four_weeks_late_is_not_yet_late()
    {
        Assert.Equal(0, AssignmentFigures.DaysToStart(Started(15, "Zorg A", LegalFramework.Wmo2015, "01", -3)));
        var notStarted = AssignmentFigures.NotStarted(Facts(), To);
        Assert.DoesNotContain(notStarted, f => f.Unit == H[30]);
        Assert.Contains(notStarted, f => f.Unit == H[31]);
    }
}
