using Regie.Domain.Coordination;
using Regie.Domain.Referrals;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: a referral is made by <see cref="Referral.Send"/>; the light-support settings change only through <see cref="LightSupportConfiguration.Change"/>.</summary>
public sealed class ReferralEntityTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly FollowUp = new(2026, 12, 6);

    [Fact]
    public void A_sent_referral_is_verstuurd_with_consent_at_version_1_and_knows_whether_it_goes_to_the_referrers_employer()
    {
        var (household, person, goal, provider, service, team) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            Guid.CreateVersion7(), Guid.CreateVersion7());
        var by = new Referral.Referrer("u1", "Sanne", team, EmployerKind.Aanbieder, provider);
        var referral = Referral.Send("0014", household, person, goal, new ReferralTarget(provider, "Plangroep", service, "Schuldhulp", "maatwerk"), "Kunt u helpen?",
            FollowUp, by, Now);
        Assert.Equal(("0014", household, person, (Guid?)goal), (referral.Gemeentecode, referral.HouseholdId, referral.PersonId, referral.GoalId));
        Assert.Equal(((Guid?)provider, "Plangroep", (Guid?)service, "Schuldhulp", "maatwerk"),
            (referral.ProviderOrganisationId, referral.ProviderName, referral.ServiceId, referral.ServiceName, referral.ServiceKind));
        Assert.Equal(("Kunt u helpen?", true, FollowUp, ReferralStatus.Verstuurd, Now, Now, 1),
            (referral.Question, referral.Consent, referral.FollowUpOn, referral.Status, referral.StatusChangedAt, referral.SentAt, referral.Version));
        Assert.Equal(((Guid?)team, "u1", "Sanne", (EmployerKind?)EmployerKind.Aanbieder, (Guid?)provider, true),
            (referral.TeamId, referral.ReferrerId, referral.ReferrerName, referral.ReferrerEmployerKind, referral.ReferrerEmployerOrganisationId, referral.OwnEmployer));
        Assert.NotEqual(Guid.Empty, referral.Id);

        var other = Referral.Send("0014", household, person, null, new ReferralTarget(null, "Buurtkracht", null, "Koffie", null), "Vraag", FollowUp,
            by with { EmployerOrganisationId = null }, Now);
        Assert.False(other.OwnEmployer);
        Assert.Null(other.ProviderOrganisationId);
    }

    [Fact]
    public void The_settings_change_as_a_whole_with_each_kind_once_and_refuse_what_the_rules_refuse()
    {
        var row = LightSupportConfiguration.For("0014");
        Assert.Equal(("0014", 1, false, ""), (row.Gemeentecode, row.Version, row.Allowed, row.Kinds));
        row.Change(new LightSupportSettings(true, 8, [LightSupportKind.Administratie, LightSupportKind.Begeleiding, LightSupportKind.Administratie]), 10, "Beheerder", Now);
        Assert.Equal((true, 8, "Administratie,Begeleiding", 10, "Beheerder", Now), (row.Allowed, row.MaxWeeks, row.Kinds, row.FollowUpDays, row.ChangedBy, row.ChangedAt));

        Assert.Throws<InvalidOperationException>(() => row.Change(new LightSupportSettings(true, 53, [LightSupportKind.Administratie]), 10, "X", Now));
        Assert.Throws<InvalidOperationException>(() => row.Change(new LightSupportSettings(true, 8, []), 10, "X", Now));
        Assert.Throws<InvalidOperationException>(() => row.Change(new LightSupportSettings(true, 8, [LightSupportKind.Administratie]), ReferralRules.MaxFollowUpDays + 1, "X", Now));
        Assert.Equal((8, "Administratie,Begeleiding", 10, "Beheerder"), (row.MaxWeeks, row.Kinds, row.FollowUpDays, row.ChangedBy));
    }
}
