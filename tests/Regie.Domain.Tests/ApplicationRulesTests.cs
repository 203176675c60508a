using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Domain.Tests;

public sealed class ApplicationRulesTests
{
    [Fact]
    public void An_application_needs_a_legal_framework()
    {
        var error = ApplicationRules.CheckFramework(null);
        Assert.Equal((LegalFrameworks.InvalidCode, "Kader"), (error?.Code, error?.Field));
        Assert.Null(ApplicationRules.CheckFramework(LegalFramework.Wmo2015));
    }

    [Fact]
    public void A_resident_chosen_by_id_must_exist()
    {
        var error = ApplicationRules.CheckPersonById(false);
        Assert.Equal((ApplicationRules.PersonUnknownCode, "PersoonId"), (error?.Code, error?.Field));
        Assert.Null(ApplicationRules.CheckPersonById(true));
    }

    [Fact]
    public void Without_an_id_the_bsn_is_required()
    {
        var error = ApplicationRules.CheckBsnGiven(" ");
        Assert.Equal((ApplicationRules.PersonRequiredCode, "Bsn"), (error?.Code, error?.Field));
        Assert.Null(ApplicationRules.CheckBsnGiven("123456782"));
    }

    [Fact]
    public void A_resident_named_by_bsn_must_be_registered()
    {
        var error = ApplicationRules.CheckPersonByBsn(false);
        Assert.Equal((ApplicationRules.PersonUnknownCode, "Bsn"), (error?.Code, error?.Field));
        Assert.Null(ApplicationRules.CheckPersonByBsn(true));
    }

    [Fact]
    public void A_goal_must_be_in_the_plan_of_the_residents_household()
    {
        var error = ApplicationRules.CheckGoal(false);
        Assert.Equal((PlanRules.GoalNotFoundCode, "DoelId"), (error?.Code, error?.Field));
        Assert.Null(ApplicationRules.CheckGoal(true));
    }
}
