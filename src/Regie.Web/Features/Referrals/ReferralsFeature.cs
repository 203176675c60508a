namespace Regie.Web.Features.Referrals;

public sealed class ReferralsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferralQueries>();
        services.AddScoped<IncomingReferralQueries>();
        services.AddScoped<SendReferralHandler>();
        services.AddScoped<StepReferralHandler>();
        services.AddScoped<LightSupportHandler>();
        services.AddScoped<ConflictOfInterestQuery>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapReferralsApi();
}
