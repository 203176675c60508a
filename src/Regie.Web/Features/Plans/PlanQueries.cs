using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using System.Text.Json;

namespace Regie.Web.Features.Plans;

/// <summary>
/// The household's one plan as shown: goals with their SMART parts, actions with an owner from the household,
/// its network, volunteers or professionals, the household's agreement, evaluations and the versions.
/// </summary>
public sealed class PlanQueries(RegieDbContext db, FileAccessService access, AuditLog audit, Assignees.AssigneeQueries assignees, TimeProvider clock)
{
    /// <summary>The active plan, or the latest closed one; null when there is none or the user may not see it.</summary>
    /// <param name="audited">False only where the caller records the read itself (the household page records one entry for the whole file).</param>
    public async Task<PlanView?> CurrentAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.ClosedOn == null ? 0 : 1).ThenByDescending(p => p.StartedOn).ThenByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, ct: ct);
        return await ViewAsync(plan, ct);
    }

    public async Task<PlanView?> ByIdAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.HouseholdId == householdId, ct);
        if (plan is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, ct: ct);
        return await ViewAsync(plan, ct);
    }

    private async Task<bool> MayReadAsync(Guid householdId, CancellationToken ct) => access.IsCareRole && await access.CanOpenAsync(householdId, ct);

    private async Task<PlanView> ViewAsync(Plan plan, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Few round trips for the whole plan: it is shown on the household page, the most opened page.
        var frameworks = await db.Trajectories.AsNoTracking().Where(t => t.Id == plan.TrajectoryId).Select(t => t.Frameworks).FirstOrDefaultAsync(ct);
        // Its own query: as a subquery of the plan row EF numbers every agreement of the municipality to find the latest.
        var agreement = await db.PlanAgreements.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderByDescending(a => a.RecordedAt)
            .Select(a => new AgreementView(a.VersionNumber, a.AgreedByName, a.AgreedOn, a.Wijze, a.RecordedAt)).FirstOrDefaultAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);
        // Names by id in a second query: a multi-column subquery per goal makes EF number every person of the municipality.
        var personIds = goals.Select(g => g.PersonId).OfType<Guid>().Distinct().ToList();
        var persons = personIds.Count == 0 ? [] : await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        var names = persons.ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var evaluations = await db.PlanEvaluations.AsNoTracking().Where(e => e.PlanId == plan.Id).OrderByDescending(e => e.HeldOn)
            .Select(e => new EvaluationView(e.HeldOn, e.Summary, db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.DisplayName).FirstOrDefault() ?? "Demo-installatie"))
            .ToListAsync(ct);
        var active = plan.IsActive;
        return new PlanView(plan.Id, plan.HouseholdId, plan.TrajectoryId, plan.Version, plan.StartedOn, plan.ClosedOn, plan.Afspraken, plan.NextEvaluationOn,
            LegalFrameworks.ParseList(frameworks),
            goals.Select(g => new GoalView(g.Id, g.Domain, g.PersonId, g.PersonId is { } pid ? names.GetValueOrDefault(pid) : null, g.Wat, g.MeetbaarResultaat,
                g.Streefdatum, g.Wie, g.Status, g.StatusChangedOn, g.Toelichting, active && !GoalStatuses.IsFinal(g.Status) && g.Streefdatum < today)).ToList(),
            actions.Select(a => new ActionView(a.Id, a.GoalId, a.Omschrijving, a.OwnerKind, a.OwnerName, a.Deadline, a.DoneOn,
                active && a.DoneOn is null && a.Deadline < today, a.NetworkMemberId, a.OwnerOrganisationId, a.OwnerPersonId, a.OwnerUserId)).ToList(),
            agreement, evaluations, plan.Strengths, plan.Concerns, plan.EarlierHelp);
    }

    public async Task<IReadOnlyList<PlanVersionInfo>> VersionsAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return [];
        return await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && db.Plans.Any(p => p.Id == planId && p.HouseholdId == householdId))
            .OrderByDescending(v => v.Number).Select(v => new PlanVersionInfo(v.Number, v.SavedAt, v.SavedByName, v.Change)).ToListAsync(ct);
    }

    public async Task<(PlanVersionInfo Info, PlanSnapshot Snapshot)?> VersionAsync(Guid householdId, Guid planId, int number, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var v = await db.PlanVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PlanId == planId && v.Number == number && db.Plans.Any(p => p.Id == planId && p.HouseholdId == householdId), ct);
        if (v is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, detail: $"versie {number}", ct: ct);
        return (new PlanVersionInfo(v.Number, v.SavedAt, v.SavedByName, v.Change), JsonSerializer.Deserialize<PlanSnapshot>(v.Snapshot)!);
    }

    /// <summary>Two versions side by side: each goal and action in both, marked as unchanged, changed, new or gone.</summary>
    public async Task<PlanComparison?> CompareAsync(Guid householdId, Guid planId, int left, int right, CancellationToken ct)
    {
        if (await VersionAsync(householdId, planId, left, ct) is not { } l || await VersionAsync(householdId, planId, right, ct) is not { } r) return null;
        return new PlanComparison(l.Info, r.Info, PlanDiff.Compare(l.Snapshot, r.Snapshot));
    }

    /// <summary>Household members and colleagues an action can be assigned to.</summary>
    public async Task<(IReadOnlyDictionary<Guid, string> Members, IReadOnlyList<(string Id, string Name)> Colleagues)> OwnerOptionsAsync(Guid householdId, CancellationToken ct)
    {
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        var colleagues = await assignees.ListAsync(Assignees.AssigneeQueries.AssignableRoles, null, ct);
        return (members, colleagues.Select(c => (c.Id, c.Naam)).ToList());
    }

    /// <summary>The household's current network an action can be assigned to; only for a page that read the plan (and so checked access) first.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> OrganisationOptionsAsync(CancellationToken ct) => PlanChanges.OrganisationsAsync(db, ct);

    public Task<IReadOnlyDictionary<Guid, string>> NetworkOptionsAsync(Guid householdId, CancellationToken ct) => Network.NetworkQueries.CurrentAsync(db, householdId, ct);
}
