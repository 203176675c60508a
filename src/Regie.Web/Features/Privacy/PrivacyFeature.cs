namespace Regie.Web.Features.Privacy;

public sealed class PrivacyFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ResidentExportService>();
    }
}
