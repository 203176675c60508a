using Regie.Domain.Common;
using Regie.Domain.Monitor;

namespace Regie.Domain.Tests;

public sealed class CostInputTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void An_unknown_kind_is_refused_on_soort()
    {
        var errors = new ErrorList();
        Assert.Null(SystemCost.ReadKind("Koffie", errors));
        Assert.Equal([(SystemCost.KindInvalidCode, "Soort")], errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(CostKind.Overhead, SystemCost.ReadKind("Overhead", new ErrorList()));
    }

    [Fact]
    public void Staff_need_a_payer_and_the_other_kinds_have_none()
    {
        var errors = new ErrorList();
        Assert.Null(SystemCost.ReadPayer(CostKind.Personeel, null, errors));
        Assert.Equal([(SystemCost.KindInvalidCode, "BetaaldDoor")], errors.Errors.Select(e => (e.Code, e.Field)));
        var none = new ErrorList();
        Assert.Null(SystemCost.ReadPayer(CostKind.Advies, "Gemeente", none));
        Assert.False(none.HasErrors);
        Assert.Equal(StaffPayer.Aanbieder, SystemCost.ReadPayer(CostKind.Personeel, "Aanbieder", new ErrorList()));
    }

    [Fact]
    public void A_date_must_be_written_as_dd_mm_yyyy()
    {
        var errors = new ErrorList();
        Assert.Null(SystemCost.ReadDate("morgen", "Van", "de begindatum", Today, errors));
        Assert.Equal([(DutchDate.InvalidCode, "Van")], errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(new DateOnly(2025, 1, 1), SystemCost.ReadDate("01-01-2025", "Van", "de begindatum", Today, new ErrorList()));
    }

    [Fact]
    public void An_amount_is_empty_or_a_number()
    {
        var errors = new ErrorList();
        Assert.Null(SystemCost.ReadAmount("veel", "Bedrag", errors));
        Assert.Null(SystemCost.ReadAmount(" ", "Fte", errors));
        Assert.Equal([(SystemCost.AmountInvalidCode, "Bedrag")], errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(70000m, SystemCost.ReadAmount("70.000,00", "Bedrag", new ErrorList()));
    }

    [Fact]
    public void An_unknown_team_is_refused_on_team_id()
    {
        var error = SystemCost.TeamUnknown();
        Assert.Equal((SystemCost.TeamUnknownCode, "TeamId"), (error.Code, error.Field));
    }
}
