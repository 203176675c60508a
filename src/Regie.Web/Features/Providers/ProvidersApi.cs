using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Providers;

/// <summary>The providers' AGB codes and contract lines for the municipality's own systems (its purchasing system): the same handlers as the page and the CLI.</summary>
public static class ProvidersApi
{
    private const string Access =
        " Alleen voor de functioneel beheerder; andere rollen krijgen 403. Een organisatie van een andere gemeente, een afdeling of een onbekend id geeft 404 ('"
        + DomainError.NotFoundCode + "'). Elke wijziging staat in de audittrail.";

    public static void MapProvidersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organisations/{id:guid}").WithTags("Aanbieders: AGB-code en contracten").RequireAuthorization(Infrastructure.Policies.Admin);

        g.MapGet("/contracts", async (Guid id, ProviderQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } p ? Results.Ok(p) : ApiResults.NotFound("De aanbieder"))
            .Produces<ProviderView>(StatusCodes.Status200OK)
            .WithName("GetProviderContracts").WithSummary("Een aanbieder (partnerorganisatie) met haar AGB-code en haar contractregels: kader, productcategorie en eventueel productcode.")
            .WithDescription("Een beschikking met een voorziening voor een aanbieder met AGB-code moet binnen haar contract vallen (kader en productcategorie); een aanbieder"
                + " zonder AGB-code doet niet mee aan het berichtenverkeer iWmo/iJw en wordt niet gecontroleerd." + Access);

        g.MapPut("/agb-code", async (Guid id, AgbCodeInput input, SetAgbCodeHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Results.Ok))
            .Produces<ProviderRow>(StatusCodes.Status200OK)
            .WithName("SetProviderAgbCode").WithSummary("Leg de AGB-code van een aanbieder vast, of wis haar (agbCode leeg of null).")
            .WithDescription($"Foutcodes (400): {AgbCode.InvalidCode} (geen acht cijfers, of begint met 00), {ContractRules.AgbTakenCode} (een andere organisatie van de"
                + $" gemeente heeft deze AGB-code al); 409 '{ErrorCodes.ConcurrencyConflict}' als een andere organisatie haar tegelijk kreeg. Bij een fout wordt niets"
                + " opgeslagen." + Access);

        g.MapPost("/contracts", async (Guid id, ContractInput input, AddContractHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), c => Results.Created($"/api/v1/organisations/{id}/contracts", c)))
            .Produces<ContractView>(StatusCodes.Status201Created)
            .WithName("AddProviderContract").WithSummary("Voeg een contractregel toe: de aanbieder mag deze productcategorie (en eventueel productcode) leveren.")
            .WithDescription($"Foutcodes (400): {ContractRules.FrameworkInvalidCode} (kader is niet Wmo2015 of Jeugdwet), {ContractRules.CategoryInvalidCode}"
                + $" (categorie niet in WMO020 of JZ020), {ContractRules.ProductCodeInvalidCode} (productcode langer dan {ContractRules.ProductCodeMaxLength} tekens of"
                + $" met andere tekens dan letters en cijfers), {ContractRules.DuplicateCode} (deze regel bestaat al); 409 '{ErrorCodes.ConcurrencyConflict}'. Bij een"
                + " fout wordt niets opgeslagen." + Access);

        g.MapDelete("/contracts/{contractId:guid}", async (Guid id, Guid contractId, RemoveContractHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, contractId, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("RemoveProviderContract").WithSummary("Verwijder een contractregel. Beschikkingen die al genomen zijn houden hun voorzieningen.")
            .WithDescription("Een contractregel van een andere aanbieder geeft 404." + Access);
    }
}
