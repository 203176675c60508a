using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>The Meldcode huiselijk geweld en kindermishandeling: tracks, their steps, and who may read them.</summary>
public sealed class MeldcodeFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeldcodeAccessService>();
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
        api.MapMeldcodeWithholdingApi();
    }
}
