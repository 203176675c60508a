using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Referrals;

namespace Regie.Domain.Tests;

public sealed class ReferralRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static IReadOnlyList<string> Step(ReferralStatus from, ReferralStatus to, ReferralParty party = ReferralParty.Aanbieder, string? reason = null, string? feedback = null)
    {
        var errors = new ErrorList();
        ReferralRules.CheckStep(from, to, party, reason, feedback, errors);
        return errors.Errors.Select(e => e.Code).ToList();
    }

    [Theory]
    [InlineData(ReferralStatus.Verstuurd, ReferralStatus.Geaccepteerd)]
    [InlineData(ReferralStatus.Geaccepteerd, ReferralStatus.Gestart)]
    public void Provider_moves_a_referral_forward_one_step_at_a_time(ReferralStatus from, ReferralStatus to) => Assert.Empty(Step(from, to));

    [Theory]
    [InlineData(ReferralStatus.Verstuurd, ReferralStatus.Gestart)]
    [InlineData(ReferralStatus.Verstuurd, ReferralStatus.Afgerond)]
    [InlineData(ReferralStatus.Geaccepteerd, ReferralStatus.Afgewezen)]
    [InlineData(ReferralStatus.Geaccepteerd, ReferralStatus.Afgerond)]
    [InlineData(ReferralStatus.Afgerond, ReferralStatus.Gestart)]
    [InlineData(ReferralStatus.Afgewezen, ReferralStatus.Geaccepteerd)]
    [InlineData(ReferralStatus.Ingetrokken, ReferralStatus.Geaccepteerd)]
    [InlineData(ReferralStatus.Gestart, ReferralStatus.Verstuurd)]
    public void Steps_out_of_order_and_changes_after_the_end_are_refused(ReferralStatus from, ReferralStatus to) =>
        Assert.Equal([ReferralRules.TransitionInvalidCode], Step(from, to, reason: "r", feedback: "f"));

    [Fact]
    public void Declining_needs_a_reason_and_finishing_needs_feedback()
    {
        Assert.Equal([ReferralRules.DeclineReasonRequiredCode], Step(ReferralStatus.Verstuurd, ReferralStatus.Afgewezen, reason: "  "));
        Assert.Empty(Step(ReferralStatus.Verstuurd, ReferralStatus.Afgewezen, reason: "Wachtlijst tot maart"));
        Assert.Equal([ReferralRules.FeedbackRequiredCode], Step(ReferralStatus.Gestart, ReferralStatus.Afgerond));
        Assert.Empty(Step(ReferralStatus.Gestart, ReferralStatus.Afgerond, feedback: "Zes gesprekken, gaat goed"));
    }

    [Fact]
    public void Only_the_team_withdraws_a_referral()
    {
        Assert.Equal([ReferralRules.NotForProviderCode], Step(ReferralStatus.Verstuurd, ReferralStatus.Ingetrokken, ReferralParty.Aanbieder));
        Assert.Empty(Step(ReferralStatus.Gestart, ReferralStatus.Ingetrokken, ReferralParty.Team));
        // The team may record the provider's answer for a provider without an account.
        Assert.Empty(Step(ReferralStatus.Verstuurd, ReferralStatus.Geaccepteerd, ReferralParty.Team));
    }

    [Fact]
    public void Nothing_is_sent_without_consent_and_a_question_and_the_follow_up_defaults_to_two_weeks()
    {
        var errors = new ErrorList();
        Assert.Equal(Today.AddDays(14), ReferralRules.CheckSend(false, " ", null, Today, ReferralRules.DefaultFollowUpDays, errors));
        Assert.Equal([ReferralRules.ConsentRequiredCode, ReferralRules.QuestionRequiredCode], errors.Errors.Select(e => e.Code));

        errors = new ErrorList();
        Assert.Equal(new DateOnly(2026, 12, 1), ReferralRules.CheckSend(true, "Intake schuldhulp", "01-12-2026", Today, 14, errors));
        Assert.False(errors.HasErrors);
        Assert.Null(ReferralRules.CheckSend(true, "Intake", "21-11-2026", Today, 14, errors));
        Assert.Equal([ReferralRules.FollowUpInvalidCode], errors.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(ReferralStatus.Verstuurd, -1, true)]
    [InlineData(ReferralStatus.Geaccepteerd, -1, true)]
    [InlineData(ReferralStatus.Verstuurd, 0, false)]
    [InlineData(ReferralStatus.Gestart, -30, false)]
    [InlineData(ReferralStatus.Afgerond, -30, false)]
    [InlineData(ReferralStatus.Afgewezen, -30, false)]
    [InlineData(ReferralStatus.Ingetrokken, -30, false)]
    public void A_referral_is_overdue_when_it_is_not_answered_or_started_by_its_follow_up_date(ReferralStatus status, int followUpInDays, bool overdue) =>
        Assert.Equal(overdue, ReferralRules.IsOverdue(status, Today.AddDays(followUpInDays), Today));

    [Theory]
    [InlineData("accepted", ReferralStatus.Geaccepteerd)]
    [InlineData("Afgewezen", ReferralStatus.Afgewezen)]
    [InlineData("FINISHED", ReferralStatus.Afgerond)]
    public void Other_systems_may_send_the_status_in_Dutch_or_English(string value, ReferralStatus expected) =>
        Assert.Equal(expected, ReferralStatuses.Parse(value));

    [Fact]
    public void An_overdue_referral_puts_a_household_on_the_team_leads_list()
    {
        var settings = new StuckSettings(8, 26);
        Assert.Equal([StuckReason.VerwijzingTeLaat], StuckRules.Evaluate(Today.AddDays(-10), null, true, Today, settings, overdueReferrals: 1));
        Assert.Empty(StuckRules.Evaluate(Today.AddDays(-10), null, true, Today, settings));
    }
}

