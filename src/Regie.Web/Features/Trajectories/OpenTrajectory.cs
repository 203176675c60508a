using Regie.Web.Data;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Trajectories;

/// <summary>
/// Opens a household's trajectory as part of another use case (a triage decision, starting a plan, a new trajectory):
/// it adds the trajectory and its timeline event to the unit of work, and the caller saves.
/// </summary>
public sealed class OpenTrajectoryHandler(RegieDbContext db, CurrentUser user, TimelineWriter timeline, TimeProvider clock)
{
    /// <summary>The worker's team holds it, or the household's team for a worker without one; a household no team held becomes that team's.</summary>
    public Trajectory Open(Household household, Guid? requestId, string summary)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var trajectory = Trajectory.Open(household, user.TeamId ?? household.ResponsibleTeamId, requestId, user.ActorId, DateOnly.FromDateTime(now), now);
        db.Trajectories.Add(trajectory);
        household.TakeOnIfUnheld(trajectory.TeamId);
        timeline.Record(household, EventTypes.TrajectoryOpened, summary, data: new { traject = trajectory.Id, verzoek = requestId });
        return trajectory;
    }
}
