using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class AddMemberInput
{
    [Required] public MemberInput Lid { get; set; } = new();
    public bool BevestigMogelijkDubbel { get; set; }
}

/// <summary>A person, new or already known, joins the household: a new membership period opens today.</summary>
public sealed class AddMemberHandler(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, AddMemberInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<Guid>.NotFound("Het huishouden");
        var errors = new ErrorList();
        var role = errors.Take(HouseholdRoles.Parse(input.Lid.Rol, "Lid.Rol"));
        var now = clock.GetUtcNow().UtcDateTime;

        Person? person;
        var isNew = false;
        if (input.Lid.PersonId is { } pid)
        {
            // Adding someone known opens their record to this file: only who may work on them now may do that.
            if (await access.RefusePersonAsync<Guid>(pid, FileWork.Change, ct) is { } refusedPerson)
                return refusedPerson.Status == CommandStatus.NotFound ? refusedPerson
                    : CommandResult<Guid>.Invalid(refusedPerson.Errors[0] with { Field = "Lid.PersonId" });
            person = await db.Persons.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (person is null) return CommandResult<Guid>.NotFound("De persoon");
            if (MembershipRules.CanJoin(person.Memberships.Select(m => m.ToPeriod()), householdId) is { } e)
                errors.Add(e with { Field = "Lid.PersonId" });
        }
        else
        {
            var valid = PersonRules.Validate(input.Lid, Today, errors, "Lid.");
            if (valid is not null) await PersonRules.CheckDuplicatesAsync(db, valid, input.BevestigMogelijkDubbel, errors, "Lid.", ct);
            person = valid is null ? null : PersonRules.ToEntity(valid, household.Gemeentecode, now);
            isNew = true;
        }
        if (errors.HasErrors || person is null) return CommandResult<Guid>.Invalid(errors.Errors);

        if (isNew)
        {
            db.Persons.Add(person);
            timeline.Record(household, EventTypes.PersonRegistered, $"{person.Name.FullName} geregistreerd", personId: person.Id);
        }
        db.HouseholdMembers.Add(household.AddMember(person.Id, role, Today));
        household.Touch(now);
        timeline.Record(household, EventTypes.MemberJoined, $"{person.Name.FullName} toegevoegd als {HouseholdRoles.Label(role).ToLowerInvariant()}",
            Today, person.Id, new { rol = role.ToString() });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), Audit.AuditResources.Household, household.Id, person.Id, "lid toegevoegd", ct);
    }
}
