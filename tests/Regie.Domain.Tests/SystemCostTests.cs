using Regie.Domain.Monitor;

namespace Regie.Domain.Tests;

public sealed class SystemCostTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Staff_cost_is_fte_times_full_cost_for_the_days_in_the_period()
    {
        var team = Guid.NewGuid();
        // 6 FTE at € 70.000 a year (seconded staff included), for the whole of 2026.
        var staff = new CostEntry(CostKind.Personeel, team, D(2026, 1, 1), D(2026, 12, 31), 6m, 70_000m, null);
        Assert.Equal(420_000m * 365 / 365, SystemCost.InPeriod(staff, D(2026, 1, 1), D(2026, 12, 31)));
        // The first quarter: 90 days of 365.
        Assert.Equal(103_561.64m, SystemCost.InPeriod(staff, D(2026, 1, 1), D(2026, 3, 31)));
        Assert.Equal(0m, SystemCost.InPeriod(staff, D(2027, 1, 1), D(2027, 3, 31)));
    }

    [Fact]
    public void Overhead_and_advice_count_for_the_share_of_their_own_period_that_falls_in_the_asked_period()
    {
        // € 36.500 of advice over 365 days: € 100 a day; 31 days of January.
        var advice = new CostEntry(CostKind.Advies, null, D(2026, 1, 1), D(2026, 12, 31), null, null, 36_500m);
        Assert.Equal(3_100m, SystemCost.InPeriod(advice, D(2026, 1, 1), D(2026, 1, 31)));
        var overhead = new CostEntry(CostKind.Overhead, null, D(2026, 1, 1), D(2026, 1, 10), null, null, 1_000m);
        Assert.Equal(1_000m, SystemCost.InPeriod(overhead, D(2025, 1, 1), D(2026, 12, 31)));
        Assert.Equal(1_000m + 3_100m, SystemCost.Total([advice], CostKind.Advies, D(2026, 1, 1), D(2026, 1, 31)) + SystemCost.Total([overhead], CostKind.Overhead, D(2026, 1, 1), D(2026, 1, 31)));
    }

    [Fact]
    public void Staff_needs_a_team_fte_and_cost_and_other_entries_an_amount()
    {
        Assert.Equal([SystemCost.TeamRequiredCode, SystemCost.FteInvalidCode, SystemCost.AmountInvalidCode],
            SystemCost.Check(new CostEntry(CostKind.Personeel, null, D(2026, 1, 1), D(2026, 12, 31), 0m, null, null)).Select(e => e.Code));
        Assert.Equal([SystemCost.PeriodInvalidCode, SystemCost.AmountInvalidCode],
            SystemCost.Check(new CostEntry(CostKind.Overhead, null, D(2026, 2, 1), D(2026, 1, 1), null, null, null)).Select(e => e.Code));
        Assert.Empty(SystemCost.Check(new CostEntry(CostKind.Advies, null, D(2026, 1, 1), D(2026, 1, 1), null, null, 12.5m)));
    }
}
