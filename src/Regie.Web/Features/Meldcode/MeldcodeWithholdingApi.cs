using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// Withholding parts of a Meldcode track from the resident's inzage (UAVG art. 41) for other systems: the track's readers
/// see the withholdings; only the household's coordinator withholds and lifts.
/// </summary>
public static class MeldcodeWithholdingApi
{
    private const string Coordinator = " Alleen de regisseur van het huishouden (anderen die het traject lezen: 403 met code " + MeldcodeWithholdingRules.NotCoordinatorCode
        + "; wie het traject niet leest: 404). Foutcodes: ";

    public static void MapMeldcodeWithholdingApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/meldcode/{trackId:guid}/withholdings").WithTags("Meldcode").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("/", async (Guid id, Guid trackId, MeldcodeWithholdingQueries queries, CancellationToken ct) =>
            await queries.ForTrackAsync(id, trackId, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("Het meldcodetraject"))
            .Produces<IReadOnlyList<MeldcodeWithholdingView>>(StatusCodes.Status200OK)
            .WithName("GetMeldcodeWithholdings").WithSummary("De delen van het traject die niet worden verstrekt bij een inzageverzoek (UAVG artikel 41): welk deel, de reden, wie en wanneer, en of de beperking is opgeheven.")
            .WithDescription("Voor wie het traject leest (de regisseur, de aandachtsfunctionaris en de teamleider van het team dat het dossier heeft); anderen krijgen 404. Elke lezing staat in de audittrail.");

        g.MapPost("/", async (Guid id, Guid trackId, WithholdingInput input, WithholdMeldcodeFromExportHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, input, ct), w => Results.Ok(new CreatedAnswer(w))))
            .Produces<CreatedAnswer>(StatusCodes.Status200OK)
            .WithName("WithholdMeldcodeFromExport").WithSummary("Verstrek het hele traject, of één vastlegging ('vastleggingId'), niet bij een inzageverzoek van de inwoner, met de reden (UAVG artikel 41, bijvoorbeeld de veiligheid van een kind).")
            .WithDescription("De inzage vermeldt dan dat een deel niet is verstrekt op grond van artikel 41 UAVG, zonder welk deel of waarom; de privacy officer ziet de reden." + Coordinator
                + $"{TextRules.RequiredCode}, {TextRules.TooLongCode}, {TextRules.ControlCharsCode}, {MeldcodeWithholdingRules.AlreadyWithheldCode}, {DomainError.NotFoundCode} (404: traject of vastlegging van een ander huishouden).");

        g.MapPost("/{withholdingId:guid}/lift", async (Guid id, Guid trackId, Guid withholdingId, LiftMeldcodeWithholdingHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, withholdingId, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("LiftMeldcodeWithholding").WithSummary("Hef een beperking op: het deel komt in de volgende inzage. De beperking blijft bewaard met wie haar wanneer ophief.")
            .WithDescription(Coordinator.TrimStart() + $"{MeldcodeWithholdingRules.AlreadyLiftedCode}, {DomainError.NotFoundCode} (404).");
    }
}
