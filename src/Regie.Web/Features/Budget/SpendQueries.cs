using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Budget;

/// <summary>Reading spends: one, a household's, and those waiting for or decided by this user; and the goals a spend can serve.</summary>
public sealed class SpendQueries(RegieDbContext db, FileAccessService access, SpendAccess spends, CurrentUser user, AuditLog audit)
{
    /// <summary>The goals of the household's active plan, with the laws suggested for each.</summary>
    public async Task<IReadOnlyList<(Guid Id, ZrmDomain Domain, string Wat, string? Persoon, IReadOnlyList<LegalFramework> Voorstel)>> GoalsAsync(Guid householdId, CancellationToken ct)
    {
        if (!await access.CanOpenAsync(householdId, ct)) return [];
        var goals = await db.PlanGoals.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && db.Plans.Where(Plan.Active).Any(p => p.Id == g.PlanId))
            .OrderBy(g => g.Position).ToListAsync(ct);
        var personIds = goals.Select(g => g.PersonId).OfType<Guid>().ToList();
        var children = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && personIds.Contains(m.PersonId) && m.Role == HouseholdRole.Kind)
            .Select(m => m.PersonId).ToListAsync(ct);
        var names = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Voornamen, ct);
        return goals.Select(g => (g.Id, g.Domain, g.Wat, g.PersonId is { } p ? names.GetValueOrDefault(p) : null,
            FrameworkSuggestion.For(g.Domain, g.PersonId is { } pid && children.Contains(pid)))).ToList();
    }

    public async Task<SpendView?> GetAsync(Guid spendId, CancellationToken ct)
    {
        var spend = await db.Spends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await spends.MaySeeAsync(spend, ct)) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Spend, spend.HouseholdId, detail: $"uitgave {spend.Id}", ct: ct);
        return (await ViewsAsync([spend], ct))[0];
    }

    public async Task<IReadOnlyList<SpendView>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!await access.CanOpenAsync(householdId, ct)) return [];
        var list = await db.Spends.AsNoTracking().Where(s => s.HouseholdId == householdId).OrderByDescending(s => s.RequestedAt).ToListAsync(ct);
        return await ViewsAsync(list, ct);
    }

    /// <summary>What waits for this user's decision: the team lead's own team below the second limit, for the municipality everything above it.</summary>
    public async Task<IReadOnlyList<SpendView>> PendingAsync(CancellationToken ct)
    {
        var q = db.Spends.AsNoTracking().Where(s => s.Status == SpendStatus.Aangevraagd);
        if (user.Role == Roles.Teamleider) q = q.Where(s => s.TeamId == user.TeamId && s.Level == ApprovalLevel.Teamleider);
        else if (user.Role == Roles.Beleid) q = q.Where(s => s.Level == ApprovalLevel.Gemeente);
        else if (!user.IsSystem) return [];
        return await AuditedAsync("uitgaven ter beslissing", await ViewsAsync(await q.OrderBy(s => s.RequestedAt).ToListAsync(ct), ct), ct);
    }

    /// <summary>Recent decisions, for the same lists.</summary>
    public async Task<IReadOnlyList<SpendView>> DecidedAsync(int take, CancellationToken ct)
    {
        var q = db.Spends.AsNoTracking().Where(s => s.Status != SpendStatus.Aangevraagd && s.Level != ApprovalLevel.Mandaat);
        if (user.Role == Roles.Teamleider) q = q.Where(s => s.TeamId == user.TeamId);
        else if (user.Role != Roles.Beleid && !user.IsSystem) return [];
        return await AuditedAsync("besliste uitgaven", await ViewsAsync(await q.OrderByDescending(s => s.DecidedAt).Take(take).ToListAsync(ct), ct), ct);
    }

    /// <summary>A list of spends shows what was asked for whom: on record for each household on it.</summary>
    private async Task<IReadOnlyList<SpendView>> AuditedAsync(string what, IReadOnlyList<SpendView> views, CancellationToken ct)
    {
        await audit.RecordListAsync(AuditResources.Spend, $"{what} ({views.Count})", views.Select(v => ((Guid?)v.HouseholdId, (Guid?)null)), ct);
        return views;
    }

    private async Task<IReadOnlyList<SpendView>> ViewsAsync(IReadOnlyList<Spend> list, CancellationToken ct)
    {
        if (list.Count == 0) return [];
        var teamIds = list.Select(s => s.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var goalIds = list.Select(s => s.GoalId).Distinct().ToList();
        var goals = await db.PlanGoals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Wat, ct);
        // Names of households only for those who may open the file: the municipality decides on the amount and the reasons, not on the person.
        var householdIds = list.Select(s => s.HouseholdId).Distinct().ToList();
        IReadOnlyDictionary<Guid, FileAccessLevel> allowed = user.Role == Roles.Beleid ? new Dictionary<Guid, FileAccessLevel>() : await access.DecideManyAsync(householdIds, ct);
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Naam, ct);
        return list.Select(s => new SpendView(s.Id, s.HouseholdId,
            allowed.GetValueOrDefault(s.HouseholdId, FileAccessLevel.Denied) != FileAccessLevel.Denied ? households.GetValueOrDefault(s.HouseholdId) : null,
            s.TeamId, teams.GetValueOrDefault(s.TeamId) ?? "", s.GoalId, s.Domain,
            allowed.GetValueOrDefault(s.HouseholdId, FileAccessLevel.Denied) != FileAccessLevel.Denied ? goals.GetValueOrDefault(s.GoalId) : null,
            s.Kind, s.Description, s.Justification, s.Amount, LegalFrameworks.ParseList(s.Frameworks), LegalFrameworks.ParseList(s.SuggestedFrameworks),
            s.Status, s.Level, s.RequestedByName, s.RequestedAt, s.DecidedByName, s.DecidedAt, s.DecisionReason, s.PaidAmount, s.PaidOn, s.Payee, s.CancelReason,
            s.Comparison is null ? null : JsonSerializer.Deserialize<ComparisonView>(s.Comparison), s.Version)).ToList();
    }
}
