using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Features.Trajectories;

namespace Regie.Web.Features.Plans;

/// <summary>Starts the household's plan; opens a trajectory when none is open (a household the team took on without a triage in Regie).</summary>
public sealed class StartPlanHandler(RegieDbContext db, FileAccessService access, PlanChanges changes, AuditLog audit, TimelineWriter timeline, OpenTrajectoryHandler trajectories)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var active = await db.Plans.Where(Plan.Active).AnyAsync(p => p.HouseholdId == householdId, ct);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var open = await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct);
        Trajectory? trajectory = null;
        var errors = new ErrorList();
        if (Plan.Start(active, household, () => trajectory = open ?? trajectories.Open(household, requestId: null, "Traject gestart bij het maken van het plan"),
                changes.Today, changes.Now, errors) is not { } plan)
            return CommandResult<Guid>.Invalid(errors.Errors);
        db.Plans.Add(plan);
        changes.AddVersion(plan, 1, "Plan gestart", PlanVersions.Snapshot(plan, trajectory!.Frameworks, [], [], new Dictionary<Guid, string>()));
        timeline.Record(household, EventTypes.PlanChanged, "Plan gestart", data: new { plan = plan.Id, versie = 1 });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(plan.Id, ct), AuditResources.Plan, householdId, null, "plan gestart", ct, AuditActions.Create);
    }
}
