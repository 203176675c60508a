using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Consent;

/// <summary>The household's consents per organisation, for the care roles' systems.</summary>
public static class ConsentApi
{
    public static void MapConsentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/consents").WithTags("Toestemming").RequireAuthorization(Policies.Care);

        g.MapGet("/", async (Guid id, ConsentQueries consents, CancellationToken ct) =>
                await consents.ForHouseholdAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("Het huishouden"))
            .Produces<IReadOnlyList<ConsentView>>(StatusCodes.Status200OK)
            .WithName("GetConsents").WithSummary("De toestemmingen van het huishouden per organisatie, ook de ingetrokken (de geschiedenis).")
            .WithDescription("Voor de zorgrollen die het dossier mogen openen. Elke toestemming noemt de organisatie, de `reikwijdte` (`inkijk`, `berichten`), "
                + "wanneer en door wie van het huishouden zij is gegeven, en of en wanneer zij is ingetrokken. Elke lezing staat in de audittrail.");

        g.MapPost("/", async (Guid id, ConsentInput input, GiveConsentHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), consentId => Results.Created($"/api/v1/households/{id}/consents", new CreatedAnswer(consentId))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("GiveConsent").WithSummary("Leg de toestemming van het huishouden vast voor één partnerorganisatie.")
            .WithDescription("`organisatieId` (een partnerorganisatie), `reikwijdte` (`inkijk` en/of `berichten`), `gegevenOp` (leeg is vandaag) en `gegevenDoor` "
                + "(een huidig lid van het huishouden) zijn nodig. Heeft de organisatie al actieve toestemming, dan 400 `consent-already-given`: trek die eerst in.");

        g.MapPost("/{consentId:guid}/revoke", async (Guid id, Guid consentId, RevokeConsentInput input, RevokeConsentHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, consentId, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("RevokeConsent").WithSummary("Trek een toestemming in; de inkijk en de berichten van de organisatie sluiten meteen.")
            .WithDescription("`ingetrokkenOp` (leeg is vandaag) mag niet in de toekomst en niet vóór de datum van de toestemming liggen. "
                + "Een toestemming die al is ingetrokken geeft 400 `consent-already-revoked`. De toestemming blijft in de geschiedenis.");
    }
}
