using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

public sealed class PlansFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanChanges>();
        services.AddScoped<StartPlanHandler>();
        services.AddScoped<UpdatePlanHandler>();
        services.AddScoped<AddGoalHandler>();
        services.AddScoped<ChangeGoalHandler>();
        services.AddScoped<AddActionHandler>();
        services.AddScoped<ChangeActionHandler>();
        services.AddScoped<CompleteActionHandler>();
        services.AddScoped<RecordAgreementHandler>();
        services.AddScoped<RecordEvaluationHandler>();
        services.AddScoped<PlanPdf>();
        services.AddScoped<ChangePlanSectionsHandler>();
        services.AddScoped<EarlierHelpSuggestion>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Plans", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapPlansApi();
}
