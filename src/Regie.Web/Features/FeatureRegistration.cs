using Microsoft.Extensions.DependencyInjection.Extensions;
using Regie.Web.Features.Households;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Search;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// Every slice that wires something of its own. The order is the order of the CLI's commands in the help.
    /// </summary>
    public static IReadOnlyList<IFeature> All { get; } =
    [
        new ApiKeys.ApiKeysFeature(),
        new Involvements.InvolvementsFeature(),
        new SocialMap.SocialMapFeature(),
        new Monitor.MonitorFeature(),
        new Retention.RetentionFeature(),
        new Audit.AuditFeature(),
    ];

    /// <summary>Handlers and queries that pages, API and CLI share. Scoped: one DbContext per request.</summary>
    public static IServiceCollection AddRegieFeatures(this IServiceCollection services)
    {
        // Tests that move time forward register their own clock first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TimelineWriter>();
        services.AddScoped<AddNoteHandler>();
        services.AddScoped<Access.FileAccessService>();
        services.AddSingleton<Audit.AuditWriteGate>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(Audit.AuditJournalOptions.Section).Get<Audit.AuditJournalOptions>() ?? new());
        services.AddSingleton<Audit.AuditJournal>();
        services.AddSingleton<Audit.AuditJournalDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<Audit.AuditJournalDrain>());
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Audit.AuditSearch>();
        services.AddScoped<Privacy.ResidentExportService>();
        services.AddScoped<Retention.RetentionService>();
        services.AddScoped<Assessments.ZrmAssessmentHandler>();
        services.AddScoped<Coordination.CoordinatorHandler>();
        services.AddScoped<Assignees.AssigneeQueries>();
        services.AddScoped<Trajectories.TrajectoryHandler>();
        services.AddScoped<Plans.PlanHandler>();
        services.AddScoped<Plans.PlanPdf>();
        services.AddScoped<Assessments.ZrmPdf>();
        services.AddScoped<Requests.RequestHandler>();
        services.AddScoped<Requests.TriageSettingsHandler>();
        services.AddScoped<Involvements.InvolvementService>();
        services.AddScoped<Involvements.HouseholdInvolvements>();
        services.AddScoped<Involvements.QuickWithdrawals>();
        services.AddScoped<Involvements.InvolvementLookup>();
        services.AddSingleton<Involvements.LookupDataSource>();
        services.AddSingleton<Involvements.LookupRegister>();
        services.AddSingleton<Involvements.LookupRegisterInterceptor>();
        services.AddHostedService<Involvements.LookupRegisterListener>();
        services.AddSingleton<Involvements.InvolvementImport>();
        services.AddSingleton<Involvements.OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Involvements.OutboxSender>());
        services.AddHostedService<Involvements.InvolvementExpiryJob>();
        services.AddScoped<Team.StuckHouseholdsQuery>();
        services.AddHostedService<Retention.RetentionJob>();
        services.AddScoped<Access.BreakGlassHandler>();
        services.AddScoped<Access.EmergencyAccessOverview>();
        services.AddScoped<TimelineQuery>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<PersonQueries>();
        services.AddScoped<UpdateContactHandler>();
        services.AddScoped<RegisterPersonHandler>();
        services.AddScoped<CorrectPersonHandler>();
        services.AddScoped<HouseholdQueries>();
        services.AddScoped<CreateHouseholdHandler>();
        services.AddScoped<HouseholdMembershipHandler>();
        services.AddScoped<ChangeAddressHandler>();
        services.AddScoped<Beheer.StaffHandler>();
        services.AddScoped<Infrastructure.Demo.DemoSeeder>();
        services.AddScoped<SocialMap.HsdsStore>();
        services.AddScoped<SocialMap.SocialMapExchange>();
        services.AddScoped<SocialMap.SocialMapSearch>();
        services.AddScoped<SocialMap.SocialMapAdmin>();
        services.AddSingleton<SocialMap.HsdsSchemaCheck>();
        services.AddScoped<Referrals.ReferralHandler>();
        services.AddScoped<Referrals.LightSupportHandler>();
        services.AddScoped<Referrals.ConflictOfInterestQuery>();
        services.AddScoped<Decisions.ApplicationHandler>();
        services.AddScoped<Decisions.DecisionLetter>();
        services.AddScoped<Team.WaitingTimesQuery>();
        services.AddScoped<Monitor.MonitorQuery>();
        services.AddScoped<Monitor.MonitorCostHandler>();
        services.AddScoped<Monitor.MonitorSnapshots>();
        services.AddHostedService<Monitor.MonitorRefreshJob>();
        services.AddScoped<Budget.BudgetSettings>();
        services.AddScoped<Budget.SpendHandler>();
        services.AddScoped<Budget.BudgetHandler>();
        services.AddScoped<Budget.BudgetReport>();
        return services;
    }
}
