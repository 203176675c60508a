using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>The household's active plan with its Veilig Verder plan and that plan's goals, agreements and checks, loaded for one change.</summary>
public sealed class VeiligVerderWork
{
    public required Plan Plan { get; init; }
    public required VeiligVerderPlan VeiligVerder { get; init; }
    /// <summary>Who lives in the household now: the only people a goal, an agreement or the household's agreement may name.</summary>
    public required IReadOnlyDictionary<Guid, string> Members { get; init; }
}

/// <summary>
/// What every change to a Veilig Verder plan shares: the right to change the file (emergency access reads only), loading the
/// household's active plan and its annex, and saving the change as the annex's next version. No timeline event is written:
/// the timeline is shared with partners, and that a household has a Veilig Verder plan reveals danger. The audit trail
/// records every change instead.
/// </summary>
public sealed class VeiligVerderChanges(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The household's active plan; the failure when the user may not change the file or there is no active plan.</summary>
    public async Task<(Plan? Plan, CommandResult<T>? Failure)> ActivePlanAsync<T>(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<T>(householdId, FileWork.Change, ct) is { } refused) return (null, refused);
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        return plan is null ? (null, CommandResult<T>.Invalid(PlanRules.NoActivePlan())) : (plan, null);
    }

    public async Task<(VeiligVerderWork? Work, CommandResult<T>? Failure)> LoadAsync<T>(Guid householdId, CancellationToken ct)
    {
        var (plan, failure) = await ActivePlanAsync<T>(householdId, ct);
        if (plan is null) return (null, failure);
        var vv = await db.VeiligVerderPlans.FirstOrDefaultAsync(v => v.PlanId == plan.Id && v.HouseholdId == householdId, ct);
        if (vv is null) return (null, CommandResult<T>.NotFound("Het Veilig Verder-plan"));
        vv.Load(await db.SafetyGoals.Where(g => g.VeiligVerderPlanId == vv.Id).ToListAsync(ct),
            await db.SafetyArrangements.Where(a => a.VeiligVerderPlanId == vv.Id).ToListAsync(ct),
            await db.SafetyChecks.Where(c => c.VeiligVerderPlanId == vv.Id).ToListAsync(ct));
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        return (new VeiligVerderWork { Plan = plan, VeiligVerder = vv, Members = members }, null);
    }

    /// <summary>
    /// One saved change = the next version. The annex's version must still be the one the user saw; otherwise nothing is
    /// saved and the user gets "someone else changed this" with their input kept.
    /// </summary>
    public async Task<CommandResult<int>> SaveAsync(VeiligVerderWork work, int seenVersion, string change, CancellationToken ct)
    {
        var vv = work.VeiligVerder;
        if (vv.Version != seenVersion) return CommandResult<int>.Conflict();
        db.Entry(vv).Property(v => v.Version).OriginalValue = seenVersion;
        db.Entry(vv).Property(v => v.UpdatedAt).IsModified = true;
        var number = seenVersion + 1;
        var result = await db.SaveOrConflictAsync(number, ct);
        return await audit.AfterAsync(result, AuditResources.SafetyPlan, vv.HouseholdId, null, $"Veilig Verder-plan versie {number}: {change}", ct);
    }
}
