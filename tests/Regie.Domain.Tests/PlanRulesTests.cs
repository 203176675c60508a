using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static string[] GoalCodes(string? what, string? measurable, string? who, string? target, DateOnly? previous = null)
    {
        var errors = new ErrorList();
        PlanRules.CheckGoal(what, measurable, who, target, Today, previous, errors);
        return errors.Errors.Select(e => e.Code).ToArray();
    }

    [Fact]
    public void A_smart_goal_has_what_a_measurable_result_who_and_a_target_date()
    {
        Assert.Empty(GoalCodes("Geen huurschuld", "Achterstand is nul", "Sanne", "22-02-2027"));
        Assert.Equal([PlanRules.GoalMeasurableRequiredCode], GoalCodes("Geen huurschuld", "  ", "Sanne", "22-02-2027"));
        Assert.Equal([PlanRules.GoalTargetDateRequiredCode], GoalCodes("Geen huurschuld", "Achterstand is nul", "Sanne", null));
        Assert.Equal([PlanRules.GoalWhatRequiredCode, PlanRules.GoalWhoRequiredCode], GoalCodes("", "Achterstand is nul", null, "22-02-2027"));
        Assert.Equal([PlanRules.GoalTargetDateInvalidCode], GoalCodes("a", "b", "c", "2027-13-01"));
        Assert.Equal([PlanRules.GoalTargetDateInvalidCode], GoalCodes("a", "b", "c", "22-11-2030"));
    }

    [Fact]
    public void A_target_date_in_the_past_is_refused_for_a_new_date_but_an_existing_late_goal_can_still_be_saved()
    {
        Assert.Equal([PlanRules.GoalTargetDateInPastCode], GoalCodes("a", "b", "c", "21-11-2026"));
        Assert.Empty(GoalCodes("a", "b", "c", "01-10-2026", previous: new DateOnly(2026, 10, 1)));
        Assert.Empty(GoalCodes("a", "b", "c", "22-11-2026"));
    }

    [Theory]
    [InlineData(GoalStatus.Open, GoalStatus.Loopt, true)]
    [InlineData(GoalStatus.Open, GoalStatus.Behaald, true)]
    [InlineData(GoalStatus.Loopt, GoalStatus.NietBehaald, true)]
    [InlineData(GoalStatus.Loopt, GoalStatus.Open, false)]
    [InlineData(GoalStatus.Behaald, GoalStatus.Loopt, false)]
    [InlineData(GoalStatus.Vervallen, GoalStatus.Open, false)]
    [InlineData(GoalStatus.Behaald, GoalStatus.Behaald, true)]
    public void Goal_status_moves_forward_and_an_outcome_is_final(GoalStatus from, GoalStatus to, bool allowed)
    {
        var errors = new ErrorList();
        PlanRules.CheckStatusChange(from, to, errors);
        Assert.Equal(allowed, !errors.HasErrors);
    }

    [Fact]
    public void An_action_names_who_does_it_and_the_informal_owners_are_the_zero_line()
    {
        var errors = new ErrorList();
        Assert.Null(PlanRules.CheckAction("Boodschappen met buurvrouw", ActionOwnerKind.Netwerk, null, null, Today, errors));
        Assert.Equal(PlanRules.ActionOwnerRequiredCode, Assert.Single(errors.Errors).Code);
        errors = new ErrorList();
        Assert.Equal(new DateOnly(2026, 12, 1), PlanRules.CheckAction("Boodschappen", ActionOwnerKind.Vrijwilliger, "Henk", "01-12-2026", Today, errors));
        Assert.False(errors.HasErrors);
        Assert.True(ActionOwnerKinds.IsInformal(ActionOwnerKind.Huishoudlid));
        Assert.True(ActionOwnerKinds.IsInformal(ActionOwnerKind.Vrijwilliger));
        Assert.False(ActionOwnerKinds.IsInformal(ActionOwnerKind.Organisatie));
        Assert.Equal(ActionOwnerKind.Huishoudlid, ActionOwnerKinds.All[0]);
    }

    [Fact]
    public void Closing_needs_a_reason_an_outcome_for_every_open_goal_and_a_recent_final_assessment()
    {
        var goal = Guid.NewGuid();
        var errors = new ErrorList();
        ClosingRules.Check(null, null, [(goal, "Werk", null)], Today.AddDays(-31), Today, errors);
        Assert.Equal([ClosingRules.ReasonRequiredCode, ClosingRules.OutcomeRequiredCode, ClosingRules.FinalAssessmentRequiredCode], errors.Errors.Select(e => e.Code));
        errors = new ErrorList();
        ClosingRules.Check(ClosingReason.Anders, " ", [(goal, "Werk", GoalStatus.Loopt)], Today.AddDays(-30), Today, errors);
        Assert.Equal([ClosingRules.NoteRequiredCode, ClosingRules.OutcomeRequiredCode], errors.Errors.Select(e => e.Code));
        errors = new ErrorList();
        ClosingRules.Check(ClosingReason.DoelenBehaald, null, [(goal, "Werk", GoalStatus.Behaald)], Today, Today, errors);
        Assert.False(errors.HasErrors);
    }

    private static readonly StuckSettings Settings = new(NoProgressWeeks: 8, MaxOpenWeeksWithoutReferral: 26);

    [Fact]
    public void A_household_is_stuck_after_the_configured_weeks_without_progress_counted_from_opening_when_nothing_happened()
    {
        Assert.Empty(StuckRules.Evaluate(Today.AddDays(-56), null, false, Today, Settings));
        Assert.Equal([StuckReason.GeenVoortgang], StuckRules.Evaluate(Today.AddDays(-57), null, false, Today, Settings));
        Assert.Empty(StuckRules.Evaluate(Today.AddDays(-100), Today.AddDays(-10), false, Today, Settings));
        Assert.Equal([StuckReason.GeenVoortgang], StuckRules.Evaluate(Today.AddDays(-100), Today.AddDays(-60), false, Today, Settings));
        Assert.Equal([StuckReason.GeenVoortgang], StuckRules.Evaluate(Today.AddDays(-20), null, false, Today, new StuckSettings(2, 26)));
    }

    [Fact]
    public void A_household_open_longer_than_the_maximum_without_a_referral_is_flagged_and_a_referral_clears_it()
    {
        var opened = Today.AddDays(-7 * 26 - 1);
        Assert.Equal([StuckReason.TeLangZonderVerwijzing], StuckRules.Evaluate(opened, Today, hasReferral: false, Today, Settings));
        Assert.Empty(StuckRules.Evaluate(opened, Today, hasReferral: true, Today, Settings));
        Assert.Empty(StuckRules.Evaluate(Today.AddDays(-7 * 26), Today, hasReferral: false, Today, Settings));
        Assert.Equal([StuckReason.GeenVoortgang, StuckReason.TeLangZonderVerwijzing], StuckRules.Evaluate(opened, null, false, Today, Settings));
    }
}
