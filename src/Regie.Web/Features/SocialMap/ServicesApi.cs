using System.Text;
using System.Text.Json.Nodes;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// The social map for other systems, in HSDS 3.0 shapes: a page of services (the standard's service_list), one
/// service in full (service_full), and the whole map as HSDS JSON or as the CSV data package.
/// </summary>
public static class ServicesApi
{
    public static void MapServicesApi(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/services").WithTags("Sociale kaart (HSDS)");

        services.MapGet("/", async (HttpRequest request, SocialMapSearch search, HsdsStore store, CancellationToken ct) =>
        {
            var q = request.Query;
            int Number(string name, int fallback) => int.TryParse(q[name], out var n) ? n : fallback;
            var criteria = SocialMapSearch.Parse(new SearchInput
            {
                // HSDS's own parameter names, and Regie's Dutch ones for what HSDS does not have.
                Zoek = q["search"].FirstOrDefault() ?? q["zoek"].FirstOrDefault(),
                Leefgebied = q["leefgebied"], Soort = q["soort"], Leeftijd = q["leeftijd"], Postcode = q["postcode"], Afstand = q["afstand"],
                Pagina = Number("page", 1), PerPagina = Number("per_page", SocialMapSearch.PageSize),
            });
            if (!criteria.IsOk) return ApiResults.From(criteria, _ => Results.Ok());
            var result = await search.SearchAsync(criteria.Value!, ct);
            var data = await store.LoadAsync(ct);
            var items = result.Hits.Select(h => HsdsJson.Item(data, HsdsCatalog.Service, h.Id)).ToList();
            return Json(HsdsJson.Page(items, result.Total, result.Page, result.PerPage));
        })
        .WithName("SearchServices")
        .WithSummary("Zoek diensten op de sociale kaart: een HSDS-pagina van diensten (service_list). Parameters: search, page, per_page, leefgebied (ZRM), soort (algemeen, nulde-lijn, maatwerk), leeftijd, postcode en afstand (km); met een postcode gesorteerd op afstand.");

        services.MapGet("/{id:guid}", async (Guid id, HsdsStore store, CancellationToken ct) =>
        {
            var data = await store.LoadAsync(ct);
            return data.Find(HsdsCatalog.Service, id) is null ? ApiResults.NotFound("De dienst") : Json(HsdsJson.Full(data, HsdsCatalog.Service, id));
        })
        .WithName("GetService")
        .WithSummary("Eén dienst met alles wat erbij hoort, in de vorm van HSDS service_full: organisatie, locaties, contacten, telefoons, openingstijden en de markering (soort, leefgebieden) als attributen met Regies taxonomie.");

        var export = api.MapGroup("/social-map").WithTags("Sociale kaart (HSDS)").RequireAuthorization(Infrastructure.Policies.Admin);
        export.MapGet("/hsds.json", async (SocialMapExchange exchange, CancellationToken ct) => Json(await exchange.ExportTabularAsync(ct)))
            .WithName("ExportSocialMapJson").WithSummary("De hele sociale kaart als HSDS JSON: elke HSDS-tabel als lijst, zonder verlies.");
        export.MapGet("/hsds.zip", async (SocialMapExchange exchange, CancellationToken ct) =>
            Results.File(HsdsCsv.Zip((await exchange.ExportPackageAsync(ct)).Files), "application/zip", "sociale-kaart-hsds.zip"))
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithName("ExportSocialMapPackage").WithSummary("De hele sociale kaart als HSDS CSV-datapakket (zip met datapackage.json en een CSV per tabel).");
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(HsdsJson.Indented), "application/json", Encoding.UTF8);
}
