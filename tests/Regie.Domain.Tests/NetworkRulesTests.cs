using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

/// <summary>The household's network: nobody joins without consent from someone in the household; ending is once and dated.</summary>
public sealed class NetworkRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Members = new() { [Sanne] = "Sanne Bakker" };

    private static NetworkMemberFields Oma(Guid? consentBy = null, string? consentOn = "07-12-2026", string? phone = null, string? relation = "Familie") =>
        new(" Oma Joke ", relation, phone, null, "Haalt de kinderen op", consentOn, consentBy ?? Sanne);

    private static (NetworkMemberContent? Content, IReadOnlyList<DomainError> Errors) Check(NetworkMemberFields f, (DateOnly, Guid, string)? current = null)
    {
        var errors = new ErrorList();
        return (NetworkRules.Check(f, Members, current, Today, errors), errors.Errors);
    }

    [Fact]
    public void A_network_member_with_consent_from_someone_in_the_household_passes_whole()
    {
        var (content, errors) = Check(Oma(phone: "06 12345678"));
        Assert.Empty(errors);
        Assert.Equal(new NetworkMemberContent("Oma Joke", NetworkRelation.Familie, "06 12345678", null, "Haalt de kinderen op", Today, Sanne, "Sanne Bakker"), content);
    }

    [Fact]
    public void Without_consent_from_someone_in_the_household_nobody_joins()
    {
        var (content, errors) = Check(Oma(consentBy: Guid.NewGuid()));
        Assert.Null(content);
        Assert.Equal((NetworkRules.ConsentRequiredCode, "ToestemmingDoor"), (Assert.Single(errors).Code, errors[0].Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("08-12-2026")]
    [InlineData("06-12-2025")]
    [InlineData("32-12-2026")]
    public void A_consent_date_that_is_missing_in_the_future_or_over_a_year_old_is_refused(string? date) =>
        Assert.Equal((NetworkRules.ConsentDateInvalidCode, "ToestemmingOp"), (Assert.Single(Check(Oma(consentOn: date)).Errors).Code, Check(Oma(consentOn: date)).Errors[0].Field));

    [Fact]
    public void A_consent_recorded_earlier_stays_valid_also_when_its_giver_left_and_it_is_over_a_year_old()
    {
        var ria = Guid.NewGuid();
        var (content, errors) = Check(Oma(consentBy: ria, consentOn: "2025-01-02"), (new DateOnly(2025, 1, 2), ria, "Ria de Wit"));
        Assert.Empty(errors);
        Assert.Equal((new DateOnly(2025, 1, 2), ria, "Ria de Wit"), (content!.ConsentOn, content.ConsentBy, content.ConsentByName));
    }

    [Fact]
    public void Relation_name_role_and_contact_are_checked_each_at_its_field()
    {
        var errors = new ErrorList();
        Assert.Null(NetworkRules.Check(new NetworkMemberFields(" ", "Collega", "12", "geen", "", "07-12-2026", Sanne), Members, null, Today, errors));
        Assert.Equal([(NetworkRules.NameRequiredCode, "Naam"), (NetworkRules.RelationInvalidCode, "Relatie"), (ContactDetails.PhoneInvalidCode, "Telefoon"),
            (ContactDetails.EmailInvalidCode, "Email"), (NetworkRules.RoleRequiredCode, "RolInPlan")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Ending_is_once_not_in_the_future_and_not_before_joining_and_empty_is_today()
    {
        var from = new DateOnly(2026, 11, 1);
        Assert.Equal(Today, NetworkRules.CheckEnd(null, from, null, Today, new ErrorList()));
        Assert.Equal(new DateOnly(2026, 11, 15), NetworkRules.CheckEnd("15-11-2026", from, null, Today, new ErrorList()));
        foreach (var date in new[] { "08-12-2026", "31-10-2026", "morgen" })
        {
            var errors = new ErrorList();
            Assert.Null(NetworkRules.CheckEnd(date, from, null, Today, errors));
            Assert.Equal(NetworkRules.EndDateInvalidCode, Assert.Single(errors.Errors).Code);
        }
        var twice = new ErrorList();
        Assert.Null(NetworkRules.CheckEnd(null, from, Today, Today, twice));
        Assert.Equal(NetworkRules.AlreadyEndedCode, Assert.Single(twice.Errors).Code);
    }

    [Fact]
    public void A_full_network_takes_nobody_new()
    {
        Assert.Null(NetworkRules.CheckRoom(NetworkRules.MaxCurrentMembers - 1));
        Assert.Equal(NetworkRules.TooManyCode, NetworkRules.CheckRoom(NetworkRules.MaxCurrentMembers)!.Code);
    }

    [Fact]
    public void An_action_names_a_network_member_only_from_the_current_network_and_only_for_network_or_volunteer()
    {
        var oma = Guid.NewGuid();
        var network = new Dictionary<Guid, string> { [oma] = "Oma Joke" };
        var fields = new ActionFields(null, "Haalt op", "Netwerk", null, null, null, null, oma);
        var content = PlanRules.CheckActionChange(fields, _ => true, Members, null, Today, new ErrorList(), network);
        Assert.Equal(("Oma Joke", (Guid?)oma), (content!.OwnerName, content.NetworkMemberId));

        foreach (var (f, net) in new[] { (fields with { NetwerkLidId = Guid.NewGuid() }, network), (fields, new Dictionary<Guid, string>()), (fields with { Uitvoerder = "Organisatie", Naam = "GGD" }, network) })
        {
            var errors = new ErrorList();
            Assert.Null(PlanRules.CheckActionChange(f, _ => true, Members, null, Today, errors, net));
            Assert.Equal((NetworkRules.NotCurrentCode, "NetwerkLidId"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
        }
    }

    [Fact]
    public void An_action_keeps_the_network_member_it_names_after_they_ended_but_names_no_other_ended_member()
    {
        var (oma, buurman) = (Guid.NewGuid(), Guid.NewGuid());
        var fields = new ActionFields(null, "Haalt op", "Netwerk", null, null, null, null, oma);
        var kept = PlanRules.CheckActionChange(fields, _ => true, Members, null, Today, new ErrorList(), new Dictionary<Guid, string>(), (oma, "Oma Joke"));
        Assert.Equal(("Oma Joke", (Guid?)oma), (kept!.OwnerName, kept.NetworkMemberId));

        var errors = new ErrorList();
        Assert.Null(PlanRules.CheckActionChange(fields with { NetwerkLidId = buurman }, _ => true, Members, null, Today, errors, new Dictionary<Guid, string>(), (oma, "Oma Joke")));
        Assert.Equal((NetworkRules.NotCurrentCode, "NetwerkLidId"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
    }
}

public sealed class PlanSectionRulesTests
{
    [Fact]
    public void Empty_concerns_are_left_out_and_the_most_important_come_first()
    {
        var content = PlanSectionRules.Check(new PlanSectionFields(" Veel steun ", [new("Schulden", false), new(" ", true), new("Overbelast", true)], null), new ErrorList());
        Assert.Equal(("Veel steun", null), (content!.Strengths, content.EarlierHelp));
        Assert.Equal([new PlanConcern("Overbelast", true), new PlanConcern("Schulden", false)], content.Concerns);
    }

    [Fact]
    public void The_change_names_the_sections_that_changed_and_nothing_when_none_did()
    {
        var before = new PlanSectionContent("A", [new PlanConcern("Z", true)], null);
        Assert.Null(PlanSectionRules.Describe(before, before with { Concerns = [new PlanConcern("Z", true)] }));
        Assert.Equal("Bijgewerkt: zorgen, eerdere hulp", PlanSectionRules.Describe(before, before with { Concerns = [new PlanConcern("Z", false)], EarlierHelp = "GGD" }));
    }

    [Fact]
    public void More_than_ten_concerns_are_refused()
    {
        var errors = new ErrorList();
        Assert.Null(PlanSectionRules.Check(new PlanSectionFields(null, Enumerable.Range(0, 11).Select(i => new ConcernFields($"Zorg {i}", false)).ToList(), null), errors));
        Assert.Equal((PlanSectionRules.TooManyConcernsCode, "Zorgen"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
    }
}
