using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class BudgetInputTests
{
    [Fact]
    public void A_mandate_for_an_unknown_staff_member_is_refused_on_gebruiker()
    {
        var error = Mandates.UserUnknown();
        Assert.Equal((Mandates.UserUnknownCode, "GebruikerId"), (error.Code, error.Field));
    }

    [Fact]
    public void A_mandate_needs_a_role_or_a_staff_member()
    {
        var error = Mandates.RoleInvalid();
        Assert.Equal((Mandates.RoleInvalidCode, "Rol"), (error.Code, error.Field));
    }

    [Fact]
    public void An_allocation_needs_a_team()
    {
        var error = LedgerRules.CheckAllocationTeam(false);
        Assert.Equal((LedgerRules.TeamRequiredCode, "TeamId"), (error?.Code, error?.Field));
        Assert.Null(LedgerRules.CheckAllocationTeam(true));
    }

    [Fact]
    public void An_earmark_is_empty_or_a_known_legal_framework()
    {
        var errors = new ErrorList();
        Assert.Null(LedgerRules.ReadEarmark(" ", errors));
        Assert.False(errors.HasErrors);
        Assert.Null(LedgerRules.ReadEarmark("Belastingwet", errors));
        Assert.Equal([(LegalFrameworks.InvalidCode, "Kader")], errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal(LegalFramework.Wmo2015, LedgerRules.ReadEarmark(nameof(LegalFramework.Wmo2015), new ErrorList()));
    }
}
