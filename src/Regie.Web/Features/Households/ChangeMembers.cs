using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class AddMemberInput
{
    [Required] public MemberInput Lid { get; set; } = new();
    public bool BevestigMogelijkDubbel { get; set; }
}

public sealed class MovePersonInput
{
    [Required] public Guid NaarHuishoudenId { get; set; }
    [Required, OneOf(typeof(HouseholdRoles), nameof(HouseholdRoles.Names))] public string? Rol { get; set; }
    /// <summary>dd-mm-jjjj; empty means today.</summary>
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Verhuisdatum { get; set; }
}

public sealed class EndMembershipInput
{
    [Required, OneOf(typeof(LeaveReasons), nameof(LeaveReasons.Values))] public string? Reden { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
}

public static class LeaveReasons
{
    public const string InvalidCode = "leave-reason-invalid";
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["verhuisd-buiten-gemeente"] = "Verhuisd buiten de gemeente",
        ["verhuisd-onbekend"] = "Verhuisd, nieuw adres onbekend",
        ["overleden"] = "Overleden",
        ["anders"] = "Andere reden",
    };

    /// <summary>The reasons a caller may send: the keys of <see cref="Labels"/>.</summary>
    public static IEnumerable<string> Values => Labels.Keys;
}

/// <summary>Household composition changes. Every change ends or starts a membership period; none is overwritten.</summary>
public sealed class HouseholdMembershipHandler(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Guid>> AddMemberAsync(Guid householdId, AddMemberInput input, CancellationToken ct)
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
        db.HouseholdMembers.Add(new HouseholdMember
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id,
            PersonId = person.Id, Role = role, From = Today,
        });
        Touch(household, now);
        timeline.Record(household, EventTypes.MemberJoined, $"{person.Name.FullName} toegevoegd als {HouseholdRoles.Label(role).ToLowerInvariant()}",
            Today, person.Id, new { rol = role.ToString() });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), Audit.AuditResources.Household, household.Id, person.Id, "lid toegevoegd", ct);
    }

    /// <summary>A person moves to another household: the old period closes on the day the new one opens.</summary>
    public async Task<CommandResult<Guid>> MoveAsync(Guid personId, MovePersonInput input, CancellationToken ct)
    {
        // Moving someone out of a household changes that household: the team that holds it decides, as it does for the one they join.
        if (await access.RefusePersonAsync<Guid>(personId, FileWork.Hold, ct) is { } refused) return refused;
        var person = await db.Persons.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult<Guid>.NotFound("De persoon");
        var target = await access.MayAsync(input.NaarHuishoudenId, FileWork.Hold, ct)
            ? await db.Households.FirstOrDefaultAsync(h => h.Id == input.NaarHuishoudenId, ct)
            : null;
        if (target is null)
            return CommandResult<Guid>.Invalid(new DomainError(DomainError.NotFoundCode, "NaarHuishoudenId", "Kies het huishouden waar de persoon naartoe verhuist."));

        var errors = new ErrorList();
        var role = errors.Take(HouseholdRoles.Parse(input.Rol));
        var date = Today;
        if (!string.IsNullOrWhiteSpace(input.Verhuisdatum) && !DutchDate.TryParse(input.Verhuisdatum, out date))
            errors.Add(new DomainError(BirthDate.InvalidCode, "Verhuisdatum", "Vul de verhuisdatum in als dd-mm-jjjj."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var move = MembershipRules.Move(person.Memberships.Select(m => m.ToPeriod()), target.Id, role, date, Today);
        if (!move.IsValid) return CommandResult<Guid>.Invalid(move.Error!);

        var current = person.Memberships.Single(m => m.Until is null);
        var source = await db.Households.FirstAsync(h => h.Id == current.HouseholdId, ct);
        current.End(move.Value.Closed.Until!.Value);
        db.HouseholdMembers.Add(new HouseholdMember
        {
            Id = Guid.CreateVersion7(), Gemeentecode = target.Gemeentecode, HouseholdId = target.Id,
            PersonId = person.Id, Role = role, From = date,
        });
        var now = clock.GetUtcNow().UtcDateTime;
        Touch(source, now);
        Touch(target, now);
        // The household left behind learns that the person moved, never where to: think of an ex-partner's household.
        timeline.Record(source, EventTypes.MemberLeft, $"{person.Name.FullName} {MovedAwaySummary}",
            date, person.Id, new { reden = "verhuisd", naarHuishouden = target.Id });
        timeline.Record(target, EventTypes.MemberJoined, $"{person.Name.FullName} ingetrokken vanuit {source.Naam}, als {HouseholdRoles.Label(role).ToLowerInvariant()}",
            date, person.Id, new { rol = role.ToString(), vanHuishouden = source.Id });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(target.Id, ct), Audit.AuditResources.Person, target.Id, person.Id,
            $"verhuisd van huishouden {source.Id}", ct);
    }

    public async Task<CommandResult<Guid>> EndAsync(Guid householdId, Guid personId, EndMembershipInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var member = await db.HouseholdMembers.Include(m => m.Person).Include(m => m.Household)
            .FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.PersonId == personId && m.Until == null, ct);
        if (member is null) return CommandResult<Guid>.NotFound("Dit lid");
        var errors = new ErrorList();
        if (input.Reden is null || !LeaveReasons.Labels.ContainsKey(input.Reden))
            errors.Add(new DomainError(LeaveReasons.InvalidCode, "Reden", "Kies de reden van uitschrijven."));
        var date = Today;
        if (!string.IsNullOrWhiteSpace(input.Datum) && !DutchDate.TryParse(input.Datum, out date))
            errors.Add(new DomainError(BirthDate.InvalidCode, "Datum", "Vul de datum in als dd-mm-jjjj."));
        else if (MembershipRules.CheckEnd(member.From, date, Today) is { } outside)
            errors.Add(outside);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        member.End(date);
        Touch(member.Household!, clock.GetUtcNow().UtcDateTime);
        timeline.Record(member.Household!, EventTypes.MemberLeft,
            $"{member.Person!.Name.FullName} uitgeschreven: {LeaveReasons.Labels[input.Reden!].ToLowerInvariant()}", date, personId, new { reden = input.Reden });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(householdId, ct), Audit.AuditResources.Household, householdId, personId,
            $"lid uitgeschreven: {input.Reden}", ct);
    }

    private static void Touch(Household h, DateTime now) => h.Touch(now);

    public const string MovedAwaySummary = "verhuisd naar een ander huishouden";
}
