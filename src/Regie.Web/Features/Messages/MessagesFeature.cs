using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Messages;

public sealed class MessagesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MessageParticipation>();
        services.AddScoped<MessageQueries>();
        services.AddScoped<MessageNotice>();
        services.AddScoped<StartThreadHandler>();
        services.AddScoped<PostMessageHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Messages", Policies.Files);
        pages.AuthorizePage("/Messages/Household", Policies.Care);
        pages.AuthorizePage("/Messages/Partner", Policies.Partner);
    }

    public void MapApi(RouteGroupBuilder api) => api.MapMessagesApi();
}
