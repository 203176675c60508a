using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class PeriodInputTests
{
    [Fact]
    public void An_unreadable_begin_or_end_of_a_period_is_refused_at_its_own_field()
    {
        var start = DateRules.PeriodStartUnreadable("Van");
        var end = DateRules.PeriodEndUnreadable("tot");
        Assert.Equal((DateRules.PeriodInvalidCode, "Van", "Vul de begindatum in als dd-mm-jjjj."), (start.Code, start.Field, start.Message));
        Assert.Equal((DateRules.PeriodInvalidCode, "tot", "Vul de einddatum in als dd-mm-jjjj."), (end.Code, end.Field, end.Message));
    }
}
