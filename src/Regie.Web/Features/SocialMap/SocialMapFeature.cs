using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.SocialMap;

public sealed class SocialMapFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(SocialMapOptions.Section).Get<SocialMapOptions>() ?? new());
        services.AddScoped<HsdsStore>();
        services.AddScoped<HsdsAgbCodes>();
        services.AddScoped<SocialMapExchange>();
        services.AddScoped<SocialMapSearch>();
        services.AddScoped<SocialMapAdminQueries>();
        services.AddScoped<MarkServiceHandler>();
        services.AddScoped<ImportPostcodeAreasHandler>();
        services.AddSingleton<HsdsSchemaCheck>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/SocialMap", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapServicesApi();

    public IEnumerable<Command> Commands(CliHost cli) => [SocialMapCommands.Create(cli)];
}
