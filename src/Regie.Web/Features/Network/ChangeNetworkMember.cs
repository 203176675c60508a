using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Network;

/// <summary>Changes who someone in the network is to the household, how to reach them, their part in the plan or the consent.</summary>
public sealed class ChangeNetworkMemberHandler(RegieDbContext db, Access.FileAccessService access, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid memberId, NetworkMemberInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        // Another household's network member is not found here, also when its id is known.
        var member = await db.NetworkMembers.FirstOrDefaultAsync(n => n.Id == memberId && n.HouseholdId == householdId, ct);
        if (household is null || member is null) return CommandResult<int>.NotFound("Het netwerklid");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        var content = NetworkRules.Check(input.ToFields(), members, (member.ConsentOn, member.ConsentBy, member.ConsentByName), DateOnly.FromDateTime(now), errors);
        if (content is null) return CommandResult<int>.Invalid(errors.Errors);
        if (member.Version != input.Versie) return CommandResult<int>.Conflict();
        var oldName = member.Name;
        var change = member.Change(content, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        // Nothing changed: nothing is saved, so the version the user saw stays the one to send next.
        if (change is null) return CommandResult<int>.Ok(member.Version);
        db.Entry(member).Property(n => n.Version).OriginalValue = input.Versie;
        // The actions still to be done by them show their new name, saved with the change.
        if (member.Name != oldName)
            foreach (var action in await db.PlanActions.Where(a => a.NetworkMemberId == member.Id && a.DoneOn == null).ToListAsync(ct))
                action.RenameNetworkOwner(member);
        household.Touch(now);
        timeline.Record(household, EventTypes.NetworkMemberChanged, change, data: new { netwerklid = member.Id });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(input.Versie + 1, ct), AuditResources.Network, householdId, null, "netwerklid gewijzigd", ct);
    }
}
