using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Vroegsignalering in the demo (issue 22): the corporation, the insurer, the energy and the water company are signal partners;
/// the municipality's debt-help department handles the signals and delivers the DDAS report. Six weeks of signals, most matched
/// to demo households — among them the seed-003 family's rent arrears, whose coordinator was told at once — some reached in time,
/// some late, some closed with their DDAS outcome (one with vervolghulp and a request for the team), two still to be matched by hand.
/// </summary>
public sealed class DemoVroegsignalering(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    public const string Uitvoerder = "Schuldhulpverlening";
    public const string WorkerName = "Yusuf Demir";
    public const decimal StoryAmount = 1640m;

    public static readonly (string Name, SignaalpartnerSoort Soort)[] Partners =
    [
        ("Woningcorporatie Thuis", SignaalpartnerSoort.Huur), ("Zorgverzekeraar Zeker", SignaalpartnerSoort.Zorg),
        ("Energieleverancier Stroom", SignaalpartnerSoort.Energie), ("Waterbedrijf Helder", SignaalpartnerSoort.Water),
    ];

    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, ct);
        foreach (var (name, soort) in Partners)
            if (organisations.TryGetValue(name, out var o) && o.SignaalpartnerSoort is null) o.SignaalpartnerSoort = soort;
        var uitvoerder = organisations.GetValueOrDefault(Uitvoerder);
        if (!await db.VroegsignaleringSettings.AnyAsync(ct))
            db.VroegsignaleringSettings.Add(new VroegsignaleringSettings
            {
                Gemeentecode = gemeentecode, UitvoerderOrganisationId = uitvoerder?.Id, CodeGegevensleverancier = "REGIE", LeverancierNaam = DemoSeeder.GemeenteNaam,
                KvkNummer = "12345678", ContactNaam = WorkerName, ContactTelefoon = "14 0999", ContactEmail = "vroegsignalering@voorbeeld.nl",
                ContactFunctie = "Medewerker vroegsignalering", Version = 1,
            });
        await db.SaveChangesAsync(ct);
        if (await db.Vroegsignalen.AnyAsync(ct) || Partners.Any(p => !organisations.ContainsKey(p.Name))) return;
        var worker = await db.Users.Where(u => u.Email == "vroegsignalering@voorbeeld.nl").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (worker is null) return;
        var term = ContactTermSettings.Default;

        // The story: Sanne Bakker's rent arrears, two days before the coordinator's phone call; the coordinator is told at once.
        var story = await db.Households.FirstOrDefaultAsync(h => h.Naam == DemoMeldcode.StoryHousehold && h.CoordinatorId != null, ct);
        var sanne = story is null ? null : await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == story.Id && m.Person!.Voornamen == "Sanne")
            .Select(m => m.Person!).FirstOrDefaultAsync(ct);
        var kase = 0;
        if (story is not null && sanne is not null)
        {
            var signal = Signal(organisations["Woningcorporatie Thuis"], SignaalpartnerSoort.Huur, ++kase, sanne, story, StoryAmount, 3, daysAgo: 9, crisis: true);
            var zaak = Open(story.Id, signal, alreadyHelped: true, term);
            Attempt(zaak, Contactsoort.Telefoon, -8, Dagdeel.Ochtend, false, "Voicemail ingesproken", worker.Id, worker.DisplayName);
            Attempt(zaak, Contactsoort.Telefoon, -7, Dagdeel.Middag, true, "Afgestemd met de regisseur van het wijkteam; Sanne komt langs", worker.Id, worker.DisplayName);
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, UserId = story.CoordinatorId, HouseholdId = story.Id, CreatedAt = signal.ReceivedAt,
                Title = "Vroegsignaal: betalingsachterstand bij een huishouden dat u regisseert",
                Body = $"Woningcorporatie Thuis meldt een huurachterstand (signaalpartner Huur). Vroegsignalering neemt contact op: {WorkerName}, 14 0999, vroegsignalering@voorbeeld.nl.",
            });
            if (uitvoerder is not null && sanne.Bsn is not null && !await db.Involvements.AnyAsync(i => i.Bsn == sanne.Bsn && i.OrganisationId == uitvoerder.Id, ct))
                db.Involvements.Add(new Involvement
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Bsn = sanne.Bsn, OrganisationId = uitvoerder.Id, Domain = Domain.Assessment.ZrmDomain.Financien,
                    ContactName = WorkerName, ContactPhone = "14 0999", ContactEmail = "vroegsignalering@voorbeeld.nl", StartedOn = signal.ReceivedOn,
                    ExpiresOn = signal.ReceivedOn.AddYears(2), Reason = Features.Vroegsignalering.SignalIntake.InvolvementReason, RegisteredBy = WorkerName, CreatedAt = signal.ReceivedAt,
                });
        }

        // Others: generated households' adults, the same ones on every install of the same seed.
        var adults = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.Role == Domain.Registry.HouseholdRole.Ouder && m.Person!.Bsn != null
                && (story == null || m.HouseholdId != story.Id))
            .OrderBy(m => m.Person!.Bsn).Take(60).Select(m => new { m.Person, Household = m.Household! }).ToListAsync(ct);
        // One case per household: two parents of one household are one case.
        adults = adults.DistinctBy(a => a.Household.Id).ToList();
        var plan = new (int Partner, int DaysAgo, bool Crisis, decimal Amount, Action<Vroegsignaalzaak, Household>? Work)[]
        {
            (2, 0, true, 310.45m, null),                                  // energy cut-off announced today: three working days
            (3, 26, false, 96.20m, null),                                  // almost late
            (1, 35, false, 412.00m, null),                                 // late: no attempt yet
            (0, 33, false, 980.00m, (z, _) => Attempt(z, Contactsoort.Brief, -31, Dagdeel.Ochtend, false, null, worker.Id, worker.DisplayName)),
            (2, 20, false, 245.10m, (z, _) => Attempt(z, Contactsoort.Huisbezoek, -15, Dagdeel.Middag, false, "Kaartje achtergelaten", worker.Id, worker.DisplayName)),
            (1, 40, false, 188.00m, (z, h) => Closed(z, h, Eindresultaat.ZelfBetaald, -36, worker.Id, worker.DisplayName)),
            (3, 38, false, 64.75m, (z, h) => Closed(z, h, Eindresultaat.GeenHulpNodig, -34, worker.Id, worker.DisplayName)),
            (0, 42, false, 1210.00m, (z, h) => Closed(z, h, Eindresultaat.BudgetadviesQuickFix, -37, worker.Id, worker.DisplayName)),
            (2, 44, false, 530.00m, (z, h) => Closed(z, h, Eindresultaat.GeenContact, -12, worker.Id, worker.DisplayName, reached: false)),
            (0, 30, false, 2150.00m, (z, h) => Closed(z, h, Eindresultaat.VervolghulpFinancieel, -22, worker.Id, worker.DisplayName)),
            (1, 12, false, 140.00m, (z, _) => Attempt(z, Contactsoort.SmsWhatsapp, -11, Dagdeel.Avond, true, null, worker.Id, worker.DisplayName)),
            (3, 6, false, 58.30m, null),
        };
        for (var i = 0; i < plan.Length && i < adults.Count; i++)
        {
            var (partner, daysAgo, crisis, amount, work) = plan[i];
            var a = adults[i];
            var signal = Signal(organisations[Partners[partner].Name], Partners[partner].Soort, ++kase, a.Person!, a.Household, amount, 2, daysAgo, crisis);
            var zaak = Open(a.Household.Id, signal, a.Household.CoordinatorId is not null || a.Household.ResponsibleTeamId is not null, term);
            work?.Invoke(zaak, a.Household);
        }
        // Two signals the registry does not know: they wait to be matched by hand.
        Unmatched(organisations["Energieleverancier Stroom"], SignaalpartnerSoort.Energie, ++kase, "Jansen", new DateOnly(1979, 3, 14), "9999ZZ", 12, 275.00m, 10);
        Unmatched(organisations["Zorgverzekeraar Zeker"], SignaalpartnerSoort.Zorg, ++kase, "El Amrani", new DateOnly(1990, 11, 2), "9999ZY", 3, 163.40m, 4);
        await db.SaveChangesAsync(ct);
    }

    private Vroegsignaal Signal(Organisation partner, SignaalpartnerSoort soort, int number, Person person, Household household, decimal amount, int months, int daysAgo,
        bool crisis = false)
    {
        var received = daysAgo == 0 ? _now : _now.AddDays(-daysAgo).Date.AddHours(9);
        var signal = new Vroegsignaal
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PartnerOrganisationId = partner.Id, PartnerName = partner.Name, PartnerSoort = soort,
            Kenmerk = $"{soort.ToString().ToUpperInvariant()}-{Today.Year}-{number:D4}", Bsn = person.Bsn, Voorletters = $"{person.Voornamen[0]}.", Voorvoegsel = person.Voorvoegsel,
            Achternaam = person.Achternaam, Geboortedatum = person.Geboortedatum, Straat = household.Straat, Postcode = household.Postcode, Huisnummer = household.Huisnummer,
            Woonplaats = household.Woonplaats, Telefoon = person.Telefoon, Email = person.Email, Bedrag = amount, MaandenAchterstand = months,
            Signaaldatum = DateOnly.FromDateTime(received).AddDays(-1), Ontstaansdatum = DateOnly.FromDateTime(received).AddMonths(-months), Crisis = crisis,
            ReceivedAt = received, ReceivedOn = DateOnly.FromDateTime(received), Via = SignalRules.ViaImport, PersonId = person.Id, MatchedAt = received,
            MatchedHow = SignalRules.MatchedOnBsn, Status = Signaalstatus.NogNietOpgepakt,
        };
        db.Vroegsignalen.Add(signal);
        return signal;
    }

    private void Unmatched(Organisation partner, SignaalpartnerSoort soort, int number, string surname, DateOnly born, string postcode, int huisnummer, decimal amount, int daysAgo)
    {
        var received = _now.AddDays(-daysAgo).Date.AddHours(9);
        db.Vroegsignalen.Add(new Vroegsignaal
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PartnerOrganisationId = partner.Id, PartnerName = partner.Name, PartnerSoort = soort,
            Kenmerk = $"{soort.ToString().ToUpperInvariant()}-{Today.Year}-{number:D4}", Achternaam = surname, Geboortedatum = born, Postcode = postcode, Huisnummer = huisnummer,
            Bedrag = amount, MaandenAchterstand = 2, Signaaldatum = DateOnly.FromDateTime(received).AddDays(-1), ReceivedAt = received,
            ReceivedOn = DateOnly.FromDateTime(received), Via = SignalRules.ViaImport, Status = Signaalstatus.NogNietOpgepakt,
        });
    }

    private Vroegsignaalzaak Open(Guid household, Vroegsignaal signal, bool alreadyHelped, ContactTermSettings term)
    {
        var zaak = Vroegsignaalzaak.Open(gemeentecode, household, signal, alreadyHelped, term, signal.ReceivedAt);
        db.Vroegsignaalzaken.Add(zaak);
        return zaak;
    }

    private void Attempt(Vroegsignaalzaak zaak, Contactsoort soort, int day, Dagdeel dagdeel, bool reached, string? note, string byId, string byName)
    {
        var (poging, error) = zaak.RecordAttempt(soort, Today.AddDays(day), dagdeel, reached, note, byId, byName, _now.AddDays(day));
        if (error is not null) throw new InvalidOperationException($"Demo: contactpoging geweigerd: {error.Message}");
        db.Contactpogingen.Add(poging!);
    }

    private void Closed(Vroegsignaalzaak zaak, Household household, Eindresultaat resultaat, int day, string byId, string byName, bool reached = true)
    {
        Attempt(zaak, Contactsoort.Telefoon, day - 2, Dagdeel.Ochtend, false, null, byId, byName);
        Attempt(zaak, reached ? Contactsoort.Huisbezoek : Contactsoort.Brief, day, Dagdeel.Middag, reached, null, byId, byName);
        var signals = db.Vroegsignalen.Local.Where(s => s.ZaakId == zaak.Id).ToList();
        zaak.Close(resultaat, null, signals, byId, byName, _now.AddDays(day + 1));
        if (!DdasCodes.IsVervolghulp(resultaat)) return;
        var persons = signals.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value).ToList();
        var request = HelpRequest.Register(gemeentecode, household.Id, RequestSource.Vroegsignaal, $"Vroegsignaal van {signals[0].PartnerName}",
            $"Vervolghulp na vroegsignalering: betalingsachterstand gemeld door {signals[0].PartnerName}. De inwoner wil hulp bij het op orde brengen van de administratie.",
            Today.AddDays(day + 1), false, persons, byId, _now.AddDays(day + 1));
        db.HelpRequests.Add(request);
        zaak.LinkRequest(request.Id);
    }
}
