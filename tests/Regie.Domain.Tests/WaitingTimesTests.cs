using Regie.Domain.Care;

namespace Regie.Domain.Tests;

public sealed class WaitingTimesTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static DateOnly? Day(int? n) => n is { } d ? Start.AddDays(d) : null;
    private static WaitingCase Case(string route, int? intake, int? support, int? decision) => new(Guid.NewGuid(), route, "Noord", Start, Day(intake), Day(support), Day(decision));

    [Fact]
    public void Waiting_times_per_route_are_medians_and_80th_percentiles_in_days_with_who_still_waits()
    {
        WaitingCase[] cases = [Case("Wijkteam", 2, 10, null), Case("Wijkteam", 4, 20, 30), Case("Wijkteam", null, null, null), Case("Loket", 1, 15, 15)];
        var rows = WaitingTimes.By(cases, c => c.Route, Start.AddDays(30));
        Assert.Equal(["Loket", "Wijkteam", "Totaal"], rows.Select(r => r.Group));

        var team = rows[1];
        Assert.Equal(3, team.Requests);
        Assert.Equal(new StageFigure(2, 3m, 4, 1, 30), team.Intake);
        Assert.Equal(new StageFigure(2, 15m, 20, 1, 30), team.FirstSupport);
        Assert.Equal(new StageFigure(1, 30m, 30, 0, null), team.Decision);

        var total = rows[2];
        Assert.Equal(new StageFigure(3, 2m, 4, 1, 30), total.Intake);
        Assert.Equal(new StageFigure(3, 15m, 20, 1, 30), total.FirstSupport);
        Assert.Equal(new StageFigure(2, 22.5m, 30, 0, null), total.Decision);
    }

    [Fact]
    public void No_requests_give_no_figures() => Assert.Empty(WaitingTimes.By([], c => c.Route, Start));
}
