using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Access;

public sealed class AccessFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FileAccessService>();
        services.AddScoped<BreakGlassHandler>();
        services.AddScoped<AccessQueries>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Access/BreakGlass", Policies.Care);
        pages.AuthorizePage("/Access/EmergencyOverview", Policies.Oversight);
    }
}
