using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>A checked signal with where it came from: the line of a partner's file (0 for an API call).</summary>
public sealed record IncomingSignal(int Line, SignalContent Content);

public enum IntakeOutcome
{
    /// <summary>Matched to a person and household, and in the household's open case (new or joined).</summary>
    Matched,
    /// <summary>Stored, but the registry holds no one person it fits: it waits in the list to be matched by hand.</summary>
    Unmatched,
    /// <summary>The partner sent this reference before: nothing new was stored.</summary>
    AlreadyReceived,
}

public sealed record IntakeResult(int Line, Guid SignalId, IntakeOutcome Outcome, Guid? HouseholdId, DateTime ReceivedAt);

/// <summary>
/// Takes signals of one partner in: the same rules for the API and the monthly file, a batch at a time so a file of 100,000
/// rows reads the registry in a few hundred queries. A signal is matched on BSN, or else on surname, birth date and the
/// address of the household the person lives in now (one person must fit, never a guess between two). A matched signal
/// joins the household's open vroegsignaalzaak or opens one, and the household's coordinator is told at once in the inbox; once the
/// worker takes the case up, the municipality's vroegsignalering organisation is registered as involved with the person
/// (<see cref="RegisterTakenUpAsync"/>). The partner's reference makes a repeated delivery harmless.
/// Nothing is saved here: the caller saves, and on a lost race (another import opened the household's case, or stored the
/// same reference, a moment earlier) clears the unit of work and runs the batch again.
/// </summary>
public sealed class SignalIntake(RegieDbContext db, VroegsignaleringSettingsReader settingsReader, InvolvementOptions involvementOptions, TimeProvider clock)
{
    public const string InvolvementReason = "Vroegsignalering";

    public async Task<IReadOnlyList<IntakeResult>> ReceiveAsync(Organisation partner, string via, IReadOnlyList<IncomingSignal> batch, string actorName,
        CancellationToken ct)
    {
        var gemeente = partner.Gemeentecode;
        var soort = partner.SignaalpartnerSoort ?? throw new InvalidOperationException("Only a signal partner sends signals.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var settings = await settingsReader.GetAsync(gemeente, ct);

        var kenmerken = batch.Select(s => s.Content.Kenmerk).Distinct().ToList();
        var known = await db.Vroegsignalen.AsNoTracking().Where(s => s.PartnerOrganisationId == partner.Id && kenmerken.Contains(s.Kenmerk!))
            .Select(s => new { s.Kenmerk, s.Id, s.ReceivedAt }).ToDictionaryAsync(s => s.Kenmerk!, s => (s.Id, s.ReceivedAt), ct);

        var matches = await MatchAsync(batch.Where(s => !known.ContainsKey(s.Content.Kenmerk)).Select(s => s.Content).ToList(), ct);
        var householdIds = matches.Values.Select(m => m.Household.Id).Distinct().ToList();
        var openCases = await db.Vroegsignaalzaken.Where(z => z.ClosedOn == null && householdIds.Contains(z.HouseholdId!.Value))
            .ToDictionaryAsync(z => z.HouseholdId!.Value, ct);
        var involved = await InvolvedAsync(settings, matches.Values.Select(m => m.Bsn).OfType<string>().Distinct().ToList(), ct);

        var results = new List<IntakeResult>(batch.Count);
        foreach (var (line, c) in batch)
        {
            if (known.TryGetValue(c.Kenmerk, out var existing))
            {
                results.Add(new IntakeResult(line, existing.Id, IntakeOutcome.AlreadyReceived, null, existing.ReceivedAt));
                continue;
            }
            var signal = new Vroegsignaal
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeente, PartnerOrganisationId = partner.Id, PartnerName = partner.Name, PartnerSoort = soort,
                Kenmerk = c.Kenmerk, Bsn = c.Bsn, Voorletters = c.Voorletters, Voorvoegsel = c.Voorvoegsel, Achternaam = c.Achternaam, Geboortedatum = c.Geboortedatum,
                Straat = c.Straat, Postcode = c.Postcode, Huisnummer = c.Huisnummer, Huisnummertoevoeging = c.Toevoeging, Woonplaats = c.Woonplaats,
                Telefoon = c.Telefoon, Email = c.Email, Bedrag = c.Bedrag, MaandenAchterstand = c.Maanden, Signaaldatum = c.Signaaldatum,
                Ontstaansdatum = c.Ontstaansdatum, Crisis = c.Crisis, WarmeOverdracht = c.WarmeOverdracht, ReceivedAt = now, ReceivedOn = today, Via = via,
                Status = Signaalstatus.NogNietOpgepakt,
            };
            db.Vroegsignalen.Add(signal);
            known[c.Kenmerk] = (signal.Id, now);
            if (!matches.TryGetValue(c, out var match))
            {
                results.Add(new IntakeResult(line, signal.Id, IntakeOutcome.Unmatched, null, now));
                continue;
            }
            signal.PersonId = match.PersonId;
            signal.MatchedAt = now;
            signal.MatchedHow = match.How;
            File(signal, match.Household, match.Bsn, settings, openCases, involved, actorName, now);
            results.Add(new IntakeResult(line, signal.Id, IntakeOutcome.Matched, match.Household.Id, now));
        }
        return results;
    }

