using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
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
/// emergency-access overview of the team lead and the privacy officer (<see cref="AccessQueries"/>);
/// access ends by itself (<see cref="HouseholdAccess.Emergency"/>).
/// </summary>
public sealed class BreakGlassHandler(RegieDbContext db, CurrentUser user, FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<DateTime>> HandleAsync(Guid householdId, BreakGlassInput input, CancellationToken ct)
    {
        if (!access.IsCareRole || access.IsSystem) return CommandResult<DateTime>.Forbidden();
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<DateTime>.NotFound("Het huishouden");
        if (FileAccessRules.CheckEmergencyReason(input.Reden) is { } error) return CommandResult<DateTime>.Invalid(error);
        if (FileAccessRules.CheckBreakGlassNeeded(await access.DecideAsync(householdId, ct)) is { } notNeeded) return CommandResult<DateTime>.Invalid(notNeeded);

        var reason = input.Reden!.Trim();
        var grant = HouseholdAccess.Emergency(household.Gemeentecode, household.Id, user.ActorId, reason, clock.GetUtcNow().UtcDateTime);
        var until = grant.ExpiresAt!.Value;
        db.HouseholdAccess.Add(grant);
        timeline.Record(household, EventTypes.EmergencyAccess, $"Noodtoegang door {user.ActorName} tot {Format.DateTime(until)}: {reason}",
            data: new { gebruiker = user.ActorId, rol = user.Role });
        var result = await db.SaveOrConflictAsync(until, ct);
        if (result.IsOk) await audit.RecordAsync(Audit.AuditActions.BreakGlass, Audit.AuditResources.Household, household.Id, purpose: reason, ct: ct);
        return result;
    }
}
