using Regie.Domain.Safety;

namespace Regie.Domain.Tests;

public sealed class MeldcodeRulesTests
{
    private static readonly DateOnly Opened = new(2026, 3, 2);
    private const MeldcodeStep S1 = MeldcodeStep.Signalen, S2 = MeldcodeStep.Overleg, S3 = MeldcodeStep.Gesprek, S4 = MeldcodeStep.Weging, S5 = MeldcodeStep.Besluit;

    private static string? StepRefusal(MeldcodeStep step, params MeldcodeStep[] reached) =>
        MeldcodeRules.CheckStep(MeldcodeTrackStatus.Open, step, reached)?.Code;

    [Theory]
    [InlineData(S1)]
    [InlineData(S2, S1)]
    [InlineData(S3, S1)]
    [InlineData(S3, S1, S2)]
    [InlineData(S2, S1, S3)]
    [InlineData(S4, S1, S2, S3)]
    [InlineData(S5, S1, S2, S3, S4)]
    [InlineData(S1, S1, S2, S3, S4)]
    [InlineData(S2, S1, S2, S3, S4)]
    [InlineData(S4, S1, S2, S3, S4)]
    public void A_step_follows_the_steps_it_needs_and_steps_one_to_four_may_be_repeated(MeldcodeStep step, params MeldcodeStep[] reached) =>
        Assert.Null(StepRefusal(step, reached));

    [Theory]
    [InlineData(S2)]
    [InlineData(S3)]
    [InlineData(S4, S1, S2)]
    [InlineData(S4, S1, S3)]
    [InlineData(S4, S2, S3)]
    [InlineData(S5, S1, S2, S3)]
    [InlineData(S5)]
    public void A_step_before_the_steps_it_needs_is_refused(MeldcodeStep step, params MeldcodeStep[] reached) =>
        Assert.Equal(MeldcodeRules.StepOrderCode, StepRefusal(step, reached));

    [Fact]
    public void Nothing_is_added_to_a_track_after_its_decision() =>
        Assert.Equal(MeldcodeRules.TrackClosedCode, MeldcodeRules.CheckStep(MeldcodeTrackStatus.Besloten, S1, [S1, S2, S3, S4, S5])?.Code);

    [Theory]
    [InlineData(MeldcodeDecision.GemeldBijVeiligThuis, WeighingOutcome.Melden, 0, null)]
    [InlineData(MeldcodeDecision.HulpGeorganiseerd, WeighingOutcome.Melden, 2, MeldcodeRules.MeldnormCode)]
    [InlineData(MeldcodeDecision.Afgesloten, WeighingOutcome.Melden, 0, MeldcodeRules.MeldnormCode)]
    [InlineData(MeldcodeDecision.HulpGeorganiseerd, WeighingOutcome.HulpOrganiseren, 1, null)]
    [InlineData(MeldcodeDecision.HulpGeorganiseerd, WeighingOutcome.HulpOrganiseren, 0, MeldcodeRules.GoalsRequiredCode)]
    [InlineData(MeldcodeDecision.GemeldBijVeiligThuis, WeighingOutcome.HulpOrganiseren, 0, null)]
    [InlineData(MeldcodeDecision.Afgesloten, WeighingOutcome.HulpOrganiseren, 0, MeldcodeRules.DecisionInvalidCode)]
    [InlineData(MeldcodeDecision.Afgesloten, WeighingOutcome.GeenVermoeden, 0, null)]
    [InlineData(MeldcodeDecision.GemeldBijVeiligThuis, WeighingOutcome.GeenVermoeden, 0, null)]
    [InlineData(MeldcodeDecision.HulpGeorganiseerd, WeighingOutcome.GeenVermoeden, 1, MeldcodeRules.DecisionInvalidCode)]
    public void The_decision_follows_the_meldnorm_of_the_latest_weighing(MeldcodeDecision decision, WeighingOutcome weighing, int goals, string? code) =>
        Assert.Equal(code, MeldcodeRules.CheckDecision(decision, weighing, goals)?.Code);

    [Fact]
    public void A_step_is_reached_on_its_first_entry_and_later_entries_do_not_move_it()
    {
        var reached = MeldcodeRules.Reached([(S2, Opened.AddDays(5)), (S1, Opened.AddDays(1)), (S1, Opened), (S2, Opened.AddDays(3))]);
        Assert.Equal([new StepReached(S1, Opened), new StepReached(S2, Opened.AddDays(3))], reached);
    }

    [Fact]
    public void An_open_track_counts_each_step_from_the_one_before_and_the_step_in_progress_until_today()
    {
        var reached = MeldcodeRules.Reached([(S1, Opened), (S2, Opened.AddDays(4)), (S3, Opened.AddDays(10))]);
        var durations = MeldcodeRules.Durations(Opened, reached, MeldcodeTrackStatus.Open, Opened.AddDays(13));
        Assert.Equal(
        [
            new StepDuration(S1, Opened, Opened, 0),
            new StepDuration(S2, Opened, Opened.AddDays(4), 4),
            new StepDuration(S3, Opened.AddDays(4), Opened.AddDays(10), 6),
            new StepDuration(S4, Opened.AddDays(10), null, 3),
        ], durations);
    }

    [Fact]
    public void A_decided_track_has_no_step_in_progress()
    {
        var reached = MeldcodeRules.Reached([(S1, Opened), (S2, Opened.AddDays(1)), (S3, Opened.AddDays(2)), (S4, Opened.AddDays(3)), (S5, Opened.AddDays(7))]);
        var durations = MeldcodeRules.Durations(Opened, reached, MeldcodeTrackStatus.Besloten, Opened.AddDays(40));
        Assert.Equal([0, 1, 1, 1, 4], durations.Select(d => d.Days));
        Assert.All(durations, d => Assert.NotNull(d.Until));
    }

