using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// What the vroegsignalering workers read: the worklist of open cases by urgency, recently closed cases, and one case with its
/// signals, the household, who already helps it and the contact attempts. Only for the vroegsignalering role (the pages' and
/// routes' policy); every read is on the audit trail with the households and signals it showed.
/// </summary>
public sealed class VroegsignaleringQueries(RegieDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The worklist shows the most urgent cases first and at most this many; the counts above it cover all.</summary>
    public const int PageSize = 200;
    /// <summary>The closed list looks this many days back.</summary>
    public const int ClosedDaysBack = 90;

    public async Task<WorklistView> WorklistAsync(bool closed, CancellationToken ct)
    {
        var today = Today();
        var almost = today.AddDays(ContactTerm.AlmostLateDays);
        var since = today.AddDays(-ClosedDaysBack);
        var cases = db.Vroegsignaalzaken.AsNoTracking();
        cases = closed ? cases.Where(z => z.ClosedOn != null && z.ClosedOn >= since) : cases.Where(z => z.ClosedOn == null);
        var total = await cases.CountAsync(ct);
        var late = closed ? 0 : await cases.CountAsync(z => z.OpgepaktOn == null && z.DeadlineOn < today, ct);
        var almostLate = closed ? 0 : await cases.CountAsync(z => z.OpgepaktOn == null && z.DeadlineOn >= today && z.DeadlineOn <= almost, ct);
        // Eviction or cut-off threatened first, then the nearest deadline (DOMAIN.md's contact terms).
        var page = await (closed ? cases.OrderByDescending(z => z.ClosedOn).ThenBy(z => z.Id) : cases.OrderByDescending(z => z.Crisis).ThenBy(z => z.DeadlineOn).ThenBy(z => z.OpenedOn))
            .Take(PageSize).ToListAsync(ct);
        var ids = page.Select(z => z.Id).ToList();
        var signals = (await db.Vroegsignalen.AsNoTracking().Where(s => s.ZaakId != null && ids.Contains(s.ZaakId.Value))
            .Select(s => new { ZaakId = s.ZaakId!.Value, s.PartnerSoort, s.Bedrag }).ToListAsync(ct)).ToLookup(s => s.ZaakId);
        var attempts = (await db.Contactpogingen.AsNoTracking().Where(p => ids.Contains(p.ZaakId)).Select(p => new { p.ZaakId, p.Bereikt }).ToListAsync(ct))
            .ToLookup(p => p.ZaakId);
        var households = await HouseholdsAsync(page.Where(z => z.HouseholdId is not null).Select(z => z.HouseholdId!.Value).Distinct().ToList(), ct);
        var items = page.Select(z =>
        {
            var h = z.HouseholdId is { } hid ? households.GetValueOrDefault(hid) : default;
            return new WorklistItem(z.Id, z.HouseholdId, h.Name ?? "(gegevens verwijderd)", h.Address ?? "", signals[z.Id].Select(s => s.PartnerSoort).Distinct().ToList(),
                signals[z.Id].Sum(s => s.Bedrag), signals[z.Id].Count(), z.Crisis, z.OpenedOn, z.DeadlineOn, ContactTerm.Stand(z.DeadlineOn, z.OpgepaktOn, today),
                attempts[z.Id].Count(), attempts[z.Id].Any(a => a.Bereikt), z.HouseholdAlreadyHelped, z.Resultaat, z.ClosedOn);
        }).ToList();
        await audit.RecordListAsync(AuditResources.EarlySignalCase, closed ? "vroegsignalering: afgesloten zaken" : "vroegsignalering: werklijst",
            items.Select(i => (i.HuishoudenId, (Guid?)null)), ct);
        return new WorklistView(items, total, late, almostLate, closed);
    }

    public async Task<CommandResult<CaseView>> GetAsync(Guid id, CancellationToken ct)
    {
        var zaak = await db.Vroegsignaalzaken.AsNoTracking().FirstOrDefaultAsync(z => z.Id == id, ct);
        if (zaak is null) return CommandResult<CaseView>.NotFound("De vroegsignaalzaak");
        var signals = await db.Vroegsignalen.AsNoTracking().Where(s => s.ZaakId == id).OrderBy(s => s.ReceivedAt).ToListAsync(ct);
        var attempts = await db.Contactpogingen.AsNoTracking().Where(p => p.ZaakId == id).ToListAsync(ct);
        zaak.Load(attempts);
        var linked = signals.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value).ToHashSet();
        string name = "(gegevens verwijderd)", address = "";
        IReadOnlyList<CaseMemberView> members = [];
        CaseCoordinationView? coordination = null;
        if (zaak.HouseholdId is { } householdId)
        {
            var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
                .Select(x => new { x.Naam, x.Straat, x.Huisnummer, x.Huisletter, x.Toevoeging, x.Postcode, x.Woonplaats, x.ResponsibleTeamId, x.CoordinatorId })
                .FirstOrDefaultAsync(ct);
            if (h is not null)
            {
                name = h.Naam;
                address = Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats);
                members = (await db.HouseholdMembers.AsNoTracking().Where(HouseholdMember.Current).Where(m => m.HouseholdId == householdId)
                        .Select(m => new { m.PersonId, m.Person!.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam, m.Person.Geboortedatum }).ToListAsync(ct))
                    .Select(m => new CaseMemberView(m.PersonId, new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName, m.Geboortedatum, linked.Contains(m.PersonId)))
                    .OrderByDescending(m => m.Gekoppeld).ThenBy(m => m.Geboortedatum).ToList();
                coordination = await CoordinationAsync(h.ResponsibleTeamId, h.CoordinatorId, ct);
            }
        }
        var today = Today();
        var view = new CaseView(zaak.Id, zaak.Version, zaak.IsOpen, zaak.HouseholdId, name, address, members, coordination,
            signals.Select(s => new CaseSignalView(s.Id, s.PartnerName, s.PartnerSoort, s.Kenmerk, s.Bedrag, s.MaandenAchterstand, s.Signaaldatum, s.ReceivedOn, s.Crisis,
                s.WarmeOverdracht, SignalName(s), s.Telefoon, s.Email, s.Status)).ToList(),
            zaak.Contactpogingen.Select(p => new CaseAttemptView(p.Id, p.Soort, p.Datum, p.Dagdeel, p.Bereikt, p.Note, p.RecordedByName)).ToList(),
            zaak.OpenedOn, zaak.DeadlineOn, ContactTerm.Stand(zaak.DeadlineOn, zaak.OpgepaktOn, today), zaak.Crisis,
            zaak.Resultaat is { } r ? new CaseClosingView(r, DdasCodes.Label(r), zaak.ClosedOn!.Value, zaak.ClosedByName ?? "", zaak.ClosingNote, zaak.RequestId) : null);
        await audit.RecordAsync(AuditActions.Read, AuditResources.EarlySignalCase, zaak.HouseholdId,
            detail: $"vroegsignaalzaak {zaak.Id}, signalen {string.Join(", ", signals.Select(s => s.Id))}", ct: ct);
        return CommandResult<CaseView>.Ok(view);
    }

    private async Task<CaseCoordinationView?> CoordinationAsync(Guid? teamId, string? coordinatorId, CancellationToken ct)
    {
        if (teamId is null) return null;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Name, t.Telefoon, t.Email }).FirstOrDefaultAsync(ct);
        if (team is null) return null;
        var coordinator = coordinatorId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == coordinatorId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        return new CaseCoordinationView(team.Name, coordinator?.DisplayName, team.Telefoon, coordinator?.Email ?? team.Email);
    }

    private async Task<Dictionary<Guid, (string? Name, string? Address)>> HouseholdsAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new { h.Id, h.Naam, h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats }).ToListAsync(ct))
        .ToDictionary(h => h.Id, h => ((string?)h.Naam, (string?)Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats)));

    /// <summary>The name as the partner gave it (initials, prefix, surname); null once retention cleared it.</summary>
    private static string? SignalName(Vroegsignaal s) =>
        s.Achternaam is null ? null : string.Join(' ', new[] { s.Voorletters, s.Voorvoegsel, s.Achternaam }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
