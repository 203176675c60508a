using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

/// <summary>The household's active plan with its goals and actions, loaded for one change, and the people the change may name.</summary>
public sealed class PlanWork
{
    public required Household Household { get; init; }
    public required Plan Plan { get; init; }
    public required Trajectory Trajectory { get; init; }
    /// <summary>Who lives in the household now: the people goals, actions and agreements may name.</summary>
    public required IReadOnlyDictionary<Guid, string> Members { get; init; }
    /// <summary>Also those who left: a snapshot keeps the names of goals set for them.</summary>
    public required IReadOnlyDictionary<Guid, string> AllNames { get; init; }
    /// <summary>The household's current network (everyone in it consented to): who a network or volunteer action may name.</summary>
    public required IReadOnlyDictionary<Guid, string> Network { get; init; }
}

/// <summary>
/// What every change to an active plan shares: the right to change the file, loading the plan, and saving the change
/// as one new version. Each use case sits between <see cref="LoadAsync"/> and <see cref="SaveAsync"/>.
/// </summary>
public sealed class PlanChanges(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<(PlanWork? Work, CommandResult<int>? Failure)> LoadAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return (null, refused);
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null) return (null, CommandResult<int>.Invalid(PlanRules.NoActivePlan()));
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        return (await WorkForAsync(household, plan, ct), null);
    }

    /// <summary>What a change to this loaded plan needs besides the plan: for callers that checked their own right to change it.</summary>
    public async Task<PlanWork> WorkForAsync(Household household, Plan plan, CancellationToken ct)
    {
        var members = await PlanVersions.MembersAsync(db, household.Id, ct);
        return new PlanWork
        {
            Household = household, Plan = plan, Trajectory = await db.Trajectories.FirstAsync(t => t.Id == plan.TrajectoryId, ct),
            Members = members.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name),
            AllNames = members.ToDictionary(m => m.PersonId, m => m.Name),
            Network = await Network.NetworkQueries.CurrentAsync(db, household.Id, ct),
        };
    }

    /// <summary>
    /// The municipality's departments and partner organisations by id (the query filter keeps it to this municipality): who an
    /// organisation's action may belong to. Asked by the action changes only, not loaded with every plan change.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> OrganisationsAsync(RegieDbContext db, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>
    /// One saved change = one new version. The plan row's version must still be the one the user saw;
    /// otherwise nothing is saved and the user gets "someone else changed this" with their input kept.
    /// </summary>
    public async Task<CommandResult<int>> SaveAsync(PlanWork work, int seenVersion, string change, CancellationToken ct, bool timelineEvent = true)
    {
        var plan = work.Plan;
        if (plan.Version != seenVersion) return CommandResult<int>.Conflict();
        db.Entry(plan).Property(p => p.Version).OriginalValue = seenVersion;
        plan.MarkSaved(Now);
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
        var number = seenVersion + 1;
        AddVersion(plan, number, change, PlanVersions.Snapshot(plan, work.Trajectory.Frameworks, plan.Goals, plan.Actions, work.AllNames));
        if (timelineEvent) timeline.Record(work.Household, EventTypes.PlanChanged, $"Plan versie {number}: {change}", data: new { plan = plan.Id, versie = number });
        var result = await db.SaveOrConflictAsync(number, ct);
        return await audit.AfterAsync(result, AuditResources.Plan, plan.HouseholdId, null, $"plan versie {number}: {change}", ct);
    }

    public void AddVersion(Plan plan, int number, string change, PlanSnapshot snapshot) =>
        db.PlanVersions.Add(PlanVersions.New(plan, number, change, snapshot, user.ActorId, user.ActorName, Now));
}
