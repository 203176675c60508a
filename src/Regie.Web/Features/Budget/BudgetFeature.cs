namespace Regie.Web.Features.Budget;

public sealed class BudgetFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BudgetSettings>();
        services.AddScoped<SpendHandler>();
        services.AddScoped<BudgetHandler>();
        services.AddScoped<BudgetReport>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapBudgetApi();
}
