using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Households;

public sealed record MemberView(Guid PersonId, string Naam, string? Bsn, DateOnly Geboortedatum, HouseholdRole Rol, DateOnly Vanaf, DateOnly? Tot);

public sealed record HouseholdView(Guid Id, string Naam, Address Adres, DateTime CreatedAt, int Versie, string? Team, string? Regisseur,
    IReadOnlyList<MemberView> Leden, IReadOnlyList<MemberView> VoormaligeLeden);

public sealed class HouseholdQueries(RegieDbContext db, FileAccessService access, Audit.AuditLog audit)
{
    /// <summary>The file, or null when it does not exist or the user may not open it (indistinguishable on purpose).</summary>
    public async Task<HouseholdView?> GetAsync(Guid id, CancellationToken ct, string? auditDetail = null)
    {
        // A refused look-up is recorded once for every route, by Access.RefusedReadAudit.
        if (!await access.CanOpenAsync(id, ct)) return null;
        // One round trip for the household with its team's and coordinator's names: this page is the most opened one.
        var row = await db.Households.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                Household = x,
                Team = db.Teams.Where(t => t.Id == x.ResponsibleTeamId).Select(t => t.Name).FirstOrDefault(),
                Coordinator = db.Users.Where(u => u.Id == x.CoordinatorId).Select(u => u.DisplayName).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var h = row.Household;
        await audit.RecordAsync(Audit.AuditActions.Read, Audit.AuditResources.Household, householdId: id, detail: auditDetail, ct: ct);
        var members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == id)
            .OrderBy(m => m.From).ThenBy(m => m.Person!.Geboortedatum)
            .Select(m => new { m.PersonId, m.Person!.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam, m.Person.Bsn, m.Person.Geboortedatum, m.Role, m.From, m.Until })
            .ToListAsync(ct);
        var views = members.Select(m => new MemberView(m.PersonId, new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName,
            m.Bsn, m.Geboortedatum, m.Role, m.From, m.Until)).ToList();
        var (team, coordinator) = (row.Team, row.Coordinator);
        return new HouseholdView(h.Id, h.Naam, h.Address, h.CreatedAt, h.Version, team, coordinator,
            views.Where(v => v.Tot is null).OrderBy(v => v.Rol).ThenBy(v => v.Geboortedatum).ToList(),
            views.Where(v => v.Tot is not null).OrderByDescending(v => v.Tot).ToList());
    }

    /// <summary>Exists and the user may open it.</summary>
    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => access.CanOpenAsync(id, ct);

    public sealed record HouseholdHit(Guid Id, string Naam, string Adres, int Leden);

    /// <param name="Huishoudens">The households at the address whose file the caller may open.</param>
    /// <param name="AnderHuishoudenBekend">
    /// Another household is known at the address whose file the caller may not open: said, without name or number of
    /// members, so that nobody registers it a second time.
    /// </param>
    public sealed record AddressSearch(IReadOnlyList<HouseholdHit> Huishoudens, bool AnderHuishoudenBekend);

    /// <summary>
    /// The households at an address, for registering and moving people: only the care roles ask, and each sees the
    /// files they may open. Every such search is on the audit trail with its number of hits, not the address typed.
    /// </summary>
    public async Task<CommandResult<AddressSearch>> AtAddressAsync(string postcode, int huisnummer, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<AddressSearch>.Forbidden();
        var rows = await db.Households.AsNoTracking().Where(h => h.Postcode == postcode && h.Huisnummer == huisnummer)
            .OrderBy(h => h.Naam).Take(50)
            .Select(h => new { h.Id, h.Naam, h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats, Leden = h.Members.AsQueryable().Count(HouseholdMember.Current) })
            .ToListAsync(ct);
        var levels = await access.DecideManyAsync(rows.Select(r => r.Id).ToList(), ct);
        var open = rows.Where(r => levels.GetValueOrDefault(r.Id) != Domain.Access.FileAccessLevel.Denied).ToList();
        await audit.RecordListAsync(Audit.AuditResources.Household, $"soort=adres; resultaten={open.Count}; andere={rows.Count - open.Count}",
            open.Select(h => ((Guid?)h.Id, (Guid?)null)), ct, Audit.AuditActions.Search);
        return CommandResult<AddressSearch>.Ok(new AddressSearch(
            open.Select(h => new HouseholdHit(h.Id, h.Naam, Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats), h.Leden)).ToList(),
            open.Count < rows.Count));
    }
}
