using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed class StaffFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Beheer.StaffHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Beheer", Policies.Admin);
    }
}
