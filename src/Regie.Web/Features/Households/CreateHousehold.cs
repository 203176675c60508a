using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class CreateHouseholdInput
{
    public string? Naam { get; set; }
    [Required] public AddressInput Adres { get; set; } = new();
    [Required] public List<MemberInput> Leden { get; set; } = [];
    /// <summary>The worker confirmed that a same-name-and-birth-date person is someone else.</summary>
    public bool BevestigMogelijkDubbel { get; set; }
}

/// <summary>Registers a household at an address with its members, new or already known, in one go.</summary>
public sealed class CreateHouseholdHandler(RegieDbContext db, CurrentUser user, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(CreateHouseholdInput input, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var municipality = user;
        var gemeente = municipality.Gemeentecode ?? throw new InvalidOperationException("No municipality for this request.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var errors = new ErrorList();

        var address = input.Adres.Validate(errors);
        var naam = errors.Take(TextRules.Optional(input.Naam, "Naam", "de naam van het huishouden", Household.NaamMaxLength));

        var rows = input.Leden.Select((m, i) => (Member: m, Index: i)).Where(r => !r.Member.IsBlank).ToList();
        errors.Add(HouseholdRules.CheckHasMembers(rows.Count));

        var household = new Household
        {
            Id = Guid.CreateVersion7(),
            Gemeentecode = gemeente,
            Naam = "",
            Postcode = "",
            Woonplaats = "",
            CreatedAt = now,
            UpdatedAt = now,
            // Whoever registers a household is helping it: their team holds the file. A desk worker without a team works in
            // it while no team holds it (the registry rule); their grant records that and ends at the hand-over.
            ResponsibleTeamId = user.TeamId,
        };

        var joining = new List<(Person Person, HouseholdRole Role, bool IsNew)>();
        var seenBsn = new HashSet<string>();
        foreach (var (member, i) in rows)
        {
            var prefix = $"Leden[{i}].";
            var role = errors.Take(HouseholdRoles.Parse(member.Rol, prefix + "Rol"));
            if (member.PersonId is { } existingId)
            {
                // Taking someone known into a new household needs the right to work on them now, not an old household's view.
                if (await access.RefusePersonAsync<Guid>(existingId, Domain.Access.FileWork.Change, ct) is not null)
                {
                    errors.Add(HouseholdRules.PersonNotFound(prefix));
                    continue;
                }
                var person = await db.Persons.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == existingId, ct);
                if (person is null)
                {
                    errors.Add(HouseholdRules.PersonNotFound(prefix));
                    continue;
                }
                errors.Add(MembershipRules.CanJoin(person.Memberships.Select(x => x.ToPeriod()), household.Id) is { } e ? e with { Field = prefix + "PersonId" } : null);
                errors.Add(HouseholdRules.CheckKnownPersonOnce(person.Bsn, seenBsn, prefix));
                joining.Add((person, role, false));
                continue;
            }

            var valid = PersonRules.Validate(member, today, errors, prefix);
            if (valid is null) continue;
            if (HouseholdRules.CheckNewPersonOnce(valid.Bsn, seenBsn, prefix) is { } twice)
            {
                errors.Add(twice);
                continue;
            }
            await PersonRules.CheckDuplicatesAsync(db, valid, input.BevestigMogelijkDubbel, errors, prefix, ct);
            joining.Add((PersonRules.ToEntity(valid, gemeente, now), role, true));
        }

        if (errors.HasErrors || address is null) return CommandResult<Guid>.Invalid(errors.Errors);

        household.SetAddress(address);
        if (user.TeamId is null && !user.IsSystem)
            db.HouseholdAccess.Add(HouseholdAccess.Desk(gemeente, household.Id, user.ActorId, now));
        var first = joining[0].Person;
        household.Naam = naam ?? $"Huishouden {new PersonName(first.Voornamen, first.Voorvoegsel, first.Achternaam).Achternaam}";
        db.Households.Add(household);
        timeline.Record(household, EventTypes.HouseholdCreated, $"Huishouden geregistreerd op {address.Line1}, {address.Line2}",
            data: new { wijk = household.Wijk, buurt = household.Buurt, leden = joining.Count });

        foreach (var (person, role, isNew) in joining)
        {
            if (isNew)
            {
                db.Persons.Add(person);
                timeline.Record(household, EventTypes.PersonRegistered, $"{person.Name.FullName} geregistreerd", personId: person.Id);
            }
            db.HouseholdMembers.Add(household.AddMember(person.Id, role, today));
            timeline.Record(household, EventTypes.MemberJoined, $"{person.Name.FullName} toegevoegd als {HouseholdRoles.Label(role).ToLowerInvariant()}",
                today, person.Id, new { rol = role.ToString() });
        }

        return await audit.AfterAsync(await db.SaveOrConflictAsync(household.Id, ct), Audit.AuditResources.Household, household.Id, null,
            $"huishouden geregistreerd met {joining.Count} leden", ct, Audit.AuditActions.Create);
    }
}
