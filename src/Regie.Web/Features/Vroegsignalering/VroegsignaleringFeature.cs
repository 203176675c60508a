using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>Vroegsignalering (issue 22): the worklist of open cases, contact attempts within the term, and closing with the DDAS outcome.</summary>
public sealed class VroegsignaleringFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VroegsignaleringSettingsReader>();
        services.AddScoped<VroegsignaleringQueries>();
        services.AddScoped<RecordContactAttemptHandler>();
        services.AddScoped<CloseCaseHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Vroegsignalering", Policies.Vroegsignalering);

    public void MapApi(RouteGroupBuilder api) => api.MapVroegsignaleringApi();
}