    [Fact]
    public void A_conversation_before_the_consultation_leaves_the_track_waiting_for_the_consultation()
    {
        var reached = MeldcodeRules.Reached([(S1, Opened), (S3, Opened.AddDays(2))]);
        Assert.Equal(S2, MeldcodeRules.WaitingFor(reached));
        var inProgress = MeldcodeRules.Durations(Opened, reached, MeldcodeTrackStatus.Open, Opened.AddDays(9))[^1];
        Assert.Equal(new StepDuration(S2, Opened.AddDays(2), null, 7), inProgress);
    }

    [Fact]
    public void A_conversation_before_the_consultation_counts_from_the_signals_and_the_consultation_from_the_conversation()
    {
        var reached = MeldcodeRules.Reached([(S1, Opened), (S3, Opened.AddDays(5)), (S2, Opened.AddDays(8))]);
        Assert.Equal(
        [
            new StepDuration(S1, Opened, Opened, 0),
            new StepDuration(S2, Opened.AddDays(5), Opened.AddDays(8), 3),
            new StepDuration(S3, Opened, Opened.AddDays(5), 5),
            new StepDuration(S4, Opened.AddDays(8), null, 2),
        ], MeldcodeRules.Durations(Opened, reached, MeldcodeTrackStatus.Open, Opened.AddDays(10)));
    }

    [Fact]
    public void Signals_from_before_the_track_opened_start_its_first_step_so_no_step_ends_before_it_starts()
    {
        var reached = MeldcodeRules.Reached([(S1, Opened.AddDays(-10)), (S2, Opened.AddDays(-6))]);
        var durations = MeldcodeRules.Durations(Opened, reached, MeldcodeTrackStatus.Open, Opened);
        Assert.Equal(new StepDuration(S1, Opened.AddDays(-10), Opened.AddDays(-10), 0), durations[0]);
        Assert.Equal(new StepDuration(S3, Opened.AddDays(-6), null, 6), durations[^1]);
        Assert.All(durations, d => Assert.True(d.Until is null || d.From <= d.Until));
    }

    [Fact]
    public void A_track_waits_for_the_first_step_it_has_not_reached()
    {
        Assert.Equal(S1, MeldcodeRules.WaitingFor([]));
        Assert.Equal(S2, MeldcodeRules.WaitingFor(MeldcodeRules.Reached([(S1, Opened)])));
        Assert.Equal(S3, MeldcodeRules.WaitingFor(MeldcodeRules.Reached([(S1, Opened), (S2, Opened)])));
        Assert.Equal(S4, MeldcodeRules.WaitingFor(MeldcodeRules.Reached([(S1, Opened), (S2, Opened), (S3, Opened)])));
        Assert.Equal(S5, MeldcodeRules.WaitingFor(MeldcodeRules.Reached([(S1, Opened), (S2, Opened), (S3, Opened), (S4, Opened)])));
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void An_open_track_stands_still_when_its_last_step_is_older_than_the_limit(int daysSinceLastStep, bool stuck)
    {
        var reached = MeldcodeRules.Reached([(S1, Opened), (S2, Opened.AddDays(3))]);
        Assert.Equal(stuck, MeldcodeRules.IsStuck(MeldcodeTrackStatus.Open, Opened, reached, Opened.AddDays(3 + daysSinceLastStep), MeldcodeRules.DefaultStuckAfterDays));
    }

    [Fact]
    public void A_track_without_entries_counts_from_its_opening_and_a_decided_track_never_stands_still()
    {
        Assert.True(MeldcodeRules.IsStuck(MeldcodeTrackStatus.Open, Opened, [], Opened.AddDays(8), 7));
        Assert.False(MeldcodeRules.IsStuck(MeldcodeTrackStatus.Besloten, Opened, MeldcodeRules.Reached([(S1, Opened)]), Opened.AddDays(400), 7));
    }

    [Theory]
    // role, coordinator, aandachtsfunctionaris, in holding team, emergency grant → read, work
    [InlineData("professional", true, false, true, false, true, true)]
    [InlineData("professional", true, false, false, false, true, true)]
    [InlineData("professional", false, true, true, false, true, true)]
    [InlineData("professional", false, true, false, false, false, false)]
    [InlineData("professional", false, false, true, false, false, false)]
    [InlineData("teamleider", false, false, true, false, true, true)]
    [InlineData("teamleider", false, false, false, false, false, false)]
    [InlineData("consulent", true, false, false, false, true, true)]
    [InlineData("consulent", false, false, true, false, false, false)]
    [InlineData("professional", false, false, false, true, true, false)]
    [InlineData("teamleider", false, false, false, true, true, false)]
    [InlineData("afdeling", true, true, true, true, false, false)]
    [InlineData("partner", true, true, true, true, false, false)]
    [InlineData("beleid", false, false, true, false, false, false)]
    [InlineData("privacy", false, false, true, true, false, false)]
    [InlineData("beheerder", false, true, true, true, false, false)]
    [InlineData(null, true, true, true, true, false, false)]
    public void Only_the_coordinator_the_aandachtsfunctionaris_and_the_team_lead_of_the_holding_team_read_and_work_and_the_glass_reads_only(
        string? role, bool coordinator, bool aandachtsfunctionaris, bool inTeam, bool emergency, bool read, bool work)
    {
        var facts = new MeldcodeAccessFacts(role, coordinator, aandachtsfunctionaris, inTeam, emergency);
        Assert.Equal((read, work), (MeldcodeAccess.MayRead(facts), MeldcodeAccess.MayWork(facts)));
    }
}
