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
}
