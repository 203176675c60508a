using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>Vroegsignalering (issue 22): the worklist of open cases, contact attempts within the term, and closing with the DDAS outcome.</summary>
public sealed class VroegsignaleringFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VroegsignaleringSettingsReader>();
        services.AddScoped<VroegsignaleringQueries>();
        services.AddScoped<RecordContactAttemptHandler>();
        services.AddScoped<CloseCaseHandler>();
        services.AddScoped<SignalIntake>();
        services.AddScoped<ReceiveSignalHandler>();
        services.AddScoped<MatchSignalHandler>();
        services.AddSingleton<SignalImport>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Vroegsignalering", Policies.Vroegsignalering);

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapVroegsignaleringApi();
        api.MapVroegsignalenApi();
    }

    public IEnumerable<Command> Commands(CliHost cli) => [VroegsignalenCommands.Create(cli)];
}
