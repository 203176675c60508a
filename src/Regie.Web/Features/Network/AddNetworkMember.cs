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

/// <summary>Someone from the household's network joins the plan; only with the household's consent, given by one of its members.</summary>
public sealed class AddNetworkMemberHandler(RegieDbContext db, Access.FileAccessService access, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Api.CreatedVersionAnswer>> HandleAsync(Guid householdId, NetworkMemberInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Api.CreatedVersionAnswer>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<Api.CreatedVersionAnswer>.NotFound("Het huishouden");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var errors = new ErrorList();
        errors.Add(NetworkRules.CheckRoom(await db.NetworkMembers.CountAsync(n => n.HouseholdId == householdId && n.Until == null, ct)));
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        var content = NetworkRules.Check(input.ToFields(), members, null, today, errors);
        if (errors.HasErrors || content is null) return CommandResult<Api.CreatedVersionAnswer>.Invalid(errors.Errors);

        var member = NetworkMember.Add(household, content, today, now);
        db.NetworkMembers.Add(member);
        household.Touch(now);
        timeline.Record(household, EventTypes.NetworkMemberAdded,
            $"{member.Name} ({NetworkRelations.Label(member.Relation).ToLowerInvariant()}) toegevoegd aan het netwerk, met toestemming van {member.ConsentByName}",
            today, data: new { netwerklid = member.Id });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(new Api.CreatedVersionAnswer(member.Id, member.Version), ct), AuditResources.Network, householdId, null, "netwerklid toegevoegd", ct,
            AuditActions.Create);
    }
}
