using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Timeline;

public sealed class TimelineFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TimelineWriter>();
        services.AddScoped<AddNoteHandler>();
        services.AddScoped<TimelineQuery>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Timeline", Policies.Files);
        pages.AuthorizePage("/Timeline/Note", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapNotesApi();
}
