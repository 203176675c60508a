namespace Regie.Web.Features.Evaluaties;

/// <summary>Issue 24: evaluating what a change of model or working practice did, for the policy officer only.</summary>
public sealed class EvaluatiesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EvaluationData>();
        services.AddScoped<EvaluateChange>();
        services.AddScoped<RecordWerkwijzewijzigingHandler>();
        services.AddScoped<ChangeWerkwijzewijzigingHandler>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapEvaluatiesApi();
}
