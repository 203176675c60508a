using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Conferences;

/// <summary>Case conferences of a household (issue 21): planning with invitations, attendance, minutes, decisions and the plan version agreed.</summary>
public sealed class ConferencesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConferenceQueries>();
        services.AddScoped<ConferenceChanges>();
        services.AddScoped<ConferenceInvitations>();
        services.AddScoped<PlanConferenceHandler>();
        services.AddScoped<RescheduleConferenceHandler>();
        services.AddScoped<CancelConferenceHandler>();
        services.AddScoped<RecordAttendanceHandler>();
        services.AddScoped<RecordMinutesHandler>();
        services.AddScoped<AgreePlanVersionHandler>();
        services.AddScoped<AddInviteesHandler>();
        services.AddScoped<WithdrawInviteeHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Conferences", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapConferencesApi();
}
