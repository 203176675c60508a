using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Regie.Web.Features.Berichten;

/// <summary>iWmo/iJw messages in (issue 23 point 3): providers' starts, stops and requests, by API and from files.</summary>
public sealed class BerichtIntakeFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReceiveBerichtHandler>();
        services.AddScoped<CareDeliveryQueries>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
    }

    public void MapApi(RouteGroupBuilder api) => api.MapBerichtIntakeApi();

    // Its `berichten import` is part of the one `berichten` command, which BerichtenFeature registers.
}
