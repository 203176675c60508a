using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Access;

public sealed record EmergencyAccessRow(Guid HouseholdId, string Household, string UserName, string Reason, DateTime GrantedAt, DateTime ExpiresAt, bool Active);

/// <summary>The reads of the access slice: who broke the glass, for the team lead and the privacy officer.</summary>
public sealed class AccessQueries(RegieDbContext db, CurrentUser user, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>Team lead: emergency access to the files of their team. Privacy officer: all, in the municipality.</summary>
    public async Task<IReadOnlyList<EmergencyAccessRow>> RecentEmergencyAccessAsync(int days, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-days);
        var grants = db.HouseholdAccess.AsNoTracking().Where(a => a.Kind == AccessKinds.BreakGlass && a.GrantedAt >= since);
        if (user.Role == Roles.Teamleider)
        {
            var team = user.TeamId;
            grants = grants.Where(a => db.Households.Any(h => h.Id == a.HouseholdId && h.ResponsibleTeamId == team));
        }
        else if (user.Role != Roles.Privacy) return [];

        var rows = await grants.OrderByDescending(a => a.GrantedAt).Take(500)
            .Select(a => new
            {
                Grant = a,
                Household = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Naam).FirstOrDefault(),
                UserName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        await audit.RecordListAsync(Audit.AuditResources.Household, $"overzicht noodtoegang, {days} dagen ({rows.Count})",
            rows.Select(r => ((Guid?)r.Grant.HouseholdId, (Guid?)null)), ct);
        return rows.Select(r => new EmergencyAccessRow(r.Grant.HouseholdId, r.Household ?? "?", r.UserName ?? "?", r.Grant.Reason ?? "", r.Grant.GrantedAt,
            r.Grant.ExpiresAt ?? r.Grant.GrantedAt, r.Grant.IsActiveAt(now))).ToList();
    }
}
