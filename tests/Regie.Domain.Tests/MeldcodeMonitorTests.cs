using Regie.Domain.Monitor;
using Regie.Domain.Safety;

namespace Regie.Domain.Tests;

/// <summary>The monitor's Meldcode figures on constructed tracks, every expected value computed by hand; and the team overview's rules.</summary>
public sealed class MeldcodeMonitorTests
{
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 6, 30);
    private static Guid H(int i) => new($"00000000-0000-0000-0000-{i:D12}");

    /// <summary>
    /// A track opened on <paramref name="opened"/> that reached steps 2 to 5 after the given numbers of days each (null: not
    /// reached); decided when it reached step 5.
    /// </summary>
    private static MeldcodeTrackFact Track(int household, DateOnly opened, MeldcodeDecision? decision = null, params int[] days)
    {
        var reached = new List<(MeldcodeStep, DateOnly)> { (MeldcodeStep.Signalen, opened) };
        var on = opened;
        for (var i = 0; i < days.Length; i++)
        {
            on = on.AddDays(days[i]);
            reached.Add(((MeldcodeStep)(i + 2), on));
        }
        return new MeldcodeTrackFact(H(household), opened, MeldcodeRules.Reached(reached), days.Length == 4 ? decision : null, days.Length == 4 ? on : null);
    }

    private static Indicator Figure(IReadOnlyList<MeldcodeTrackFact> tracks, IReadOnlyList<HouseholdDayFact> plans, string key) =>
        MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], [], MeldcodeTracks: tracks, VeiligVerderPlans: plans), From, To).Single(i => i.Key == key);

    /// <summary>
    /// Ten households: 1–4 reported to Veilig Thuis, 5–6 help organised, 7 closed, 8–10 still open (at step 3, 2 and 1).
    /// Household 11 opened last year and was decided before the period; household 12 opened after it.
    /// </summary>
    private static List<MeldcodeTrackFact> Tracks() =>
    [
        Track(1, new(2026, 2, 1), MeldcodeDecision.GemeldBijVeiligThuis, 1, 2, 3, 4),
        Track(2, new(2026, 2, 1), MeldcodeDecision.GemeldBijVeiligThuis, 2, 2, 3, 4),
        Track(3, new(2026, 2, 1), MeldcodeDecision.GemeldBijVeiligThuis, 3, 2, 3, 4),
        Track(4, new(2026, 2, 1), MeldcodeDecision.GemeldBijVeiligThuis, 4, 2, 3, 4),
        Track(5, new(2026, 2, 1), MeldcodeDecision.HulpGeorganiseerd, 5, 2, 3, 10),
        Track(6, new(2026, 2, 1), MeldcodeDecision.HulpGeorganiseerd, 6, 2, 3, 10),
        Track(7, new(2026, 2, 1), MeldcodeDecision.Afgesloten, 7, 4, 1, 2),
        Track(8, new(2026, 3, 1), null, 8, 2),
        Track(9, new(2026, 3, 1), null, 9),
        Track(10, new(2026, 3, 1)),
        Track(11, new(2025, 6, 1), MeldcodeDecision.GemeldBijVeiligThuis, 10, 10, 10, 10),
        Track(12, new(2026, 7, 2)),
    ];

    [Fact]
    public void The_monitor_counts_the_tracks_opened_in_the_period_and_their_households()
    {
        var opened = Figure(Tracks(), [], "meldcode-geopend");
        Assert.Equal((10m, 10, false, "trajecten", "Veiligheid"), (opened.Value, opened.Households, opened.Suppressed, opened.Unit, opened.Goal));
    }

    [Theory]
    // Overleg: 1..9 days (track 10 has none; 11 reached it last year): median of 1..9 is 5, nine households.
    [InlineData("meldcode-duur-overleg", 5, 9)]
    // Gesprek: 2,2,2,2,2,2,4,2 over eight households: median 2.
    [InlineData("meldcode-duur-gesprek", 2, 8)]
    // Weging: 3,3,3,3,3,3,1 over seven: median 3. Besluit: 4,4,4,4,10,10,2: median 4.
    [InlineData("meldcode-duur-weging", 3, 7)]
    [InlineData("meldcode-duur-besluit", 4, 7)]
    public void The_monitor_takes_the_median_days_of_each_step_reached_in_the_period(string key, int days, int households)
    {
        var figure = Figure(Tracks(), [], key);
        Assert.Equal((households < 10, households), (figure.Suppressed, figure.Households));
        var withTen = Tracks().Concat(Enumerable.Range(20, 3).Select(h => Track(h, new(2026, 2, 1), MeldcodeDecision.GemeldBijVeiligThuis, days, days, days, days))).ToList();
        var shown = Figure(withTen, [], key);
        Assert.Equal((false, households + 3, (decimal)days), (shown.Suppressed, shown.Households, shown.Value));
    }

    [Fact]
    public void A_step_reached_before_or_after_the_period_is_not_counted()
    {
        // Track 11 reached every step last year; track 12 opens after the period and reaches none in it.
        var durations = Figure([Track(11, new(2025, 6, 1), MeldcodeDecision.GemeldBijVeiligThuis, 10, 10, 10, 10), Track(12, new(2026, 6, 25), null, 10)], [], "meldcode-duur-overleg");
        Assert.Equal(0, durations.Households);
    }

    [Fact]
    public void The_share_ending_in_a_report_counts_the_tracks_decided_in_the_period_and_is_withheld_below_ten_households()
    {
        // Decided in the period: tracks 1–7, 4 of them reported: seven households, withheld.
        var seven = Figure(Tracks(), [], "meldcode-veilig-thuis");
        Assert.Equal((true, 7, (decimal?)null), (seven.Suppressed, seven.Households, seven.Value));
        // Three more decided with help organised: 4 of 10 = 40 %.
        var ten = Figure(Tracks().Concat(Enumerable.Range(20, 3).Select(h => Track(h, new(2026, 2, 1), MeldcodeDecision.HulpGeorganiseerd, 1, 1, 1, 1))).ToList(), [],
            "meldcode-veilig-thuis");
        Assert.Equal((false, 10, 40.0m), (ten.Suppressed, ten.Households, ten.Value));
    }

    [Fact]
    public void The_share_with_a_veilig_verder_plan_counts_the_households_whose_track_was_open_in_the_period()
    {
        // Open in the period: households 1–10 (11 was decided before it, 12 opened after it). Plans: 1, 2 and 3 in time,
        // 4 after the period (not yet on the end date), 11 without a track in the period.
        HouseholdDayFact[] plans = [new(H(1), new(2026, 2, 10)), new(H(2), new(2026, 3, 1)), new(H(3), new(2026, 6, 30)), new(H(4), new(2026, 7, 1)), new(H(11), new(2025, 8, 1))];
        var share = Figure(Tracks(), plans, "meldcode-veilig-verder");
        Assert.Equal((false, 10, 30.0m, "%"), (share.Suppressed, share.Households, share.Value, share.Unit));
        var nine = Figure(Tracks().Where(t => t.Household != H(10)).ToList(), plans, "meldcode-veilig-verder");
        Assert.Equal((true, 9, (decimal?)null), (nine.Suppressed, nine.Households, nine.Value));
    }

    [Fact]
    public void Without_meldcode_facts_the_monitor_shows_no_safety_figures()
    {
        var figures = MonitorIndicators.Compute(new MonitorFacts([], [], [], [], [], [], [], [], []), From, To);
        Assert.DoesNotContain(figures, i => i.Goal == "Veiligheid");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(14, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    [InlineData(-3, false)]
    public void An_installation_sets_the_stuck_limit_between_one_day_and_a_year(int days, bool valid) =>
        Assert.Equal(valid, MeldcodeRules.IsValidStuckAfterDays(days));

    [Fact]
    public void A_track_stands_still_from_its_latest_step_not_from_a_repeated_earlier_one()
    {
        var opened = new DateOnly(2026, 3, 1);
        var reached = MeldcodeRules.Reached([(MeldcodeStep.Signalen, opened), (MeldcodeStep.Gesprek, opened.AddDays(4)), (MeldcodeStep.Signalen, opened.AddDays(6))]);
        Assert.Equal(6, MeldcodeRules.DaysStill(opened, reached, opened.AddDays(10)));
        Assert.False(MeldcodeRules.IsStuck(MeldcodeTrackStatus.Open, opened, reached, opened.AddDays(10), 6));
        Assert.True(MeldcodeRules.IsStuck(MeldcodeTrackStatus.Open, opened, reached, opened.AddDays(11), 6));
    }

    [Theory]
    // role, aandachtsfunctionaris, in a team → sees the team's overview
    [InlineData("professional", true, true, true)]
    [InlineData("teamleider", false, true, true)]
    [InlineData("teamleider", true, true, true)]
    [InlineData("professional", false, true, false)]
    [InlineData("professional", true, false, false)]
    [InlineData("teamleider", false, false, false)]
    [InlineData("consulent", true, true, false)]
    [InlineData("partner", true, true, false)]
    [InlineData("afdeling", true, true, false)]
    [InlineData("beleid", true, true, false)]
    [InlineData("privacy", true, true, false)]
    [InlineData("beheerder", true, true, false)]
    [InlineData(null, true, true, false)]
    public void Only_the_aandachtsfunctionaris_and_the_team_lead_of_a_team_see_its_tracks(string? role, bool aandachtsfunctionaris, bool inTeam, bool sees) =>
        Assert.Equal(sees, MeldcodeAccess.MaySeeTeamOverview(role, aandachtsfunctionaris, inTeam));
}
