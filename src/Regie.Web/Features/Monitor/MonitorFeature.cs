using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Monitor;

public sealed class MonitorFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MonitorQuery>();
        services.AddScoped<MonitorCostQueries>();
        services.AddScoped<RecordCostEntryHandler>();
        services.AddScoped<WithdrawCostEntryHandler>();
        services.AddScoped<MonitorSnapshots>();
        services.AddHostedService<MonitorRefreshJob>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapMonitorApi();

    public IEnumerable<Command> Commands(CliHost cli) => [MonitorCommands.Create(cli)];
}
