using Regie.Domain.Budget;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class LedgerTransferTests
{
    private static (string, string)[] Check(Guid? from, Guid? to)
    {
        var errors = new ErrorList();
        LedgerRules.CheckTransferTeams(from, to, errors);
        return [.. errors.Errors.Select(e => (e.Code, e.Field))];
    }

    [Fact]
    public void A_transfer_needs_a_giving_team()
    {
        Assert.Equal([(LedgerRules.TeamRequiredCode, "VanTeamId")], Check(null, Guid.NewGuid()));
    }

    [Fact]
    public void A_transfer_needs_a_receiving_team()
    {
        Assert.Equal([(LedgerRules.TeamRequiredCode, "NaarTeamId")], Check(Guid.NewGuid(), null));
        Assert.Equal([(LedgerRules.TeamRequiredCode, "VanTeamId"), (LedgerRules.TeamRequiredCode, "NaarTeamId")], Check(null, null));
    }

    [Fact]
    public void A_transfer_is_between_two_different_teams()
    {
        var team = Guid.NewGuid();
        Assert.Equal([(LedgerRules.TransferSameTeamCode, "NaarTeamId")], Check(team, team));
        Assert.Empty(Check(team, Guid.NewGuid()));
    }
}
