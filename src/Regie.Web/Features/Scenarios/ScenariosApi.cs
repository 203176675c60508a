using Regie.Domain.Common;
using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Scenarios;

/// <summary>
/// The saved scenarios for the municipality's BI tools, read-only. The path keeps the Dutch plural with its apostrophe as the
/// council and issue 24 write it ("scenario's"); routing, the OpenAPI document and its lint accept it, and a client may send it
/// percent-encoded (scenario%27s).
/// </summary>
public static class ScenariosApi
{
    public const string IdInvalidCode = "scenario-id-invalid";
    public const string Route = "/scenario's";

    private const string Access = " Alleen voor de rol beleid (een API-sleutel met rol beleid); andere rollen krijgen 403. Een scenario van een andere gemeente of een"
        + " onbekend id geeft 404 ('" + DomainError.NotFoundCode + "'). Bedragen in hele euro's per jaar, aantallen huishoudens op één decimaal (verwachte waarden),"
        + " wachttijd in weken en formatie in fte op twee decimalen. Een scenario bevat geen gegevens van huishoudens: alleen aannames en modeluitkomsten;"
        + " de schattingen uit eigen gegevens die op minder dan 10 huishoudens zouden rusten, zijn vervangen door de standaardwaarde (de bron zegt het).";

    public static void MapScenariosApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup(Route).WithTags("Scenario's").RequireAuthorization(p => p.RequireRole(Roles.Beleid));

        g.MapGet("", async (ScenarioQueries queries, CancellationToken ct) => Results.Ok(await queries.ListAsync(ct)))
            .Produces<IReadOnlyList<ScenarioListItem>>()
            .WithName("ListScenarios")
            .WithSummary("De opgeslagen scenario's van de gemeente, nieuwste eerst: naam, omschrijving, vergeleken werkwijzen, startgetal, rekenrondes en de stand van de gegevens.")
            .WithDescription("modellen noemt de werkwijzen: TeamVoorAlles, TeamVoorComplex, IndicatieGemeente, GeenTeam, LichteSteunZonderIndicatie, WijkteamExtra." + Access);

        g.MapGet("/{id}", async ([Description("Het id van het scenario (een GUID).")] string id, ScenarioQueries queries, CancellationToken ct) =>
                !Guid.TryParse(id, out var guid) ? ApiResults.Invalid(new DomainError(IdInvalidCode, "id", "Het id van een scenario is een GUID."))
                : await queries.GetAsync(guid, ct) is { } detail ? Results.Ok(detail) : ApiResults.NotFound("Het scenario"))
            .Produces<ScenarioDetail>()
            .WithName("GetScenario")
            .WithSummary("Eén opgeslagen scenario: elke aanname (basis, laag, hoog, bron, aangepast), startgetal, rekenrondes, stand van de gegevens, per werkwijze"
                + " de uitkomsten met basis, gemiddelde, mediaan en 80 %-interval (p10–p90), en de gevoeligheid (tornado).")
            .WithDescription("uitkomsten[].uitkomsten[].sleutel is totaleKosten, kostenPerHuishouden, maatwerk (huishoudens naar maatwerk of specialistische zorg"
                + " binnen 12 maanden), wachttijdWeken of formatieFte. gevoeligheid: de totale kosten van de tweede werkwijze min de eerste (of van de enige),"
                + " met per aanname de uitkomst bij haar onder- en bovengrens; grootste uitslag eerst. methode beschrijft het model in gewone taal."
                + $" Foutcodes: 400 '{IdInvalidCode}' (id is geen GUID)." + Access);
    }
}
