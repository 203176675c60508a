using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Persons;

public sealed record MembershipView(Guid HouseholdId, string HouseholdNaam, string Adres, HouseholdRole Rol, DateOnly Vanaf, DateOnly? Tot);

public sealed record PersonView(Guid Id, string? Bsn, PersonName Naam, DateOnly Geboortedatum, string? Telefoon, string? Email,
    int Versie, IReadOnlyList<MembershipView> Huishoudens)
{
    public MembershipView? Huidig => Huishoudens.FirstOrDefault(h => h.Tot is null);
}

public sealed class PersonQueries(RegieDbContext db, FileAccessService access, Audit.AuditLog audit)
{
    public async Task<PersonView?> GetAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanOpenPersonAsync(id, ct))
        {
            await audit.RecordAsync(Audit.AuditActions.Denied, Audit.AuditResources.Person, personId: id, ct: ct);
            return null;
        }
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        await audit.RecordAsync(Audit.AuditActions.Read, Audit.AuditResources.Person, personId: id, ct: ct);
        var history = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == id)
            .OrderByDescending(m => m.From)
            .Select(m => new { m.HouseholdId, m.Household!.Naam, m.Household.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats, m.Role, m.From, m.Until })
            .ToListAsync(ct);
        return new PersonView(p.Id, p.Bsn, p.Name, p.Geboortedatum, p.Telefoon, p.Email, p.Version,
            history.Select(h => new MembershipView(h.HouseholdId, h.Naam,
                Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats), h.Role, h.From, h.Until)).ToList());
    }
}

public sealed class UpdateContactInput
{
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public int Versie { get; set; }
}

/// <summary>Contact details change often; name, BSN and birth date come from the BRP and are corrected elsewhere.</summary>
public sealed class UpdateContactHandler(RegieDbContext db, FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid personId, UpdateContactInput input, CancellationToken ct)
    {
        if (!await access.CanOpenPersonAsync(personId, ct)) return CommandResult<Guid>.NotFound("De persoon");
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult<Guid>.NotFound("De persoon");
        var errors = new ErrorList();
        var probe = new PersonInput
        {
            Voornamen = person.Voornamen, Achternaam = person.Achternaam, Geboortedatum = DutchDate.Format(person.Geboortedatum),
            Telefoon = input.Telefoon, Email = input.Email,
        };
        var valid = PersonRules.Validate(probe, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (valid is null) return CommandResult<Guid>.Invalid(errors.Errors);
        if (person.Version != input.Versie) return CommandResult<Guid>.Conflict();
        if (person.Telefoon == valid.Telefoon && person.Email == valid.Email) return CommandResult<Guid>.Ok(person.Id);

        db.Entry(person).Property(p => p.Version).OriginalValue = input.Versie;
        person.Telefoon = valid.Telefoon;
        person.Email = valid.Email;
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var home = await db.HouseholdMembers.Where(m => m.PersonId == personId && m.Until == null).Select(m => m.Household).FirstOrDefaultAsync(ct);
        if (home is not null)
            timeline.Record(home, EventTypes.PersonUpdated, $"Contactgegevens van {person.Name.FullName} gewijzigd", personId: person.Id);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), Audit.AuditResources.Person, home?.Id, person.Id, "contactgegevens", ct);
    }
}
