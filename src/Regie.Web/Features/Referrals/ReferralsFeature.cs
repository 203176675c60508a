namespace Regie.Web.Features.Referrals;

public sealed class ReferralsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferralQueries>();
        services.AddScoped<IncomingReferralQueries>();
        services.AddScoped<SendReferralHandler>();
        services.AddScoped<StepReferralHandler>();
        services.AddScoped<LightSupportQueries>();
        services.AddScoped<StartLightSupportHandler>();
        services.AddScoped<EndLightSupportHandler>();
        services.AddScoped<SaveLightSupportSettingsHandler>();
        services.AddScoped<ConflictOfInterestQuery>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapReferralsApi();
}
