using Regie.Domain.Care;
using Regie.Domain.Monitor;
using Regie.Domain.Vroegsignalering;

namespace Regie.Domain.Tests;

/// <summary>Issue 22 point 6: vroegsignalering in the monitor, every expected value counted by hand.</summary>
public sealed class EarlySignalFiguresTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private static readonly Guid[] H = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();

    /// <summary>
    /// Twelve cases opened in January (households 0–11). Eleven had a first attempt after 0, 1, 2, 3, 4, 5, 6, 7, 8, 20 and 30 days;
    /// case 11 none. Cases 0–8 reached the resident (case 8 only after the period). Ten closed "geen hulp nodig" and one "zelf betaald"
    /// in February; one opened and closed last year (household 12) and one opened before the period and closed after it (household 13) do not count.
    /// </summary>
    private static IReadOnlyList<EarlySignalCaseFact> Cases()
    {
        int?[] firstAttempt = [0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 30, null];
        var opened = new DateOnly(2026, 1, 5);
        var list = new List<EarlySignalCaseFact>();
        for (var i = 0; i < 12; i++)
        {
            var first = firstAttempt[i] is { } d ? opened.AddDays(d) : (DateOnly?)null;
            DateOnly? reached = i < 8 ? first : i == 8 ? To.AddDays(1) : null;
            var closed = i < 11 ? new DateOnly(2026, 2, 10) : (DateOnly?)null;
            var outcome = i < 10 ? Eindresultaat.GeenHulpNodig : i == 10 ? Eindresultaat.ZelfBetaald : (Eindresultaat?)null;
            list.Add(new EarlySignalCaseFact(H[i], opened, first, reached, closed, outcome));
        }
        list.Add(new EarlySignalCaseFact(H[12], new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 2), new DateOnly(2025, 10, 2), new DateOnly(2025, 12, 1), Eindresultaat.GeenHulpNodig));
        list.Add(new EarlySignalCaseFact(H[13], new DateOnly(2025, 12, 20), null, null, new DateOnly(2026, 4, 2), Eindresultaat.GeenContact));
        return list;
    }

    /// <summary>
    /// Fourteen signals in the period: ten rent signals in January (households 0–9, of which 0–3 the team already helped), two energy
    /// signals in February (households 10 and 11) and two energy signals never matched in March (each its own unit). One signal of last
    /// year does not count.
    /// </summary>
    private static IReadOnlyList<EarlySignalFact> Signals() =>
    [
        .. Enumerable.Range(0, 10).Select(i => new EarlySignalFact(H[i], SignaalpartnerSoort.Huur, new DateOnly(2026, 1, 5), i < 4)),
        new(H[10], SignaalpartnerSoort.Energie, new DateOnly(2026, 2, 3), false),
        new(H[11], SignaalpartnerSoort.Energie, new DateOnly(2026, 2, 4), false),
        new(H[14], SignaalpartnerSoort.Energie, new DateOnly(2026, 3, 3), false),
        new(H[15], SignaalpartnerSoort.Energie, new DateOnly(2026, 3, 4), false),
        new(H[12], SignaalpartnerSoort.Water, new DateOnly(2025, 10, 1), true),
    ];

    private static Indicator Figure(string key) =>
        MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], [], EarlySignals: Signals(), EarlySignalCases: Cases()), From, To).Single(i => i.Key == key);

    [Fact]
    public void The_policy_officer_sees_the_signals_the_share_reached_and_how_soon_help_was_offered()
    {
        Assert.Equal((14m, 14, false), (Figure("vs-signalen").Value!.Value, Figure("vs-signalen").Households, Figure("vs-signalen").Suppressed));
        // 8 of the 12 cases opened in the period reached the resident before its end (case 8's visit came after it).
        Assert.Equal((66.7m, 12), (Figure("vs-bereikt").Value!.Value, Figure("vs-bereikt").Households));
        // 0 1 2 3 4 5 6 7 8 20 30: the sixth is the median, the ninth (nearest rank of 80% of 11 = 8.8) the 80th percentile.
        Assert.Equal((5m, 11), (Figure("vs-tot-contact").Value!.Value, Figure("vs-tot-contact").Households));
        Assert.Equal((8m, 11), (Figure("vs-tot-contact-p80").Value!.Value, Figure("vs-tot-contact-p80").Households));
        // Four signals concerned households the team already helped: too few to show as a count, but a share of all fourteen.
        Assert.Equal((null, 4, true), (Figure("vs-al-geholpen").Value, Figure("vs-al-geholpen").Households, Figure("vs-al-geholpen").Suppressed));
        Assert.Equal((28.6m, 14), (Figure("vs-al-geholpen-deel").Value!.Value, Figure("vs-al-geholpen-deel").Households));
        Assert.All(MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], [], EarlySignals: Signals(), EarlySignalCases: Cases()), From, To)
            .Where(i => i.Key.StartsWith("vs-", StringComparison.Ordinal)), i => Assert.Equal(EarlySignalFigures.Goal, i.Goal));
    }

    [Fact]
    public void Signals_per_partner_and_month_and_the_outcomes_are_withheld_below_ten_households_and_rounded_to_fives()
    {
        var tables = EarlySignalFigures.Tables(Signals(), Cases(), From, To);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], tables.Months);
        // The partner kinds that sent signals in the period, in the DDAS order.
        Assert.Equal(2, tables.PerPartner.Count);
        Assert.Equal(("Energie", (int?)null), (tables.PerPartner[0].Partner, tables.PerPartner[0].Total));
        Assert.Equal([null, null, null], tables.PerPartner[0].PerMonth);
        Assert.Equal(("Huur", (int?)10), (tables.PerPartner[1].Partner, tables.PerPartner[1].Total));
        Assert.Equal([10, null, null], tables.PerPartner[1].PerMonth);
        // Every DDAS outcome is listed, so an empty one looks like a withheld one.
        Assert.Equal(DdasCodes.Eindresultaten.Count, tables.Outcomes.Count);
        Assert.Equal([new EarlySignalOutcomeRow("Inwoner hoeft geen hulp vanuit vroegsignalering", 10)], tables.Outcomes.Where(o => o.Cases is not null).ToList());
    }

    [Fact]
    public void Without_vroegsignalering_facts_the_monitor_has_no_such_section() =>
        Assert.DoesNotContain(MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], []), From, To), i => i.Goal == EarlySignalFigures.Goal);

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 4 }, 4)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 8)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 4)]
    public void The_80th_percentile_is_the_nearest_rank(int[] sorted, int? expected) => Assert.Equal(expected, WaitingTimes.P80(sorted));
}
