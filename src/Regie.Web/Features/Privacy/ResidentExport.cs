using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using System.Text.Json;

namespace Regie.Web.Features.Privacy;

public sealed record ExportPerson(string? Bsn, string Voornamen, string? Voorvoegsel, string Achternaam, DateOnly Geboortedatum,
    string? Telefoon, string? Email, DateTime GeregistreerdOp, DateTime GewijzigdOp);
public sealed record ExportMembership(string Huishouden, string Adres, string? Wijk, string Rol, DateOnly Vanaf, DateOnly? Tot);
public sealed record ExportEvent(DateTime Tijdstip, DateOnly Datum, string Soort, string Omschrijving, string Door);
public sealed record ExportAccess(string Huishouden, string Soort, string? Reden, string? GedeeldeOnderdelen, DateTime Vanaf, DateTime? Tot, DateTime? IngetrokkenOp);
public sealed record ExportRead(DateTime Tijdstip, string Wie, string? Rol, string? Organisatie, string Actie, string Onderdeel, string? Doel);
/// <param name="Voor">"inwoner" for the resident's own goal, "huishouden" for a goal of the household as a whole.</param>
/// <param name="PlanVersie">The version of the plan the goal is shown as; <paramref name="Opgeslagen"/> when it was saved.</param>
public sealed record ExportGoal(string Huishouden, string Voor, string Leefgebied, string Wat, string MeetbaarResultaat, string Wie, DateOnly Streefdatum,
    string Status, string? Toelichting, int PlanVersie, DateTime Opgeslagen);

/// <summary>A signal of payment arrears about the resident (vroegsignalering), with what became of its case; never the worker's notes.</summary>
public sealed record ExportSignal(string Signaalpartner, string Soort, DateOnly Ontvangen, decimal Bedrag, int Maanden, string? Kenmerk, string? Resultaat,
    DateOnly? AfgeslotenOp, IReadOnlyList<ExportContactAttempt> Contactpogingen);
public sealed record ExportContactAttempt(DateOnly Datum, string Soort, string Dagdeel, bool Bereikt);

/// <summary>
/// Everything Regie holds about one resident, as the AVG (art. 15) lets them ask for it. <see cref="Persoon"/> is
/// null for someone Regie holds no file of but whose BSN a department looked up: those look-ups are all there is.
/// </summary>
/// <param name="Meldcode">The Meldcode tracks about the resident, except what the coordinator withholds (UAVG art. 41).</param>
/// <param name="VeiligVerder">The Veilig Verder plans of the households the resident lived in while they ran.</param>
/// <param name="Vroegsignalen">Signals of payment arrears about the resident (by person or BSN) until retention removed their personal data.</param>
/// <param name="Beperking">When a part is withheld: <see cref="ResidentSafetyExport.Statement"/>, which says so without saying which part or why; otherwise null.</param>
public sealed record ResidentDataExport(DateTime Opgesteld, string Gemeentecode, ExportPerson? Persoon, IReadOnlyList<ExportMembership> Huishoudens,
    IReadOnlyList<ExportGoal> Doelen, IReadOnlyList<ExportEvent> Gebeurtenissen, IReadOnlyList<ExportAccess> Toegang, IReadOnlyList<ExportRead> WieHeeftGegevensGezien,
    IReadOnlyList<ExportMeldcodeTrack> Meldcode, IReadOnlyList<ExportSafetyPlan> VeiligVerder, string? Beperking, IReadOnlyList<ExportSignal> Vroegsignalen);

/// <summary>
/// Compiles a resident's export. It is about the resident only: of each household they lived in, what happened
/// while they lived there (<see cref="ResidencePeriod"/>) and nothing about another member by name — no event,
/// read or change that names another person, no plan change, spend or light support for another member's goal.
/// </summary>
public sealed class ResidentExportService(RegieDbContext db, AuditLog audit, TimeProvider clock, Infrastructure.CurrentUser user)
{
    public const string Purpose = "Inzageverzoek van de inwoner (AVG artikel 15)";
    private const int MaxReads = 10_000;

