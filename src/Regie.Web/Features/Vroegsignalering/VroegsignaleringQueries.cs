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

    /// <summary>The unmatched list shows the oldest signals first and at most this many.</summary>
    public const int UnmatchedPageSize = 100;
    /// <summary>At most this many people are offered per signal: the name and birth date, or the address, must fit.</summary>
    public const int MaxCandidates = 6;

    /// <summary>
    /// The signals the registry did not match on arrival, oldest first, each with the people it could be about: the same surname
    /// and birth date (they may have moved), or living at the signal's address. The worker chooses; Regie never guesses.
    /// </summary>
    public async Task<UnmatchedView> UnmatchedAsync(CancellationToken ct)
    {
        var open = db.Vroegsignalen.AsNoTracking().Where(s => s.ZaakId == null && s.AnonymisedAt == null);
        var total = await open.CountAsync(ct);
        var signals = await open.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).Take(UnmatchedPageSize).ToListAsync(ct);
        var keys = signals.Where(s => s.Achternaam is not null).Select(s => PersonName.SearchKeyOf(s.Achternaam!)).Distinct().ToList();
        var births = signals.Where(s => s.Geboortedatum is not null).Select(s => s.Geboortedatum!.Value).Distinct().ToList();
        var postcodes = signals.Where(s => s.Postcode is not null).Select(s => s.Postcode!).Distinct().ToList();
        var bsns = signals.Where(s => s.Bsn is not null).Select(s => s.Bsn!).Distinct().ToList();
        var people = await db.HouseholdMembers.AsNoTracking().Where(HouseholdMember.Current)
            .Where(m => m.Person!.AnonymisedAt == null && m.Household!.AnonymisedAt == null
                && ((keys.Contains(m.Person.ZoekNaam) && births.Contains(m.Person.Geboortedatum)) || postcodes.Contains(m.Household.Postcode) || bsns.Contains(m.Person.Bsn!)))
            .Select(m => new
            {
                m.PersonId, m.Person!.Bsn, m.Person.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam, m.Person.ZoekNaam, m.Person.Geboortedatum,
                m.Household!.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats,
            })
            .Take(UnmatchedPageSize * MaxCandidates * 4).ToListAsync(ct);
        var list = signals.Select(s =>
        {
            var key = s.Achternaam is null ? null : PersonName.SearchKeyOf(s.Achternaam);
            var candidates = people
                .Select(p => new
                {
                    p, Name = p.ZoekNaam == key, Born = p.Geboortedatum == s.Geboortedatum, Home = p.Postcode == s.Postcode && p.Huisnummer == s.Huisnummer,
                    Bsn = s.Bsn is not null && p.Bsn == s.Bsn,
                })
                .Where(c => c.Bsn || (c.Name && c.Born) || c.Home)
                .OrderByDescending(c => c.Bsn).ThenByDescending(c => (c.Name ? 1 : 0) + (c.Born ? 1 : 0) + (c.Home ? 1 : 0)).ThenBy(c => c.p.Geboortedatum)
                .DistinctBy(c => c.p.PersonId).Take(MaxCandidates)
                .Select(c => new MatchCandidate(c.p.PersonId, new PersonName(c.p.Voornamen, c.p.Voorvoegsel, c.p.Achternaam).FullName, c.p.Geboortedatum,
                    Address.OneLine(c.p.Straat, c.p.Huisnummer, c.p.Huisletter, c.p.Toevoeging, c.p.Postcode, c.p.Woonplaats), c.Name, c.Born, c.Home))
                .ToList();
            var address = s.Postcode is null ? null
                : $"{s.Straat} {s.Huisnummer}{s.Huisnummertoevoeging}, {Domain.Registry.Postcode.Parse(s.Postcode).Value.Display} {s.Woonplaats}".Trim().TrimEnd(',');
            return new UnmatchedSignal(s.Id, s.PartnerName, s.PartnerSoort, s.Kenmerk, SignalName(s), s.Geboortedatum, address, s.Bedrag, s.ReceivedOn, s.Crisis,
                candidates);
        }).ToList();
        await audit.RecordListAsync(AuditResources.EarlySignal, $"vroegsignalering: {signals.Count} te koppelen signalen met hun kandidaten",
            list.SelectMany(s => s.Kandidaten).Select(c => ((Guid?)null, (Guid?)c.PersoonId)), ct);
        return new UnmatchedView(list, total);
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
