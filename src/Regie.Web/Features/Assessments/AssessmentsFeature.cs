using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Assessments;

public sealed class AssessmentsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ZrmQueries>();
        services.AddScoped<RecordZrmAssessmentHandler>();
        services.AddScoped<ZrmPdf>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Assessments/Zrm", Policies.Care);
    }
}
