using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Features.Trajectories;
using Regie.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Requests;

public sealed class DecisionInput
{
    [Required, OneOf(typeof(TriageRoute))] public string? Route { get; set; }
    public string? Reden { get; set; }
    /// <summary>
    /// The team that takes the household, for a worker without a team of their own (the municipal desk)
    /// routing to the team a household no team holds yet. Ignored otherwise.
    /// </summary>
    public Guid? Team { get; set; }
    public int Versie { get; set; }
}

/// <summary>What a triage decision did: the trajectory the request joined (team route), and whether the worker still sees the file.</summary>
public sealed record TriageDecision(Guid HouseholdId, Guid? TrajectoryId, bool StillOpen);

/// <summary>
/// The worker's decision. For the team: the household's trajectory opens (or the request joins the open one),
/// and a household no team holds yet becomes the deciding worker's team's — or, for a worker without a team
/// (the municipal desk), the team they name.
/// </summary>
public sealed class DecideTriageHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    OpenTrajectoryHandler trajectories, Involvements.SyncTeamInvolvementHandler syncTeam, TimeProvider clock)
{
    public async Task<CommandResult<TriageDecision>> HandleAsync(Guid id, DecisionInput input, CancellationToken ct)
    {
        var request = await db.HelpRequests.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return CommandResult<TriageDecision>.NotFound("De hulpvraag");
        // The route decides who holds the file: the holding team's (or, for a file nobody holds, the care roles').
        if (await access.RefuseAsync<TriageDecision>(request.HouseholdId, FileWork.Hold, ct, "De hulpvraag") is { } refused) return refused;
        if (request.RefuseDecision() is { } closed) return CommandResult<TriageDecision>.Invalid(closed);
        var suggested = request.SuggestedRoute!.Value;
        var errors = new ErrorList();
        var route = TriageRules.ParseRoute(input.Route, errors);
        if (route is not null) TriageRules.CheckDecision(suggested, route.Value, input.Reden, errors);
        var reason = errors.Take(TextRules.Optional(input.Reden, "Reden", "de reden", HelpRequest.DecisionReasonMaxLength));

        var household = await db.Households.FirstAsync(h => h.Id == request.HouseholdId, ct);
        var open = route == TriageRoute.Wijkteam ? await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == household.Id && t.ClosedOn == null, ct) : null;
        Guid? namedTeam = null;
        if (route is { } r && TriageRules.MustNameTeam(r, open is not null, household.ResponsibleTeamId is not null, user.TeamId is not null))
        {
            if (input.Team is { } teamId && await db.Teams.AnyAsync(t => t.Id == teamId, ct)) namedTeam = teamId;
            else errors.Add(TriageRules.TeamRequired());
        }
        if (errors.HasErrors) return CommandResult<TriageDecision>.Invalid(errors.Errors);
        if (request.Version != input.Versie) return CommandResult<TriageDecision>.Conflict();

        db.Entry(request).Property(x => x.Version).OriginalValue = input.Versie;
        request.Decide(route!.Value, reason, user.ActorId, clock.GetUtcNow().UtcDateTime);
        if (route == TriageRoute.Wijkteam)
        {
            if (namedTeam is not null) household.HandOverTo(namedTeam);
            request.LinkTrajectory((open ?? trajectories.Open(household, request.Id, "Traject gestart na de intake: het wijkteam neemt de hulpvraag op")).Id);
            // Routed to a team: the desk hands the household over, and its grant ends with that.
            if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(household.Id, ct);
            await syncTeam.HandleAsync(household, closing: false, ct);
        }
        timeline.Record(household, EventTypes.RequestTriaged,
            $"Route besloten: {TriageRoutes.Label(route.Value).ToLowerInvariant()}" + (route != suggested ? $" (voorstel was {TriageRoutes.Label(suggested).ToLowerInvariant()})" : ""),
            data: new { verzoek = request.Id, route = route.ToString(), voorstel = suggested.ToString(), afwijkend = route != suggested, werkwijze = request.ModelAtIntake?.ToString() });
        var result = await db.SaveOrConflictAsync(request.TrajectoryId, ct);
        result = await audit.AfterAsync(result, AuditResources.Request, household.Id, null, $"route {route}", ct);
        if (!result.IsOk) return new CommandResult<TriageDecision>(result.Status, null, result.Errors);
        // A desk worker who hands the household to a team no longer sees its file.
        return CommandResult<TriageDecision>.Ok(new TriageDecision(household.Id, result.Value, await access.CanOpenAsync(household.Id, ct)));
    }
}
