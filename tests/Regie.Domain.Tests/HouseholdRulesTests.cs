using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class HouseholdRulesTests
{
    [Fact]
    public void A_household_needs_a_member()
    {
        var error = HouseholdRules.CheckHasMembers(0);
        Assert.Equal((HouseholdRules.NeedsMemberCode, "Leden"), (error?.Code, error?.Field));
        Assert.Null(HouseholdRules.CheckHasMembers(1));
    }

    [Fact]
    public void A_known_person_not_found_reads_as_not_found_on_their_row()
    {
        var error = HouseholdRules.PersonNotFound("Leden[1].");
        Assert.Equal((DomainError.NotFoundCode, "Leden[1].PersonId"), (error.Code, error.Field));
    }

    [Fact]
    public void A_known_person_is_listed_once()
    {
        var seen = new HashSet<string>();
        Assert.Null(HouseholdRules.CheckKnownPersonOnce("123456782", seen, "Leden[0]."));
        Assert.Null(HouseholdRules.CheckKnownPersonOnce(null, seen, "Leden[1]."));
        var error = HouseholdRules.CheckKnownPersonOnce("123456782", seen, "Leden[2].");
        Assert.Equal((HouseholdRules.MemberListedTwiceCode, "Leden[2].PersonId"), (error?.Code, error?.Field));
    }

    [Fact]
    public void A_new_persons_bsn_is_listed_once()
    {
        var seen = new HashSet<string> { "123456782" };
        Assert.Null(HouseholdRules.CheckNewPersonOnce(null, seen, "Leden[0]."));
        var error = HouseholdRules.CheckNewPersonOnce("123456782", seen, "Leden[1].");
        Assert.Equal((HouseholdRules.MemberListedTwiceCode, "Leden[1].Bsn"), (error?.Code, error?.Field));
    }
}
