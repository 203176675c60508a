using Regie.Domain.Models;

namespace Regie.Domain.Tests;

/// <summary>
/// The scenario model on a municipality small enough to compute by hand: 1,000 households, 10 % with a request, half with one
/// life domain of concern and half with several, half of the requests asking for maatwerk, and every range of zero width.
/// </summary>
public sealed class ScenarioMonteCarloTests
{
    private static ScenarioParameters Hand()
    {
        var p = ScenarioParameters.Defaults();
        void Set(int i, double v) => p = p.With(i, v, v, v);
        Set(ScenarioParameters.Huishoudens, 1_000);
        Set(ScenarioParameters.Instroom, 0.1);
        Set(ScenarioParameters.KlasseGeenZorg, 0);
        Set(ScenarioParameters.KlasseEnkelvoudig, 0.5);
        Set(ScenarioParameters.KlasseMeervoudig, 0.5);
        Set(ScenarioParameters.KlasseAcuut, 0);
        Set(ScenarioParameters.Maatwerkvraag, 0.5);
        Set(ScenarioParameters.KansGeenZorg, 0);
        Set(ScenarioParameters.KansEnkelvoudig, 0.2);
        Set(ScenarioParameters.KansMeervoudig, 0.4);
        Set(ScenarioParameters.KansAcuut, 0);
        Set(ScenarioParameters.FactorWijkteam, 1.5);
        Set(ScenarioParameters.FactorAlgemeen, 0.5);
        Set(ScenarioParameters.FactorPartners, 2);
        Set(ScenarioParameters.EffectLichteSteun, 0.5);
        Set(ScenarioParameters.AandeelLichteSteun, 0.5);
        Set(ScenarioParameters.UrenWijkteam, 10);
        Set(ScenarioParameters.UrenLoket, 5);
        Set(ScenarioParameters.UrenAlgemeen, 1);
        Set(ScenarioParameters.UrenPerFte, 100);
        Set(ScenarioParameters.KostenPerFte, 50_000);
        Set(ScenarioParameters.Overhead, 0.1);
        Set(ScenarioParameters.TariefWmo, 1_000);
        Set(ScenarioParameters.TariefJeugdAmbulant, 2_000);
        Set(ScenarioParameters.TariefJeugdVerblijf, 10_000);
        Set(ScenarioParameters.AandeelJeugd, 0.5);
        Set(ScenarioParameters.AandeelVerblijf, 0.5);
        Set(ScenarioParameters.KostenLichteSteun, 200);
        Set(ScenarioParameters.KostenAlgemeen, 100);
        Set(ScenarioParameters.FteNu, 20);
        Set(ScenarioParameters.WachttijdHalf, 2);
        return p;
    }

    // Tariff mix for every model: 0.5 × 1,000 (Wmo) + 0.5 × (0.5 × 2,000 + 0.5 × 10,000) (youth) = 500 + 3,000 = 3,500 per household.
    // Staff cost per fte: 50,000 × (1 + 0.1) = 55,000. Inflow: 1,000 × 0.1 = 100 households, 50 per class, 25 per (class, maatwerk asked).
    public static TheoryData<ScenarioModel, double, double, double, double, double> HandComputed => new()
    {
        // (a) all 100 to the team, factor 1.5: maatwerk 50 × 0.2 × 1.5 + 50 × 0.4 × 1.5 = 15 + 30 = 45; hours 100 × 10 = 1,000 → 10 fte;
        // cost 10 × 55,000 + 45 × 3,500 = 550,000 + 157,500 = 707,500; per household 7,075; ρ = 10 / 20 = 0.5 → wait 2 × 0.5 / 0.5 = 2.
        { ScenarioModel.TeamVoorAlles, 707_500, 7_075, 45, 2, 10 },
        // (b) single domain: 25 without maatwerk asked → general provision (× 0.5), 25 with → desk; several domains → team.
        // maatwerk 25 × 0.2 × 0.5 + 25 × 0.2 + 50 × 0.4 × 1.5 = 2.5 + 5 + 30 = 37.5; hours 50 × 10 + 25 × 5 + 25 × 1 = 650 → 6.5 fte;
        // cost 6.5 × 55,000 + 37.5 × 3,500 + 25 × 100 = 357,500 + 131,250 + 2,500 = 491,250; per household 4,912.5; ρ = 0.325 → 2 × 0.325 / 0.675.
        { ScenarioModel.TeamVoorComplex, 491_250, 4_912.5, 37.5, 2 * 0.325 / 0.675, 6.5 },
        // (c) maatwerk asked → desk, else team: 25 × 0.2 × 1.5 + 25 × 0.2 + 25 × 0.4 × 1.5 + 25 × 0.4 = 7.5 + 5 + 15 + 10 = 37.5;
        // hours 50 × 10 + 50 × 5 = 750 → 7.5 fte; cost 412,500 + 131,250 = 543,750; ρ = 0.375 → 2 × 0.375 / 0.625 = 1.2.
        { ScenarioModel.IndicatieGemeente, 543_750, 5_437.5, 37.5, 1.2, 7.5 },
        // (d) all to the desk: 50 × 0.2 + 50 × 0.4 = 30; hours 500 → 5 fte; cost 275,000 + 105,000 = 380,000; ρ = 0.25 → 2 × 0.25 / 0.75.
        { ScenarioModel.GeenTeam, 380_000, 3_800, 30, 2 * 0.25 / 0.75, 5 },
        // Light support: team factor 1.5 × (1 − 0.5 + 0.5 × 0.5) = 1.125; maatwerk 50 × 0.2 × 1.125 + 50 × 0.4 × 1.125 = 11.25 + 22.5 = 33.75;
        // cost 550,000 + 33.75 × 3,500 + 100 × 0.5 × 200 = 550,000 + 118,125 + 10,000 = 678,125.
        { ScenarioModel.LichteSteunZonderIndicatie, 678_125, 6_781.25, 33.75, 2, 10 },
        // Partners: team factor 1.5 × 2 = 3; chance 0.2 × 3 = 0.6, and 0.4 × 3 = 1.2 capped at 1: 50 × 0.6 + 50 × 1 = 80;
        // cost 550,000 + 80 × 3,500 = 830,000.
        { ScenarioModel.WijkteamExtra, 830_000, 8_300, 80, 2, 10 },
    };

