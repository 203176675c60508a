using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Monitor;

namespace Regie.Domain.Tests;

/// <summary>The monitor's indicators on a constructed municipality of twelve households, every expected value computed by hand.</summary>
public sealed class MonitorIndicatorsTests
{
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 6, 30);
    private static readonly Guid[] H = Enumerable.Range(1, 12).Select(i => new Guid($"00000000-0000-0000-0000-{i:D12}")).ToArray();
    private static readonly Guid[] P = Enumerable.Range(1, 12).Select(i => new Guid($"10000000-0000-0000-0000-{i:D12}")).ToArray();
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static MonitorFacts Facts()
    {
        var trajectories = new List<TrajectoryFact>
        {
            new(H[0], D(2026, 2, 1), D(2026, 5, 1), null),
            new(H[10], D(2025, 6, 1), D(2026, 3, 1), null),
            new(H[11], D(2025, 1, 1), D(2025, 10, 1), null),
            new(H[11], D(2026, 4, 1), null, "b"),
        };
        for (var i = 1; i <= 9; i++) trajectories.Add(new(H[i], D(2026, 2, 1), null, i <= 5 ? "a" : "b"));

        var goals = new List<GoalFact>();
        GoalStatus[] finished = [GoalStatus.Behaald, GoalStatus.Behaald, GoalStatus.Behaald, GoalStatus.Behaald, GoalStatus.Behaald, GoalStatus.Behaald,
            GoalStatus.DeelsBehaald, GoalStatus.DeelsBehaald, GoalStatus.NietBehaald, GoalStatus.NietBehaald];
        for (var i = 0; i < 10; i++) goals.Add(new(H[i], finished[i], D(2026, 4, 1), ZrmDomain.Financien, true));
        goals.Add(new(H[0], GoalStatus.Vervallen, D(2026, 4, 1), ZrmDomain.WerkOpleiding, true));
        goals.Add(new(H[1], GoalStatus.Vervallen, D(2026, 4, 1), ZrmDomain.WerkOpleiding, true));
        foreach (var h in H[1..10].Append(H[11]))
        {
            goals.Add(new(h, GoalStatus.Loopt, D(2025, 12, 1), ZrmDomain.Financien, true));
            goals.Add(new(h, GoalStatus.Loopt, D(2025, 12, 1), ZrmDomain.Huisvesting, true));
        }

        int[] cijfers = [8, 7, 9, 6, 8, 7, 8, 9, 7, 8];
        int[] last = [3, 3, 3, 3, 3, 3, 4, 4, 2, 2];
        var zrm = new List<ZrmFact>();
        for (var i = 0; i < 10; i++)
        {
            zrm.Add(new(H[i], P[i], ZrmDomain.Financien, D(2025, 12, 1), 2));
            zrm.Add(new(H[i], P[i], ZrmDomain.Financien, D(2026, 5, 1), last[i]));
        }
        return new MonitorFacts(trajectories,
            [new(H[2], D(2026, 3, 3)), new(H[3], D(2026, 2, 11)), new(H[4], D(2026, 1, 15))],
            goals,
            [.. Enumerable.Range(0, 10).Select(i => new RatingFact(H[i], cijfers[i], D(2026, 6, 1)))],
            zrm,
            [new(H[1], Guid.Parse("20000000-0000-0000-0000-000000000001")), new(H[1], Guid.Parse("20000000-0000-0000-0000-000000000002")), new(H[2], Guid.Parse("20000000-0000-0000-0000-000000000001"))],
            Requests(),
            [new(H[0], 1800.00m, D(2026, 3, 1)), new(H[1], 250.50m, D(2026, 6, 30)), new(H[2], 99m, D(2026, 7, 1))],
            [],
            // Half a year of 2 FTE at € 73.000 (181 days), and € 10.000 of advice over the whole half year.
            [new(CostKind.Personeel, Guid.Empty, D(2026, 1, 1), D(2026, 12, 31), 2m, 73_000m, null), new(CostKind.Advies, null, D(2026, 1, 1), D(2026, 6, 30), null, null, 10_000m)]);
    }

    /// <summary>Twelve requests in the period, one per household: intake after 1,1,2,2,3,3,4,5,6,8 days and two still waiting; first support after 10..19 days for the first ten.</summary>
    private static List<Regie.Domain.Care.WaitingCase> Requests()
    {
        int[] intake = [1, 1, 2, 2, 3, 3, 4, 5, 6, 8];
        var list = new List<Regie.Domain.Care.WaitingCase>();
        for (var i = 0; i < 12; i++)
        {
            var day = D(2026, 3, 1);
            list.Add(new(H[i], "Wijkteam", "Noord", day, i < 10 ? day.AddDays(intake[i]) : null, i < 10 ? day.AddDays(10 + i) : null, null));
        }
        // A request from before the period counts for nothing here.
        list.Add(new(H[0], "Wijkteam", "Noord", D(2025, 12, 1), null, null, null));
        return list;
    }

    private static Indicator Get(string key) => MonitorIndicators.Compute(Facts(), From, To).Single(i => i.Key == key);

    [Fact]
    public void Flow_counts_inflow_open_caseload_and_re_entries_and_suppresses_small_outflow()
    {
        Assert.Equal(11m, Get("instroom").Value);
        Assert.Equal(10m, Get("lopend").Value);
        Assert.Equal(5m, Get("caseload").Value);
        Assert.Equal(9.1m, Get("herinstroom").Value);
        var outflow = Get("uitstroom");
        Assert.True(outflow.Suppressed);
        Assert.Null(outflow.Value);
        Assert.Equal(2, outflow.Households);
    }

    [Fact]
    public void A_trajectory_opened_and_closed_on_one_day_is_not_its_own_re_entry()
    {
        // Ten households start in the period; the first opens and closes on 1 March, and only the second
        // had a trajectory closed in the year before: 1 re-entry out of 10 starts = 10,0 %.
        var trajectories = new List<TrajectoryFact>
        {
            new(H[0], D(2026, 3, 1), D(2026, 3, 1), null),
            new(H[1], D(2025, 6, 1), D(2025, 9, 1), null),
        };
        for (var i = 1; i <= 9; i++) trajectories.Add(new(H[i], D(2026, 2, 1), null, "a"));
        var facts = new MonitorFacts(trajectories, [], [], [], [], [], [], [], []);
        var reEntry = MonitorIndicators.Compute(facts, From, To).Single(i => i.Key == "herinstroom");
        Assert.Equal(10, reEntry.Households);
        Assert.Equal(10.0m, reEntry.Value);
    }

    [Fact]
    public void Heavier_care_counts_specialist_decisions_after_the_start_with_the_team_only()
    {
        var share = Get("zwaarder");
        Assert.Equal(18.2m, share.Value);
        Assert.Equal(11, share.Households);
        // Two households reached it: too few to show how long it took.
        Assert.True(Get("tijd-tot-zwaarder").Suppressed);
    }

    [Fact]
    public void Integral_approach_better_support_and_self_reliance_are_computed_as_defined()
    {
        Assert.Equal(100m, Get("een-plan").Value);
        Assert.Equal(0.3m, Get("organisaties").Value);
        Assert.Equal(7.7m, Get("tevredenheid").Value);
        Assert.Equal(60.0m, Get("doelen-behaald").Value);
        Assert.Equal(1.00m, Get("zrm-Financien").Value);
        Assert.True(Get("zrm-Huisvesting").Suppressed);
    }

    [Fact]
    public void Direct_cost_per_household_divides_paid_and_estimated_costs_over_the_households_helped()
    {
        Assert.Equal(170.88m, Get("per-huishouden").Value);
        Assert.Equal(12, Get("per-huishouden").Households);
        Assert.True(Get("betaald").Suppressed);
    }

    [Fact]
    public void Full_cost_adds_staff_overhead_and_advice_to_the_direct_cost_and_divides_it_over_households_and_goals_achieved()
    {
        // 2 × 73.000 × 181 / 365 = 72.400,00; advice 10.000,00; direct 2.050,50.
        Assert.Equal(72_400.00m, Get("personeel").Value);
        Assert.Equal(10_000.00m, Get("advies").Value);
        Assert.Equal(0m, Get("overhead").Value);
        Assert.Equal(84_450.50m, Get("totaal").Value);
        // Over 12 households helped, and over the 6 goals achieved.
        Assert.Equal(7_037.54m, Get("totaal-per-huishouden").Value);
        Assert.Equal(14_075.08m, Get("totaal-per-doel").Value);
    }

    [Fact]
    public void Prevention_is_the_median_wait_to_contact_and_to_support_and_the_waiting_list_counts_who_still_waits()
    {
        // Intake: 1,1,2,2,3,3,4,5,6,8 → median (3+3)/2 = 3; support: 10..19 → (14+15)/2 = 14.5; each median rests on
        // the ten households whose request reached the step (the two still waiting add nothing to it).
        Assert.Equal(3m, Get("tot-contact").Value);
        Assert.Equal(14.5m, Get("tot-steun").Value);
        Assert.Equal(10, Get("tot-contact").Households);
        Assert.Equal(10, Get("tot-steun").Households);
        // Two of the period's requests wait for their intake: too few to show.
        Assert.True(Get("wachtlijst").Suppressed);
        Assert.Equal(2, Get("wachtlijst").Households);
    }

    [Fact]
    public void Payments_and_estimated_decision_costs_in_the_period_are_summed_and_the_stuck_list_is_counted_when_given()
    {
        var paid = Enumerable.Range(0, 10).Select(i => new MoneyFact(H[i], 100.25m * (i + 1), D(2026, 2, 1))).ToList();
        var estimated = Enumerable.Range(0, 10).Select(i => new MoneyFact(H[i], 1_000m, D(2026, 5, 1))).Append(new MoneyFact(H[0], 5m, D(2025, 5, 1))).ToList();
        var figures = MonitorIndicators.Compute(Facts() with { Paid = paid, EstimatedDecisionCosts = estimated, StuckHouseholds = 11 }, From, To);
        // 100,25 × (1 + 2 + … + 10) = 100,25 × 55 = 5.513,75; ten estimates of 1.000 in the period.
        Assert.Equal(5_513.75m, figures.Single(i => i.Key == "betaald").Value);
        Assert.Equal(10_000m, figures.Single(i => i.Key == "beschikt").Value);
        Assert.Equal(11m, figures.Single(i => i.Key == "vastgelopen").Value);
        Assert.DoesNotContain(MonitorIndicators.Compute(Facts(), From, To), i => i.Key == "vastgelopen");
    }

    [Fact]
    public void Time_to_heavier_care_is_the_median_of_days_from_the_start_with_the_team()
    {
        // Ten households that started on 1 February get specialist care 3, 6, …, 30 days later: median (15 + 18) / 2 = 16,5.
        var decisions = Enumerable.Range(0, 10).Select(i => new HouseholdDayFact(H[i], D(2026, 2, 1).AddDays(3 * (i + 1)))).ToList();
        var figures = MonitorIndicators.Compute(Facts() with { SpecialistDecisions = decisions }, From, To);
        Assert.Equal(16.5m, figures.Single(i => i.Key == "tijd-tot-zwaarder").Value);
        // Ten of the eleven starters: 90,9 %.
        Assert.Equal(90.9m, figures.Single(i => i.Key == "zwaarder").Value);
    }

    [Fact]
    public void Twelve_requests_of_four_households_are_too_few_households_for_the_waiting_list_and_the_time_to_contact()
    {
        // Four households ask three times each in March: 12 requests. First all twelve still wait for their intake.
        List<Regie.Domain.Care.WaitingCase> Twelve(bool intake) => Enumerable.Range(0, 12)
            .Select(i => new Regie.Domain.Care.WaitingCase(H[i % 4], "Wijkteam", "Noord", D(2026, 3, 1 + i), intake ? D(2026, 3, 2 + 2 * i) : null, null, null)).ToList();
        var waitingList = MonitorIndicators.Compute(Facts() with { Requests = Twelve(intake: false) }, From, To).Single(i => i.Key == "wachtlijst");
        Assert.Equal((true, (decimal?)null, 4), (waitingList.Suppressed, waitingList.Value, waitingList.Households));
        // Then all twelve had their intake, after 1, 2, …, 12 days: a median of 6,5 days, but of four households only.
        var toContact = MonitorIndicators.Compute(Facts() with { Requests = Twelve(intake: true) }, From, To).Single(i => i.Key == "tot-contact");
        Assert.Equal((true, (decimal?)null, 4), (toContact.Suppressed, toContact.Value, toContact.Households));
        // Ten households with two requests each wait: twenty requests, and ten households, enough to show.
        var ten = Enumerable.Range(0, 20).Select(i => new Regie.Domain.Care.WaitingCase(H[i % 10], "Wijkteam", "Noord", D(2026, 3, 1 + i), null, null, null)).ToList();
        var shown = MonitorIndicators.Compute(Facts() with { Requests = ten }, From, To).Single(i => i.Key == "wachtlijst");
        Assert.Equal((false, (decimal?)20m, 10), (shown.Suppressed, shown.Value, shown.Households));
        // Side by side (the funnel): 12 requests of 4 households are withheld, 12 of 10 households are shown rounded to 10.
        Assert.Null(MonitorIndicators.SideBySide(12, 4));
        Assert.Equal(10, MonitorIndicators.SideBySide(12, 10));
    }

    [Fact]
    public void Every_indicator_states_its_definition() =>
        Assert.All(MonitorIndicators.Compute(Facts(), From, To), i => Assert.False(string.IsNullOrWhiteSpace(i.Definition)));
}
