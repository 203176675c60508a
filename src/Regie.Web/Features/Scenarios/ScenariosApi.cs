using Microsoft.OpenApi;
using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Scenarios;

/// <summary>
/// The saved scenarios for the municipality's BI tools, read-only. The path keeps the Dutch plural with its apostrophe as the
/// council and issue 24 write it ("scenario's"); routing, the OpenAPI document and its lint accept it, and a client may send it
/// percent-encoded (scenario%27s). The same two operations answer under /scenarios too, for tools that cannot send an apostrophe in
/// a path; the document lists them with their own operation ids, so a generated client has a path it can call.
/// </summary>
public static class ScenariosApi
{
    public const string IdInvalidCode = "scenario-id-invalid";
    public const string Route = "/scenario's";
    /// <summary>The same operations without the apostrophe, for tools that cannot put one in a path; documented with their own operation ids.</summary>
    public const string PlainRoute = "/scenarios";

    private const string Access = " Alleen voor de rol beleid (een API-sleutel met rol beleid); andere rollen krijgen 403. Een scenario van een andere gemeente of een"
        + " onbekend id geeft 404 ('" + DomainError.NotFoundCode + "'). Bedragen in hele euro's per jaar, aantallen huishoudens op één decimaal (verwachte waarden),"
        + " wachttijd in weken en formatie in fte op twee decimalen; elk getal is eindig (een berekening die oneindig zou worden, wordt bij het opslaan geweigerd"
        + " met '" + MonteCarlo.NotFiniteCode + "'). Een scenario bevat geen gegevens van huishoudens: alleen aannames en modeluitkomsten;"
        + " een aandeel uit eigen gegevens wordt alleen geschat als de huishoudens die het telt en de overige elk minstens 10 zijn (anders de standaardwaarde,"
        + " en de bron zegt het), op hele procenten, met aantallen in de bron afgerond op vijftallen.";

    private const string Paths = " Hetzelfde antwoord staat onder /api/v1/scenario's (met apostrof, zoals de raad het schrijft; ook als scenario%27s) en onder"
        + " /api/v1/scenarios (zonder apostrof, voor tools die geen apostrof in een pad aankunnen).";

    private const string ListSummary = "De opgeslagen scenario's van de gemeente, nieuwste eerst: naam, omschrijving, vergeleken werkwijzen, startgetal, rekenrondes en de stand van de gegevens.";
    private const string ListDescription = "modellen noemt de werkwijzen: TeamVoorAlles, TeamVoorComplex, IndicatieGemeente, GeenTeam, LichteSteunZonderIndicatie, WijkteamExtra." + Access + Paths;
    private const string GetSummary = "Eén opgeslagen scenario: elke aanname (basis, laag, hoog, bron, aangepast), startgetal, rekenrondes, modelversie (de versie van het rekenmodel waarmee de cijfers zijn berekend), stand van de gegevens, per werkwijze"
        + " de uitkomsten met basis, gemiddelde, mediaan en 80 %-interval (p10–p90), en de gevoeligheid (tornado).";
    private const string GetDescription = "uitkomsten[].uitkomsten[].sleutel is totaleKosten, kostenPerHuishouden, maatwerk (huishoudens naar maatwerk of specialistische zorg"
        + " binnen 12 maanden), wachttijdWeken of formatieFte. gevoeligheid: de totale kosten van de tweede werkwijze min de eerste (of van de enige),"
        + " met per aanname de uitkomst bij haar onder- en bovengrens; grootste uitslag eerst. methode beschrijft het model in gewone taal."
        + " Foutcodes: 400 '" + IdInvalidCode + "' (id is geen uuid)." + Access + Paths;

    public static void MapScenariosApi(this RouteGroupBuilder api)
    {
        Map(api.MapGroup(Route).WithTags("Scenario's"), "ListScenarios", "GetScenario");
        Map(api.MapGroup(PlainRoute).WithTags("Scenario's"), "ListScenariosWithoutApostrophe", "GetScenarioWithoutApostrophe");
    }

    private static void Map(RouteGroupBuilder g, string listName, string getName)
    {
        g.RequireAuthorization(p => p.RequireRole(Roles.Beleid));
        g.MapGet("", ListAsync)
            .Produces<IReadOnlyList<ScenarioListItem>>()
            .WithName(listName)
            .WithSummary(ListSummary)
            .WithDescription(ListDescription);

        g.MapGet("/{id}", GetAsync)
            .Produces<ScenarioDetail>()
            .WithName(getName)
            .WithSummary(GetSummary)
            .WithDescription(GetDescription)
            .WithParameterFacts(ParameterFacts.Uuid("id"))
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                // A path id only: the document's general rules add a 400 for queries and bodies, not for a malformed id.
                operation.Responses ??= new OpenApiResponses();
                operation.Responses["400"] = new OpenApiResponse
                {
                    Description = $"Het id is geen uuid (code '{IdInvalidCode}').",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiDocument.ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ApiDocument.ProblemSchema, context.Document) },
                    },
                };
                return Task.CompletedTask;
            });
    }

    private static async Task<IResult> ListAsync(ScenarioQueries queries, CancellationToken ct) => Results.Ok(await queries.ListAsync(ct));

    private static async Task<IResult> GetAsync([Description("Het id van het scenario (een uuid).")] string id, ScenarioQueries queries, CancellationToken ct) =>
        !Guid.TryParse(id, out var guid) ? ApiResults.Invalid(new DomainError(IdInvalidCode, "id", "Het id van een scenario is een uuid."))
        : await queries.GetAsync(guid, ct) is { } detail ? Results.Ok(detail) : ApiResults.NotFound("Het scenario");
}
