using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Providers;

/// <summary>Providers carry their identifiers (issue 23): the AGB code per partner organisation and its contract lines per product category.</summary>
/// <remarks>The pages are all in the Admin folder, which is the functional admin's.</remarks>
public sealed class ProvidersFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProviderQueries>();
        services.AddScoped<SetAgbCodeHandler>();
        services.AddScoped<AddContractHandler>();
        services.AddScoped<RemoveContractHandler>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapProvidersApi();

    public IEnumerable<Command> Commands(CliHost cli) => [ProviderCommands.Create(cli)];
}
