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

public sealed class MovePersonInput
{
    [Required] public Guid NaarHuishoudenId { get; set; }
    [Required, OneOf(typeof(HouseholdRoles), nameof(HouseholdRoles.Names))] public string? Rol { get; set; }
    /// <summary>dd-mm-jjjj; empty means today.</summary>
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Verhuisdatum { get; set; }
}

/// <summary>A person moves to another household: the old period closes on the day the new one opens; none is overwritten.</summary>
public sealed class MovePersonHandler(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public const string MovedAwaySummary = "verhuisd naar een ander huishouden";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Guid>> HandleAsync(Guid personId, MovePersonInput input, CancellationToken ct)
    {
        // Moving someone out of a household changes that household: the team that holds it decides, as it does for the one they join.
        if (await access.RefusePersonAsync<Guid>(personId, FileWork.Hold, ct) is { } refused) return refused;
        var person = await db.Persons.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult<Guid>.NotFound("De persoon");
        var target = await access.MayAsync(input.NaarHuishoudenId, FileWork.Hold, ct)
            ? await db.Households.FirstOrDefaultAsync(h => h.Id == input.NaarHuishoudenId, ct)
            : null;
        if (target is null)
            return CommandResult<Guid>.Invalid(MembershipRules.MoveTargetNotFound());

        var errors = new ErrorList();
        var role = errors.Take(HouseholdRoles.Parse(input.Rol));
        var date = MembershipRules.ReadMoveDate(input.Verhuisdatum, Today, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var move = MembershipRules.Move(person.Memberships.Select(m => m.ToPeriod()), target.Id, role, date, Today);
        if (!move.IsValid) return CommandResult<Guid>.Invalid(move.Error!);

        var current = person.Memberships.Single(m => m.IsCurrent);
        var source = await db.Households.FirstAsync(h => h.Id == current.HouseholdId, ct);
        source.EndMembership(current, move.Value.Closed.Until!.Value);
        db.HouseholdMembers.Add(target.AddMember(person.Id, role, date));
        var now = clock.GetUtcNow().UtcDateTime;
        source.Touch(now);
        target.Touch(now);
        // The household left behind learns that the person moved, never where to: think of an ex-partner's household.
        timeline.Record(source, EventTypes.MemberLeft, $"{person.Name.FullName} {MovedAwaySummary}",
            date, person.Id, new { reden = "verhuisd", naarHuishouden = target.Id });
        timeline.Record(target, EventTypes.MemberJoined, $"{person.Name.FullName} ingetrokken vanuit {source.Naam}, als {HouseholdRoles.Label(role).ToLowerInvariant()}",
            date, person.Id, new { rol = role.ToString(), vanHuishouden = source.Id });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(target.Id, ct), Audit.AuditResources.Person, target.Id, person.Id,
            $"verhuisd van huishouden {source.Id}", ct);
    }
}
