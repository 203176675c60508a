using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Network;

/// <summary>Someone no longer takes part in the network: ended with a date, kept in the file's history, never deleted.</summary>
public sealed class EndNetworkMemberHandler(RegieDbContext db, Access.FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid memberId, EndNetworkMemberInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        var member = await db.NetworkMembers.FirstOrDefaultAsync(n => n.Id == memberId && n.HouseholdId == householdId, ct);
        if (household is null || member is null) return CommandResult<int>.NotFound("Het netwerklid");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        if (!member.End(input.Datum, DateOnly.FromDateTime(now), user.ActorId, errors)) return CommandResult<int>.Invalid(errors.Errors);
        if (member.Version != input.Versie) return CommandResult<int>.Conflict();
        db.Entry(member).Property(n => n.Version).OriginalValue = input.Versie;
        household.Touch(now);
        timeline.Record(household, EventTypes.NetworkMemberEnded, $"{member.Name} doet niet meer mee in het netwerk", member.Until, data: new { netwerklid = member.Id });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(input.Versie + 1, ct), AuditResources.Network, householdId, null, "netwerklid beëindigd", ct);
    }
}
