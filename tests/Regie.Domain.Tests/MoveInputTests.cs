using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class MoveInputTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void A_move_target_not_found_reads_as_not_found_on_naar_huishouden()
    {
        var error = MembershipRules.MoveTargetNotFound();
        Assert.Equal((DomainError.NotFoundCode, "NaarHuishoudenId"), (error.Code, error.Field));
    }

    [Fact]
    public void A_move_date_is_today_when_empty_and_must_be_readable()
    {
        var errors = new ErrorList();
        Assert.Equal(Today, MembershipRules.ReadMoveDate(" ", Today, errors));
        Assert.Equal(new DateOnly(2026, 5, 1), MembershipRules.ReadMoveDate("01-05-2026", Today, errors));
        Assert.False(errors.HasErrors);
        MembershipRules.ReadMoveDate("gisteren", Today, errors);
        Assert.Equal([(BirthDate.InvalidCode, "Verhuisdatum")], errors.Errors.Select(e => (e.Code, e.Field)));
    }
}