    [Theory]
    [MemberData(nameof(HandComputed))]
    public void A_run_with_zero_width_ranges_gives_the_hand_computed_answer(ScenarioModel model, double cost, double perHousehold, double maatwerk, double wait, double fte)
    {
        var result = MonteCarlo.Run(Hand(), [model], seed: 7, runs: 50).Models.Single();

        foreach (var (output, expected) in new[] { (ScenarioOutput.TotaleKosten, cost), (ScenarioOutput.KostenPerHuishouden, perHousehold),
                     (ScenarioOutput.Maatwerk, maatwerk), (ScenarioOutput.Wachttijd, wait), (ScenarioOutput.Formatie, fte) })
        {
            var s = result[output];
            Assert.Equal(expected, s.Base, 6);
            Assert.Equal(expected, s.Mean, 6);
            Assert.Equal(expected, s.Median, 6);
            Assert.Equal(expected, s.P10, 6);
            Assert.Equal(expected, s.P90, 6);
        }
    }

    [Fact]
    public void Waiting_is_capped_when_the_staff_needed_exceeds_the_current_staff()
    {
        var p = Hand().With(ScenarioParameters.FteNu, 8, 8, 8);

        var wait = MonteCarlo.AtBase(p, ScenarioModel.TeamVoorAlles)[(int)ScenarioOutput.Wachttijd];

        Assert.Equal(MonteCarlo.MaxWaitWeeks, wait);
    }

    private static double[] Flat(ScenarioResult r) =>
        r.Models.SelectMany(m => m.Outputs.SelectMany(s => new[] { s.Base, s.Mean, s.Median, s.P10, s.P90 })).ToArray();

    [Fact]
    public void The_same_seed_gives_the_same_answer_whatever_the_number_of_threads()
    {
        var p = ScenarioParameters.Defaults();

        var first = MonteCarlo.Run(p, ScenarioModels.All, seed: 2024, runs: 2_000);
        var again = MonteCarlo.Run(p, ScenarioModels.All, seed: 2024, runs: 2_000);
        var oneThread = MonteCarlo.Run(p, ScenarioModels.All, seed: 2024, runs: 2_000, maxThreads: 1);

        Assert.Equal(Flat(first), Flat(again));
        Assert.Equal(Flat(first), Flat(oneThread));
    }

    [Fact]
    public void Another_seed_gives_another_draw()
    {
        var p = ScenarioParameters.Defaults();

        var a = MonteCarlo.Run(p, [ScenarioModel.TeamVoorAlles], seed: 1, runs: 500).Models[0][ScenarioOutput.TotaleKosten];
        var b = MonteCarlo.Run(p, [ScenarioModel.TeamVoorAlles], seed: 2, runs: 500).Models[0][ScenarioOutput.TotaleKosten];

        Assert.NotEqual(a.Mean, b.Mean);
        Assert.Equal(a.Base, b.Base);
    }

    [Fact]
    public void The_80_percent_interval_contains_the_answer_at_the_base_values()
    {
        var result = MonteCarlo.Run(ScenarioParameters.Defaults(), ScenarioModels.All, seed: 11, runs: 4_000);

        foreach (var m in result.Models)
            foreach (var o in new[] { ScenarioOutput.TotaleKosten, ScenarioOutput.KostenPerHuishouden, ScenarioOutput.Maatwerk, ScenarioOutput.Formatie })
            {
                var s = m[o];
                Assert.True(s.P10 < s.Base && s.Base < s.P90, $"{m.Model} {o}: {s.P10} < {s.Base} < {s.P90}");
                Assert.True(s.P10 <= s.Median && s.Median <= s.P90);
            }
    }

