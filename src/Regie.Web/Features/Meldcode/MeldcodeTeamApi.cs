using Regie.Domain.Safety;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Meldcode;

/// <summary>The team's open Meldcode tracks for other systems: the same overview as the page, for the same people.</summary>
public static class MeldcodeTeamApi
{
    public static void MapMeldcodeTeamApi(this RouteGroupBuilder api)
    {
        api.MapGet("/team/meldcode", async (MeldcodeTeamQueries queries, CancellationToken ct) =>
            ApiResults.From(await queries.OverviewAsync(ct), overview => Results.Ok(overview)))
            .Produces<MeldcodeTeamOverview>(StatusCodes.Status200OK)
            .WithTags("Meldcode").RequireAuthorization(Infrastructure.Policies.Care)
            .WithName("GetTeamMeldcodeTracks")
            .WithSummary("De open meldcodetrajecten van het eigen team: huishouden, stand, de datum van elke bereikte stap, de duur per stap en of het traject is stilgevallen.")
            .WithDescription("Alleen voor de aandachtsfunctionaris en de teamleider van een team, en alleen de trajecten van dat team (het team dat het dossier heeft, of zonder dat het team dat het traject opende). "
                + "'stap' is de laatst bereikte stap, 'wachtOp' de volgende (Signalen, Overleg, Gesprek, Weging, Besluit); 'duur' telt per stap de dagen vanaf de stap ervoor (of de opening), de stap in uitvoering tot vandaag ('tot' leeg). "
                + "'stilgevallen' is waar als de laatste stap meer dan 'stilgevallenNaDagen' dagen geleden werd bereikt (instelling Meldcode:StuckAfterDays). Elke lezing staat in de audittrail. "
                + $"Anderen krijgen 403 met code {MeldcodeAccess.TeamOverviewRefusedCode}.");
    }
}
