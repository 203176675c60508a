using Regie.Web.Features.Api;

namespace Regie.Web.Features.Involvements;

/// <summary>The department look-up and the involvement register, for other systems (with an API key) and for people.</summary>
public static class InvolvementsApi
{
    public static void MapInvolvementsApi(this RouteGroupBuilder api)
    {
        // The BSN in the body: a URL ends up in proxy logs, browser history and traces.
        api.MapPost("/lookup", async (LookupInput input, InvolvementLookup service, CancellationToken ct) =>
            ApiResults.From(await service.LookupAsync(input.Bsn, input.Doel, ct), Results.Ok))
            .Produces<LookupResult>(StatusCodes.Status200OK)
            .RequireAuthorization(Infrastructure.Policies.Lookup).WithTags("Betrokkenheid")
            .WithName("LookupInvolvementByPost")
            .WithSummary("Is er iemand betrokken, en wie bel ik? Alleen wie en hoe bereikbaar; `bsn` en `doel` (verplicht, wordt vastgelegd) in de body.")
            .WithDescription("Een onbekend BSN en een bekende inwoner bij wie niemand betrokken is krijgen precies hetzelfde antwoord. Een ongeldig BSN geeft 400 `bsn-invalid`; zonder doel 400 `lookup-purpose-required`.");

        api.MapGet("/lookup/{bsn}", async (string bsn, string? doel, InvolvementLookup service, HttpContext http, CancellationToken ct) =>
            {
                // Said in the answer as well as in the document (RFC 9745): callers that never read the document see it in their logs.
                http.Response.Headers["Deprecation"] = "true";
                http.Response.Headers.Link = "</api/v1/lookup>; rel=\"successor-version\"";
                return ApiResults.From(await service.LookupAsync(bsn, doel, ct), Results.Ok);
            })
            .Produces<LookupResult>(StatusCodes.Status200OK)
            .RequireAuthorization(Infrastructure.Policies.Lookup).WithTags("Betrokkenheid")
            .WithName("LookupInvolvement").WithSummary("Verouderd: gebruik POST /api/v1/lookup. Het BSN in de URL komt in logbestanden terecht.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Deprecated = true;
                // Optional to the binder, so the rule can answer lookup-purpose-required; required to the caller.
                foreach (var p in operation.Parameters?.OfType<Microsoft.OpenApi.OpenApiParameter>().Where(p => p.Name == "doel") ?? []) p.Required = true;
                return Task.CompletedTask;
            });

        var g = api.MapGroup("/involvements").WithTags("Betrokkenheid").RequireAuthorization(Infrastructure.Policies.Lookup);
        g.MapPost("/", async (InvolvementInput input, RegisterInvolvementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(input, ct), id => Results.Created($"/api/v1/involvements/{id}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("RegisterInvolvement").WithSummary("Registreer dat uw organisatie betrokken is bij een inwoner (`bsn`, `contactpersoon` met `telefoon` of `email`, en de verplichte `reden`); een tweede betrokkene geeft een match.");
        g.MapDelete("/{id:guid}", async (Guid id, WithdrawInvolvementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("WithdrawInvolvement").WithSummary("Trek de betrokkenheid van uw organisatie in.");
        g.MapPost("/{id:guid}/renew", async (Guid id, RenewInvolvementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("RenewInvolvement").WithSummary("Verleng de betrokkenheid van uw organisatie: zij loopt weer het maximum aantal jaren (Involvement:MaxYears) vanaf vandaag.");
    }
}
