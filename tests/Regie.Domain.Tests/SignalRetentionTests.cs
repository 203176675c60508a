using Regie.Domain.Vroegsignalering;

namespace Regie.Domain.Tests;

public sealed class SignalRetentionTests
{
    [Theory]
    [InlineData("2026-12-07", 12, "2025-12-07")]
    [InlineData("2026-12-07", 6, "2026-06-07")]
    // From the 31st back into a shorter month: that month's last day, so nothing goes a day early.
    [InlineData("2026-03-31", 1, "2026-02-28")]
    [InlineData("2028-03-31", 1, "2028-02-29")]
    public void The_term_counts_whole_calendar_months_back_from_today(string today, int months, string cutoff) =>
        Assert.Equal(DateOnly.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture),
            SignalRetention.Cutoff(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), months));
}
