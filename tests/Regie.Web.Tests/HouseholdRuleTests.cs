using Regie.Domain.Coordination;
using Regie.Domain.Registry;
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

    [Fact]
    public void The_file_is_handed_over_only_through_the_households_methods()
    {
        var noord = Guid.CreateVersion7();
        var zuid = Guid.CreateVersion7();
        var unheld = NewHousehold(null);
        unheld.TakeOnIfUnheld(noord);
        Assert.Equal(noord, unheld.ResponsibleTeamId);
        unheld.TakeOnIfUnheld(zuid);
        Assert.Equal(noord, unheld.ResponsibleTeamId);
        unheld.HandOverTo(zuid);
        Assert.Equal(zuid, unheld.ResponsibleTeamId);
        unheld.HandOverTo(null);
        Assert.Null(unheld.ResponsibleTeamId);
    }

    [Fact]
    public void The_address_changes_as_a_whole_and_reads_back_the_same()
    {
        var household = NewHousehold(null);
        var address = new Address("Dorpsstraat", 12, "A", "2", Postcode.Parse("9912 bc").Value, "Voorbeeld", "Noord", "Molenwijk");
        household.SetAddress(address);
        Assert.Equal(address, household.Address);
        Assert.Equal(("Dorpsstraat", 12, "A", "2", "9912BC", "Voorbeeld", "Noord", "Molenwijk"),
            (household.Straat, household.Huisnummer, household.Huisletter, household.Toevoeging, household.Postcode, household.Woonplaats, household.Wijk, household.Buurt));
    }

    [Fact]
    public void A_member_joins_and_leaves_through_the_household_and_stays_in_its_history()
    {
        var household = NewHousehold(null);
        var person = Guid.CreateVersion7();
        var member = household.AddMember(person, HouseholdRole.Kind, new DateOnly(2024, 5, 1));
        Assert.Equal((household.Id, "0344", person, HouseholdRole.Kind, new DateOnly(2024, 5, 1), (DateOnly?)null, true),
            (member.HouseholdId, member.Gemeentecode, member.PersonId, member.Role, member.From, member.Until, member.IsCurrent));
        Assert.Same(member, Assert.Single(household.Members));
        household.EndMembership(member, new DateOnly(2025, 1, 1));
        Assert.Equal(((DateOnly?)new DateOnly(2025, 1, 1), false), (member.Until, member.IsCurrent));
        Assert.Single(household.Members);

        var elsewhere = NewHousehold(null).AddMember(person, HouseholdRole.Ouder, new DateOnly(2025, 1, 1));
        Assert.Throws<InvalidOperationException>(() => household.EndMembership(elsewhere, new DateOnly(2025, 2, 1)));
        Assert.Null(elsewhere.Until);
    }

    [Fact]
    public void The_current_member_query_and_the_in_memory_check_agree()
    {
        var current = new HouseholdMember { Gemeentecode = "0344", From = new DateOnly(2024, 5, 1) };
        var ended = new HouseholdMember { Gemeentecode = "0344", From = new DateOnly(2024, 5, 1), Until = new DateOnly(2025, 1, 1) };
        var isCurrent = HouseholdMember.Current.Compile();
        Assert.Equal((true, false), (current.IsCurrent, ended.IsCurrent));
        Assert.Equal((true, false), (isCurrent(current), isCurrent(ended)));
    }
}
