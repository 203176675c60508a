using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Trajectories;

public sealed class ClosingInput
{
    [Required, OneOf(typeof(ClosingReason))] public string? Reden { get; set; }
    [Description("Verplicht bij reden Anders.")] public string? Toelichting { get; set; }
    /// <summary>Goal id → outcome (a <see cref="GoalStatus"/> name) for every goal without an outcome yet.</summary>
    [Description("Per doel dat nog open is (doel-id) de uitkomst: een eindstatus van het doel, bijvoorbeeld Behaald."), OneOf(typeof(GoalStatuses), nameof(GoalStatuses.Outcomes))]
    public Dictionary<Guid, string> Uitkomsten { get; set; } = [];
    /// <summary>Goal id → what came of it.</summary>
    [Description("Per doel (doel-id) een korte toelichting op wat ervan terechtkwam; mag voor elk doel van het plan, ook een doel dat al een uitkomst had.")]
    public Dictionary<Guid, string> UitkomstToelichting { get; set; } = [];
    public int Versie { get; set; }
}

/// <summary>
/// Closes the household's open trajectory: an outcome per goal, a recent final ZRM assessment and the reason; the plan
/// closes with it as a last version, and the coordinator's assignment and the team's involvement end.
/// </summary>
public sealed class CloseTrajectoryHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    Involvements.SyncTeamInvolvementHandler syncTeam, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ClosingInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var trajectory = await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct);
        if (trajectory is null) return CommandResult<Guid>.Invalid(ClosingRules.NotOpen());
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.TrajectoryId == trajectory.Id, ct);
        if (plan is not null)
            plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        IReadOnlyList<PlanGoal> goals = plan?.Goals ?? [];

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var latest = await TrajectoryQueries.LatestAssessmentAsync(db, householdId, trajectory.OpenedOn, ct);
        var errors = new ErrorList();
        var fields = new ClosingFields(input.Reden, input.Toelichting, input.Uitkomsten, input.UitkomstToelichting);
        if (trajectory.CheckClosing(fields, goals, latest, today, errors) is not { } closing) return CommandResult<Guid>.Invalid(errors.Errors);
        if (trajectory.Version != input.Versie) return CommandResult<Guid>.Conflict();

        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        db.Entry(trajectory).Property(t => t.Version).OriginalValue = input.Versie;
        trajectory.Close(closing, user.ActorId, today);
        var label = ClosingReasons.Label(closing.Reason).ToLowerInvariant();
        if (plan is not null)
        {
            plan.Close(closing.Outcomes, closing.Explanations, today, now);
            var names = (await PlanVersions.MembersAsync(db, householdId, ct)).ToDictionary(m => m.PersonId, m => m.Name);
            db.PlanVersions.Add(PlanVersions.New(plan, plan.Version + 1, $"Traject afgesloten: {label}",
                PlanVersions.Snapshot(plan, trajectory.Frameworks, plan.Goals, plan.Actions, names), user.ActorId, user.ActorName, now));
        }
        // An open household has one coordinator; a closed one has none. The team keeps the file for the retention period.
        var assignment = await db.CoordinatorAssignments.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.Until == null, ct);
        assignment?.End(now);
        household.ReleaseCoordinator(now);
        // The team's involvement ends with the trajectory: a look-up no longer sends people to it.
        await syncTeam.HandleAsync(household, closing: true, ct);
        var achieved = goals.Count(g => g.Status == GoalStatus.Behaald);
        timeline.Record(household, EventTypes.TrajectoryClosed,
            $"Traject afgesloten: {label}" + (goals.Count > 0 ? $"; {achieved} van {goals.Count} doelen behaald" : ""),
            data: new
            {
                traject = trajectory.Id, reden = closing.Reason.ToString(), eindmeting = latest, dagen = today.DayNumber - trajectory.OpenedOn.DayNumber,
                uitkomsten = goals.GroupBy(g => g.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            });
        var result = await db.SaveOrConflictAsync(trajectory.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Trajectory, householdId, null, $"traject afgesloten: {closing.Reason}", ct);
    }
}
