using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Messages;

/// <summary>Messages about a household between its file's team and involved partner organisations with consent.</summary>
public static class MessagesApi
{
    public static void MapMessagesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/threads").WithTags("Berichten").RequireAuthorization(Policies.Files);

        g.MapGet("/", async (Guid id, MessageQueries messages, CancellationToken ct) =>
                await messages.ThreadsAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("Het huishouden"))
            .Produces<IReadOnlyList<ThreadItem>>(StatusCodes.Status200OK)
            .WithName("GetThreads").WithSummary("De gesprekken over het huishouden waaraan u deelneemt.")
            .WithDescription("De zorgrollen die het dossier mogen openen zien alle gesprekken; een partnerorganisatie alleen de hare, zolang zij toestemming "
                + "voor berichten heeft en betrokken is. Anders 404, hetzelfde als voor een onbekend huishouden.");

        g.MapPost("/", async (Guid id, StartThreadInput input, StartThreadHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), threadId => Results.Created($"/api/v1/households/{id}/threads/{threadId}", new CreatedAnswer(threadId))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("StartThread").WithSummary("Start een gesprek met een betrokken partnerorganisatie (`organisatieId`, `onderwerp`, `tekst`).")
            .WithDescription("Alleen voor de zorgrollen die in het dossier werken. Zonder toestemming voor berichten of zonder betrokkenheid: 400 "
                + "`message-organisation-not-allowed`. De organisatie krijgt een melding zonder onderwerp of tekst.");

        g.MapGet("/{threadId:guid}", async (Guid id, Guid threadId, MessageQueries messages, CancellationToken ct) =>
                await messages.ThreadAsync(id, threadId, ct) is { } thread ? Results.Ok(thread) : ApiResults.NotFound("Het gesprek"))
            .Produces<ThreadView>(StatusCodes.Status200OK)
            .WithName("GetThread").WithSummary("Een gesprek met zijn berichten.")
            .WithDescription("Een gesprek van een ander huishouden, van een andere organisatie of na intrekken van de toestemming: 404.");

        g.MapPost("/{threadId:guid}/messages", async (Guid id, Guid threadId, MessageInput input, PostMessageHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, threadId, input, ct), messageId => Results.Created($"/api/v1/households/{id}/threads/{threadId}", new CreatedAnswer(messageId))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("PostMessage").WithSummary("Schrijf een bericht in een gesprek (`tekst`, maximaal 4000 tekens).")
            .WithDescription("Antwoordt 201 met het id van het bericht; Location wijst naar het gesprek (een bericht heeft geen eigen adres). De andere kant "
                + "krijgt een melding in de inbox van Regie en een e-mail dat er een nieuw bericht is, zonder onderwerp, tekst of huishouden: de organisatie als het "
                + "team schreef, de regisseur van het huishouden (of wie het gesprek begon, als er geen regisseur is) als de organisatie schreef. Zonder tekst: "
                + "400 `message-body-required`. Schrijft het team nadat de toestemming voor berichten is ingetrokken of de organisatie niet meer betrokken is: "
                + "400 `message-organisation-not-allowed`; het gesprek blijft voor het team te lezen. Een gesprek van een ander huishouden of een andere "
                + "organisatie: 404.");
    }
}
