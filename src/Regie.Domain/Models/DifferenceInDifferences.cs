namespace Regie.Domain.Models;

/// <summary>
/// Difference-in-differences on household means: (treated after − treated before) − (comparison after − comparison before).
/// Bins: group 0 (the comparison teams) then group 1 (the teams that changed), each with the months relative to the change
/// (0 … before − 1 before it, then the months after). Also the pre-trend difference: the slope of the treated teams' monthly
/// means before the change minus the comparison's slope; parallel trends before the change make it near zero.
/// </summary>
public sealed class DifferenceInDifferences(int monthsBefore, int monthsAfter) : IBinStatistic
{
    public const int Effect = 0, PreTrendDifference = 1;
    public int Count => 2;
    public int MonthsBefore { get; } = monthsBefore;
    public int MonthsAfter { get; } = monthsAfter;
    private int Months => MonthsBefore + MonthsAfter;

    public void Compute(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, Span<double> result)
    {
        result[Effect] = (Mean(sums, counts, 1, true) - Mean(sums, counts, 1, false)) - (Mean(sums, counts, 0, true) - Mean(sums, counts, 0, false));
        var treated = Bootstrap.Line(sums, counts, Months, Months + MonthsBefore - 1, -MonthsBefore);
        var control = Bootstrap.Line(sums, counts, 0, MonthsBefore - 1, -MonthsBefore);
        result[PreTrendDifference] = treated.Slope - control.Slope;
    }

    private double Mean(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, int group, bool after)
    {
        double s = 0, n = 0;
        var from = group * Months + (after ? MonthsBefore : 0);
        var to = from + (after ? MonthsAfter : MonthsBefore);
        for (var bin = from; bin < to; bin++) { s += sums[bin]; n += counts[bin]; }
        return n > 0 ? s / n : double.NaN;
    }
}
