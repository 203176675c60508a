using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Decisions;

public sealed class DecisionsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DecisionQueries>();
        services.AddScoped<ApplicationChanges>();
        services.AddScoped<RegisterApplicationHandler>();
        services.AddScoped<ReceiveApplicationHandler>();
        services.AddScoped<ExtendDecisionTermHandler>();
        services.AddScoped<WithdrawApplicationHandler>();
        services.AddScoped<DecideApplicationHandler>();
        services.AddScoped<SetLegalTermsHandler>();
        services.AddScoped<DecisionLetter>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Decisions", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapDecisionsApi();
}
