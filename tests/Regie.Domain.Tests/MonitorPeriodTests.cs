using Regie.Domain.Common;
using Regie.Domain.Monitor;

namespace Regie.Domain.Tests;

/// <summary>The monitor answers for whole calendar months, so two periods a day apart cannot be subtracted.</summary>
public sealed class MonitorPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2026-03-05", "2026-04-17", "2026-03-01", "2026-04-30")]
    [InlineData("2026-03-01", "2026-04-30", "2026-03-01", "2026-04-30")]
    [InlineData("2026-02-28", "2026-02-28", "2026-02-01", "2026-02-28")]
    [InlineData("2024-02-10", "2024-02-11", "2024-02-01", "2024-02-29")]
    [InlineData("2025-12-31", "2026-01-01", "2025-12-01", "2026-01-31")]
    // The running month ends today; a later end day, even years ahead, is today too.
    [InlineData("2026-11-15", "2026-12-03", "2026-11-01", "2026-12-07")]
    [InlineData("2026-12-02", "2026-12-31", "2026-12-01", "2026-12-07")]
    [InlineData("2026-06-15", "2030-06-15", "2026-06-01", "2026-12-07")]
    public void A_period_asked_for_is_widened_to_whole_months_and_the_running_month_ends_today(string from, string to, string usedFrom, string usedTo) =>
        Assert.Equal((D(usedFrom), D(usedTo)), MonitorPeriod.Widen(D(from), D(to), Today));

    [Fact]
    public void Periods_ending_a_day_apart_are_the_same_period()
    {
        for (var end = D("2026-01-01"); end < D("2026-11-30"); end = end.AddDays(1))
        {
            var next = end.AddDays(1);
            var (a, b) = (MonitorPeriod.Widen(D("2025-10-09"), end, Today), MonitorPeriod.Widen(D("2025-10-09"), next, Today));
            // Either the same months, or a whole month apart: never a single day.
            if (a != b) Assert.Equal((a.From, a.To.AddDays(1).AddMonths(1).AddDays(-1)), b);
        }
    }

    [Fact]
    public void The_standard_period_is_twelve_whole_months_and_the_running_month()
    {
        Assert.Equal((D("2025-12-01"), D("2026-12-07")), MonitorPeriod.Standard(Today));
        Assert.Equal((D("2025-12-01"), D("2026-11-30")), MonitorPeriod.Standard(D("2026-11-30")));
        Assert.Equal((D("2025-03-01"), D("2026-03-01")), MonitorPeriod.Standard(D("2026-03-01")));
    }

    [Fact]
    public void A_period_beginning_after_the_running_month_is_refused_and_the_used_period_is_explained()
    {
        Assert.True(MonitorPeriod.BeginsAfterToday(D("2027-01-01"), Today));
        Assert.False(MonitorPeriod.BeginsAfterToday(D("2026-12-31"), Today));
        Assert.Equal(DateRules.PeriodInvalidCode, MonitorPeriod.StartsInFuture("van", Today).Code);
        Assert.Null(MonitorPeriod.Explain(D("2026-03-01"), D("2026-04-30"), D("2026-03-01"), D("2026-04-30"), Today));
        Assert.Equal("Gevraagd: 05-03-2026 tot en met 17-04-2026. De monitor telt hele kalendermaanden, dus: 01-03-2026 tot en met 30-04-2026.",
            MonitorPeriod.Explain(D("2026-03-05"), D("2026-04-17"), D("2026-03-01"), D("2026-04-30"), Today));
        Assert.Equal("Gevraagd: 02-12-2026 tot en met 31-12-2026. De monitor telt hele kalendermaanden en de lopende maand tot en met vandaag, dus: 01-12-2026 tot en met 07-12-2026.",
            MonitorPeriod.Explain(D("2026-12-02"), D("2026-12-31"), D("2026-12-01"), D("2026-12-07"), Today));
    }
}
