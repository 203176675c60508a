using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Team;

public sealed class TeamFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(SignalOptions.Section).Get<SignalOptions>() ?? new());
        services.AddScoped<StuckHouseholdsQuery>();
        services.AddScoped<WaitingTimesQuery>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Team", Policies.TeamLead);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapWaitingTimesApi();
}
