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

/// <param name="AlleenEerderHuishouden">
/// Seen only through a household the person no longer lives in: the households listed are the ones the user may
/// open, and contact details are left out (they are today's, not what was recorded then).
/// </param>
public sealed record PersonView(Guid Id, string? Bsn, PersonName Naam, DateOnly Geboortedatum, string? Telefoon, string? Email,
    int Versie, IReadOnlyList<MembershipView> Huishoudens, bool AlleenEerderHuishouden = false)
{
    public MembershipView? Huidig => AlleenEerderHuishouden ? null : Huishoudens.FirstOrDefault(h => h.Tot is null);
}

public sealed class PersonQueries(RegieDbContext db, FileAccessService access, Audit.AuditLog audit)
{
    public async Task<PersonView?> GetAsync(Guid id, CancellationToken ct)
    {
        var person = await access.DecidePersonAsync(id, ct);
        // A refused look-up is recorded once for every route, by Access.RefusedReadAudit.
        if (person.Level == PersonAccessLevel.Denied) return null;
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var former = person.Level == PersonAccessLevel.FormerHousehold;
        await audit.RecordAsync(Audit.AuditActions.Read, Audit.AuditResources.Person, personId: id,
            detail: former ? "via een eerder huishouden, zonder huidige gegevens" : null, ct: ct);
        var visible = person.OpenHouseholds.ToList();
        var history = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == id && (!former || visible.Contains(m.HouseholdId)))
            .OrderByDescending(m => m.From)
            .Select(m => new { m.HouseholdId, m.Household!.Naam, m.Household.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats, m.Role, m.From, m.Until })
            .ToListAsync(ct);
        return new PersonView(p.Id, p.Bsn, p.Name, p.Geboortedatum, former ? null : p.Telefoon, former ? null : p.Email, p.Version,
            history.Select(h => new MembershipView(h.HouseholdId, h.Naam,
                Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats), h.Role, h.From, h.Until)).ToList(), former);
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
        if (await access.RefusePersonAsync<Guid>(personId, Domain.Access.FileWork.Change, ct) is { } refused) return refused;
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
