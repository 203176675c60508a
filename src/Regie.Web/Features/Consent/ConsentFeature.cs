using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Consent;

public sealed class ConsentFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConsentQueries>();
        services.AddScoped<GiveConsentHandler>();
        services.AddScoped<RevokeConsentHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Consent", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapConsentApi();
}
