namespace Regie.Domain.Models;

/// <summary>One bar of the tornado: the output with this parameter at its low and at its high value, the others at base.</summary>
public sealed record SensitivityBar(string Key, string Label, double AtLow, double AtHigh)
{
    public double Swing => Math.Abs(AtHigh - AtLow);
}

public sealed record SensitivityResult(ScenarioModel Model, ScenarioModel? ComparedTo, ScenarioOutput Output, double Base, IReadOnlyList<SensitivityBar> Bars);

/// <summary>
/// One-at-a-time sensitivity (the tornado chart): every parameter with a range is set to its low and its high value while the
/// others stay at base, and the chosen output (of one model, or the difference model − compared model) is computed. Bars are
/// sorted by swing, largest first; parameters without a range do not move anything and are left out.
/// </summary>
public static class ScenarioSensitivity
{
    public static SensitivityResult Compute(ScenarioParameters parameters, ScenarioModel model, ScenarioOutput output, ScenarioModel? comparedTo = null)
    {
        var values = parameters.BaseValues();
        var bars = new List<SensitivityBar>();
        var baseValue = Value(values, model, output, comparedTo);
        for (var i = 0; i < values.Length; i++)
        {
            var p = parameters[i];
            if (p.Low == p.High) continue;
            values[i] = p.Low;
            var atLow = Value(values, model, output, comparedTo);
            values[i] = p.High;
            var atHigh = Value(values, model, output, comparedTo);
            values[i] = p.Base;
            bars.Add(new SensitivityBar(p.Key, p.Label, atLow, atHigh));
        }
        return new SensitivityResult(model, comparedTo, output, baseValue,
            bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Key, StringComparer.Ordinal).ToList());
    }

    private static double Value(double[] values, ScenarioModel model, ScenarioOutput output, ScenarioModel? comparedTo)
    {
        Span<double> a = stackalloc double[ScenarioOutputs.All.Count];
        MonteCarlo.Compute(values, model, a);
        if (comparedTo is not { } other) return a[(int)output];
        Span<double> b = stackalloc double[ScenarioOutputs.All.Count];
        MonteCarlo.Compute(values, other, b);
        return a[(int)output] - b[(int)output];
    }
}
