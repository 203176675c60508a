using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;
using Regie.Domain.Safety;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>The Meldcode huiselijk geweld en kindermishandeling: tracks, their steps, and who may read them.</summary>
public sealed class MeldcodeFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Bound and checked at start-up: a server with a stuck limit that makes no sense does not start.
        services.AddOptions<MeldcodeOptions>().Bind(configuration.GetSection(MeldcodeOptions.Section))
            .Validate(o => MeldcodeRules.IsValidStuckAfterDays(o.StuckAfterDays), MeldcodeOptions.Invalid).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MeldcodeOptions>>().Value);
        services.AddScoped<MeldcodeAccessService>();
        services.AddScoped<MeldcodeTeamQueries>();
        services.AddScoped<MeldcodeQueries>();
        services.AddScoped<MeldcodeChanges>();
        services.AddScoped<RecordSignalsHandler>();
        services.AddScoped<RecordConsultationHandler>();
        services.AddScoped<RecordConversationHandler>();
        services.AddScoped<RecordWeighingHandler>();
        services.AddScoped<RecordMeldcodeDecisionHandler>();
        services.AddScoped<CorrectMeldcodeEntryHandler>();
        services.AddScoped<MeldcodeWithholdingQueries>();
        services.AddScoped<WithholdMeldcodeFromExportHandler>();
        services.AddScoped<LiftMeldcodeWithholdingHandler>();
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeSlice("/Meldcode", Policies.Care);
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapMeldcodeApi();
        api.MapMeldcodeTeamApi();
        api.MapMeldcodeWithholdingApi();
    }
}
