using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Network;

/// <summary>The household's network (family, friends, neighbours, volunteers) with the household's consent, and its eco-map.</summary>
public sealed class NetworkFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NetworkQueries>();
        services.AddScoped<AddNetworkMemberHandler>();
        services.AddScoped<ChangeNetworkMemberHandler>();
        services.AddScoped<EndNetworkMemberHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Network", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapNetworkApi();
}
