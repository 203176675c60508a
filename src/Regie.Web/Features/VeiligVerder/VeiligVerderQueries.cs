using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>
/// The Veilig Verder plan as shown. Only the care roles that may open the file read it (team, added, emergency access);
/// every other role gets nothing, not even whether there is one. Every read is recorded, as a plan read is.
/// </summary>
public sealed class VeiligVerderQueries(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    /// <summary>The annex of the household's active plan, or of its latest closed plan; null when there is none or the user may not see it.</summary>
    public async Task<VeiligVerderView?> CurrentAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.ClosedOn == null ? 0 : 1).ThenByDescending(p => p.StartedOn).ThenByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.ClosedOn }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var vv = await db.VeiligVerderPlans.AsNoTracking().FirstOrDefaultAsync(v => v.PlanId == plan.Id && v.HouseholdId == householdId, ct);
        if (vv is null) return null;
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.SafetyPlan, householdId, ct: ct);
        return await ViewAsync(vv, plan.ClosedOn is null, ct);
    }

    private async Task<VeiligVerderView> ViewAsync(VeiligVerderPlan vv, bool active, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var goals = await db.SafetyGoals.AsNoTracking().Where(g => g.VeiligVerderPlanId == vv.Id).OrderBy(g => g.Position).ToListAsync(ct);
        var arrangements = await db.SafetyArrangements.AsNoTracking().Where(a => a.VeiligVerderPlanId == vv.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var checks = await db.SafetyChecks.AsNoTracking().Where(c => c.VeiligVerderPlanId == vv.Id).OrderBy(c => c.Position).ToListAsync(ct);
        var agreement = await db.VeiligVerderAgreements.AsNoTracking().Where(a => a.VeiligVerderPlanId == vv.Id).OrderByDescending(a => a.RecordedAt)
            .Select(a => new VeiligVerderAgreementView(a.VersionNumber, a.PersonId, a.AgreedByName, a.AgreedOn, a.Wijze, a.RecordedAt)).FirstOrDefaultAsync(ct);
        var personIds = goals.Select(g => g.PersonId).OfType<Guid>().Distinct().ToList();
        var persons = personIds.Count == 0 ? [] : await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        var names = persons.ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        return new VeiligVerderView(vv.Id, vv.HouseholdId, vv.PlanId, vv.Version, vv.StartedOn, active,
            goals.Select(g => new SafetyGoalView(g.Id, g.Wat, g.PersonId, g.PersonId is { } pid ? names.GetValueOrDefault(pid) : null, g.Streefdatum, g.Status,
                active && g.Status == Domain.Care.SafetyGoalStatus.Open && g.Streefdatum < today)).ToList(),
            arrangements.Select(a => new SafetyAgreementView(a.Id, a.ActorKind, a.PersonId, a.ActorName, a.Wat, a.Signaal)).ToList(),
            checks.Select(c => new SafetyCheckView(c.Id, c.Who, c.Method, c.Every, c.Unit, c.NextOn, active && c.NextOn < today)).ToList(),
            agreement);
    }
}
