using Microsoft.EntityFrameworkCore;
using Regie.Domain.Coordination;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Referrals in every status and light support for the demo coordinators' households: one overdue, one declined
/// with its reason, one finished with feedback in the coordinator's inbox, and in Zuid the seconded Koen Verhoeven
/// referring to his own employer De Brug far more often than his independent colleague does — so the
/// conflict-of-interest page has something to show.
/// </summary>
public sealed class DemoReferrals(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    private sealed record Referrer(string Id, string Name, Guid? TeamId, EmployerKind? Kind, Guid? Employer);

    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Referrals.AnyAsync(ct)) return;
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        if (!organisations.TryGetValue("Zorgaanbieder De Brug", out var brug) || !organisations.TryGetValue("Stichting Sociaal Werk Voorbeeld", out var stichting)) return;
        var staff = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl" || u.Email == "regisseur.zuid@voorbeeld.nl")
            .Select(u => new { u.Email, u.Id, u.DisplayName, u.TeamId, u.EmployerKind, u.EmployerOrganisationId }).ToListAsync(ct);
        var fatima = staff.FirstOrDefault(s => s.Email == "regisseur@voorbeeld.nl");
        var koen = staff.FirstOrDefault(s => s.Email == "regisseur.zuid@voorbeeld.nl");
        if (fatima is null || koen is null) return;
        var noord = new Referrer(fatima.Id, fatima.DisplayName, fatima.TeamId, fatima.EmployerKind, fatima.EmployerOrganisationId);
        var zuid = new Referrer(koen.Id, koen.DisplayName, koen.TeamId, koen.EmployerKind, koen.EmployerOrganisationId);
        // A colleague in Zuid employed by the municipality, who has no demo login: the comparison group.
        var zuidIndependent = new Referrer("demo-zuid-gemeente", "Sanne Vermeulen", koen.TeamId, EmployerKind.Gemeente, null);

        var others = new[] { "Woningcorporatie Thuis", "Schuldhulpverlening", "Thuiszorg De Zorgzame Hand", "Jeugdhulp Op Koers", "Huisartsenpraktijk De Linde" }
            .Where(organisations.ContainsKey).Select(n => (Id: organisations[n], Name: n)).ToList();
        var noordGoals = await GoalsAsync(fatima.Id, 12, ct);
        var zuidGoals = await GoalsAsync(koen.Id, 20, ct);
        if (noordGoals.Count == 0 || zuidGoals.Count == 0 || others.Count == 0) return;
        // A small demo has few households: they get more than one referral each.
        Goal Noord(int i) => noordGoals[i % noordGoals.Count];
        Goal Zuid(int i) => zuidGoals[i % zuidGoals.Count];

        // Noord: one of each status, and twice to the team's own foundation (Fatima's employer).
        Add(noord, Noord(0), (brug, "Zorgaanbieder De Brug"), "Opvoedspreekuur De Brug", "algemeen", daysAgo: 30, ReferralStatus.Verstuurd, followUpDaysAgo: 16);
        Add(noord, Noord(1), others[0], "Urgentieverklaring en woningaanbod", null, daysAgo: 45, ReferralStatus.Afgewezen,
            note: "Wij hebben op dit moment geen passende woning in Noord; de wachttijd is ongeveer negen maanden. Wij adviseren inschrijving en een urgentieaanvraag.");
        Add(noord, Noord(2), (stichting, "Stichting Sociaal Werk Voorbeeld"), "Maatschappelijk werk", "algemeen", daysAgo: 70, ReferralStatus.Afgerond, notify: true,
            note: "Zes gesprekken gevoerd. Mevrouw heeft een weekplanning en opent haar post zelf; zij weet ons te vinden als het weer misgaat.");
        Add(noord, Noord(3), others[Math.Min(1, others.Count - 1)], "Schuldhulptraject", "maatwerk", daysAgo: 20, ReferralStatus.Geaccepteerd, followUpDaysAgo: -5);
        Add(noord, Noord(4), (stichting, "Stichting Sociaal Werk Voorbeeld"), "Mantelzorgondersteuning", "algemeen", daysAgo: 35, ReferralStatus.Gestart);
        Add(noord, Noord(5), others[^1], "Gesprek met de huisarts over somberheid", null, daysAgo: 10, ReferralStatus.Ingetrokken,
            note: "Mevrouw gaat zelf naar de huisarts.");

        // Zuid: Koen (seconded by De Brug) sends 6 of his 10 referrals to De Brug; his municipal colleague 1 of 10.
        for (var i = 0; i < 10; i++)
        {
            var toBrug = i < 6;
            var provider = toBrug ? (brug, "Zorgaanbieder De Brug") : others[i % others.Count];
            var status = (i % 4) switch { 0 => ReferralStatus.Afgerond, 1 => ReferralStatus.Gestart, 2 => ReferralStatus.Geaccepteerd, _ => ReferralStatus.Verstuurd };
            Add(zuid, Zuid(i), provider, toBrug ? (i % 2 == 0 ? "Gezinsbegeleiding De Brug" : "Opvoedspreekuur De Brug") : "Ondersteuning thuis",
                toBrug && i % 2 == 0 ? "maatwerk" : "algemeen", daysAgo: 15 + i * 14, status,
                // Only Noord's one referral is overdue; these still have time.
                followUpDaysAgo: status is ReferralStatus.Verstuurd or ReferralStatus.Geaccepteerd ? -7 : null,
                note: status == ReferralStatus.Afgerond ? "Traject afgerond; het gezin heeft vaste afspraken over bedtijden en school." : null);
        }
        for (var i = 0; i < 10; i++)
        {
            var provider = i == 0 ? (brug, "Zorgaanbieder De Brug") : others[i % others.Count];
            Add(zuidIndependent, Zuid(10 + i), provider, i == 0 ? "Opvoedspreekuur De Brug" : "Ondersteuning thuis", "algemeen",
                daysAgo: 20 + i * 12, i % 3 == 0 ? ReferralStatus.Afgerond : ReferralStatus.Gestart,
                note: i % 3 == 0 ? "Afgerond, zoals afgesproken." : null);
        }

        // Light support started at once, without a decision: one running, one ended with its outcome.
        AddSupport(noord, Noord(6), "Wekelijks samen de post doornemen", LightSupportKind.Administratie, (stichting, "Stichting Sociaal Werk Voorbeeld"),
            startDaysAgo: 21, weeks: 8, ended: null);
        AddSupport(noord, Noord(7), "Korte opvoedondersteuning: vijf gesprekken thuis", LightSupportKind.Opvoedondersteuning, (null, fatima.DisplayName),
            startDaysAgo: 80, weeks: 6, ended: "Vijf gesprekken gehad; de ochtenden verlopen rustiger en de ouders weten het opvoedspreekuur te vinden.", userId: fatima.Id);
        AddSupport(zuid, Zuid(zuidGoals.Count - 1), "Praktische hulp bij de verhuizing", LightSupportKind.PraktischeHulp, (brug, "Zorgaanbieder De Brug"), startDaysAgo: 10, weeks: 4, ended: null);
        await db.SaveChangesAsync(ct);
    }

    private sealed record Goal(Guid Id, Guid HouseholdId, Guid PlanId, Guid PersonId);

    /// <summary>Goals of the coordinator's households with an active plan, one per household, with a current member to refer.</summary>
    private async Task<List<Goal>> GoalsAsync(string coordinatorId, int count, CancellationToken ct)
    {
        var rows = await db.PlanGoals.Where(g => db.Plans.Where(Plan.Active).Any(p => p.Id == g.PlanId)
                && db.Households.Any(h => h.Id == g.HouseholdId && h.CoordinatorId == coordinatorId))
            .OrderBy(g => g.HouseholdId).ThenBy(g => g.Position)
            .Select(g => new { g.Id, g.HouseholdId, g.PlanId, g.PersonId }).Take(count * 4).ToListAsync(ct);
        var result = new List<Goal>();
        foreach (var g in rows.GroupBy(r => r.HouseholdId).Select(x => x.First()).Take(count))
        {
            var person = g.PersonId ?? await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == g.HouseholdId)
                .OrderBy(m => m.Person!.Geboortedatum).Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(ct);
            if (person is { } p) result.Add(new Goal(g.Id, g.HouseholdId, g.PlanId, p));
        }
        return result;
    }

    private void Add(Referrer by, Goal goal, (Guid Id, string Name) provider, string service, string? kind, int daysAgo, ReferralStatus status,
        int? followUpDaysAgo = null, string? note = null, bool notify = false)
    {
        var sent = _now.AddDays(-daysAgo);
        var r = new Referral
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = goal.HouseholdId, PersonId = goal.PersonId, GoalId = goal.Id,
            ProviderOrganisationId = provider.Id, ProviderName = provider.Name, ServiceName = service, ServiceKind = kind,
            Question = $"Kunt u {service.ToLowerInvariant()} bieden? De inwoner heeft toestemming gegeven en wil graag snel starten.", Consent = true,
            FollowUpOn = followUpDaysAgo is { } f ? Today.AddDays(-f) : DateOnly.FromDateTime(sent).AddDays(ReferralRules.DefaultFollowUpDays),
            Status = ReferralStatus.Verstuurd, StatusChangedAt = sent, TeamId = by.TeamId, ReferrerId = by.Id, ReferrerName = by.Name,
            ReferrerEmployerKind = by.Kind, ReferrerEmployerOrganisationId = by.Employer, OwnEmployer = Employment.IsOwnEmployer(by.Employer, provider.Id), SentAt = sent, Version = 1,
        };
        // Whatever happened later happened a little after each other, and before today.
        var path = status switch
        {
            ReferralStatus.Geaccepteerd => new[] { ReferralStatus.Geaccepteerd },
            ReferralStatus.Afgewezen => [ReferralStatus.Afgewezen],
            ReferralStatus.Gestart => [ReferralStatus.Geaccepteerd, ReferralStatus.Gestart],
            ReferralStatus.Afgerond => [ReferralStatus.Geaccepteerd, ReferralStatus.Gestart, ReferralStatus.Afgerond],
            ReferralStatus.Ingetrokken => [ReferralStatus.Ingetrokken],
            _ => [],
        };
        db.Referrals.Add(r);
        Step(r, ReferralStatus.Verstuurd, sent, by.Id, by.Name, null, null);
        Event(r, EventTypes.ReferralSent, sent, by, $"Verwezen naar {provider.Name} ({service})",
            new { verwijzing = r.Id, organisatie = (Guid?)provider.Id, dienst = (Guid?)null, soort = kind, eigenWerkgever = r.OwnEmployer });
        var at = sent;
        foreach (var step in path)
        {
            at = at.AddDays(Math.Max(1, daysAgo / (path.Length + 1)));
            var team = step == ReferralStatus.Ingetrokken;
            var stepNote = step is ReferralStatus.Afgewezen or ReferralStatus.Afgerond or ReferralStatus.Ingetrokken ? note : null;
            r.Step(step, team ? ReferralParty.Team : ReferralParty.Aanbieder, step == ReferralStatus.Afgerond ? null : stepNote,
                step == ReferralStatus.Afgerond ? stepNote : null, at);
            Step(r, step, at, team ? by.Id : "demo-aanbieder", team ? by.Name : $"Medewerker {provider.Name}", team ? null : provider.Name, stepNote);
            var type = step switch
            {
                ReferralStatus.Geaccepteerd => EventTypes.ReferralAccepted,
                ReferralStatus.Afgewezen => EventTypes.ReferralDeclined,
                ReferralStatus.Gestart => EventTypes.ReferralStarted,
                ReferralStatus.Afgerond => EventTypes.ReferralFinished,
                _ => EventTypes.ReferralWithdrawn,
            };
            Event(r, type, at, team ? by : by with { Id = "demo-aanbieder", Name = provider.Name },
                $"Verwijzing naar {provider.Name} {ReferralRules.Label(step).ToLowerInvariant()}", new { verwijzing = r.Id });
        }
        if (notify)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, UserId = by.Id, CreatedAt = at,
                Title = $"Verwijzing afgerond: {service} ({provider.Name})",
                Body = $"{provider.Name} heeft de hulp afgerond. Terugkoppeling: {note}\nHuishouden: /huishoudens/{r.HouseholdId}/verwijzingen",
            });
    }

    private void Step(Referral r, ReferralStatus status, DateTime at, string byId, string byName, string? organisation, string? note) =>
        db.ReferralSteps.Add(new ReferralStep
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, ReferralId = r.Id, Status = status, At = at, ById = byId, ByName = byName,
            ByOrganisation = organisation, Note = note,
        });

    private void Event(Referral r, string type, DateTime at, Referrer by, string summary, object data) => Event(r.HouseholdId, r.PersonId, type, at, by, summary, data);

    private void Event(Guid householdId, Guid? personId, string type, DateTime at, Referrer by, string summary, object data) =>
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = gemeentecode, HouseholdId = householdId, PersonId = personId, Type = type, OccurredAt = at, EffectiveDate = DateOnly.FromDateTime(at),
            ActorId = by.Id, ActorName = by.Name, Summary = summary, Data = JsonSerializer.Serialize(data),
        });

    private void AddSupport(Referrer by, Goal goal, string what, LightSupportKind kind, (Guid? Id, string Name) deliverer, int startDaysAgo, int weeks, string? ended,
        string? userId = null)
    {
        var start = Today.AddDays(-startDaysAgo);
        var s = LightSupport.Start(gemeentecode, goal.HouseholdId, goal.PlanId, goal.Id, goal.PersonId, what, kind, start, start.AddDays(weeks * 7),
            new LightSupport.Deliverer(userId, userId is null ? deliverer.Id : null, deliverer.Name), null, by.Id, start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
        db.LightSupports.Add(s);
        Event(s.HouseholdId, goal.PersonId, EventTypes.SupportStarted, s.CreatedAt, by, $"Lichte ondersteuning gestart: {what} (door {deliverer.Name})",
            new { interventie = s.Id, aanbieder = deliverer.Name, eind = s.PlannedEndOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        if (ended is null) return;
        var endedOn = s.PlannedEndOn < Today ? s.PlannedEndOn : Today;
        s.End(endedOn, ended);
        Event(s.HouseholdId, goal.PersonId, EventTypes.SupportEnded, endedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), by, $"Lichte ondersteuning beëindigd: {what}", new { interventie = s.Id });
    }
}
