using Regie.Domain.Common;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.Text;

namespace Regie.Web.Features.Berichten;

/// <summary>The iWmo/iJw exchange for other systems (the municipality's case system, a front office): the same reads, access rules and audit as the page.</summary>
public static class BerichtenApi
{
    private const string Access =
        " Voor de rollen consulent, professional en teamleider (wie aanvragen behandelt); andere rollen, ook partners, krijgen 403. Elke lezing van een"
        + " bericht over een inwoner staat in de audittrail.";

    public static void MapBerichtenApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/berichten").WithTags("Berichten (iWmo/iJw)").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("/", async ([Description("Een berichtsoort (WMO301, JW305, ...) of een berichtnummer voor beide wetten (301, 305, 307, 315, 317).")] string? type,
                [Description("klaar, verzonden, afgewezen, ontvangen of beantwoord.")] string? status,
                [Description("Eerste dagtekening, jjjj-mm-dd of dd-mm-jjjj.")] string? van, [Description("Laatste dagtekening, jjjj-mm-dd of dd-mm-jjjj.")] string? tot,
                [Description("Paginanummer, vanaf 1.")] string? pagina, BerichtenQueries queries, CancellationToken ct) =>
                ApiResults.From(await queries.ListAsync(new BerichtFilter(type, status, van, tot, pagina), ct), Results.Ok))
            .Produces<BerichtenPage>(StatusCodes.Status200OK)
            .WithName("ListBerichten")
            .WithSummary("De berichten van het iWmo/iJw-berichtenverkeer: de 301-toewijzingen die Regie maakte en de 305, 307, 315 en 317 van de aanbieders.")
            .WithDescription($"Eerst wat wacht (klaar: nog naar het knooppunt) en wat is afgewezen, dan de nieuwste. Per bericht soort, richting (Uit, In), status"
                + " (Klaar, Verzonden, Afgewezen, Ontvangen, Beantwoord), de aanbieder met AGB-code, identificatie, dagtekening, aangemaakt en verzonden, en bij een"
                + " afgewezen bericht de problemen: de retourcode (WJ001) met haar betekenis, het element en de toelichting. huishoudenId is het huishouden van de"
                + " inwoner alleen als u dat dossier mag openen, anders null. van en tot gaan over de dagtekening, beide dagen meegerekend."
                + $" {BerichtenQueries.PageSize} berichten per pagina; totaal en paginas tellen alle berichten die bij het filter passen."
                + $" Foutcodes (400): {BerichtenQueries.TypeInvalidCode} (type), {BerichtenQueries.StatusInvalidCode} (status), {DateRules.PeriodInvalidCode}"
                + $" (van of tot onleesbaar, buiten de jaren die een zoekvraag kent, of tot vóór van), {BerichtenQueries.PageInvalidCode} (pagina)." + Access);

        g.MapGet("/{id:guid}", async (Guid id, BerichtenQueries queries, CancellationToken ct) =>
                ApiResults.From(await queries.XmlAsync(id, ct), x => Results.Text(x.Xml, "application/xml", Encoding.UTF8)))
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .WithName("GetBericht")
            .WithSummary("Het bericht zelf als XML (application/xml), zoals het is verstuurd of ontvangen.")
            .WithDescription($"Alleen als u het dossier van het huishouden van de inwoner mag openen. Een onbekend id, een bericht van een andere gemeente of"
                + $" een bericht over een inwoner wiens dossier u niet mag openen geeft 404 '{DomainError.NotFoundCode}'. Een afgewezen bericht van een aanbieder"
                + $" bewaart geen XML (alleen de retourcodes), een 301 die niet valideerde evenmin: 404 '{BerichtenQueries.NoXmlCode}'." + Access);
    }
}
