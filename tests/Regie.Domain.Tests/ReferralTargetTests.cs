using Regie.Domain.Common;
using Regie.Domain.Referrals;

namespace Regie.Domain.Tests;

/// <summary>Issue 19: what a referral may be sent to, and to whom, is <see cref="ReferralRules.CheckTarget"/> and <see cref="ReferralRules.CheckPerson"/>.</summary>
public sealed class ReferralTargetTests
{
    private static readonly Guid Service = Guid.CreateVersion7();
    private static readonly Guid Provider = Guid.CreateVersion7();

    private static (ReferralTarget? Target, IReadOnlyList<(string Code, string Field)> Errors) Check(Guid? serviceId = null, MapService? service = null,
        string? typedService = null, string? typedKind = null, Guid? providerId = null, string? providerName = null, string? typedProvider = null)
    {
        var errors = new ErrorList();
        var target = ReferralRules.CheckTarget(serviceId, service, typedService, typedKind, providerId, providerName, typedProvider, errors);
        return (target, errors.Errors.Select(e => (e.Code, e.Field)).ToList());
    }

    [Fact]
    public void A_service_from_the_map_brings_its_name_and_kind_and_a_provider_by_id_its_name()
    {
        var (target, errors) = Check(Service, new MapService("Schuldhulp", "maatwerk"), typedService: "genegeerd", typedKind: "algemeen", providerId: Provider, providerName: "Plangroep");
        Assert.Empty(errors);
        Assert.Equal(new ReferralTarget(Provider, "Plangroep", Service, "Schuldhulp", "maatwerk"), target);
    }

    [Fact]
    public void A_typed_service_may_give_its_kind_and_a_provider_without_an_account_is_typed()
    {
        var (target, errors) = Check(typedService: " Maatjesproject ", typedKind: "Nulde-lijn", typedProvider: " Buurtkracht ");
        Assert.Empty(errors);
        Assert.Equal(new ReferralTarget(null, "Buurtkracht", null, "Maatjesproject", "nulde-lijn"), target);
        Assert.Null(Check(Service, new MapService("Koffie", null), typedProvider: "X").Target!.Kind);
        Assert.Equal("algemeen", Check(Service, new MapService("Koffie", null), typedKind: "algemeen", typedProvider: "X").Target!.Kind);
    }

    [Fact]
    public void A_service_gone_from_the_map_is_reported_once_and_not_as_missing()
    {
        var (target, errors) = Check(Service, null, typedProvider: "Buurtkracht");
        Assert.Null(target);
        Assert.Equal([(ReferralRules.ServiceNotFoundCode, "DienstId")], errors);
    }

    [Fact]
    public void Without_a_service_a_valid_kind_or_a_provider_nothing_is_sent_and_every_error_is_reported()
    {
        Assert.Equal([(ReferralRules.ServiceRequiredCode, "Dienst"), (ReferralRules.KindInvalidCode, "Soort"), (ReferralRules.ProviderRequiredCode, "OrganisatieId")],
            Check(typedKind: "duur").Errors);
        Assert.Equal([(ReferralRules.ProviderRequiredCode, "OrganisatieId")], Check(typedService: "Koffie", providerId: Provider, providerName: null).Errors);
        Assert.Equal([(TextRules.TooLongCode, "Aanbieder")], Check(typedService: "Koffie", typedProvider: new string('x', ReferralRules.ProviderNameMaxLength + 1)).Errors);
        Assert.Equal([(TextRules.TooLongCode, "Dienst")], Check(typedService: new string('x', ReferralRules.ServiceNameMaxLength + 1), typedProvider: "X").Errors);
    }

    [Fact]
    public void A_referral_is_for_a_current_member()
    {
        var member = Guid.CreateVersion7();
        var errors = new ErrorList();
        ReferralRules.CheckPerson(member, new HashSet<Guid> { member }, errors);
        Assert.False(errors.HasErrors);
        ReferralRules.CheckPerson(null, new HashSet<Guid> { member }, errors);
        ReferralRules.CheckPerson(Guid.CreateVersion7(), new HashSet<Guid> { member }, errors);
        Assert.Equal([ReferralRules.PersonNotMemberCode, ReferralRules.PersonNotMemberCode], errors.Errors.Select(e => e.Code));
        Assert.Equal((ReferralRules.GoalNotFoundCode, "DoelId"), (ReferralRules.GoalNotFound().Code, ReferralRules.GoalNotFound().Field));
    }
}
