using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Retention;

public sealed class RetentionFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new());
        services.AddScoped<RetentionService>();
        services.AddScoped<VroegsignaleringRetention>();
        services.AddHostedService<RetentionJob>();
    }

    public IEnumerable<Command> Commands(CliHost cli) => [RetentionCommands.Create(cli)];
}