public sealed class LightSupportRulesTests
{
    private static readonly DateOnly Start = new(2026, 11, 23);

    private static IReadOnlyList<string> Check(LightSupportSettings settings, LightSupportKind? kind, DateOnly end)
    {
        var errors = new ErrorList();
        LightSupportRules.CheckStart(settings, kind, Start, end, errors);
        return errors.Errors.Select(e => e.Code).ToList();
    }

    [Fact]
    public void Light_support_up_to_the_maximum_starts_at_once_and_longer_needs_a_decision()
    {
        var settings = LightSupportSettings.Default;
        Assert.Equal(13, settings.MaxWeeks);
        Assert.Empty(Check(settings, LightSupportKind.Begeleiding, Start.AddDays(91)));
        Assert.Equal([LightSupportRules.TooLongCode], Check(settings, LightSupportKind.Begeleiding, Start.AddDays(92)));
        Assert.Equal([LightSupportRules.DatesInvalidCode], Check(settings, null, Start.AddDays(-1)));
    }

    [Fact]
    public void A_municipality_that_does_not_allow_it_or_not_this_kind_refuses_it()
    {
        Assert.Equal([LightSupportRules.NotAllowedCode], Check(LightSupportSettings.Default with { Allowed = false }, LightSupportKind.Begeleiding, Start.AddDays(7)));
        var onlyAdministration = new LightSupportSettings(true, 8, [LightSupportKind.Administratie]);
        Assert.Equal([LightSupportRules.KindNotAllowedCode], Check(onlyAdministration, LightSupportKind.Opvoedondersteuning, Start.AddDays(7)));
        Assert.Empty(Check(onlyAdministration, LightSupportKind.Administratie, Start.AddDays(56)));
    }

    /// <summary>"end date|error codes", so one exact string says both.</summary>
    private static string End(bool alreadyEnded, string? chosen, DateOnly today)
    {
        var errors = new ErrorList();
        var ended = LightSupportRules.CheckEnd(alreadyEnded, Start, chosen, today, errors);
        return $"{ended?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}|{string.Join(",", errors.Errors.Select(e => e.Code))}";
    }

