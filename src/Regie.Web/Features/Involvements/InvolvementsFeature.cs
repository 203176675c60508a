using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Involvements;

public sealed class InvolvementsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(InvolvementOptions.Section).Get<InvolvementOptions>() ?? new());
        services.AddSingleton(configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new());
        services.AddScoped<CallerOrganisation>();
        services.AddScoped<InvolvementQueries>();
        services.AddScoped<InvolvementMatches>();
        services.AddScoped<RegisterInvolvementHandler>();
        services.AddScoped<WithdrawInvolvementHandler>();
        services.AddScoped<RenewInvolvementHandler>();
        services.AddScoped<ExpireInvolvementsHandler>();
        services.AddScoped<SyncTeamInvolvementHandler>();
        services.AddScoped<HouseholdInvolvements>();
        services.AddScoped<QuickWithdrawals>();
        services.AddScoped<InvolvementLookup>();
        services.AddSingleton<LookupDataSource>();
        services.AddSingleton<LookupRegister>();
        services.AddSingleton<LookupRegisterInterceptor>();
        services.AddHostedService<LookupRegisterListener>();
        services.AddSingleton<InvolvementImport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddHostedService<InvolvementExpiryJob>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Involvements", Policies.Lookup);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapInvolvementsApi();

    public IEnumerable<Command> Commands(CliHost cli) => [InvolvementCommands.Create(cli)];
}
