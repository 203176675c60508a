using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Audit;

public sealed class AuditFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [AuditCommands.Create(cli)];

    /// <summary>
    /// Every slice writes to the audit trail, so <see cref="FeatureRegistration"/> registers it before the slices: its
    /// drain then starts first and stops last, and takes along what the other slices' jobs write while they stop.
    /// </summary>
    public static IServiceCollection AddRegieAudit(IServiceCollection services)
    {
        services.AddSingleton<AuditWriteGate>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(AuditJournalOptions.Section).Get<AuditJournalOptions>() ?? new());
        services.AddSingleton<AuditJournal>();
        services.AddSingleton<AuditJournalDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditJournalDrain>());
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditSearch>();
        return services;
    }
}
