using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class TriageRulesTests
{
    private static readonly (ZrmDomain, int)[] NoConcern = [(ZrmDomain.Financien, 4), (ZrmDomain.Huisvesting, 3)];
    private static readonly (ZrmDomain, int)[] OneDomain = [(ZrmDomain.Financien, 2), (ZrmDomain.Huisvesting, 4)];
    private static readonly (ZrmDomain, int)[] MultiDomain = [(ZrmDomain.Financien, 2), (ZrmDomain.Huisvesting, 2), (ZrmDomain.WerkOpleiding, 5)];
    private static readonly (ZrmDomain, int)[] Acute = [(ZrmDomain.HuiselijkeRelaties, 1)];

    public static TheoryData<TriageModel, string, bool, TriageRoute> Routes => new()
    {
        // (a) the team takes everything
        { TriageModel.TeamVoorAlles, "geen", false, TriageRoute.Wijkteam }, { TriageModel.TeamVoorAlles, "een", true, TriageRoute.Wijkteam },
        { TriageModel.TeamVoorAlles, "meer", false, TriageRoute.Wijkteam }, { TriageModel.TeamVoorAlles, "acuut", true, TriageRoute.Wijkteam },
        // (b) only complex cases for the team; a single question to the desk (custom) or a general provision
        { TriageModel.TeamVoorComplex, "geen", false, TriageRoute.AlgemeneVoorziening }, { TriageModel.TeamVoorComplex, "een", false, TriageRoute.AlgemeneVoorziening },
        { TriageModel.TeamVoorComplex, "een", true, TriageRoute.Loket }, { TriageModel.TeamVoorComplex, "meer", false, TriageRoute.Wijkteam },
        { TriageModel.TeamVoorComplex, "meer", true, TriageRoute.Wijkteam }, { TriageModel.TeamVoorComplex, "acuut", false, TriageRoute.Wijkteam },
        // (c) the municipality indicates custom provisions
        { TriageModel.IndicatieGemeente, "een", true, TriageRoute.Loket }, { TriageModel.IndicatieGemeente, "meer", true, TriageRoute.Loket },
        { TriageModel.IndicatieGemeente, "meer", false, TriageRoute.Wijkteam }, { TriageModel.IndicatieGemeente, "geen", false, TriageRoute.Wijkteam },
        // (d) no team: the desk is the door
        { TriageModel.GeenTeam, "acuut", false, TriageRoute.Loket }, { TriageModel.GeenTeam, "meer", true, TriageRoute.Loket }, { TriageModel.GeenTeam, "geen", false, TriageRoute.Loket },
    };

    private static (ZrmDomain, int)[] Screen(string kind) => kind switch { "geen" => NoConcern, "een" => OneDomain, "meer" => MultiDomain, _ => Acute };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_model_routes_as_configured(TriageModel model, string screen, bool maatwerk, TriageRoute expected)
    {
        var suggestion = TriageRules.Suggest(TriageSettings.Preset(model), Screen(screen), maatwerk);
        Assert.Equal(expected, suggestion.Route);
        Assert.Contains(TriageRoutes.Label(expected).ToLowerInvariant(), suggestion.Explanation);
    }

    [Fact]
    public void The_screen_is_classified_by_the_configured_threshold_and_number_of_domains()
    {
        var preset = TriageSettings.Preset(TriageModel.TeamVoorComplex);
        Assert.Equal((CaseClass.GeenZorg, 0), (TriageRules.Suggest(preset, NoConcern, false).Class, TriageRules.Suggest(preset, NoConcern, false).ConcernDomains.Count));
        Assert.Equal(CaseClass.Enkelvoudig, TriageRules.Suggest(preset, OneDomain, false).Class);
        Assert.Equal([ZrmDomain.Financien, ZrmDomain.Huisvesting], TriageRules.Suggest(preset, MultiDomain, false).ConcernDomains);
        Assert.Equal(CaseClass.Acuut, TriageRules.Suggest(preset, Acute, false).Class);
        // A municipality that counts "beperkt zelfredzaam" (3) as concern sees the no-concern screen as single-domain.
        Assert.Equal(CaseClass.Enkelvoudig, TriageRules.Suggest(TriageSettings.Preset(TriageModel.TeamVoorComplex, concernThreshold: 3), NoConcern, false).Class);
        Assert.Equal(CaseClass.Enkelvoudig, TriageRules.Suggest(TriageSettings.Preset(TriageModel.TeamVoorComplex, minDomains: 3), MultiDomain, false).Class);
        Assert.Equal(CaseClass.GeenZorg, TriageRules.Suggest(preset, [], false).Class);
    }

    [Fact]
    public void An_own_table_keeps_its_cells_through_storage()
    {
        var routes = new Dictionary<(CaseClass, bool), TriageRoute>(TriageSettings.Preset(TriageModel.TeamVoorAlles).Routes) { [(CaseClass.GeenZorg, false)] = TriageRoute.AlgemeneVoorziening };
        var own = new TriageSettings(TriageModel.Eigen, 3, 2, routes);
        var back = TriageSettings.FromStored(TriageModel.Eigen, 3, 2, own.RoutesToStored());
        Assert.Equal(TriageRoute.AlgemeneVoorziening, back.RouteFor(CaseClass.GeenZorg, false));
        Assert.Equal(TriageRoute.Wijkteam, back.RouteFor(CaseClass.GeenZorg, true));
        Assert.Equal(8, back.Routes.Count);
    }

    [Fact]
    public void A_decision_against_the_suggestion_needs_a_reason()
    {
        var errors = new ErrorList();
        TriageRules.CheckDecision(TriageRoute.AlgemeneVoorziening, TriageRoute.Wijkteam, " ", errors);
        Assert.Equal(TriageRules.ReasonRequiredCode, Assert.Single(errors.Errors).Code);
        errors = new ErrorList();
        TriageRules.CheckDecision(TriageRoute.Wijkteam, TriageRoute.Wijkteam, null, errors);
        TriageRules.CheckDecision(TriageRoute.AlgemeneVoorziening, TriageRoute.Wijkteam, "Moeder zegt dat ook de kinderen vastlopen", errors);
        Assert.False(errors.HasErrors);
    }

    [Theory]
    [InlineData(TriageRoute.Wijkteam, false, false, false, true)]
    [InlineData(TriageRoute.Wijkteam, true, false, false, false)]
    [InlineData(TriageRoute.Wijkteam, false, true, false, false)]
    [InlineData(TriageRoute.Wijkteam, false, false, true, false)]
    [InlineData(TriageRoute.Loket, false, false, false, false)]
    [InlineData(TriageRoute.AlgemeneVoorziening, false, false, false, false)]
    public void Only_a_worker_without_a_team_routing_a_household_nobody_holds_to_the_team_names_the_team(TriageRoute route, bool trajectoryOpen,
        bool householdHasTeam, bool workerHasTeam, bool mustName)
    {
        Assert.Equal(mustName, TriageRules.MustNameTeam(route, trajectoryOpen, householdHasTeam, workerHasTeam));
        Assert.Equal((TriageRules.TeamRequiredCode, "Team"), (TriageRules.TeamRequired().Code, TriageRules.TeamRequired().Field));
    }

    [Fact]
    public void An_unknown_route_is_refused()
    {
        var errors = new ErrorList();
        Assert.Equal(TriageRoute.Loket, TriageRules.ParseRoute("Loket", errors));
        Assert.Null(TriageRules.ParseRoute("Ergens", errors));
        Assert.Equal((TriageRules.RouteInvalidCode, "Route"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
    }

    private static Dictionary<string, string?> Cells(TriageSettings t) =>
        t.Routes.ToDictionary(r => TriageRules.CellKey(r.Key.Class, r.Key.Maatwerk), r => (string?)r.Value.ToString());

    [Fact]
    public void The_form_fine_tunes_a_preset_into_an_own_table_and_refuses_a_new_model_with_changed_cells()
    {
        var current = TriageSettings.Preset(TriageModel.TeamVoorComplex);
        Assert.Equal("GeenZorg:1", TriageRules.CellKey(CaseClass.GeenZorg, true));
        Assert.Equal("TeamVoorComplex", TriageRules.ModelFromForm(current, "TeamVoorComplex", Cells(current)).Value);
        Assert.Equal("GeenTeam", TriageRules.ModelFromForm(current, "GeenTeam", Cells(current)).Value);
        var changed = Cells(current);
        changed["Enkelvoudig:0"] = "Wijkteam";
        Assert.Equal("Eigen", TriageRules.ModelFromForm(current, "TeamVoorComplex", changed).Value);
        Assert.Equal("Eigen", TriageRules.ModelFromForm(current, "Eigen", changed).Value);
        var refused = TriageRules.ModelFromForm(current, "GeenTeam", changed);
        Assert.Equal((TriageRules.ModelAndCellsChangedCode, "Model"), (refused.Error!.Code, refused.Error.Field));
        Assert.Equal("Onzin", TriageRules.ModelFromForm(current, "Onzin", changed).Value);
    }

    [Fact]
    public void A_new_table_is_a_preset_or_an_own_table_with_a_route_for_every_cell()
    {
        var errors = new ErrorList();
        var preset = TriageRules.ParseSettings("TeamVoorComplex", 3, 2, new Dictionary<string, string?>(), errors);
        Assert.Equal(TriageSettings.Preset(TriageModel.TeamVoorComplex, 3, 2).RoutesToStored(), preset!.RoutesToStored());
        var cells = Cells(TriageSettings.Preset(TriageModel.TeamVoorAlles));
        cells["GeenZorg:0"] = "AlgemeneVoorziening";
        var own = TriageRules.ParseSettings("Eigen", 2, 2, cells, errors);
        Assert.Equal((TriageModel.Eigen, TriageRoute.AlgemeneVoorziening, TriageRoute.Wijkteam), (own!.Model, own.RouteFor(CaseClass.GeenZorg, false), own.RouteFor(CaseClass.Acuut, true)));
        Assert.False(errors.HasErrors);

        cells["Acuut:1"] = null;
        Assert.Null(TriageRules.ParseSettings("Eigen", 2, 2, cells, errors));
        Assert.Equal([(TriageRules.ModelInvalidCode, "Routes[Acuut:1]")], errors.Errors.Select(e => (e.Code, e.Field)));
        var invalid = new ErrorList();
        Assert.Null(TriageRules.ParseSettings(null, 0, 2, cells, invalid));
        Assert.Equal([TriageRules.ModelInvalidCode, TriageRules.ThresholdInvalidCode], invalid.Errors.Select(e => e.Code));
    }
}
