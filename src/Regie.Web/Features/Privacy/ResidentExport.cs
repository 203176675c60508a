using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Privacy;

public sealed record ExportPerson(string? Bsn, string Voornamen, string? Voorvoegsel, string Achternaam, DateOnly Geboortedatum,
    string? Telefoon, string? Email, DateTime GeregistreerdOp, DateTime GewijzigdOp);
public sealed record ExportMembership(string Huishouden, string Adres, string? Wijk, string Rol, DateOnly Vanaf, DateOnly? Tot);
public sealed record ExportEvent(DateTime Tijdstip, DateOnly Datum, string Soort, string Omschrijving, string Door);
public sealed record ExportAccess(string Huishouden, string Soort, string? Reden, string? GedeeldeOnderdelen, DateTime Vanaf, DateTime? Tot, DateTime? IngetrokkenOp);
public sealed record ExportRead(DateTime Tijdstip, string Wie, string? Rol, string? Organisatie, string Actie, string Onderdeel, string? Doel);

/// <summary>
/// Everything Regie holds about one resident, as the AVG (art. 15) lets them ask for it. <see cref="Persoon"/> is
/// null for someone Regie holds no file of but whose BSN a department looked up: those look-ups are all there is.
/// </summary>
public sealed record ResidentDataExport(DateTime Opgesteld, string Gemeentecode, ExportPerson? Persoon, IReadOnlyList<ExportMembership> Huishoudens,
    IReadOnlyList<ExportEvent> Gebeurtenissen, IReadOnlyList<ExportAccess> Toegang, IReadOnlyList<ExportRead> WieHeeftGegevensGezien);

public sealed class ResidentExportService(RegieDbContext db, AuditLog audit, TimeProvider clock, Infrastructure.CurrentUser user)
{
    public const string Purpose = "Inzageverzoek van de inwoner (AVG artikel 15)";

    public async Task<Result<ResidentDataExport>> ExportAsync(string? bsnInput, CancellationToken ct)
    {
        var bsn = Bsn.Parse(bsnInput, "Bsn");
        if (!bsn.IsValid) return bsn.Error!;
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Bsn == bsn.Value.Value, ct);
        if (p is null) return await LookupsOnlyAsync(bsn.Value.Value, ct);

        var memberships = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == p.Id).OrderBy(m => m.From)
            .Select(m => new { m.HouseholdId, m.Household!.Naam, m.Household.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats, m.Household.Wijk, m.Role, m.From, m.Until })
            .ToListAsync(ct);
        var householdIds = memberships.Select(m => m.HouseholdId).Distinct().ToList();
        var names = memberships.GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Naam);

        // Household events count while the resident belonged to it; events about the resident always.
        var events = await db.HouseholdEvents.AsNoTracking()
            .Where(e => e.PersonId == p.Id || (e.PersonId == null && householdIds.Contains(e.HouseholdId)))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var relevant = events.Where(e => e.PersonId == p.Id || memberships.Any(m => m.HouseholdId == e.HouseholdId
            && e.EffectiveDate >= m.From && (m.Until is null || e.EffectiveDate <= m.Until))).ToList();

        var access = await db.HouseholdAccess.AsNoTracking().Where(a => householdIds.Contains(a.HouseholdId)).OrderBy(a => a.GrantedAt).ToListAsync(ct);
        var reads = await db.AuditEntries.AsNoTracking()
            // A department's look-up names the resident by BSN only: it is on their list of who looked too.
            .Where(e => e.PersonId == p.Id || (e.HouseholdId != null && householdIds.Contains(e.HouseholdId.Value)) || (e.SubjectBsn == bsn.Value.Value && e.Gemeentecode == p.Gemeentecode))
            .OrderBy(e => e.Id).Take(10_000).ToListAsync(ct);

        var export = new ResidentDataExport(clock.GetUtcNow().UtcDateTime, p.Gemeentecode,
            new ExportPerson(p.Bsn, p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Geboortedatum, p.Telefoon, p.Email, p.CreatedAt, p.UpdatedAt),
            memberships.Select(m => new ExportMembership(m.Naam, Address.OneLine(m.Straat, m.Huisnummer, m.Huisletter, m.Toevoeging, m.Postcode, m.Woonplaats),
                m.Wijk, HouseholdRoles.Label(m.Role), m.From, m.Until)).ToList(),
            relevant.Select(e => new ExportEvent(e.OccurredAt, e.EffectiveDate, e.Type, e.Summary, e.ActorName)).ToList(),
            access.Select(a => new ExportAccess(names.GetValueOrDefault(a.HouseholdId, "?"), a.Kind, a.Reason, a.SharedParts, a.GrantedAt, a.ExpiresAt, a.RevokedAt)).ToList(),
            reads.Select(Read).ToList());
        await audit.RecordAsync(AuditActions.Export, AuditResources.Person, personId: p.Id, purpose: Purpose, ct: ct);
        return export;
    }

    private static ExportRead Read(AuditEntry r) => new(r.OccurredAt, r.ActorName, r.Role, r.Organisation, r.Action, r.Resource, r.Purpose);

    /// <summary>Someone without a file in Regie whose BSN departments looked up: the look-ups are theirs to know.</summary>
    private async Task<Result<ResidentDataExport>> LookupsOnlyAsync(string bsn, CancellationToken ct)
    {
        var gemeente = user.Gemeentecode;
        var lookups = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectBsn == bsn && e.Gemeentecode == gemeente)
            .OrderBy(e => e.Id).Take(10_000).ToListAsync(ct);
        if (lookups.Count == 0 || gemeente is null) return new DomainError("not-found", "Bsn", "Regie heeft geen gegevens van een inwoner met dit BSN.");
        await audit.RecordAsync(AuditActions.Export, AuditResources.Person, purpose: Purpose, ct: ct, subjectBsn: bsn);
        return new ResidentDataExport(clock.GetUtcNow().UtcDateTime, gemeente, null, [], [], [], lookups.Select(Read).ToList());
    }
}