    /// <summary>The events a household's registration writes before its first members have joined.</summary>
    private static readonly HashSet<string> RegistrationEvents = [EventTypes.HouseholdCreated, EventTypes.PersonRegistered, EventTypes.MemberJoined];
    private static readonly HashSet<string> SpendEvents = [EventTypes.SpendCommitted, EventTypes.SpendApproved, EventTypes.SpendRefused, EventTypes.SpendPaid, EventTypes.SpendCancelled];
    private static readonly HashSet<string> SupportEvents = [EventTypes.SupportStarted, EventTypes.SupportEnded];

    public async Task<Result<ResidentDataExport>> ExportAsync(string? bsnInput, CancellationToken ct)
    {
        var bsn = Bsn.Parse(bsnInput, "Bsn");
        if (!bsn.IsValid) return bsn.Error!;
        var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Bsn == bsn.Value.Value, ct);
        if (p is null) return await LookupsOnlyAsync(bsn.Value.Value, ct);

        var memberships = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == p.Id).OrderBy(m => m.From)
            .Select(m => new { m.HouseholdId, m.Household!.Naam, m.Household.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats, m.Household.Wijk, m.Household.CreatedAt, m.Role, m.From, m.Until })
            .ToListAsync(ct);
        var householdIds = memberships.Select(m => m.HouseholdId).Distinct().ToList();
        var names = memberships.GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Naam);

        var events = await db.HouseholdEvents.AsNoTracking()
            .Where(e => e.PersonId == p.Id || householdIds.Contains(e.HouseholdId))
            .OrderBy(e => e.Id).ToListAsync(ct);

        // When the resident lived where, to the moment their joining and leaving were recorded.
        var periods = new List<ResidencePeriod>();
        foreach (var m in memberships)
        {
            var joined = events.Where(e => e.HouseholdId == m.HouseholdId && e.PersonId == p.Id && e.Type == EventTypes.MemberJoined && e.EffectiveDate == m.From)
                .MaxBy(e => e.OccurredAt);
            var left = m.Until is not { } until ? null
                : events.Where(e => e.HouseholdId == m.HouseholdId && e.PersonId == p.Id && e.Type == EventTypes.MemberLeft && e.EffectiveDate == until).MinBy(e => e.OccurredAt);
            var joinedAt = joined?.OccurredAt;
            // Registered together with the household (nothing else was recorded of it, and nobody had read it, before they joined):
            // from the registration on, whose own first event comes a moment before the joining.
            if (joined is not null
                && !events.Any(e => e.HouseholdId == m.HouseholdId && e.Id < joined.Id && !RegistrationEvents.Contains(e.Type))
                && !await db.AuditEntries.AnyAsync(a => a.HouseholdId == m.HouseholdId && a.OccurredAt < joined.OccurredAt, ct))
                joinedAt = m.CreatedAt < joined.OccurredAt ? m.CreatedAt : joined.OccurredAt;
            periods.Add(ResidencePeriod.Of(m.HouseholdId, m.From, m.Until, joinedAt, left?.OccurredAt));
        }
        bool Lived(Guid householdId, DateTime moment) => periods.Any(x => x.HouseholdId == householdId && x.Contains(moment));

        var goals = await GoalsAsync(householdIds, ct);
        var others = new OtherMembersGoals(p.Id, goals.Owners);
        var supportGoals = await db.LightSupports.AsNoTracking().Where(s => householdIds.Contains(s.HouseholdId)).ToDictionaryAsync(s => s.Id, s => s.GoalId, ct);
        var spendGoals = await db.Spends.AsNoTracking().Where(s => householdIds.Contains(s.HouseholdId)).ToDictionaryAsync(s => s.Id, s => (Guid?)s.GoalId, ct);

        // Household events count while the resident lived there, unless they name another member or another member's goal; events about the resident always.
        var relevant = events.Where(e => e.PersonId == p.Id
            || (e.PersonId is null && Lived(e.HouseholdId, ResidencePeriod.Moment(e.EffectiveDate, e.OccurredAt)) && !AboutAnotherMember(e))).ToList();

        bool AboutAnotherMember(HouseholdEvent e)
        {
            if (e.Type == EventTypes.PlanChanged)
                return Number(e.Data, EventDataKeys.Versie) is not { } n || Id(e.Data, EventDataKeys.Plan) is not { } plan || others.Touched(goals.Versions, plan, (int)n);
            if (SpendEvents.Contains(e.Type))
                return Id(e.Data, EventDataKeys.Uitgave) is not { } spend || !spendGoals.TryGetValue(spend, out var goal) || others.OfAnother(goal);
            if (SupportEvents.Contains(e.Type))
                return Id(e.Data, EventDataKeys.Interventie) is not { } support || !supportGoals.TryGetValue(support, out var goal) || others.OfAnother(goal);
            return false;
        }

        // Who could open the file while the resident lived there; the reason given only when it was given in that time.
        var access = (await db.HouseholdAccess.AsNoTracking().Where(a => householdIds.Contains(a.HouseholdId)).OrderBy(a => a.GrantedAt).ToListAsync(ct))
            .Where(a => periods.Any(x => x.HouseholdId == a.HouseholdId && x.Overlaps(a.GrantedAt, Earliest(a.ExpiresAt, a.RevokedAt))))
            .Select(a => new ExportAccess(names.GetValueOrDefault(a.HouseholdId, "?"), a.Kind, Lived(a.HouseholdId, a.GrantedAt) ? a.Reason : null, a.SharedParts,
                a.GrantedAt, a.ExpiresAt, a.RevokedAt))
            .ToList();

        // Reads and changes: of the resident, or of a household while they lived in it (not those naming another member),
        // and a department's look-ups, which name the resident by BSN only.
        var reads = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PersonId == p.Id || (e.SubjectBsn == bsn.Value.Value && e.Gemeentecode == p.Gemeentecode))
            .OrderBy(e => e.Id).Take(MaxReads).ToListAsync(ct);
        foreach (var period in periods)
        {
            var (household, from) = (period.HouseholdId, period.Start);
            var q = db.AuditEntries.AsNoTracking().Where(e => e.HouseholdId == household && e.PersonId == null && e.OccurredAt >= from);
            if (period.End is { } until) q = q.Where(e => e.OccurredAt < until);
            reads.AddRange(await q.OrderBy(e => e.Id).Take(MaxReads).ToListAsync(ct));
        }
        var safety = await ResidentSafetyExport.CompileAsync(db, p.Id, periods, names, ct);
        reads = reads.DistinctBy(e => e.Id).Where(e => !ResidentSafetyExport.Hides(safety, e)).OrderBy(e => e.Id).Take(MaxReads).ToList();

        var export = new ResidentDataExport(clock.GetUtcNow().UtcDateTime, p.Gemeentecode,
            new ExportPerson(p.Bsn, p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Geboortedatum, p.Telefoon, p.Email, p.CreatedAt, p.UpdatedAt),
            memberships.Select(m => new ExportMembership(m.Naam, Address.OneLine(m.Straat, m.Huisnummer, m.Huisletter, m.Toevoeging, m.Postcode, m.Woonplaats),
                m.Wijk, HouseholdRoles.Label(m.Role), m.From, m.Until)).ToList(),
            ResidentGoals(p.Id, goals, periods, names),
            relevant.Select(e => new ExportEvent(e.OccurredAt, e.EffectiveDate, e.Type, e.Summary, e.ActorName)).ToList(),
            access,
            reads.Select(Read).ToList(),
            safety.Tracks, safety.Plans, safety.Withheld ? ResidentSafetyExport.Statement : null, await SignalsAsync(p.Id, bsn.Value.Value, ct));
        await audit.RecordAsync(AuditActions.Export, AuditResources.Person, personId: p.Id, purpose: Purpose, ct: ct);
        return export;
    }

    private static ExportRead Read(AuditEntry r) => new(r.OccurredAt, r.ActorName, r.Role, r.Organisation, r.Action, AuditResources.Current(r.Resource), r.Purpose);

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed record SavedVersion(Guid PlanId, Guid HouseholdId, int Number, DateTime SavedAt, PlanSnapshot Snapshot);

    /// <param name="Owners">Goal id → whose goal it is now (null: the household as a whole).</param>
    private sealed record HouseholdGoals(IReadOnlyDictionary<Guid, Guid?> Owners, IReadOnlyList<SavedVersion> Versions, IReadOnlyDictionary<Guid, DateOnly?> PlansClosed);

    private async Task<HouseholdGoals> GoalsAsync(List<Guid> householdIds, CancellationToken ct)
    {
        var owners = await db.PlanGoals.AsNoTracking().Where(g => householdIds.Contains(g.HouseholdId)).ToDictionaryAsync(g => g.Id, g => g.PersonId, ct);
        var plans = await db.Plans.AsNoTracking().Where(x => householdIds.Contains(x.HouseholdId)).ToDictionaryAsync(x => x.Id, x => (x.HouseholdId, x.ClosedOn), ct);
        var planIds = plans.Keys.ToList();
        var versions = (await db.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).OrderBy(v => v.Number).ToListAsync(ct))
            .Select(v => new SavedVersion(v.PlanId, plans[v.PlanId].HouseholdId, v.Number, v.SavedAt, JsonSerializer.Deserialize<PlanSnapshot>(v.Snapshot)!))
            .ToList();
        return new HouseholdGoals(owners, versions, plans.ToDictionary(x => x.Key, x => x.Value.ClosedOn));
    }

    /// <summary>
    /// The resident's own goals as the plan holds them now, and the household's goals as the plan stood when last saved
    /// while the resident lived there (a plan closed before they moved in is not theirs). Never another member's goal.
    /// </summary>
    private static List<ExportGoal> ResidentGoals(Guid personId, HouseholdGoals goals, List<ResidencePeriod> periods, Dictionary<Guid, string> names)
    {
        var shown = new Dictionary<Guid, ExportGoal>();
        foreach (var plan in goals.Versions.GroupBy(v => v.PlanId))
        {
            var latest = plan.MaxBy(v => v.Number)!;
            var household = names.GetValueOrDefault(latest.HouseholdId, "?");
            foreach (var period in periods.Where(x => x.HouseholdId == latest.HouseholdId))
            {
                var then = plan.Where(v => period.End is null || v.SavedAt < period.End).MaxBy(v => v.Number);
                if (then is null || (goals.PlansClosed[plan.Key] is not null && latest.SavedAt < period.Start)) continue;
                foreach (var g in then.Snapshot.Doelen.Where(g => g.Persoon is null))
                    shown[g.Id] = Goal(household, "huishouden", g, then);
            }
            foreach (var g in latest.Snapshot.Doelen.Where(g => goals.Owners.GetValueOrDefault(g.Id) == personId))
                shown[g.Id] = Goal(household, "inwoner", g, latest);
        }
        return shown.Values.OrderBy(g => g.Opgeslagen).ThenBy(g => g.Wat, StringComparer.Ordinal).ToList();
    }

    private static ExportGoal Goal(string household, string voor, GoalSnapshot g, SavedVersion v) =>
        new(household, voor, PlanDiff.DomainLabel(g.Leefgebied), g.Wat, g.MeetbaarResultaat, g.Wie, g.Streefdatum,
            Enum.TryParse<Domain.Care.GoalStatus>(g.Status, out var s) ? Domain.Care.GoalStatuses.Label(s) : g.Status, g.Toelichting, v.Number, v.SavedAt);

    /// <summary>Whether a goal, or a plan change, is another member's: someone else's goal, or one that named someone else when it was saved.</summary>
    private sealed class OtherMembersGoals(Guid personId, IReadOnlyDictionary<Guid, Guid?> owners)
    {
        /// <summary>True for another member's goal and for a goal Regie does not know (safe side); false for the resident's and the household's.</summary>
        public bool OfAnother(Guid? goalId) => goalId is { } id && (!owners.TryGetValue(id, out var owner) || (owner is { } o && o != personId));

        /// <summary>Whether version <paramref name="number"/> of the plan changed a goal (or an action of a goal) of another member.</summary>
        public bool Touched(IReadOnlyList<SavedVersion> versions, Guid planId, int number)
        {
            var after = versions.FirstOrDefault(v => v.PlanId == planId && v.Number == number)?.Snapshot;
            if (after is null) return true;
            var before = versions.FirstOrDefault(v => v.PlanId == planId && v.Number == number - 1)?.Snapshot ?? new PlanSnapshot(null, null, null, [], []);
            var goals = after.Doelen.Concat(before.Doelen).GroupBy(g => g.Id)
                .Where(g => g.Count() == 1 || g.First() != g.Last())
                .Select(g => (g.Key, Named: g.Any(x => x.Persoon is not null)));
            var actions = after.Acties.Concat(before.Acties).GroupBy(a => a.Id)
                .Where(a => a.Count() == 1 || a.First() != a.Last())
                .SelectMany(a => a.Select(x => x.DoelId)).OfType<Guid>()
                .Select(id => (Key: id, Named: after.Doelen.Concat(before.Doelen).Any(x => x.Id == id && x.Persoon is not null)));
            return goals.Concat(actions).Any(g => OfAnother(g.Key) || (g.Named && owners.GetValueOrDefault(g.Key) != personId));
        }
    }

    private static JsonElement? Prop(string? json, string name)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(name, out var v) ? v.Clone() : null;
    }

    private static decimal? Number(string? json, string name) => Prop(json, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
    private static Guid? Id(string? json, string name) => Prop(json, name) is { ValueKind: JsonValueKind.String } v && v.TryGetGuid(out var g) ? g : null;

    /// <summary>Someone without a file in Regie whose BSN departments looked up: the look-ups are theirs to know.</summary>
    private async Task<Result<ResidentDataExport>> LookupsOnlyAsync(string bsn, CancellationToken ct)
    {
        var gemeente = user.Gemeentecode;
        var lookups = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectBsn == bsn && e.Gemeentecode == gemeente)
            .OrderBy(e => e.Id).Take(MaxReads).ToListAsync(ct);
        var signals = await SignalsAsync(null, bsn, ct);
        if ((lookups.Count == 0 && signals.Count == 0) || gemeente is null)
            return new DomainError(DomainError.NotFoundCode, "Bsn", "Regie heeft geen gegevens van een inwoner met dit BSN.");
        await audit.RecordAsync(AuditActions.Export, AuditResources.Person, purpose: Purpose, ct: ct, subjectBsn: bsn);
        return new ResidentDataExport(clock.GetUtcNow().UtcDateTime, gemeente, null, [], [], [], [], lookups.Select(Read).ToList(), [], [], null, signals);
    }

    /// <summary>
    /// The signals of payment arrears about the resident: matched to them, or carrying their BSN (also when not matched, and for
    /// someone Regie holds no file of). The case's outcome and attempts are the resident's too; the workers' notes are not exported.
    /// </summary>
    private async Task<IReadOnlyList<ExportSignal>> SignalsAsync(Guid? personId, string bsn, CancellationToken ct)
    {
        var signals = await db.Vroegsignalen.AsNoTracking().Where(s => s.Bsn == bsn || (personId != null && s.PersonId == personId))
            .OrderBy(s => s.ReceivedAt).ToListAsync(ct);
        var caseIds = signals.Where(s => s.ZaakId is not null).Select(s => s.ZaakId!.Value).Distinct().ToList();
        var cases = await db.Vroegsignaalzaken.AsNoTracking().Where(z => caseIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, ct);
        var attempts = (await db.Contactpogingen.AsNoTracking().Where(a => caseIds.Contains(a.ZaakId)).OrderBy(a => a.Datum).ToListAsync(ct)).ToLookup(a => a.ZaakId);
        return signals.Select(s =>
        {
            var zaak = s.ZaakId is { } z ? cases.GetValueOrDefault(z) : null;
            return new ExportSignal(s.PartnerName, Domain.Vroegsignalering.DdasCodes.Label(s.PartnerSoort), s.ReceivedOn, s.Bedrag, s.MaandenAchterstand, s.Kenmerk,
                zaak?.Resultaat is { } r ? Domain.Vroegsignalering.DdasCodes.Label(r) : null, zaak?.ClosedOn,
                zaak is null ? [] : attempts[zaak.Id].Select(a => new ExportContactAttempt(a.Datum, Domain.Vroegsignalering.DdasCodes.Label(a.Soort),
                    Domain.Vroegsignalering.DdasCodes.Label(a.Dagdeel), a.Bereikt)).ToList());
        }).ToList();
    }
}