    [Fact]
    public void The_triangular_draw_returns_its_bounds_and_mode_at_the_edges()
    {
        Assert.Equal(1, MonteCarlo.Triangular(0, 1, 2, 4));
        Assert.Equal(2, MonteCarlo.Triangular(1.0 / 3, 1, 2, 4), 12);
        Assert.Equal(4, MonteCarlo.Triangular(1, 1, 2, 4));
        Assert.Equal(5, MonteCarlo.Triangular(0.3, 5, 5, 5));
    }

    [Fact]
    public void Sensitivity_orders_the_assumptions_by_how_far_they_move_the_answer()
    {
        var p = Hand().With(ScenarioParameters.TariefWmo, 1_000, 500, 1_500).With(ScenarioParameters.KostenPerFte, 50_000, 40_000, 60_000);

        var s = ScenarioSensitivity.Compute(p, ScenarioModel.TeamVoorAlles, ScenarioOutput.TotaleKosten);

        Assert.Equal(707_500, s.Base, 6);
        Assert.Equal(["kosten-per-fte", "tarief-wmo"], s.Bars.Select(b => b.Key));
        // Staff: 10 fte × 1.1 × 40,000 / 60,000 + 157,500 maatwerk.
        Assert.Equal(597_500, s.Bars[0].AtLow, 6);
        Assert.Equal(817_500, s.Bars[0].AtHigh, 6);
        // Wmo tariff ± 500 moves the mix by ± 250 for 45 households: 707,500 ∓ 11,250.
        Assert.Equal(696_250, s.Bars[1].AtLow, 6);
        Assert.Equal(718_750, s.Bars[1].AtHigh, 6);
    }

    [Fact]
    public void Sensitivity_of_a_difference_between_two_models()
    {
        var p = Hand().With(ScenarioParameters.FactorAlgemeen, 0.5, 0, 1);

        var s = ScenarioSensitivity.Compute(p, ScenarioModel.TeamVoorComplex, ScenarioOutput.Maatwerk, ScenarioModel.TeamVoorAlles);

        // (b) − (a) at base: 37.5 − 45 = −7.5; the general provision's factor moves (b)'s 25 × 0.2 households only: ± 2.5.
        Assert.Equal(-7.5, s.Base, 6);
        var bar = Assert.Single(s.Bars);
        Assert.Equal(-10, bar.AtLow, 6);
        Assert.Equal(-5, bar.AtHigh, 6);
    }

    [Fact]
    public void A_back_test_puts_the_prediction_from_before_next_to_what_was_observed()
    {
        var result = ScenarioBackTest.Compare(Hand(), ScenarioModel.TeamVoorComplex, ScenarioModel.TeamVoorAlles, new ObservedFigures(120, 0.5, null, 3));

        Assert.Equal(["huishoudens", "aandeelMaatwerk", "kostenPerHuishouden", "wachttijdWeken"], result.Rows.Select(r => r.Key));
        Assert.Equal([100, 0.45, 7_075, 2], result.Rows.Select(r => Math.Round(r.Predicted, 6)));
        Assert.Equal([20, 0.05, null, 1], result.Rows.Select(r => r.Difference is { } d ? Math.Round(d, 6) : (double?)null));
    }

