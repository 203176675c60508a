namespace Regie.Domain.Models;

/// <summary>
/// A statistic computed from the sums and counts of binned values (bins are a group × month). The evaluation's estimates are all
/// functions of these totals, so one resample of the households serves every outcome.
/// </summary>
public interface IBinStatistic
{
    /// <summary>How many numbers <see cref="Compute"/> writes.</summary>
    int Count { get; }

    /// <summary>The statistic from the totals of one outcome; NaN where it cannot be computed (a bin without values).</summary>
    void Compute(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, Span<double> result);
}

/// <summary>
/// The percentile bootstrap over households, resampled with replacement within their bin (group × month relative to the change):
/// every bin keeps its number of households, so the design (how many started when, and where) is held fixed and only who they
/// were varies. Seeded: replicate r draws from <c>new Random(seed + r)</c>, so the same seed gives the same interval on any number
/// of cores. The hot loop works on arrays only.
/// </summary>
public sealed class Bootstrap
{
    private readonly int _bins;
    private readonly int _outcomes;
    private readonly int[] _offsets;   // bin b holds units [_offsets[b], _offsets[b + 1])
    private readonly double[][] _values; // per outcome, per unit (ordered by bin); NaN = not measurable

    /// <param name="binOfUnit">The bin of each unit, or -1 when it falls outside the window.</param>
    /// <param name="values">Per outcome the value of each unit (NaN when not measurable), in the units' order.</param>
    public Bootstrap(int bins, IReadOnlyList<int> binOfUnit, IReadOnlyList<double[]> values)
    {
        _bins = bins;
        _outcomes = values.Count;
        var counts = new int[bins + 1];
        foreach (var b in binOfUnit) if (b >= 0) counts[b + 1]++;
        for (var b = 0; b < bins; b++) counts[b + 1] += counts[b];
        _offsets = counts;
        var next = (int[])_offsets.Clone();
        var n = _offsets[bins];
        _values = new double[_outcomes][];
        for (var o = 0; o < _outcomes; o++) _values[o] = new double[n];
        for (var i = 0; i < binOfUnit.Count; i++)
        {
            var b = binOfUnit[i];
            if (b < 0) continue;
            var at = next[b]++;
            for (var o = 0; o < _outcomes; o++) _values[o][at] = values[o][i];
        }
    }

    public int Units => _offsets[_bins];

    /// <summary>Households per bin (all units, measurable or not).</summary>
    public int BinSize(int bin) => _offsets[bin + 1] - _offsets[bin];

    /// <summary>The observed totals: per outcome the sum and the number of measurable values in each bin.</summary>
    public (double[] Sums, double[] Counts) Observed()
    {
        var sums = new double[_outcomes * _bins];
        var counts = new double[_outcomes * _bins];
        for (var b = 0; b < _bins; b++)
            for (var i = _offsets[b]; i < _offsets[b + 1]; i++)
                Add(i, b, sums, counts);
        return (sums, counts);
    }

    private void Add(int unit, int bin, double[] sums, double[] counts)
    {
        for (var o = 0; o < _outcomes; o++)
        {
            var v = _values[o][unit];
            if (double.IsNaN(v)) continue;
            sums[o * _bins + bin] += v;
            counts[o * _bins + bin]++;
        }
    }

    /// <summary>
    /// Runs <paramref name="samples"/> replicates and returns, per outcome, a [sample, statistic] table. Replicates run in parallel
    /// when <paramref name="parallel"/> is set; each has its own seed, so the answer does not depend on the cores.
    /// </summary>
    public double[][,] Run(IBinStatistic statistic, int samples, int seed, bool parallel = true)
    {
        var k = statistic.Count;
        var result = new double[_outcomes][,];
        for (var o = 0; o < _outcomes; o++) result[o] = new double[samples, k];
        void One(int r, double[] sums, double[] counts, double[] stats)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            var random = new Random(unchecked(seed + r));
            for (var b = 0; b < _bins; b++)
            {
                var start = _offsets[b];
                var size = _offsets[b + 1] - start;
                for (var j = 0; j < size; j++) Add(start + random.Next(size), b, sums, counts);
            }
            for (var o = 0; o < _outcomes; o++)
            {
                statistic.Compute(sums.AsSpan(o * _bins, _bins), counts.AsSpan(o * _bins, _bins), stats);
                for (var s = 0; s < k; s++) result[o][r, s] = stats[s];
            }
        }
        if (parallel)
            Parallel.For(0, samples, () => (new double[_outcomes * _bins], new double[_outcomes * _bins], new double[k]),
                (r, _, local) => { One(r, local.Item1, local.Item2, local.Item3); return local; }, _ => { });
        else
        {
            double[] sums = new double[_outcomes * _bins], counts = new double[_outcomes * _bins], stats = new double[k];
            for (var r = 0; r < samples; r++) One(r, sums, counts, stats);
        }
        return result;
    }

    /// <summary>
    /// The percentile interval of column <paramref name="column"/> at <paramref name="level"/> (0.90: the 5th and 95th percentile),
    /// linear between order statistics; replicates that could not be computed (NaN) are left out. Null when none could.
    /// </summary>
    public static (double Low, double High)? Percentile(double[,] replicates, int column, double level)
    {
        var list = new List<double>(replicates.GetLength(0));
        for (var r = 0; r < replicates.GetLength(0); r++)
            if (!double.IsNaN(replicates[r, column])) list.Add(replicates[r, column]);
        if (list.Count == 0) return null;
        list.Sort();
        var tail = (1 - level) / 2;
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        return (MonteCarlo.Percentile(sorted, tail), MonteCarlo.Percentile(sorted, 1 - tail));
    }

    /// <summary>
    /// Weighted least squares line through monthly means (x = month, weight = households with a value): the same line as ordinary
    /// least squares over the households themselves. Slope NaN with fewer than two months holding values.
    /// </summary>
    public static (double Intercept, double Slope, int Months) Line(ReadOnlySpan<double> sums, ReadOnlySpan<double> counts, int firstBin, int lastBin, int xOfFirst)
    {
        double w = 0, wx = 0, wy = 0, wxx = 0, wxy = 0;
        var months = 0;
        for (var b = firstBin; b <= lastBin; b++)
        {
            var n = counts[b];
            if (n <= 0) continue;
            months++;
            double x = xOfFirst + (b - firstBin), s = sums[b];
            w += n; wx += n * x; wy += s; wxx += n * x * x; wxy += x * s;
        }
        if (w <= 0) return (double.NaN, double.NaN, 0);
        var mx = wx / w;
        var my = wy / w;
        var sxx = wxx - w * mx * mx;
        if (months < 2 || sxx <= 1e-12) return (my, double.NaN, months);
        var slope = (wxy - w * mx * my) / sxx;
        return (my - slope * mx, slope, months);
    }
}
