namespace Regie.Web.Features.Budget;

public sealed class BudgetFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BudgetSettings>();
        services.AddScoped<SetMandateHandler>();
        services.AddScoped<SetTariffHandler>();
        services.AddScoped<SpendAccess>();
        services.AddScoped<SpendQueries>();
        services.AddScoped<SpendComparisons>();
        services.AddScoped<RecordSpendHandler>();
        services.AddScoped<ApproveSpendHandler>();
        services.AddScoped<RefuseSpendHandler>();
        services.AddScoped<PaySpendHandler>();
        services.AddScoped<CancelSpendHandler>();
        services.AddScoped<BudgetQueries>();
        services.AddScoped<AllocateBudgetHandler>();
        services.AddScoped<TransferBudgetHandler>();
        services.AddScoped<BudgetReport>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapBudgetApi();
}
