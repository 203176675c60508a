using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class MembershipRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Grandmother = Guid.NewGuid();

    private static List<MembershipPeriod> LivingAtHomeSince(DateOnly from) => [new(Home, HouseholdRole.Ouder, from, null)];

    [Fact]
    public void Person_moving_closes_the_old_period_on_the_day_the_new_one_starts()
    {
        var move = MembershipRules.Move(LivingAtHomeSince(new(2020, 1, 1)), Grandmother, HouseholdRole.Overig, new(2026, 11, 1), Today);
        Assert.True(move.IsValid);
        Assert.Equal(new DateOnly(2026, 11, 1), move.Value.Closed.Until);
        Assert.Equal(Home, move.Value.Closed.HouseholdId);
        Assert.Equal(new DateOnly(2026, 11, 1), move.Value.Opened.From);
        Assert.Equal(Grandmother, move.Value.Opened.HouseholdId);
        Assert.True(move.Value.Opened.IsActive);
    }

    [Fact]
    public void Move_before_the_current_period_started_is_refused() =>
        Assert.Equal(MembershipRules.MoveBeforeStartCode,
            MembershipRules.Move(LivingAtHomeSince(new(2026, 6, 1)), Grandmother, HouseholdRole.Overig, new(2026, 5, 31), Today).Error!.Code);

    [Fact]
    public void Move_in_the_future_is_refused() =>
        Assert.Equal(MembershipRules.MoveInFutureCode,
            MembershipRules.Move(LivingAtHomeSince(new(2020, 1, 1)), Grandmother, HouseholdRole.Overig, Today.AddDays(1), Today).Error!.Code);

    [Fact]
    public void Move_to_the_same_household_is_refused() =>
        Assert.Equal(MembershipRules.SameHouseholdCode,
            MembershipRules.Move(LivingAtHomeSince(new(2020, 1, 1)), Home, HouseholdRole.Ouder, Today, Today).Error!.Code);

    [Fact]
    public void Person_without_household_cannot_move_but_can_join()
    {
        List<MembershipPeriod> ended = [new(Home, HouseholdRole.Kind, new(2000, 1, 1), new(2020, 1, 1))];
        Assert.Equal(MembershipRules.NotMemberCode, MembershipRules.Move(ended, Grandmother, HouseholdRole.Overig, Today, Today).Error!.Code);
        Assert.Null(MembershipRules.CanJoin(ended, Grandmother));
    }

    [Fact]
    public void Person_living_elsewhere_cannot_join_a_second_household() =>
        Assert.Equal(MembershipRules.AlreadyMemberCode, MembershipRules.CanJoin(LivingAtHomeSince(new(2020, 1, 1)), Grandmother)!.Code);

    [Theory]
    [InlineData("ouder", HouseholdRole.Ouder)]
    [InlineData("Kind", HouseholdRole.Kind)]
    [InlineData("PARTNER", HouseholdRole.Partner)]
    [InlineData("overig", HouseholdRole.Overig)]
    public void Role_is_one_of_four(string input, HouseholdRole role) => Assert.Equal(role, HouseholdRoles.Parse(input).Value);

    [Theory]
    [InlineData("opa")]
    [InlineData("7")]
    [InlineData("")]
    public void Unknown_role_is_refused(string input) => Assert.Equal(HouseholdRoles.InvalidCode, HouseholdRoles.Parse(input).Error!.Code);

    [Fact]
    public void A_leave_reason_is_one_of_the_listed_reasons()
    {
        foreach (var reason in LeaveReasons.Values) Assert.Null(LeaveReasons.Check(reason));
        foreach (var wrong in new[] { null, "", "zomaar", "Overleden" })
        {
            var error = LeaveReasons.Check(wrong);
            Assert.NotNull(error);
            Assert.Equal((LeaveReasons.InvalidCode, "Reden", "Kies de reden van uitschrijven."), (error.Code, error.Field, error.Message));
        }
        Assert.Equal("Lid.Reden", LeaveReasons.Check(null, "Lid.Reden")!.Field);
    }
}
