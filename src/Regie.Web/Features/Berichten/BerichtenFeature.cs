using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Berichten;

/// <summary>
/// The iWmo/iJw exchange (issue 23 point 4): the desk's list of messages sent and received, a message's XML, and the export of the
/// ready 301s to the hub. Who handles applications reads it (<see cref="Policies.Care"/>); the client's household only who may open its file.
/// </summary>
public sealed class BerichtenFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BerichtenQueries>();
        services.AddScoped<ExportBerichtenHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Berichten", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapBerichtenApi();

    /// <summary>One `berichten` command: `export` of the ready 301s, `import` of providers' messages from files.</summary>
    public IEnumerable<Command> Commands(CliHost cli) =>
        [new Command("berichten", "Het iWmo/iJw-berichtenverkeer met de zorgaanbieders.") { BerichtenExportCommand.Create(cli), ImportBerichten.Create(cli) }];
}
