using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Households;

public sealed class HouseholdsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HouseholdQueries>();
        services.AddScoped<CreateHouseholdHandler>();
        services.AddScoped<AddMemberHandler>();
        services.AddScoped<MovePersonHandler>();
        services.AddScoped<EndMembershipHandler>();
        services.AddScoped<ChangeAddressHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Households", Policies.Files);
        pages.AuthorizePage("/Households/New", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapHouseholdsApi();
}
