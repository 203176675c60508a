using Regie.Domain.Referrals;
using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Referrals;

/// <summary>
/// Referrals for other systems: a provider's system (its organisation's API key, role partner) reads its own incoming
/// referrals and reports accepted, declined, started and finished; the team's systems refer and read a household's
/// referrals. Light support and the conflict-of-interest figures are here too.
/// </summary>
public static class ReferralsApi
{
    private const string DateFormat = "Een datum als jjjj-mm-dd (of dd-mm-jjjj).";

    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/referrals").WithTags("Verwijzingen (aanbieder)").RequireAuthorization(p => p.RequireRole(Roles.Partner));
        provider.MapGet("/", async ([OneOf(typeof(ReferralStatuses), nameof(ReferralStatuses.Words))] string? status, IncomingReferralQueries queries, CancellationToken ct) =>
            ApiResults.From(await queries.IncomingAsync(status, ct), Results.Ok))
            .Produces<IReadOnlyList<ProviderReferralView>>()
            .WithName("GetIncomingReferrals").WithSummary("De verwijzingen aan uw organisatie, nieuwste eerst; ?status=Verstuurd|Geaccepteerd|Afgewezen|Gestart|Afgerond|Ingetrokken (of sent, accepted, declined, started, finished, withdrawn).");
        provider.MapGet("/{id:guid}", async (Guid id, IncomingReferralQueries queries, CancellationToken ct) =>
            await queries.ForProviderAsync(id, ct) is { } r ? Results.Ok(r) : ApiResults.NotFound("De verwijzing"))
            .Produces<ProviderReferralView>()
            .WithName("GetIncomingReferral").WithSummary("Eén verwijzing aan uw organisatie: de inwoner, contactgegevens, de vraag en wie verwees. Nooit het dossier.");
        provider.MapPost("/{id:guid}/status", async (Guid id, ReferralStepInput input, StepReferralHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), v => Results.Ok(new VersionAnswer(v))))
            .Produces<VersionAnswer>()
            .WithName("UpdateReferralStatus").WithSummary("Accepteer, wijs af (reden verplicht), start of rond af (terugkoppeling verplicht). 409 als de verwijzing intussen is gewijzigd.");

        var team = api.MapGroup("/households/{id:guid}").WithTags("Verwijzingen en lichte ondersteuning").RequireAuthorization(Policies.Care);
        team.MapGet("/referrals", async (Guid id, ReferralQueries queries, CancellationToken ct) =>
            await queries.ForHouseholdAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("Het huishouden"))
            .Produces<IReadOnlyList<ReferralView>>()
            .WithName("GetHouseholdReferrals").WithSummary("De verwijzingen van het huishouden met hun verloop; TeLaat markeert verlopen opvolgdata.");
        team.MapPost("/referrals", async (Guid id, ReferralInput input, SendReferralHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), r => Results.Created($"/api/v1/households/{id}/referrals", new CreatedAnswer(r))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("SendReferral").WithSummary("Verwijs een lid van het huishouden naar een aanbieder (en eventueel een dienst van de sociale kaart). Toestemming van de inwoner is verplicht.");
        team.MapPost("/referrals/{referralId:guid}/status", async (Guid id, Guid referralId, ReferralStepInput input, StepReferralHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(referralId, input, ct, id), v => Results.Ok(new VersionAnswer(v))))
            .Produces<VersionAnswer>()
            .WithName("UpdateHouseholdReferralStatus").WithSummary("Het team werkt de status bij (voor een aanbieder zonder account) of trekt de verwijzing in.");
        team.MapGet("/light-support", async (Guid id, LightSupportQueries handler, Households.HouseholdQueries households, CancellationToken ct) =>
                await households.ExistsAsync(id, ct) ? Results.Ok(await handler.ForHouseholdAsync(id, ct)) : ApiResults.NotFound("Het huishouden"))
            .Produces<IReadOnlyList<LightSupportView>>()
            .WithName("GetLightSupport").WithSummary("De lichte ondersteuning van het huishouden, nieuwste eerst; TeLang markeert wat over de geplande einddatum loopt.");
        team.MapPost("/light-support", async (Guid id, LightSupportInput input, StartLightSupportHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), s => Results.Created($"/api/v1/households/{id}/light-support", new CreatedAnswer(s))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("StartLightSupport").WithSummary("Start lichte ondersteuning zonder beschikking bij een doel; geweigerd (light-support-not-allowed, light-support-too-long) buiten wat de gemeente toestaat.");
        team.MapPost("/light-support/{supportId:guid}/end", async (Guid id, Guid supportId, LightSupportEndInput input, EndLightSupportHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, supportId, input, ct), v => Results.Ok(new VersionAnswer(v))))
            .Produces<VersionAnswer>()
            .WithName("EndLightSupport").WithSummary("Beëindig lichte ondersteuning met de uitkomst; zonder einddatum is het vandaag.");

        api.MapGet("/conflict-of-interest", async ([Description(DateFormat)] string? van, [Description(DateFormat)] string? tot, ConflictOfInterestQuery query, CancellationToken ct) =>
            ApiResults.From(await query.ReportAsync(van, tot, ct), Results.Ok))
            .Produces<ConflictOfInterestReport>()
            .RequireAuthorization(Policies.TeamLead).WithTags("Verwijzingen en lichte ondersteuning")
            .WithName("GetConflictOfInterestFigures").WithSummary("Per team en per aanbieder: het aandeel verwijzingen naar de eigen werkgever, naast dat van onafhankelijke medewerkers. ?van=&tot= (dd-mm-jjjj of jjjj-mm-dd).");
    }
}
