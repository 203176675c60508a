using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: a referral's status moves only through <see cref="Referral.Step"/>, along <see cref="ReferralRules.Next"/>.</summary>
public sealed class ReferralTransitionTests
{
    private static readonly DateTime Sent = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Referral NewReferral() => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = "0344", ProviderName = "Zorgaanbieder De Brug", Question = "Opvoedspreekuur?", Consent = true,
        Status = ReferralStatus.Verstuurd, StatusChangedAt = Sent, ReferrerId = "u1", ReferrerName = "Fatima Bouzid", SentAt = Sent, Version = 1,
    };

    [Fact]
    public void Every_step_of_the_table_is_taken_and_sets_what_it_owns()
    {
        foreach (var from in Enum.GetValues<ReferralStatus>())
            foreach (var to in ReferralRules.Next(from))
            {
                var referral = NewReferral();
                foreach (var step in PathTo(from)) referral.Step(step, ReferralParty.Team, "reden", "terugkoppeling", Sent);
                var at = Sent.AddDays(1);
                referral.Step(to, ReferralParty.Team, "Vol", "Drie gesprekken", at);
                Assert.Equal((to, at), (referral.Status, referral.StatusChangedAt));
                Assert.Equal(to == ReferralStatus.Afgewezen ? "Vol" : null, referral.DeclineReason);
                Assert.Equal(to == ReferralStatus.Afgerond ? "Drie gesprekken" : null, referral.Feedback);
            }
    }

    [Fact]
    public void A_step_outside_the_table_or_without_its_reason_or_by_the_wrong_party_is_refused_and_changes_nothing()
    {
        var referral = NewReferral();
        Assert.Throws<InvalidOperationException>(() => referral.Step(ReferralStatus.Afgerond, ReferralParty.Team, null, "x", Sent.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => referral.Step(ReferralStatus.Afgewezen, ReferralParty.Aanbieder, " ", null, Sent.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => referral.Step(ReferralStatus.Ingetrokken, ReferralParty.Aanbieder, "weg", null, Sent.AddDays(1)));
        Assert.Equal((ReferralStatus.Verstuurd, Sent, (string?)null), (referral.Status, referral.StatusChangedAt, referral.DeclineReason));

        var errors = new ErrorList();
        referral.CheckStep(ReferralStatus.Afgewezen, ReferralParty.Aanbieder, null, null, errors);
        Assert.Equal([ReferralRules.DeclineReasonRequiredCode], errors.Errors.Select(e => e.Code));

        referral.Step(ReferralStatus.Afgewezen, ReferralParty.Aanbieder, "Vol", null, Sent.AddDays(1));
        // Final: nothing follows.
        Assert.All(Enum.GetValues<ReferralStatus>(), to =>
            Assert.Throws<InvalidOperationException>(() => referral.Step(to, ReferralParty.Team, "r", "f", Sent.AddDays(2))));
        Assert.Equal(ReferralStatus.Afgewezen, referral.Status);
    }

    [Fact]
    public void The_note_of_a_step_is_the_reason_of_a_decline_and_the_feedback_of_a_finish()
    {
        Assert.Equal("r", Referral.StepNote(ReferralStatus.Afgewezen, "r", "f"));
        Assert.Equal("f", Referral.StepNote(ReferralStatus.Afgerond, "r", "f"));
        Assert.Equal("r", Referral.StepNote(ReferralStatus.Ingetrokken, "r", "f"));
        Assert.Equal("f", Referral.StepNote(ReferralStatus.Gestart, null, "f"));
    }

    private static IEnumerable<ReferralStatus> PathTo(ReferralStatus status) => status switch
    {
        ReferralStatus.Geaccepteerd => [ReferralStatus.Geaccepteerd],
        ReferralStatus.Gestart => [ReferralStatus.Geaccepteerd, ReferralStatus.Gestart],
        ReferralStatus.Afgerond => [ReferralStatus.Geaccepteerd, ReferralStatus.Gestart, ReferralStatus.Afgerond],
        ReferralStatus.Afgewezen => [ReferralStatus.Afgewezen],
        ReferralStatus.Ingetrokken => [ReferralStatus.Ingetrokken],
        _ => [],
    };
}
