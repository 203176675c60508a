using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class EndMembershipInput
{
    [Required, OneOf(typeof(LeaveReasons), nameof(LeaveReasons.Values))] public string? Reden { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
}

/// <summary>A member leaves without moving to another household here (uitschrijven): their period ends, with the reason on the timeline.</summary>
public sealed class EndMembershipHandler(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid personId, EndMembershipInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var member = await db.HouseholdMembers.Include(m => m.Person).Include(m => m.Household).Where(HouseholdMember.Current)
            .FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.PersonId == personId, ct);
        if (member is null) return CommandResult<Guid>.NotFound("Dit lid");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ErrorList();
        errors.Add(LeaveReasons.Check(input.Reden));
        var date = today;
        if (!string.IsNullOrWhiteSpace(input.Datum) && !DutchDate.TryParse(input.Datum, out date))
            errors.Add(new DomainError(BirthDate.InvalidCode, "Datum", "Vul de datum in als dd-mm-jjjj."));
        else if (MembershipRules.CheckEnd(member.From, date, today) is { } outside)
            errors.Add(outside);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = member.Household!;
        household.EndMembership(member, date);
        household.Touch(clock.GetUtcNow().UtcDateTime);
        timeline.Record(household, EventTypes.MemberLeft,
            $"{member.Person!.Name.FullName} uitgeschreven: {LeaveReasons.Labels[input.Reden!].ToLowerInvariant()}", date, personId, new { reden = input.Reden });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(householdId, ct), Audit.AuditResources.Household, householdId, personId,
            $"lid uitgeschreven: {input.Reden}", ct);
    }
}
