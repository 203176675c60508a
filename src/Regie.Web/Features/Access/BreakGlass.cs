using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Access;

public sealed class BreakGlassInput
{
    public string? Reden { get; set; }
}

/// <summary>
/// Break the glass: a care worker outside the responsible team opens a file in an emergency.
/// The reason goes on the household's timeline (the team and its lead see it) and into the
/// emergency-access overview of the team lead and the privacy officer; access ends by itself.
/// </summary>
public sealed class BreakGlassHandler(RegieDbContext db, CurrentUser user, FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public const string AlreadyHasAccessCode = "break-glass-not-needed";

    public async Task<CommandResult<DateTime>> HandleAsync(Guid householdId, BreakGlassInput input, CancellationToken ct)
    {
        if (!access.IsCareRole || access.IsSystem) return CommandResult<DateTime>.Forbidden();
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<DateTime>.NotFound("Het huishouden");
        if (FileAccessRules.CheckEmergencyReason(input.Reden) is { } error) return CommandResult<DateTime>.Invalid(error);
        if (await access.DecideAsync(householdId, ct) is FileAccessLevel.Team or FileAccessLevel.Granted)
            return CommandResult<DateTime>.Invalid(new DomainError(AlreadyHasAccessCode, "Reden", "U heeft al toegang tot dit dossier; noodtoegang is niet nodig."));

        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + FileAccessRules.EmergencyAccessDuration;
        var reason = input.Reden!.Trim();
        db.HouseholdAccess.Add(new HouseholdAccess
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, UserId = user.ActorId,
            Kind = AccessKinds.BreakGlass, Reason = reason, GrantedBy = user.ActorId, GrantedAt = now, ExpiresAt = until,
        });
        timeline.Record(household, EventTypes.EmergencyAccess, $"Noodtoegang door {user.ActorName} tot {Format.DateTime(until)}: {reason}",
            data: new { gebruiker = user.ActorId, rol = user.Role });
        var result = await db.SaveOrConflictAsync(until, ct);
        if (result.IsOk) await audit.RecordAsync(Audit.AuditActions.BreakGlass, Audit.AuditResources.Household, household.Id, purpose: reason, ct: ct);
        return result;
    }
}

public sealed record EmergencyAccessRow(Guid HouseholdId, string Household, string UserName, string Reason, DateTime GrantedAt, DateTime ExpiresAt, bool Active);

public sealed class EmergencyAccessOverview(RegieDbContext db, CurrentUser user, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>Team lead: emergency access to the files of their team. Privacy officer: all, in the municipality.</summary>
    public async Task<IReadOnlyList<EmergencyAccessRow>> RecentAsync(int days, CancellationToken ct)
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
                a.HouseholdId,
                Household = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Naam).FirstOrDefault(),
                UserName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Reason, a.GrantedAt, a.ExpiresAt, a.RevokedAt,
            }).ToListAsync(ct);
        await audit.RecordListAsync(Audit.AuditResources.Household, $"overzicht noodtoegang, {days} dagen ({rows.Count})",
            rows.Select(r => ((Guid?)r.HouseholdId, (Guid?)null)), ct);
        return rows.Select(r => new EmergencyAccessRow(r.HouseholdId, r.Household ?? "?", r.UserName ?? "?", r.Reason ?? "", r.GrantedAt,
            r.ExpiresAt ?? r.GrantedAt, r.RevokedAt is null && r.ExpiresAt > now)).ToList();
    }
}
