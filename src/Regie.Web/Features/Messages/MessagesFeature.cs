namespace Regie.Web.Features.Messages;

public sealed class MessagesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MessageParticipation>();
        services.AddScoped<MessageQueries>();
        services.AddScoped<StartThreadHandler>();
        services.AddScoped<PostMessageHandler>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapMessagesApi();
}
