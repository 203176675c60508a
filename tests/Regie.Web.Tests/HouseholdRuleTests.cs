using Regie.Domain.Coordination;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: assigning the coordinator and ending a membership are the entities' own changes; their refusals have one home.</summary>
public sealed class HouseholdRuleTests
{
    private static Household NewHousehold(Guid? team) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = "0344", Naam = "Bakker", Postcode = "9911AA", Woonplaats = "Voorbeeld", ResponsibleTeamId = team,
    };

    [Fact]
    public void The_coordinators_team_takes_the_file_and_one_without_a_team_leaves_it()
    {
        var noord = Guid.CreateVersion7();
        var zuid = Guid.CreateVersion7();
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var household = NewHousehold(noord);
        household.AssignCoordinator("koen", zuid, at);
        Assert.Equal(("koen", (Guid?)zuid, at), (household.CoordinatorId, household.ResponsibleTeamId, household.UpdatedAt));
        household.AssignCoordinator("fatima", null, at.AddDays(1));
        Assert.Equal(("fatima", (Guid?)zuid), (household.CoordinatorId, household.ResponsibleTeamId));
    }

    [Fact]
    public void A_non_staff_choice_is_refused_with_its_code()
    {
        Assert.Equal("coordinator-invalid", CoordinatorRules.NotStaff.Code);
        Assert.Equal("RegisseurId", CoordinatorRules.NotStaff.Field);
    }

    [Fact]
    public void A_membership_ends_once_and_not_before_its_start()
    {
        var member = new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = "0344", From = new DateOnly(2024, 5, 1) };
        Assert.Throws<InvalidOperationException>(() => member.End(new DateOnly(2024, 4, 30)));
        Assert.Null(member.Until);
        member.End(new DateOnly(2025, 1, 1));
        Assert.Equal(new DateOnly(2025, 1, 1), member.Until);
        Assert.Throws<InvalidOperationException>(() => member.End(new DateOnly(2025, 2, 1)));
        Assert.Equal(new DateOnly(2025, 1, 1), member.Until);
    }
}
