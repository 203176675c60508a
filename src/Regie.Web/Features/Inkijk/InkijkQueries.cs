using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Inkijk;

/// <summary>A household the partner may look into: its name and since when the household consented. Nothing about any other household.</summary>
public sealed record InkijkHouseholdItem(Guid HuishoudenId, string Naam, DateOnly ToestemmingSinds);

/// <summary>A progress report on an action: when, by whom, what, and whether it marked the action done.</summary>
public sealed record ProgressView(DateTime Op, string Door, string Tekst, bool Gedaan);

/// <summary>An action of the organisation, read-only but for its progress.</summary>
public sealed record InkijkAction(Guid Id, string Omschrijving, string Uitvoerder, DateOnly? Deadline, DateOnly? GedaanOp, IReadOnlyList<ProgressView> Voortgang);

/// <summary>A goal that one or more of the organisation's actions belong to; not whose goal it is.</summary>
public sealed record InkijkGoal(Guid Id, ZrmDomain Leefgebied, string Wat, string MeetbaarResultaat, DateOnly Streefdatum, GoalStatus Status, IReadOnlyList<InkijkAction> Acties);

/// <summary>What the partner sees of the household's active plan: the goals and actions that concern its organisation, nothing else.</summary>
/// <param name="PlanActief">False when the household has no active plan (then there is nothing to show).</param>
/// <param name="OverigeActies">The organisation's actions that belong to no goal.</param>
public sealed record InkijkView(Guid HuishoudenId, string Naam, string Organisatie, bool PlanActief, IReadOnlyList<InkijkGoal> Doelen, IReadOnlyList<InkijkAction> OverigeActies);

/// <summary>
/// Inkijk for partners: the households they may look into and, per household, the part of the active plan that concerns them.
/// Every read is on record; a refused one too (as "denied"), and it reads the same as a household that does not exist.
/// </summary>
public sealed class InkijkQueries(RegieDbContext db, InkijkAccess access, AuditLog audit)
{
    public async Task<IReadOnlyList<InkijkHouseholdItem>> ListAsync(CancellationToken ct)
    {
        if (await access.OrganisationAsync(ct) is not { } organisation) return [];
        var households = await access.HouseholdsAsync(organisation.Id, ConsentScope.Inkijk, ct);
        var ids = households.Keys.ToList();
        var names = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.Naam }).ToListAsync(ct);
        var items = names.Select(h => new InkijkHouseholdItem(h.Id, h.Naam, households[h.Id])).OrderBy(h => h.Naam, StringComparer.Ordinal).ToList();
        await audit.RecordListAsync(AuditResources.Plan, $"inkijk: huishoudens van {organisation.Name}", items.Select(i => ((Guid?)i.HuishoudenId, (Guid?)null)), ct);
        return items;
    }

    /// <summary>Null when the household does not exist or the organisation may not look into it (the same answer, on purpose).</summary>
    public async Task<InkijkView?> HouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.OrganisationAsync(ct) is not { } organisation || !await access.MayAsync(organisation.Id, householdId, ConsentScope.Inkijk, ct))
        {
            await audit.RecordAsync(AuditActions.Denied, AuditResources.Plan, householdId, detail: "inkijk", ct: ct);
            return null;
        }
        var name = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Naam).FirstAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(Plan.Active).Where(p => p.HouseholdId == householdId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, detail: $"inkijk door {organisation.Name}", ct: ct);
        if (plan is not { } planId) return new InkijkView(householdId, name, organisation.Name, false, [], []);

        var actions = await OwnActionsAsync(planId, organisation, ct);
        var actionIds = actions.Select(a => a.Id).ToList();
        var progress = (await db.ActionProgress.AsNoTracking().Where(p => actionIds.Contains(p.ActionId)).OrderBy(p => p.ReportedAt).ToListAsync(ct))
            .ToLookup(p => p.ActionId, p => new ProgressView(p.ReportedAt, p.ReportedByName, p.Note, p.MarkedDone));
        InkijkAction View(PlanAction a) => new(a.Id, a.Omschrijving, a.OwnerName, a.Deadline, a.DoneOn, progress[a.Id].ToList());
        var goalIds = actions.Select(a => a.GoalId).OfType<Guid>().Distinct().ToList();
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == planId && goalIds.Contains(g.Id)).OrderBy(g => g.Position).ToListAsync(ct);
        return new InkijkView(householdId, name, organisation.Name, true,
            goals.Select(g => new InkijkGoal(g.Id, g.Domain, g.Wat, g.MeetbaarResultaat, g.Streefdatum, g.Status,
                actions.Where(a => a.GoalId == g.Id).Select(View).ToList())).ToList(),
            actions.Where(a => a.GoalId is null || !goals.Any(g => g.Id == a.GoalId)).Select(View).ToList());
    }

    /// <summary>The plan's actions that concern the organisation (<see cref="InkijkRules.Concerns"/>), in the plan's order.</summary>
    public async Task<IReadOnlyList<PlanAction>> OwnActionsAsync(Guid planId, InkijkOrganisation organisation, CancellationToken ct)
    {
        var rows = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Where(a => a.OwnerKind == ActionOwnerKind.Organisatie || a.OwnerKind == ActionOwnerKind.Professional)
            .Select(a => new
            {
                Action = a,
                OwnerOrganisation = a.OwnerKind == ActionOwnerKind.Organisatie ? a.OwnerOrganisationId
                    : db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.OrganisationId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => InkijkRules.Concerns(r.Action.OwnerKind, r.OwnerOrganisation, organisation.Id))
            .Select(r => r.Action).OrderBy(a => a.Position).ToList();
    }
}
