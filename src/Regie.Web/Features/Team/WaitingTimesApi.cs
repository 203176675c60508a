using Regie.Web.Features.Api;

namespace Regie.Web.Features.Team;

/// <summary>Waiting times for a team lead's own reporting, the same figures as the page.</summary>
public static class WaitingTimesApi
{
    public static void MapWaitingTimesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/team/waiting-times", async (Guid? team, string? van, string? tot, WaitingTimesQuery query, CancellationToken ct) =>
        {
            var (from, to, error) = WaitingTimesModel.Period(van, tot, query.Today);
            if (error is not null) return ApiResults.Invalid(error);
            return Results.Ok(await query.GetAsync(team, from, to, ct));
        })
        .Produces<WaitingTimesView>(StatusCodes.Status200OK)
        .WithTags("Team").RequireAuthorization(Infrastructure.Policies.TeamLead)
        .WithName("GetWaitingTimes")
        .WithSummary("Wachttijden van hulpvraag tot intake, eerste steun en beschikking (mediaan, 80e percentiel, nog wachtend), per route en per team; zonder team: alle teams.");
    }
}
