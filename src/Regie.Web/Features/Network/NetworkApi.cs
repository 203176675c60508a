using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Network;

/// <summary>The household's network for other systems: the same rules and the same consent as the pages.</summary>
public static class NetworkApi
{
    private const string Access = " Voor de zorgrollen die het dossier mogen openen; partners krijgen 403, wie het dossier niet mag openen 404.";

    public static void MapNetworkApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/network").WithTags("Netwerk").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("/", async (Guid id, NetworkQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } network ? Results.Ok(network) : ApiResults.NotFound("Het huishouden"))
            .Produces<NetworkView>(StatusCodes.Status200OK)
            .WithName("GetNetwork").WithSummary("Het netwerk van het huishouden: familie, vrienden, buren en vrijwilligers die meedoen in het plan, nu en eerder.")
            .WithDescription("Met per persoon de relatie, het contact, wat hij of zij doet in het plan en de toestemming van het huishouden (wie en wanneer)." + Access
                + " Elke lezing staat in de audittrail.");

        g.MapPost("/", async (Guid id, NetworkMemberInput input, AddNetworkMemberHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/network/{added.Id}", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddNetworkMember").WithSummary("Voeg iemand toe aan het netwerk, met de toestemming van het huishouden (wie uit het huishouden en wanneer).")
            .WithDescription("Zonder toestemming van een lid van het huishouden kan niemand worden toegevoegd. Antwoord: het id en de versie; Location wijst naar het netwerklid (PUT)." + Access + " Foutcodes: "
                + $"{NetworkRules.NameRequiredCode}, {NetworkRules.RelationInvalidCode}, {NetworkRules.RoleRequiredCode}, {NetworkRules.ConsentRequiredCode}, "
                + $"{NetworkRules.ConsentDateInvalidCode}, {NetworkRules.TooManyCode}, {ContactDetails.PhoneInvalidCode}, {ContactDetails.EmailInvalidCode}, "
                + $"{TextRules.TooLongCode}, {TextRules.ControlCharsCode}.");

        g.MapPut("/{memberId:guid}", async (Guid id, Guid memberId, NetworkMemberInput input, ChangeNetworkMemberHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, memberId, input, ct), version => Results.Ok(new VersionAnswer(version))))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateNetworkMember").WithSummary("Wijzig een netwerklid: relatie, contact, rol in het plan of toestemming. 409 als het intussen is gewijzigd.")
            .WithDescription("Een beëindigd netwerklid wijzigt niet meer. Niets gewijzigd: dezelfde versie terug, geen nieuwe." + Access + " Foutcodes: "
                + $"{NetworkRules.NameRequiredCode}, {NetworkRules.RelationInvalidCode}, {NetworkRules.RoleRequiredCode}, {NetworkRules.ConsentRequiredCode}, "
                + $"{NetworkRules.ConsentDateInvalidCode}, {ContactDetails.PhoneInvalidCode}, {ContactDetails.EmailInvalidCode}, "
                + $"{TextRules.TooLongCode}, {TextRules.ControlCharsCode}, {NetworkRules.AlreadyEndedCode}, {DomainError.NotFoundCode} (404: een netwerklid van een ander huishouden).");

        g.MapPost("/{memberId:guid}/end", async (Guid id, Guid memberId, EndNetworkMemberInput input, EndNetworkMemberHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, memberId, input, ct), version => Results.Ok(new VersionAnswer(version))))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("EndNetworkMember").WithSummary("Iemand doet niet meer mee in het netwerk: beëindigd met een datum, bewaard in de geschiedenis.")
            .WithDescription("Niets wordt verwijderd." + Access + " Foutcodes: "
                + $"{NetworkRules.EndDateInvalidCode}, {NetworkRules.AlreadyEndedCode}, {DomainError.NotFoundCode} (404: een netwerklid van een ander huishouden).");
    }
}