    [Fact]
    public void A_range_the_wrong_way_round_is_refused_at_its_field()
    {
        var p = ScenarioParameters.Defaults().With(ScenarioParameters.TariefWmo, 3_300, 3_500, 3_800).With(ScenarioParameters.Instroom, 1.5, 0.06, 2);

        var errors = p.Check();

        Assert.Equal(["Parameters[instroom].Basis", "Parameters[instroom].Hoog", "Parameters[tarief-wmo].Laag"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Code == ScenarioParameters.RangeInvalidCode && e.Message.Contains("ondergrens ligt boven de basiswaarde"));
        Assert.Empty(ScenarioParameters.Defaults().Check());
    }

    [Fact]
    public void Run_settings_outside_their_bounds_are_refused()
    {
        Assert.Equal([MonteCarlo.SeedInvalidCode, MonteCarlo.RunsInvalidCode, MonteCarlo.ModelsRequiredCode],
            MonteCarlo.CheckRun(-1, MonteCarlo.MaxRuns + 1, 0).Select(e => e.Code));
        Assert.Empty(MonteCarlo.CheckRun(0, MonteCarlo.MaxRuns, 1));
    }

    [Theory]
    [InlineData(ScenarioParameters.TariefWmo)]
    [InlineData(ScenarioParameters.TariefJeugdVerblijf)]
    [InlineData(ScenarioParameters.KostenPerFte)]
    [InlineData(ScenarioParameters.KostenLichteSteun)]
    [InlineData(ScenarioParameters.KostenAlgemeen)]
    public void An_absurd_sum_of_money_is_refused_at_its_field(int index)
    {
        var key = ScenarioParameters.Keys[index];
        var p = Hand().With(index, 1e308, 0, 1e308);
        var errors = p.Check();
        Assert.Equal([($"Parameters[{key}].Basis", ScenarioParameters.ValueInvalidCode), ($"Parameters[{key}].Hoog", ScenarioParameters.ValueInvalidCode)],
            errors.Select(e => (e.Field, e.Code)));
        Assert.EndsWith("vul een getal in tussen 0 en 1.000.000.", errors[0].Message);
        Assert.Empty(Hand().With(index, ScenarioParameters.MaxMoney, 0, ScenarioParameters.MaxMoney).Check());
    }

    [Fact]
    public void Every_parameter_has_a_finite_upper_bound()
    {
        for (var i = 0; i < ScenarioParameters.Count; i++) Assert.True(ScenarioParameters.Bounds(i).Max <= 10_000_000, ScenarioParameters.Keys[i]);
    }

    [Fact]
    public void An_overflowing_run_is_recognised_as_not_finite()
    {
        // Unchecked assumptions that overflow: the guard sees it; the largest admissible ones stay finite.
        var huge = Hand().With(ScenarioParameters.TariefWmo, 1e308, 1e308, 1e308).With(ScenarioParameters.Huishoudens, 1e7, 1e7, 1e7);
        Assert.False(MonteCarlo.IsFinite(MonteCarlo.Run(huge, ScenarioModels.All, 1, 10)));
        var p = Hand();
        for (var i = 0; i < ScenarioParameters.Count; i++)
        {
            var max = ScenarioParameters.Bounds(i).Max;
            if (i is ScenarioParameters.KlasseGeenZorg or ScenarioParameters.FteNu) continue;
            p = p.With(i, max, max, max);
        }
        Assert.Empty(p.Check());
        Assert.True(MonteCarlo.IsFinite(MonteCarlo.Run(p, ScenarioModels.All, 1, 10)));
    }

    /// <summary>
    /// The golden figures: the defaults of 100,000 households, seed 2024, 2,000 runs, all six models, as version 1 of the model gave
    /// them. A saved scenario recomputes identically only while these hold; a change that moves them must raise
    /// <see cref="MonteCarlo.ModelVersion"/> and then update them here.
    /// </summary>
    [Fact]
    public void The_model_of_this_version_gives_the_figures_it_always_gave()
    {
        var result = MonteCarlo.Run(ScenarioParameters.Defaults(100_000), Enum.GetValues<ScenarioModel>(), 2024, 2_000);
        var golden = string.Join(" | ", result.Models.Select(m => $"{m.Model}: " + string.Join(", ", m.Outputs.Select(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o.Mean:F2}/{o.P10:F2}/{o.P90:F2}")))));

        Assert.Equal(1, MonteCarlo.ModelVersion);
        Assert.Equal(string.Join(" | ", GoldenV1), golden);
    }

    /// <summary>Per model: mean/P10/P90 of total cost, cost per household, households reaching maatwerk, waiting weeks, staff (fte).</summary>
    private static readonly string[] GoldenV1 =
    [
        "TeamVoorAlles: 38402009.52/31389022.76/45739528.52, 4810.01/4241.94/5455.58, 3048.47/2517.28/3604.78, 26.00/26.00/26.00, 266.78/204.92/333.36",
        "TeamVoorComplex: 24719772.10/20426652.72/29121162.01, 3096.69/2760.98/3449.43, 2590.72/2134.84/3067.66, 25.89/26.00/26.00, 109.53/85.72/134.58",
        "IndicatieGemeente: 30638660.00/25225336.44/36150558.75, 3837.96/3414.39/4287.30, 2892.13/2401.16/3399.67, 26.00/26.00/26.00, 180.57/140.12/222.72",
        "GeenTeam: 18989724.66/15794305.52/22261035.66, 2379.56/2118.41/2658.89, 2657.56/2232.46/3106.18, 5.45/1.86/10.40, 51.19/38.24/65.15",
        "LichteSteunZonderIndicatie: 39833784.02/32735904.65/47280511.82, 4989.32/4411.02/5638.58, 2864.14/2353.10/3383.07, 26.00/26.00/26.00, 266.78/204.92/333.36",
        "WijkteamExtra: 41272031.81/33581520.22/49147307.65, 5169.95/4515.77/5858.25, 3560.43/2875.82/4286.97, 26.00/26.00/26.00, 266.78/204.92/333.36",
    ];
}
