namespace Regie.Web.Features.Scenarios;

/// <summary>
/// Scenarios for what could be (issue 24): the municipality's flow per way of organising, with a seeded Monte Carlo, the
/// sensitivity, saved scenarios for the council and the back-test of a model change. Pages, exports and API are the policy officer's only.
/// </summary>
public sealed class ScenariosFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ScenarioQueries>();
        services.AddScoped<SaveScenarioHandler>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapScenariosApi();
}
