using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Inkijk;

public sealed class InkijkFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InkijkAccess>();
        services.AddScoped<InkijkQueries>();
        services.AddScoped<ReportProgressHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Inkijk", Policies.Partner);

    public void MapApi(RouteGroupBuilder api) => api.MapInkijkApi();
}
