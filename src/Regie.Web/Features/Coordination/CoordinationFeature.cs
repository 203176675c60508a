using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Coordination;

public sealed class CoordinationFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CoordinationQueries>();
        services.AddScoped<AssignCoordinatorHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Coordination", Policies.Care);
    }
}
