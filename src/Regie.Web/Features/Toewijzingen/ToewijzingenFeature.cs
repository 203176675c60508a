namespace Regie.Web.Features.Toewijzingen;

/// <summary>Decisions that travel (issue 23): assignments, their 301s and their changes. The pages are part of the decision's page.</summary>
public sealed class ToewijzingenFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AssignmentOutbox>();
        services.AddScoped<ChangeToewijzingHandler>();
        services.AddScoped<ToewijzingQueries>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapToewijzingenApi();
}
