namespace Regie.Domain.Models;

/// <summary>
/// Segmented regression on quarterly means for a change that applied everywhere at once: a line (level and trend) through the
/// months before, and a line through the months after. Reported: the effect (the households after the change against the
/// line before, extended: the mean of observed minus expected over the months after), the level change at the change and the
/// trend change. Bins are the quarters relative to the change: 0 … before − 1 before it, before … before + after − 1 after it.
/// </summary>
public sealed class InterruptedTimeSeries(int monthsBefore, int monthsAfter) : IBinStatistic
{
    public const int Effect = 0, LevelChange = 1, TrendChange = 2;
    public int Count => 3;
    public int MonthsBefore { get; } = monthsBefore;
    public int MonthsAfter { get; } = monthsAfter;

    public void Compute(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, Span<double> result)
    {
        var (a, b, _) = Bootstrap.Line(sums, counts, 0, MonthsBefore - 1, -MonthsBefore);
        result[Effect] = result[LevelChange] = result[TrendChange] = double.NaN;
        if (double.IsNaN(b)) return;
        double observed = 0, expected = 0, n = 0;
        for (var bin = MonthsBefore; bin < MonthsBefore + MonthsAfter; bin++)
        {
            var x = bin - MonthsBefore;
            observed += sums[bin];
            expected += counts[bin] * (a + b * x);
            n += counts[bin];
        }
        if (n <= 0) return;
        result[Effect] = (observed - expected) / n;
        var (pa, pb, _) = Bootstrap.Line(sums, counts, MonthsBefore, MonthsBefore + MonthsAfter - 1, 0);
        // One month after the change gives a level but no trend: the level is then that month's mean against the line.
        result[LevelChange] = double.IsNaN(pb) ? pa - (a + b * (MonthsAfter > 0 ? FirstMonthWithValues(counts) : 0)) : pa - a;
        result[TrendChange] = double.IsNaN(pb) ? double.NaN : pb - b;
    }

    private int FirstMonthWithValues(ReadOnlySpan<double> counts)
    {
        for (var bin = MonthsBefore; bin < MonthsBefore + MonthsAfter; bin++) if (counts[bin] > 0) return bin - MonthsBefore;
        return 0;
    }
}
