using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Persons;

public sealed class PersonsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PersonQueries>();
        services.AddScoped<UpdateContactHandler>();
        services.AddScoped<RegisterPersonHandler>();
        services.AddScoped<CorrectPersonHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Persons", Policies.Files);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapPersonsApi();
}
