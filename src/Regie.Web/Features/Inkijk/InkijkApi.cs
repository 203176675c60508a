using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Inkijk;

/// <summary>Inkijk for a partner organisation's systems (its partner API key) and people.</summary>
public static class InkijkApi
{
    public static void MapInkijkApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inkijk").WithTags("Inkijk").RequireAuthorization(Policies.Partner);

        g.MapGet("/", async (InkijkQueries inkijk, CancellationToken ct) => Results.Ok(await inkijk.ListAsync(ct)))
            .Produces<IReadOnlyList<InkijkHouseholdItem>>(StatusCodes.Status200OK)
            .WithName("GetInkijkHouseholds").WithSummary("De huishoudens in wier plan uw organisatie mag meekijken.")
            .WithDescription("Alleen huishoudens die uw organisatie toestemming gaven voor inkijk en waarbij zij nu betrokken is (een lopende registratie in "
                + "het betrokkenheidsregister of een open verwijzing). Alleen voor de rol partner (account of API-sleutel van de organisatie).");

        g.MapGet("/{householdId:guid}", async (Guid householdId, InkijkQueries inkijk, CancellationToken ct) =>
                await inkijk.HouseholdAsync(householdId, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound("Het huishouden"))
            .Produces<InkijkView>(StatusCodes.Status200OK)
            .WithName("GetInkijk").WithSummary("De doelen en acties van het actieve plan die over uw organisatie gaan, alleen lezen.")
            .WithDescription("Een actie gaat over uw organisatie als zij de uitvoerder is (of een van haar professionals); de doelen zijn die waar zulke acties bij horen. "
                + "Niets anders uit het dossier. Zonder actieve toestemming, zonder betrokkenheid of voor een onbekend huishouden: 404, hetzelfde antwoord. "
                + "Elke lezing, ook een geweigerde, staat in de audittrail.");

        g.MapPost("/{householdId:guid}/acties/{actionId:guid}/voortgang", async (Guid householdId, Guid actionId, ProgressInput input, ReportProgressHandler handler,
                CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(householdId, actionId, input, ct), id => Results.Created($"/api/v1/inkijk/{householdId}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("ReportActionProgress").WithSummary("Meld voortgang op een actie van uw organisatie, en zet haar zo nodig op gedaan.")
            .WithDescription("`voortgang` is verplicht (maximaal 1000 tekens, 400 `progress-note-required` zonder); `gedaan: true` zet de actie op gedaan, "
                + "een nieuwe versie van het plan; `gedaan: true` op een actie die al gedaan is geeft 400 `action-already-done` en legt niets vast (meld dan "
                + "voortgang zonder `gedaan`). De voortgang komt op de tijdlijn van het huishouden. Een actie van een andere organisatie of van een ander "
                + "huishouden geeft 404, net als een huishouden zonder toestemming of betrokkenheid.");
    }
}
