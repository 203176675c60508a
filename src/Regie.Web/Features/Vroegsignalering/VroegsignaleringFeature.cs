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
        services.AddScoped<DdasReport>();
        services.AddScoped<SaveVroegsignaleringSettingsHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        // The DDAS report is also for policy (beleid): that page has its own policy instead of the slice's.
        pages.AuthorizeSlice("/Vroegsignalering", Policies.Vroegsignalering, except: "/Vroegsignalering/Ddas");
        pages.AuthorizePage("/Vroegsignalering/Ddas", Policies.Ddas);
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapVroegsignaleringApi();
        api.MapVroegsignalenApi();
    }

    public IEnumerable<Command> Commands(CliHost cli) => [VroegsignalenCommands.Create(cli), VroegsignaleringCommands.Create(cli)];
}
