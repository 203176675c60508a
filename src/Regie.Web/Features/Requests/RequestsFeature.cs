using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Requests;

public sealed class RequestsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestQueries>();
        services.AddScoped<RegisterRequestHandler>();
        services.AddScoped<RecordIntakeHandler>();
        services.AddScoped<DecideTriageHandler>();
        services.AddScoped<TriageSettingsQueries>();
        services.AddScoped<SaveTriageSettingsHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Requests", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapRequestsApi();
}
