using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Regie.Web.Features;

/// <summary>Enumerates the slices; each slice's own <see cref="IFeature"/> says what it adds.</summary>
public static class FeatureRegistration
{
    /// <summary>
    /// Every slice that wires something of its own. The order is the order of the API's routes (and so of the
    /// OpenAPI document) and of the CLI's commands in the help.
    /// </summary>
    public static IReadOnlyList<IFeature> All { get; } =
    [
        new Search.SearchFeature(),
        new Households.HouseholdsFeature(),
        new Persons.PersonsFeature(),
        new Timeline.TimelineFeature(),
        new Access.AccessFeature(),
        new Privacy.PrivacyFeature(),
        new Assessments.AssessmentsFeature(),
        new Coordination.CoordinationFeature(),
        new Plans.PlansFeature(),
        new VeiligVerder.VeiligVerderFeature(),
        new Network.NetworkFeature(),
        new Trajectories.TrajectoriesFeature(),
        new Requests.RequestsFeature(),
        new Meldcode.MeldcodeFeature(),
        new Conferences.ConferencesFeature(),
        new Documents.DocumentsFeature(),
        new ContactNotes.ContactNotesFeature(),
        new Vroegsignalering.VroegsignaleringFeature(),
        new ApiKeys.ApiKeysFeature(),
        new Involvements.InvolvementsFeature(),
        new SocialMap.SocialMapFeature(),
        new Providers.ProvidersFeature(),
        new Referrals.ReferralsFeature(),
        new Consent.ConsentFeature(),
        new Inkijk.InkijkFeature(),
        new Messages.MessagesFeature(),
        new Decisions.DecisionsFeature(),
        new Toewijzingen.ToewijzingenFeature(),
        new Berichten.BerichtenFeature(),
        new Berichten.BerichtIntakeFeature(),
        new Team.TeamFeature(),
        new Budget.BudgetFeature(),
        new Assignees.AssigneesFeature(),
        new Staff.StaffFeature(),
        new Account.AccountFeature(),
        new Monitor.MonitorFeature(),
        new Evaluaties.EvaluatiesFeature(),
        new Scenarios.ScenariosFeature(),
        new Retention.RetentionFeature(),
        new Audit.AuditFeature(),
    ];

    /// <summary>Handlers and queries that pages, API and CLI share, each slice's own.</summary>
    public static IServiceCollection AddRegieFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        // Tests that move time forward register their own clock first.
        services.TryAddSingleton(TimeProvider.System);
        Audit.AuditFeature.AddRegieAudit(services);
        foreach (var feature in All) feature.AddServices(services, configuration);
        return services;
    }

    /// <summary>Every page needs a signed-in user; an Admin folder narrows that to the functional admin, a slice to its roles.</summary>
    public static void AuthorizeFeaturePages(this PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/");
        pages.AuthorizeAdminFolders();
        foreach (var feature in All) feature.AuthorizePages(pages);
        pages.AllowAnonymousToPage("/Shared/Error");
    }

    public static void MapFeatureApis(this RouteGroupBuilder api)
    {
        foreach (var feature in All) feature.MapApi(api);
    }
}
