using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>
/// The Veilig Verder plan, the safety annex to the household plan. A slice of its own, not part of Plans: its pages and API
/// are for the care roles only (the plan's API also serves partners), its reads and changes have their own audit resource,
/// and it writes nothing to the timeline, so keeping it apart keeps those differences in one place.
/// </summary>
public sealed class VeiligVerderFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VeiligVerderQueries>();
        services.AddScoped<VeiligVerderChanges>();
        services.AddScoped<StartVeiligVerderHandler>();
        services.AddScoped<AddSafetyGoalHandler>();
        services.AddScoped<ChangeSafetyGoalHandler>();
        services.AddScoped<AddSafetyAgreementHandler>();
        services.AddScoped<ChangeSafetyAgreementHandler>();
        services.AddScoped<AddSafetyCheckHandler>();
        services.AddScoped<ChangeSafetyCheckHandler>();
        services.AddScoped<RecordVeiligVerderAgreementHandler>();
        services.AddScoped<VeiligVerderPdf>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/VeiligVerder", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapVeiligVerderApi();
}
