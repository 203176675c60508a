using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class MembershipEndTests
{
    private static readonly DateOnly From = new(2024, 5, 1);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void An_end_before_the_start_or_in_the_future_is_refused_with_its_code()
    {
        Assert.Equal(MembershipRules.MoveBeforeStartCode, MembershipRules.CheckEnd(From, From.AddDays(-1), Today)?.Code);
        Assert.Equal(MembershipRules.MoveBeforeStartCode, MembershipRules.CheckEnd(From, Today.AddDays(1), Today)?.Code);
    }

    [Fact]
    public void An_end_from_the_start_up_to_today_is_allowed()
    {
        Assert.Null(MembershipRules.CheckEnd(From, From, Today));
        Assert.Null(MembershipRules.CheckEnd(From, Today, Today));
    }
}
