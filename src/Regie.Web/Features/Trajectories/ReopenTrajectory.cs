using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Trajectories;

public sealed class ReopenInput
{
    [Required] public string? Aanleiding { get; set; }
}

/// <summary>Starts a new trajectory for a household whose previous one was closed; the old one, its plan and outcomes stay as they were.</summary>
public sealed class ReopenTrajectoryHandler(RegieDbContext db, FileAccessService access, AuditLog audit, OpenTrajectoryHandler open)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ReopenInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var hasOpen = await db.Trajectories.AnyAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct);
        if (ClosingRules.CheckReopening(input.Aanleiding, hasOpen, errors) is not { } reason) return CommandResult<Guid>.Invalid(errors.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var previous = await db.Trajectories.AnyAsync(t => t.HouseholdId == householdId, ct);
        var trajectory = open.Open(household, null, (previous ? "Nieuw traject gestart: " : "Traject gestart: ") + reason);
        if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(householdId, ct);
        var result = await db.SaveOrConflictAsync(trajectory.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Trajectory, householdId, null, "traject gestart", ct, AuditActions.Create);
    }
}
