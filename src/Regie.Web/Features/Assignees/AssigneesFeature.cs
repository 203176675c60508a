namespace Regie.Web.Features.Assignees;

public sealed class AssigneesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AssigneeQueries>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapAssigneesApi();
}
