using Regie.Domain.IStandaarden;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Toewijzingen;

/// <summary>The assignments a decision made and their change; the messages themselves are in the exchange (/api/v1/berichten).</summary>
public static class ToewijzingenApi
{
    public static void MapToewijzingenApi(this RouteGroupBuilder api)
    {
        api.MapGet("/applications/{id:guid}/toewijzingen", async (Guid id, ToewijzingQueries queries, CancellationToken ct) =>
                await queries.ForApplicationAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("De aanvraag"))
            .RequireAuthorization(Infrastructure.Policies.Care).WithTags("Aanvragen en beschikkingen")
            .Produces<IReadOnlyList<ToewijzingView>>()
            .WithName("ListToewijzingen")
            .WithSummary("De toewijzingen (iWmo/iJw) van de beschikking op deze aanvraag: nummer, aanbieder, periode, omvang, start en stop die de aanbieder meldde, en het laatste 301-bericht.")
            .WithDescription("Een toegekend Wmo- of Jeugdwetproduct met een aanbieder wordt bij de beschikking een toewijzing met een nummer (uniek per gemeente en kader) en een 301-bericht"
                + " met alle lopende toewijzingen van de inwoner bij die aanbieder. Het bericht is gecontroleerd tegen de XSD van iWmo/iJw 3.2: status klaar (wacht op verzending),"
                + " verzonden, of afgewezen met de problemen (dan gaat het niet weg). Een lege lijst: nog geen beschikking, een afwijzing, of geen product met aanbieder. 404 voor een aanvraag die u niet mag zien.");

        api.MapPost("/toewijzingen/{id:guid}/wijziging", async (Guid id, ToewijzingWijzigingInput input, ChangeToewijzingHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Results.Ok))
            .RequireAuthorization(Infrastructure.Policies.Care).WithTags("Aanvragen en beschikkingen")
            .Produces<ToewijzingWijzigingAnswer>()
            .WithName("ChangeToewijzing")
            .WithSummary("Wijzig of beëindig een toewijzing (nieuwe einddatum en/of omvang, met de reden uit WMO002/JZ002); de aanbieder krijgt een nieuwe 301.")
            .WithDescription("Eerder einde: beëindigen of verkorten; later einde: verlengen; reden 13 (verwijderd) trekt een toewijzing in die nooit had mogen gaan (einde: de dag vóór de ingangsdatum)."
                + " De 301 met alle lopende toewijzingen bij die aanbieder wordt in dezelfde transactie gemaakt en tegen de XSD gecontroleerd; bericht en berichtStatus in het antwoord."
                + $" Foutcodes (400, er wordt niets opgeslagen): {AssignmentRules.ReasonInvalidCode} (reden), {AssignmentRules.EndInvalidCode} (einddatum vóór de ingangsdatum of meer dan vijf jaar),"
                + $" {AssignmentRules.VolumeInvalidCode} (omvang), {AssignmentRules.NothingChangedCode} (er verandert niets), {AssignmentRules.AlreadyEndedCode} (al afgelopen of verwijderd),"
                + $" {Domain.Common.DutchDate.InvalidCode} (einddatum onleesbaar); 404 voor een toewijzing van een aanvraag die u niet mag zien; 409 '{ErrorCodes.ConcurrencyConflict}' bij een andere versie"
                + " of als tegelijk een ander bericht hetzelfde berichtnummer kreeg (lees opnieuw en probeer het nog eens).");
    }
}
