using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class ResidencePeriodTests
{
    private static readonly Guid H = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Leaving_recorded_on_its_own_day_ends_the_period_at_that_moment_so_a_later_break_of_the_glass_that_day_is_outside()
    {
        var p = ResidencePeriod.Of(H, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), At(1, 9), At(10, 11));
        Assert.Equal((At(1, 9), At(10, 11)), (p.Start, p.End));
        Assert.True(p.Contains(At(10, 10, 59)));
        Assert.False(p.Contains(At(10, 11)));
        Assert.False(p.Contains(At(10, 14)));
        // Before the joining was recorded that morning, the resident did not live there yet.
        Assert.False(p.Contains(At(1, 8, 59)));
    }

    [Fact]
    public void A_move_registered_after_the_fact_counts_whole_days_and_nothing_after_the_moving_day()
    {
        var p = ResidencePeriod.Of(H, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), At(3, 9), At(12, 9));
        Assert.Equal((At(1, 0), At(11, 0)), (p.Start, p.End));
        Assert.True(p.Contains(At(10, 23, 59)));
        Assert.False(p.Contains(At(11, 0)));
        // Without a recorded joining or leaving, the dates alone.
        Assert.Equal(new ResidencePeriod(H, At(1, 0), null), ResidencePeriod.Of(H, new DateOnly(2026, 3, 1), null, null, null));
    }

    [Fact]
    public void Grants_overlap_while_they_ran_and_a_fact_dated_another_day_than_it_was_recorded_counts_from_the_start_of_its_date()
    {
        var p = ResidencePeriod.Of(H, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), At(1, 9), At(10, 11));
        Assert.True(p.Overlaps(At(1, 7), At(1, 10)));
        Assert.False(p.Overlaps(At(1, 5), At(1, 9)));
        Assert.True(p.Overlaps(At(10, 10), null));
        Assert.False(p.Overlaps(At(10, 12), null));
        Assert.Equal(At(10, 12), ResidencePeriod.Moment(new DateOnly(2026, 3, 10), At(10, 12)));
        Assert.Equal(At(5, 0), ResidencePeriod.Moment(new DateOnly(2026, 3, 5), At(12, 9)));
    }
}
