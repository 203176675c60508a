namespace Regie.Web.Features.Staff;

/// <summary>Who works in the teams and who pays them; its pages are the functional admin's (Admin folder).</summary>
public sealed class StaffFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StaffQueries>();
        services.AddScoped<SetEmploymentHandler>();
        services.AddScoped<SetAandachtsfunctionarisHandler>();
        services.AddScoped<ResetTwoFactorHandler>();
    }
}