    [Fact]
    public void Light_support_ends_on_a_chosen_day_between_its_start_and_today_or_else_today()
    {
        var today = Start.AddDays(10);
        Assert.Equal("2026-12-03|", End(false, null, today));
        Assert.Equal("2026-11-23|", End(false, "23-11-2026", today));
        Assert.Equal($"|{LightSupportRules.DatesInvalidCode}", End(false, "22-11-2026", today));
        Assert.Equal($"|{LightSupportRules.DatesInvalidCode}", End(false, "04-12-2026", today));
        Assert.Equal($"|{LightSupportRules.DatesInvalidCode}", End(false, "morgen", today));
        // Support that has not started yet can still be stopped today.
        Assert.Equal("2026-11-20|", End(false, null, Start.AddDays(-3)));
        Assert.Equal($"|{LightSupportRules.AlreadyEndedCode}", End(true, null, today));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void A_referral_follow_up_term_is_one_to_ninety_days(int days, bool allowed)
    {
        var errors = new ErrorList();
        ReferralRules.CheckFollowUpDays(days, errors);
        Assert.Equal(allowed ? [] : [ReferralRules.FollowUpDaysInvalidCode], errors.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Kinds_are_stored_by_name_and_unknown_names_are_dropped() =>
        Assert.Equal([LightSupportKind.Administratie, LightSupportKind.Ontmoeting],
            LightSupportSettings.ParseKinds(new LightSupportSettings(true, 4, [LightSupportKind.Administratie, LightSupportKind.Ontmoeting]).KindsToStored() + ",Onbekend"));
}

/// <summary>Hand-computed shares on a small constructed set of referrals.</summary>
public sealed class ConflictOfInterestTests
{
    private static readonly Guid Zuid = Guid.Parse("0190aaaa-0000-7000-8000-00000000000a");
    private static readonly Guid Noord = Guid.Parse("0190aaaa-0000-7000-8000-00000000000b");
    private static readonly Guid Brug = Guid.Parse("0190aaaa-0000-7000-8000-000000000001");
    private static readonly Guid Stichting = Guid.Parse("0190aaaa-0000-7000-8000-000000000002");
    private static readonly Guid Other = Guid.Parse("0190aaaa-0000-7000-8000-000000000003");

    [Fact]
    public void Seconded_staff_referring_to_their_own_provider_is_set_against_independent_staff_of_the_same_team()
    {
        var facts = new List<ReferralFact>();
        // Zuid: seconded by De Brug, 4 referrals of which 3 to De Brug; independent (municipality) 5 of which 1 to De Brug.
        facts.AddRange(Enumerable.Repeat(new ReferralFact(Zuid, EmployerKind.Aanbieder, Brug, Brug), 3));
        facts.Add(new ReferralFact(Zuid, EmployerKind.Aanbieder, Brug, Other));
        facts.Add(new ReferralFact(Zuid, EmployerKind.Gemeente, null, Brug));
        facts.AddRange(Enumerable.Repeat(new ReferralFact(Zuid, EmployerKind.Gemeente, null, Other), 4));
        // Noord: the team's own foundation, 2 referrals of which 1 to itself; one without a known employer.
        facts.Add(new ReferralFact(Noord, EmployerKind.EigenOrganisatie, Stichting, Stichting));
        facts.Add(new ReferralFact(Noord, EmployerKind.EigenOrganisatie, Stichting, Brug));
        facts.Add(new ReferralFact(Noord, null, null, Brug));

        var figures = ConflictOfInterest.Compute(facts);

        var zuid = figures.Providers.Single(p => p.TeamId == Zuid);
        Assert.Equal((Brug, 4, 3, 5, 1), (zuid.ProviderId, zuid.ByProviderStaff, zuid.ByProviderStaffToProvider, zuid.ByIndependentStaff, zuid.ByIndependentStaffToProvider));
        Assert.Equal(0.75m, zuid.OwnShare);
        Assert.Equal(0.2m, zuid.IndependentShare);
        Assert.DoesNotContain(figures.Providers, p => p.TeamId == Noord);
        // The whole municipality: De Brug's staff 3 of 4; independent staff (municipality and foundation) 2 of 7 to De Brug.
        var all = figures.Providers.Single(p => p.TeamId is null);
        Assert.Equal((4, 3, 7, 2), (all.ByProviderStaff, all.ByProviderStaffToProvider, all.ByIndependentStaff, all.ByIndependentStaffToProvider));
        Assert.Equal(0.2857m, all.IndependentShare);

        Assert.Equal((9, 3, 0.3333m), Team(figures, Zuid));
        Assert.Equal((3, 1, 0.3333m), Team(figures, Noord));
        Assert.Equal((12, 4, 0.3333m), Team(figures, null));
        Assert.Null(ConflictOfInterest.Compute([]).Teams.Single().OwnEmployerShare);
    }

    private static (int, int, decimal?) Team(ConflictOfInterestFigures f, Guid? team)
    {
        var t = f.Teams.Single(x => x.TeamId == team);
        return (t.Referrals, t.ToOwnEmployer, t.OwnEmployerShare);
    }
}
