using Microsoft.AspNetCore.Mvc;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

        // HSDS's own parameter names, and Regie's Dutch ones for what HSDS does not have. All as text: a page number that is no number falls back to the first page.
        services.MapGet("/", async ([Description("Zoekwoorden (HSDS).")] string? search, [Description("Zoekwoorden, als search ontbreekt.")] string? zoek,
            [OneOf(typeof(ZrmDomain))] string? leefgebied, [OneOf(typeof(ServiceKinds), nameof(ServiceKinds.Codes))] string? soort,
            [Description("Leeftijd van de inwoner in jaren.")] string? leeftijd, [Description("Postcode (1234 AB) waar de afstand vanaf telt.")] string? postcode,
            [Description("Hoogstens zoveel kilometer van de postcode.")] string? afstand, [Description("Paginanummer, vanaf 1.")] string? page,
            [FromQuery(Name = "per_page"), Description("Diensten per pagina.")] string? perPage,
            SocialMapSearch searcher, HsdsStore store, CancellationToken ct) =>
        {
            static int Number(string? text, int fallback) => int.TryParse(text, out var n) ? n : fallback;
            var criteria = SocialMapSearch.Parse(new SearchInput
            {
                Zoek = search ?? zoek, Leefgebied = leefgebied, Soort = soort, Leeftijd = leeftijd, Postcode = postcode, Afstand = afstand,
                Pagina = Number(page, 1), PerPagina = Number(perPage, SocialMapSearch.PageSize),
            });
            if (!criteria.IsOk) return ApiResults.From(criteria, _ => Results.Ok());
            var result = await searcher.SearchAsync(criteria.Value!, ct);
            var data = await store.LoadAsync(ct);
            var items = result.Hits.Select(h => HsdsJson.Item(data, HsdsCatalog.Service, h.Id)).ToList();
            return Json(HsdsJson.Page(items, result.Total, result.Page, result.PerPage));
        })
        .Produces<HsdsServicePage>()
        .WithName("SearchServices")
        .WithSummary("Zoek diensten op de sociale kaart: een HSDS-pagina van diensten (service_list). Parameters: search, page, per_page, leefgebied (ZRM), soort (algemeen, nulde-lijn, maatwerk), leeftijd, postcode en afstand (km); met een postcode gesorteerd op afstand.")
        .WithDescription("Elk item in contents is een dienst in de vorm van het HSDS 3.0-schema service_list (" + HsdsSchemas + "compiled/service_list.json); dit document beschrijft alleen de pagina eromheen.");

        services.MapGet("/{id:guid}", async (Guid id, HsdsStore store, CancellationToken ct) =>
        {
            var data = await store.LoadAsync(ct);
            return data.Find(HsdsCatalog.Service, id) is null ? ApiResults.NotFound("De dienst") : Json(HsdsJson.Full(data, HsdsCatalog.Service, id));
        })
        .Produces<JsonObject>()
        .WithName("GetService")
        .WithDescription("Het antwoord volgt het HSDS 3.0-schema van een volledige dienst (" + HsdsSchemas + "compiled/service.json); dit document herhaalt dat schema niet.")
        .WithSummary("Eén dienst met alles wat erbij hoort, in de vorm van HSDS service_full: organisatie, locaties, contacten, telefoons, openingstijden en de markering (soort, leefgebieden) als attributen met Regies taxonomie.");

        var export = api.MapGroup("/social-map").WithTags("Sociale kaart (HSDS)").RequireAuthorization(Infrastructure.Policies.Admin);
        export.MapGet("/hsds.json", async (SocialMapExchange exchange, CancellationToken ct) => Json(await exchange.ExportTabularAsync(ct)))
            .Produces<JsonObject>()
            .WithName("ExportSocialMapJson").WithSummary("De hele sociale kaart als HSDS JSON: elke HSDS-tabel als lijst, zonder verlies.")
            .WithDescription("Per tabel van het HSDS 3.0-datapakket (organizations.csv, services.csv, ...) een lijst platte records met de velden van die tabel (" + HsdsSchemas + "); dit document herhaalt die schema's niet.");
        export.MapGet("/hsds.zip", async (SocialMapExchange exchange, CancellationToken ct) =>
            Results.File(HsdsCsv.Zip((await exchange.ExportPackageAsync(ct)).Files), "application/zip", "sociale-kaart-hsds.zip"))
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .WithName("ExportSocialMapPackage").WithSummary("De hele sociale kaart als HSDS CSV-datapakket (zip met datapackage.json en een CSV per tabel).");
    }

    /// <summary>Where the standard's schemas are published, for the operations that answer in them.</summary>
    private const string HsdsSchemas = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(HsdsJson.Indented), "application/json", Encoding.UTF8);
}

/// <summary>
/// The page of a service search, as HSDS 3.0 pages its lists (the names are the standard's). Describes what
/// <see cref="HsdsJson.Page"/> writes; each item of <see cref="Contents"/> is a service_list record of the standard.
/// </summary>
public sealed record HsdsServicePage(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<JsonObject> Contents);
