namespace Regie.Domain.Models;

/// <summary>
/// What the data after a change show, estimated the same way as the parameters: households with a request per year, the share
/// of them reaching maatwerk or specialist care, cost per household helped and waiting in weeks. Null = not known or withheld
/// (fewer than 10 households).
/// </summary>
public sealed record ObservedFigures(double? Households, double? MaatwerkShare, double? CostPerHousehold, double? WaitingWeeks);

/// <summary>One figure: the prediction from the data before the change, the observation after it, and the difference.</summary>
public sealed record BackTestRow(string Key, string Label, string Unit, double Predicted, double? Observed)
{
    public double? Difference => Observed is { } o ? o - Predicted : null;
}

public sealed record BackTestResult(ScenarioModel Before, ScenarioModel After, IReadOnlyList<BackTestRow> Rows);

/// <summary>
/// Back-testing: the scenario model with the parameters estimated from the period before a change, run for the model in force
/// after it, predicts the after period; the prediction stands next to what was observed. Pure: the estimation is the caller's.
/// The prediction is the model at the base values (the figure a council would have been given); scaled to the length of the
/// after period by the year fraction for the count of households.
/// </summary>
public static class ScenarioBackTest
{
    public static BackTestResult Compare(ScenarioParameters before, ScenarioModel modelBefore, ScenarioModel modelAfter, ObservedFigures observed, double yearFraction = 1)
    {
        var p = MonteCarlo.AtBase(before, modelAfter);
        var values = before.BaseValues();
        var inflow = values[ScenarioParameters.Huishoudens] * values[ScenarioParameters.Instroom];
        var rows = new List<BackTestRow>
        {
            new("huishoudens", "Huishoudens met een hulpvraag", "huishoudens", inflow * yearFraction, observed.Households),
            new("aandeelMaatwerk", "Aandeel naar maatwerk of specialistische zorg", "aandeel", inflow > 0 ? p[(int)ScenarioOutput.Maatwerk] / inflow : 0, observed.MaatwerkShare),
            new("kostenPerHuishouden", "Kosten per geholpen huishouden", "euro", p[(int)ScenarioOutput.KostenPerHuishouden], observed.CostPerHousehold),
            new("wachttijdWeken", "Wachttijd tot eerste ondersteuning", "weken", p[(int)ScenarioOutput.Wachttijd], observed.WaitingWeeks),
        };
        return new BackTestResult(modelBefore, modelAfter, rows);
    }
}
