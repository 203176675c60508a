using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;

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
