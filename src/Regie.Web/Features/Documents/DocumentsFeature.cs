using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Documents;

/// <summary>Documents in a household's file (issue 21): upload with the type told from the content, download as attachment, withdrawal.</summary>
public sealed class DocumentsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DocumentQueries>();
        services.AddScoped<UploadDocumentHandler>();
        services.AddScoped<DownloadDocumentHandler>();
        services.AddScoped<WithdrawDocumentHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/Documents", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapDocumentsApi();
}
