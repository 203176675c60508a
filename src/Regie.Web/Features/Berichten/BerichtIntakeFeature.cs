using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

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

    public IEnumerable<Command> Commands(CliHost cli) => [ImportBerichten.Create(cli)];
}
