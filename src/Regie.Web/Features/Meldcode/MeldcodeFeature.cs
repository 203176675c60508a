using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>The Meldcode huiselijk geweld en kindermishandeling: tracks, their steps, and who may read them.</summary>
public sealed class MeldcodeFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeldcodeAccessService>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Meldcode", Policies.Care);
    }
}
