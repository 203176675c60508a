using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Meldcode tracks in Wijkteam Noord, on households the demo coordinator holds, so the aandachtsfunctionaris (Sanne Jansen)
/// has something to read: the story's Huishouden de Wit weighed at step 4 (its Veilig Verder plan follows in
/// <see cref="DemoVeiligVerder"/>), one household reported to Veilig Thuis, one closed with help organised through goals of
/// its plan, and one that has stood still since the consultation, longer than the stuck threshold. Every entry goes through
/// <see cref="MeldcodeTrack.Record"/>, as the use cases record them, dated over the past weeks.
/// </summary>
public sealed class DemoMeldcode(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    public const string StoryHousehold = "Huishouden de Wit";
    public const string ReportReference = "VT-2026-10482";

    /// <summary>Days since the stuck track's last entry: past <see cref="MeldcodeRules.DefaultStuckAfterDays"/>.</summary>
    public const int StuckForDays = MeldcodeRules.DefaultStuckAfterDays + 10;

    private sealed record Member(Guid PersonId, string FirstName, HouseholdRole Role, DateOnly Born);

    private sealed record Candidate(Guid Id, Guid? TeamId, string Naam, IReadOnlyList<Member> Members)
    {
        public Member Adult => Members.Where(m => m.Role != HouseholdRole.Kind).OrderBy(m => m.Born).FirstOrDefault() ?? Members[0];
        public Member? Child => Members.Where(m => m.Role == HouseholdRole.Kind).OrderBy(m => m.Born).FirstOrDefault();
    }

    private sealed record Worker(string Id, string Name);

    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.MeldcodeTracks.AnyAsync(ct)) return;
        var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var staff = await db.Users.Where(u => u.TeamId == noord && (u.Email == "regisseur@voorbeeld.nl" || u.IsAandachtsfunctionaris))
            .Select(u => new { u.Email, u.Id, u.DisplayName, u.IsAandachtsfunctionaris }).ToListAsync(ct);
        var coordinator = staff.Where(s => s.Email == "regisseur@voorbeeld.nl").Select(s => new Worker(s.Id, s.DisplayName)).FirstOrDefault();
        var aandachtsfunctionaris = staff.Where(s => s.IsAandachtsfunctionaris).Select(s => new Worker(s.Id, s.DisplayName)).FirstOrDefault();
        if (noord is null || coordinator is null || aandachtsfunctionaris is null) return;

        // The coordinator's households with an active plan, apart from the one a colleague of Zuid broke the glass on (another story).
        var emergency = await db.HouseholdAccess.Where(a => a.Kind == AccessKinds.BreakGlass).Select(a => a.HouseholdId).ToListAsync(ct);
        var households = await db.Households
            .Where(h => h.ResponsibleTeamId == noord && h.CoordinatorId == coordinator.Id && h.AnonymisedAt == null && !emergency.Contains(h.Id)
                && db.Plans.Where(Plan.Active).Any(p => p.HouseholdId == h.Id))
            .OrderBy(h => h.Naam).ThenBy(h => h.Id).Select(h => new { h.Id, h.ResponsibleTeamId, h.Naam }).ToListAsync(ct);
        var ids = households.Select(h => h.Id).ToList();
        var members = (await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => ids.Contains(m.HouseholdId))
                .Select(m => new { m.HouseholdId, m.PersonId, m.Role, m.Person!.Voornamen, m.Person.Geboortedatum }).ToListAsync(ct))
            .ToLookup(m => m.HouseholdId, m => new Member(m.PersonId, m.Voornamen.Split(' ')[0], m.Role, m.Geboortedatum));
        var candidates = households.Where(h => members[h.Id].Any()).Select(h => new Candidate(h.Id, h.ResponsibleTeamId, h.Naam, members[h.Id].ToList())).ToList();

        var story = candidates.FirstOrDefault(c => c.Naam == StoryHousehold);
        if (story is not null) candidates.Remove(story);
        // A report about a child where one lives; help organised and the stuck track in the next households.
        var reported = candidates.FirstOrDefault(c => c.Child is not null) ?? candidates.FirstOrDefault();
        if (reported is not null) candidates.Remove(reported);
        var helped = candidates.FirstOrDefault(c => c.Members.Count(m => m.Role != HouseholdRole.Kind) > 1) ?? candidates.FirstOrDefault();
        if (helped is not null) candidates.Remove(helped);
        var stuck = candidates.FirstOrDefault();

        if (story is not null) Weighed(story, coordinator, aandachtsfunctionaris);
        if (reported is not null) Reported(reported, coordinator, aandachtsfunctionaris);
        if (helped is not null) await HelpOrganisedAsync(helped, coordinator, aandachtsfunctionaris, ct);
        if (stuck is not null) Stuck(stuck, coordinator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The story: the children's father threatens at the door since the family moved in with the grandmother. Signals,
    /// consultation with the aandachtsfunctionaris, the conversation and the weighing (help can be organised); the decision is next.
    /// </summary>
    private void Weighed(Candidate h, Worker by, Worker af)
    {
        var mother = h.Members.FirstOrDefault(m => m.Role == HouseholdRole.Overig) ?? h.Adult;
        var grandmother = h.Adult.PersonId == mother.PersonId ? null : h.Adult;
        var kids = h.Members.Where(m => m.Role == HouseholdRole.Kind).OrderBy(m => m.Born).ToList();
        var older = kids.ElementAtOrDefault(0)?.FirstName ?? "het oudste kind";
        var younger = kids.ElementAtOrDefault(1)?.FirstName ?? "het jongste kind";
        var oma = grandmother is null ? "oma" : $"oma {grandmother.FirstName}";
        var track = Open(h, [mother, .. kids], daysAgo: 15, by);
        Record(track, by, 15, MeldcodeStep.Signalen,
            $"Bij het huisbezoek vertelde {oma} dat de vader van {older} en {younger} (de ex-partner van {mother.FirstName}) twee keer onaangekondigd voor de deur stond " +
            $"en schreeuwde dat hij de kinderen komt halen. {older} wil sinds vorige week niet meer alleen naar school; {younger} plast weer in bed.",
            who: $"{by.Name} (regisseur), uit het gesprek met {oma}");
        Record(track, by, 13, MeldcodeStep.Overleg,
            "Zorgen om de kinderen door de dreiging van vader; geen letsel. Bespreek de signalen met moeder en oma, neem contact op met school, " +
            "en stel een Veilig Verder-plan op met afspraken voor als vader weer voor de deur staat. Vraag advies aan Veilig Thuis als de dreiging toeneemt.",
            who: af.Name, with: ConsultationPartner.Aandachtsfunctionaris);
        Record(track, by, 10, MeldcodeStep.Gesprek,
            $"{mother.FirstName} bevestigt dat haar ex-partner dreigt sinds zij bij haar moeder woont. Hij is tegen de kinderen niet eerder gewelddadig geweest, wel tegen spullen. " +
            $"{mother.FirstName} wil een omgangsregeling via de rechter en werkt mee aan afspraken over de veiligheid. {older} en {younger} zijn apart gesproken: {older} is bang dat vader hem meeneemt.",
            who: grandmother is null ? mother.FirstName : $"{mother.FirstName} en {grandmother.FirstName}", held: true);
        Record(track, by, 4, MeldcodeStep.Weging, weighing:
        [
            new(1, true, $"Dreiging door vader aan de deur, in het bijzijn van de kinderen; de angst van {older} en het bedplassen van {younger} passen daarbij."),
            new(2, false, "Geen letsel en geen eerder geweld tegen de kinderen; vader woont elders en komt niet binnen. Zorgelijk, maar geen acute of structurele onveiligheid."),
            new(3, true, $"Het wijkteam stelt met {oma}, school en de wijkagent een Veilig Verder-plan op en helpt {mother.FirstName} bij een omgangsregeling."),
            new(4, true, $"{mother.FirstName} en {oma} willen meewerken; {mother.FirstName} heeft zelf al het Juridisch Loket gebeld."),
            new(5, true, "Met de afspraken en het toezicht van school en wijkteam verwachten we binnen drie maanden rust. Blijft vader dreigen, dan wegen we opnieuw."),
        ]);
        Add(track);
    }

    /// <summary>Repeated bruises on a child (or, without children, on an adult): the weighing leads to "melden", and the team reported it.</summary>
    private void Reported(Candidate h, Worker by, Worker af)
    {
        var adult = h.Adult.FirstName;
        var track = Open(h, h.Child is { } c ? [h.Adult, c] : [h.Adult], daysAgo: 40, by);
        if (h.Child is { } child)
        {
            var kid = child.FirstName;
            Record(track, by, 40, MeldcodeStep.Signalen,
                $"De leerkracht van {kid} belde: {kid} kwam twee keer in drie weken met blauwe plekken op de bovenarmen op school en zei dat er thuis was geslagen. " +
                $"{kid} schrok toen de leerkracht een hand op de schouder legde.",
                who: $"De leerkracht van {kid}, Basisschool De Klimop");
        }
        else
            Record(track, by, 40, MeldcodeStep.Signalen,
                $"De buren horen bijna elke week geschreeuw en gebonk bij {adult}. {adult} had vorige week een blauw oog en zei gevallen te zijn.",
                who: "De buren, telefonisch aan het wijkteam");
        Record(track, by, 37, MeldcodeStep.Overleg,
            "De signalen zijn ernstig en herhalen zich. Vraag advies aan Veilig Thuis en bespreek de signalen met het gezin, tenzij dat iemand in gevaar brengt.",
            who: af.Name, with: ConsultationPartner.Aandachtsfunctionaris);
        Record(track, by, 36, MeldcodeStep.Overleg,
            "Herhaald letsel in korte tijd wijst op structurele onveiligheid: melden. Bespreek de melding vooraf met het gezin.",
            who: "Adviseur Veilig Thuis (telefonisch advies)", with: ConsultationPartner.VeiligThuis);
        Record(track, by, 34, MeldcodeStep.Gesprek,
            $"{adult} ontkent dat er thuis wordt geslagen en wil geen bemoeienis van het wijkteam. De regisseur heeft gezegd dat zij de zorgen meldt bij Veilig Thuis.",
            who: adult, held: true);
        Record(track, by, 33, MeldcodeStep.Weging, weighing:
        [
            new(1, true, "Herhaald letsel, wat er op school is verteld en het gesprek thuis: er is een vermoeden van huiselijk geweld."),
            new(2, true, "Twee keer letsel in drie weken en de ontkenning thuis: structurele onveiligheid."),
        ]);
        Record(track, by, 32, MeldcodeStep.Besluit,
            "Gemeld: herhaald letsel (blauwe plekken, twee keer in drie weken), wat er op school is verteld, en het gesprek thuis waarin de signalen worden ontkend.",
            who: $"{by.Name} (regisseur) belt {adult} na de melding, dezelfde dag", decision: MeldcodeDecision.GemeldBijVeiligThuis,
            channel: ReportChannel.Telefonisch, reference: ReportReference);
        Add(track);
    }

    /// <summary>Quarrels over debts that got out of hand: help is organised through a goal "Rust in huis" added to the plan, and the track closes.</summary>
    private async Task HelpOrganisedAsync(Candidate h, Worker by, Worker af, CancellationToken ct)
    {
        var plan = await db.Plans.Where(Plan.Active).FirstAsync(p => p.HouseholdId == h.Id, ct);
        // The track runs while the plan does: it opens at most 75 days ago, never before the plan started.
        var opened = Math.Min(75, Today.DayNumber - plan.StartedOn.DayNumber);
        int Day(int share) => opened * share / 75;
        var adult = h.Adult.FirstName;
        var other = h.Members.Where(m => m.Role != HouseholdRole.Kind && m.PersonId != h.Adult.PersonId).Select(m => m.FirstName).FirstOrDefault() ?? "de partner";
        var track = Open(h, h.Members, daysAgo: opened, by);
        Record(track, by, Day(75), MeldcodeStep.Signalen,
            $"Bij het huisbezoek zat er een gat in de slaapkamerdeur. {adult} vertelde dat er veel ruzie is sinds de schulden zijn opgelopen, " +
            "en dat het twee keer uit de hand liep: er werd geduwd en met spullen gegooid.",
            who: $"{by.Name} (regisseur), bij het huisbezoek");
        Record(track, by, Day(72), MeldcodeStep.Overleg,
            "Bespreek de signalen met beide volwassenen apart. De geldzorgen zijn de aanleiding: kijk of hulp bij de schulden en een training omgaan met boosheid de spanning wegnemen.",
            who: af.Name, with: ConsultationPartner.Aandachtsfunctionaris);
        Record(track, by, Day(68), MeldcodeStep.Gesprek,
            $"{adult} en {other} zijn apart gesproken. Beiden erkennen dat de ruzies uit de hand lopen en willen hulp; er is niemand gewond geraakt.",
            who: $"{adult} en {other}, apart van elkaar", held: true);
        Record(track, by, Day(65), MeldcodeStep.Weging, weighing:
        [
            new(1, true, "Duwen en gooien met spullen tijdens ruzies: een vermoeden van huiselijk geweld."),
            new(2, false, "Geen letsel en geen dreiging met wapens; de ruzies lopen op bij geldzorgen. Geen acute of structurele onveiligheid."),
            new(3, true, "Het wijkteam regelt schuldhulp en verwijst naar de training omgaan met boosheid van het maatschappelijk werk."),
            new(4, true, $"{adult} en {other} willen allebei meewerken en hebben de afspraken ondertekend."),
            new(5, true, "Met de schulden in beeld en de training verwachten we dat de ruzies niet meer escaleren; evaluatie over zes weken."),
        ]);
        var goal = await AddGoalAsync(plan, h, other, by, Today.AddDays(-Day(63)), ct);
        var goals = await db.PlanGoals.Where(g => g.PlanId == plan.Id && g.Domain == Domain.Assessment.ZrmDomain.Financien).Select(g => g.Id).ToListAsync(ct);
        Record(track, by, Day(63), MeldcodeStep.Besluit,
            "Schuldhulp via het wijkteam en de training omgaan met boosheid bij het maatschappelijk werk. De regisseur volgt de afspraken bij elk huisbezoek en weegt opnieuw bij een nieuw incident.",
            decision: MeldcodeDecision.HulpGeorganiseerd, goals: [goal, .. goals]);
        Add(track);
    }

    /// <summary>A neighbour's call and a colleague's advice, and then nothing: the conversation has waited longer than the stuck threshold.</summary>
    private void Stuck(Candidate h, Worker by)
    {
        var adult = h.Adult.FirstName;
        var track = Open(h, h.Members, daysAgo: StuckForDays + 6, by);
        Record(track, by, StuckForDays + 6, MeldcodeStep.Signalen,
            $"Een buurvrouw belde het wijkteam: zij hoort 's avonds vaak harde ruzie en huilen bij {adult} thuis. Eén keer hoorde zij glas breken.",
            who: "Buurvrouw, telefonisch aan het wijkteam (wil anoniem blijven)");
        Record(track, by, StuckForDays, MeldcodeStep.Overleg,
            "Ga op huisbezoek en bespreek wat de buurvrouw hoort, zonder haar te noemen. Overleg daarna met de aandachtsfunctionaris.",
            who: "Ahmed El Amrani (collega Wijkteam Noord)", with: ConsultationPartner.Collega);
        Add(track);
    }

    /// <summary>A goal on the plan, as the plan's own change adds it: a new version with its snapshot and the timeline event.</summary>
    private async Task<Guid> AddGoalAsync(Plan plan, Candidate h, string other, Worker by, DateOnly on, CancellationToken ct)
    {
        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        var names = await PlanVersions.MembersAsync(db, h.Id, ct);
        var frameworks = await db.Trajectories.Where(t => t.Id == plan.TrajectoryId).Select(t => t.Frameworks).FirstOrDefaultAsync(ct);
        var errors = new ErrorList();
        var fields = new GoalFields(nameof(Domain.Assessment.ZrmDomain.HuiselijkeRelaties), h.Adult.PersonId, "Rust in huis",
            "Geen ruzies meer waarbij wordt geduwd of gegooid; bij oplopende spanning gaat een van beiden de deur uit en belt het wijkteam",
            on.AddDays(120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{h.Adult.FirstName} en {other}, met de regisseur", nameof(GoalStatus.Loopt), null);
        var at = At(on, 11);
        if (plan.AddGoal(fields, names.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name), on, at, errors) is not ({ } goal, { } change))
            throw Refused("het doel bij het plan", errors);
        db.PlanGoals.Add(goal);
        plan.MarkSaved(at);
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
        var number = plan.Version + 1;
        db.PlanVersions.Add(PlanVersions.New(plan, number, change,
            PlanVersions.Snapshot(plan, frameworks, plan.Goals, plan.Actions, names.ToDictionary(m => m.PersonId, m => m.Name)), by.Id, by.Name, at));
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = gemeentecode, HouseholdId = h.Id, Type = EventTypes.PlanChanged, OccurredAt = at, EffectiveDate = on, ActorId = by.Id, ActorName = by.Name,
            Summary = $"Plan versie {number}: {change}", Data = JsonSerializer.Serialize(new { plan = plan.Id, versie = number }),
        });
        return goal.Id;
    }

    private MeldcodeTrack Open(Candidate h, IReadOnlyCollection<Member> persons, int daysAgo, Worker by) =>
        MeldcodeTrack.Open(gemeentecode, h.Id, h.TeamId, null, persons.Select(p => p.PersonId).ToList(), Today.AddDays(-daysAgo), At(Today.AddDays(-daysAgo), 9), by.Id);

    private void Record(MeldcodeTrack track, Worker by, int daysAgo, MeldcodeStep step, string? text = null, string? who = null,
        ConsultationPartner? with = null, bool? held = null, IReadOnlyList<WeighingAnswer>? weighing = null, MeldcodeDecision? decision = null,
        ReportChannel? channel = null, string? reference = null, IReadOnlyList<Guid>? goals = null)
    {
        var on = Today.AddDays(-daysAgo);
        var fields = new MeldcodeEntryFields(step, on, text ?? Afwegingskader.Label(Afwegingskader.Outcome(weighing!)), who, with, held, weighing, decision, channel, reference, goals);
        var errors = new ErrorList();
        if (track.Record(fields, by.Id, by.Name, At(on, 10 + (int)step), errors) is null) throw Refused($"stap {(int)step} van het meldcodetraject", errors);
    }

    /// <summary>Every entry after the first raised the track's version, as the use cases do.</summary>
    private void Add(MeldcodeTrack track)
    {
        track.Version = track.Entries.Count;
        db.MeldcodeTracks.Add(track);
    }

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 15), DateTimeKind.Utc);

    private static InvalidOperationException Refused(string what, ErrorList errors) =>
        new($"Demo: {what} geweigerd: {string.Join("; ", errors.Errors.Select(e => e.Message))}");
}
