using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.ContactNotes;

/// <summary>Contact notes (klantcontacten, issue 21): a home visit, a phone call, at the office or digital, changed only as a new version.</summary>
public sealed class ContactNotesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ContactNoteQueries>();
        services.AddScoped<AddContactNoteHandler>();
        services.AddScoped<ReviseContactNoteHandler>();
        services.AddScoped<WithdrawContactNoteHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages) => pages.AuthorizeSlice("/ContactNotes", Policies.Care);

    public void MapApi(RouteGroupBuilder api) => api.MapContactNotesApi();
}