    /// <summary>A signal matched by hand: into the household's open case, with the coordinator told, as on arrival.</summary>
    public async Task FileMatchedByHandAsync(Vroegsignaal signal, Guid personId, HouseholdFacts household, string? bsn, string actorId, string actorName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await settingsReader.GetAsync(signal.Gemeentecode, ct);
        var openCases = await db.Vroegsignaalzaken.Where(z => z.ClosedOn == null && z.HouseholdId == household.Id).ToDictionaryAsync(z => z.HouseholdId!.Value, ct);
        var involved = await InvolvedAsync(settings, bsn is null ? [] : [bsn], ct);
        signal.PersonId = personId;
        signal.MatchedAt = now;
        signal.MatchedHow = SignalRules.MatchedByHand;
        signal.MatchedBy = actorId;
        File(signal, household, bsn, settings, openCases, involved, actorName, now);
    }

    /// <summary>What the intake needs of a household: where it lives, and who already helps it.</summary>
    public sealed record HouseholdFacts(Guid Id, string Postcode, int Huisnummer, string? CoordinatorId, Guid? ResponsibleTeamId);

    private sealed record Match(Guid PersonId, string? Bsn, HouseholdFacts Household, string How);

    private void File(Vroegsignaal signal, HouseholdFacts household, string? bsn, VroegsignaleringSettings settings, Dictionary<Guid, Vroegsignaalzaak> openCases,
        HashSet<string> involved, string actorName, DateTime now)
    {
        // The coordinator hears of a new case, and of eviction or cut-off newly threatening in one; not of every later signal.
        bool tell;
        if (openCases.TryGetValue(household.Id, out var zaak))
        {
            var wasCrisis = zaak.Crisis;
            var error = zaak.Join(signal, settings.Term);
            if (error is not null) throw new InvalidOperationException(error.Message); // only open cases are in the dictionary
            tell = signal.Crisis && !wasCrisis;
        }
        else
        {
            zaak = Vroegsignaalzaak.Open(signal.Gemeentecode, household.Id, signal, household.CoordinatorId is not null || household.ResponsibleTeamId is not null,
                settings.Term, now);
            db.Vroegsignaalzaken.Add(zaak);
            openCases[household.Id] = zaak;
            tell = true;
        }
        var contact = Contact(settings);
        if (tell && household.CoordinatorId is { } coordinator)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = signal.Gemeentecode, UserId = coordinator, HouseholdId = household.Id, CreatedAt = now,
                Title = "Vroegsignaal: betalingsachterstand bij een huishouden dat u regisseert",
                Body = $"{signal.PartnerName} meldt een betalingsachterstand (signaalpartner {DdasCodes.Label(signal.PartnerSoort)})"
                    + $"{(signal.Crisis ? "; uitzetting of afsluiting dreigt" : "")}. Vroegsignalering neemt contact op met de inwoner: {contact.Name}"
                    + $"{(contact.Phone is null ? "" : ", " + contact.Phone)}{(contact.Email is null ? "" : ", " + contact.Email)}.",
            });
        // A signal joining a case the worker already took up: the person is registered as for the case's others.
        if (zaak.OpgepaktOn is not null && bsn is not null) Register(settings, signal.Gemeentecode, bsn, involved, actorName, now);
    }

    /// <summary>
    /// On taking a case up (its first contact attempt), the vroegsignalering organisation is registered as involved with the persons the
    /// case's signals are about, so a department's look-up finds it. Not on arrival: then anyone who can send a signal and look up a BSN
    /// (a signal partner) would learn from the register whether the municipality knows the resident.
    /// </summary>
    public async Task RegisterTakenUpAsync(Vroegsignaalzaak zaak, string actorName, DateTime now, CancellationToken ct)
    {
        var settings = await settingsReader.GetAsync(zaak.Gemeentecode, ct);
        if (settings.UitvoerderOrganisationId is null) return;
        var bsns = await db.Vroegsignalen.AsNoTracking().Where(s => s.ZaakId == zaak.Id && s.PersonId != null)
            .Join(db.Persons, s => s.PersonId, p => p.Id, (s, p) => p.Bsn).Where(b => b != null).Distinct().ToListAsync(ct);
        var involved = await InvolvedAsync(settings, bsns!, ct);
        foreach (var bsn in bsns) Register(settings, zaak.Gemeentecode, bsn!, involved, actorName, now);
    }

    private void Register(VroegsignaleringSettings settings, string gemeentecode, string bsn, HashSet<string> involved, string actorName, DateTime now)
    {
        if (settings.UitvoerderOrganisationId is not { } uitvoerder || !involved.Add(bsn)) return;
        var contact = Contact(settings);
        var today = DateOnly.FromDateTime(now);
        db.Involvements.Add(Involvement.Register(gemeentecode, bsn, uitvoerder,
            new InvolvementRegistration(Domain.Assessment.ZrmDomain.Financien, contact.Name, contact.Phone, contact.Email, today, InvolvementReason),
            today, involvementOptions.MaxYears, actorName, now));
    }

    private static Involvement.Contact Contact(VroegsignaleringSettings s) =>
        new(s.ContactNaam ?? "Vroegsignalering", s.ContactTelefoon, s.ContactEmail);

    /// <summary>The BSNs the vroegsignalering organisation is already registered as involved with (open registrations).</summary>
    private async Task<HashSet<string>> InvolvedAsync(VroegsignaleringSettings settings, List<string> bsns, CancellationToken ct)
    {
        if (settings.UitvoerderOrganisationId is not { } org || bsns.Count == 0) return [];
        var list = await db.Involvements.AsNoTracking().Where(Involvement.Open()).Where(i => i.OrganisationId == org && bsns.Contains(i.Bsn))
            .Select(i => i.Bsn).ToListAsync(ct);
        return [.. list];
    }

    /// <summary>
    /// Finds the one person each signal is about, and the household they live in now. On BSN when the partner has it; otherwise,
    /// or when the registry holds no one with that BSN, on surname, birth date, postcode and house number of the current
    /// household — and then only a person without a BSN or with the signal's, and only when exactly one fits.
    /// </summary>
    private async Task<Dictionary<SignalContent, Match>> MatchAsync(List<SignalContent> signals, CancellationToken ct)
    {
        var bsns = signals.Where(s => s.Bsn is not null).Select(s => s.Bsn!).Distinct().ToList();
        var byBsn = bsns.Count == 0 ? [] : await db.Persons.AsNoTracking().Where(p => bsns.Contains(p.Bsn!) && p.AnonymisedAt == null)
            .Select(p => new { p.Id, p.Bsn }).ToListAsync(ct);
        var personByBsn = byBsn.GroupBy(p => p.Bsn!).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);

        var byName = signals.Where(s => (s.Bsn is null || !personByBsn.ContainsKey(s.Bsn)) && s.Achternaam is not null && s.Geboortedatum is not null
            && s.Postcode is not null && s.Huisnummer is not null).ToList();
        var keys = byName.Select(s => PersonName.SearchKeyOf(s.Achternaam!)).Distinct().ToList();
        var births = byName.Select(s => s.Geboortedatum!.Value).Distinct().ToList();
        var candidates = keys.Count == 0 ? [] : await db.Persons.AsNoTracking()
            .Where(p => keys.Contains(p.ZoekNaam) && births.Contains(p.Geboortedatum) && p.AnonymisedAt == null)
            .Select(p => new { p.Id, p.Bsn, p.ZoekNaam, p.Geboortedatum }).ToListAsync(ct);

        var personIds = personByBsn.Values.Concat(candidates.Select(c => c.Id)).Distinct().ToList();
        var homes = await HomesAsync(personIds, ct);

        var result = new Dictionary<SignalContent, Match>(ReferenceEqualityComparer.Instance);
        foreach (var s in signals)
        {
            if (s.Bsn is not null && personByBsn.TryGetValue(s.Bsn, out var id))
            {
                if (homes.TryGetValue(id, out var home)) result[s] = new Match(id, s.Bsn, home, SignalRules.MatchedOnBsn);
                continue;
            }
            if (s.Achternaam is null || s.Geboortedatum is null || s.Postcode is null || s.Huisnummer is null) continue;
            var key = PersonName.SearchKeyOf(s.Achternaam);
            var fits = candidates.Where(c => c.ZoekNaam == key && c.Geboortedatum == s.Geboortedatum && (s.Bsn is null || c.Bsn is null || c.Bsn == s.Bsn)
                    && homes.TryGetValue(c.Id, out var h) && h.Postcode == s.Postcode && h.Huisnummer == s.Huisnummer)
                .ToList();
            if (fits.Count == 1) result[s] = new Match(fits[0].Id, fits[0].Bsn, homes[fits[0].Id], SignalRules.MatchedOnNameAndAddress);
        }
        return result;
    }

    /// <summary>The household each person lives in now (a person in two households at once has no one home, and is matched by hand).</summary>
    public async Task<Dictionary<Guid, HouseholdFacts>> HomesAsync(List<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var rows = await db.HouseholdMembers.AsNoTracking().Where(HouseholdMember.Current).Where(m => personIds.Contains(m.PersonId) && m.Household!.AnonymisedAt == null)
            .Select(m => new
            {
                m.PersonId,
                Household = new HouseholdFacts(m.HouseholdId, m.Household!.Postcode, m.Household.Huisnummer, m.Household.CoordinatorId, m.Household.ResponsibleTeamId),
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Household);
    }
}
