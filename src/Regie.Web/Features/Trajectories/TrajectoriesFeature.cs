using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Trajectories;

public sealed class TrajectoriesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OpenTrajectoryHandler>();
        services.AddScoped<CloseTrajectoryHandler>();
        services.AddScoped<ReopenTrajectoryHandler>();
        services.AddScoped<TrajectoryQueries>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Trajectories", Policies.Care);
    }
}
