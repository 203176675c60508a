using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Trajectories and plans for the households a team works with: SMART goals on their weakest life
/// domains, actions by the household, its network, volunteers and professionals, agreements and
/// evaluations, some late, some stuck, some closed with outcomes — so every list has something to show.
/// </summary>
public sealed partial class DemoHouseholdGenerator
{
    private static readonly Dictionary<ZrmDomain, (string Wat, string Meetbaar)[]> GoalTexts = new()
    {
        [ZrmDomain.Financien] = [("Geen huurachterstand meer", "De achterstand is afgelost en de huur gaat via automatische incasso"), ("Overzicht over de schulden", "Alle schuldeisers staan op één lijst met een afspraak per schuldeiser")],
        [ZrmDomain.Huisvesting] = [("Een eigen, betaalbare woning", "Huurcontract getekend voor een woning met huur onder de huurtoeslaggrens")],
        [ZrmDomain.WerkOpleiding] = [("Weer aan het werk", "Minstens 16 uur per week betaald werk, drie maanden achter elkaar")],
        [ZrmDomain.SociaalNetwerk] = [("Minder alleen", "Elke week minstens twee afspraken met anderen buiten het huis")],
        [ZrmDomain.GeestelijkeGezondheid] = [("Grip op de somberheid", "Behandeling bij de GGZ gestart en elke twee weken een gesprek")],
        [ZrmDomain.HuiselijkeRelaties] = [("Rust in huis", "Geen meldingen bij Veilig Thuis en vaste afspraken over de kinderen")],
        [ZrmDomain.Tijdsbesteding] = [("Een vaste dagbesteding", "Drie dagdelen per week vrijwilligerswerk of dagbesteding")],
        [ZrmDomain.InstrumenteleAdl] = [("De administratie op orde", "Post wordt wekelijks geopend en rekeningen op tijd betaald")],
    };

    private static readonly (ActionOwnerKind Kind, string Name, string Text)[] ActionTexts =
    [
        (ActionOwnerKind.Huishoudlid, "", "Alle brieven van schuldeisers verzamelen in één map"),
        (ActionOwnerKind.Netwerk, "Zus Miriam", "Gaat mee naar het gesprek bij de corporatie"),
        (ActionOwnerKind.Vrijwilliger, "Henk (Humanitas Thuisadministratie)", "Elke week een uur samen de post doornemen"),
        (ActionOwnerKind.Netwerk, "Buurvrouw Els", "Haalt op dinsdag en donderdag de kinderen uit school"),
        (ActionOwnerKind.Professional, "", "Betalingsregeling regelen met de verhuurder"),
        (ActionOwnerKind.Organisatie, "Schuldhulpverlening gemeente", "Intake schuldhulpverlening"),
        (ActionOwnerKind.Vrijwilliger, "Maatje van Stichting Samen", "Samen naar de buurtkamer, om de week"),
        (ActionOwnerKind.Huishoudlid, "", "Inschrijven als woningzoekende"),
    ];

    private void AddPlans(DemoBatch b)
    {
        var names = b.Persons.ToDictionary(p => p.Id, p => p.Name.FullName);
        foreach (var h in b.Households.Where(h => h.ResponsibleTeamId is not null))
        {
            var members = b.Members.Where(m => m.HouseholdId == h.Id && m.IsCurrent).ToList();
            if (members.Count == 0) continue;
            var adult = members.FirstOrDefault(m => m.Role != HouseholdRole.Kind) ?? members[0];
            var story = h.Naam == "Huishouden de Wit";
            var opened = story ? _today.AddDays(-18) : _today.AddDays(-_f.Random.Int(14, 420));
            if (opened < h.CreatedAt.Date.ToDateOnly()) opened = DateOnly.FromDateTime(h.CreatedAt);
            var closedOn = !story && _f.Random.Bool(0.15f) && opened < _today.AddDays(-90) ? opened.AddDays(_f.Random.Int(60, _today.DayNumber - opened.DayNumber - 1)) : (DateOnly?)null;
            var trajectoryId = Guid.CreateVersion7();
            var frameworks = _f.PickRandom("Wmo2015", "Jeugdwet", "Wgs", "Wgs,Wmo2015", "Jeugdwet,Participatiewet", null);
            // The story's request came after the move in with the grandmother; the others some days before the trajectory.
            var requestId = AddRequest(b, h, members.Select(m => m.PersonId).ToList(), opened.AddDays(story ? -2 : -DaysToStart(h, opened, _f.Random.Int(3, 20))), opened, story ? TriageRoute.Wijkteam : null, trajectoryId,
                story ? (RequestSource.Organisatie, "Woningcorporatie Thuis", "Dreigende huisuitzetting om huurachterstand; moeder en twee kinderen trekken in bij oma") : null);
            var t = new Trajectory
            {
                Id = trajectoryId, Gemeentecode = gemeentecode, HouseholdId = h.Id, TeamId = h.ResponsibleTeamId, RequestId = requestId, OpenedOn = opened, OpenedBy = Actor,
                Frameworks = frameworks, CreatedAt = At(opened),
            };
            b.Trajectories.Add(t);
            Event(b, h, EventTypes.TrajectoryOpened, opened, null, "Traject gestart na de intake: het wijkteam neemt de hulpvraag op", new { traject = t.Id });
            var plan = new Plan
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = h.Id, TrajectoryId = t.Id, StartedOn = opened,
                CreatedAt = At(opened), UpdatedAt = At(opened),
                Afspraken = "Elke twee weken een huisbezoek. Bij een nieuwe brief van een schuldeiser belt het huishouden dezelfde week.",
                NextEvaluationOn = closedOn is null ? _today.AddDays(_f.Random.Int(-20, 60)) : null,
            };
            b.Plans.Add(plan);

            var domains = story ? [ZrmDomain.Huisvesting, ZrmDomain.Financien] : _f.PickRandom(GoalTexts.Keys, _f.Random.Int(1, 3)).ToArray();
            var goals = new List<PlanGoal>();
            foreach (var d in domains)
            {
                var (wat, meetbaar) = _f.PickRandom(GoalTexts[d]);
                var target = opened.AddDays(_f.Random.Int(45, 300));
                var status = target < _today ? _f.PickRandom(GoalStatus.Loopt, GoalStatus.Behaald, GoalStatus.DeelsBehaald) : _f.PickRandom(GoalStatus.Open, GoalStatus.Loopt);
                var changed = status == GoalStatus.Open ? opened : opened.AddDays(_f.Random.Int(0, Math.Max(0, Math.Min(_today.DayNumber, target.DayNumber) - opened.DayNumber)));
                goals.Add(new PlanGoal
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PlanId = plan.Id, HouseholdId = h.Id, Domain = d, PersonId = adult.PersonId,
                    Wat = wat, MeetbaarResultaat = meetbaar, Streefdatum = target, Wie = $"{names[adult.PersonId].Split(' ')[0]} met de regisseur",
                    Status = status, StatusChangedOn = changed, Position = goals.Count + 1, CreatedAt = At(opened),
                });
            }
            var actions = new List<PlanAction>();
            foreach (var (kind, name, text) in _f.PickRandom(ActionTexts, _f.Random.Int(1, 4)))
            {
                var deadline = opened.AddDays(_f.Random.Int(7, 120));
                actions.Add(new PlanAction
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PlanId = plan.Id, HouseholdId = h.Id, GoalId = _f.PickRandom(goals).Id,
                    Omschrijving = text, OwnerKind = kind,
                    OwnerName = kind == ActionOwnerKind.Huishoudlid ? names[adult.PersonId] : kind == ActionOwnerKind.Professional ? "Regisseur wijkteam" : name,
                    OwnerPersonId = kind == ActionOwnerKind.Huishoudlid ? adult.PersonId : null,
                    Deadline = deadline, DoneOn = deadline < _today && _f.Random.Bool(0.7f) ? deadline.AddDays(-_f.Random.Int(0, 5)) : null,
                    Position = actions.Count + 1, CreatedAt = At(opened),
                });
            }
            if (closedOn is { } closed)
            {
                var reason = _f.PickRandom(ClosingReason.DoelenBehaald, ClosingReason.DoelenBehaald, ClosingReason.OvergedragenSpecialistischeZorg, ClosingReason.InwonerStopt);
                // The teams differ, as real teams do: Noord reaches its goals more often, Zuid hands over to specialist care more often.
                if (h.Wijk == "Noord" && reason != ClosingReason.DoelenBehaald && _marks.NextDouble() < 0.5) reason = ClosingReason.DoelenBehaald;
                if (h.Wijk == "Zuid" && reason == ClosingReason.DoelenBehaald && _marks.NextDouble() < 0.4) reason = ClosingReason.OvergedragenSpecialistischeZorg;
                // Closed as the use case closes: the trajectory with its reason, the plan with an outcome for every goal still open.
                var outcomes = goals.Where(g => !GoalStatuses.IsFinal(g.Status)).ToDictionary(g => g.Id,
                    _ => reason == ClosingReason.DoelenBehaald ? GoalStatus.Behaald : _f.PickRandom(GoalStatus.DeelsBehaald, GoalStatus.NietBehaald));
                var closing = new ClosingContent(reason, null, outcomes, new Dictionary<Guid, string>());
                t.Close(closing, Actor, closed);
                plan.Load(goals, actions);
                plan.Close(closing.Outcomes, closing.Explanations, closed, At(closed));
                b.Closed.Add(h.Id);
                Event(b, h, EventTypes.TrajectoryClosed, closed, null, $"Traject afgesloten: {ClosingReasons.Label(reason).ToLowerInvariant()}", new { traject = t.Id, reden = reason.ToString() });
            }
            b.Goals.AddRange(goals);
            b.Actions.AddRange(actions);
            // The demo's history is summarised as the versions a worker would have saved: the first plan, then its latest state.
            plan.Version = 2;
            b.Versions.Add(Version(plan, 1, opened, "Plan opgesteld", PlanVersions.Snapshot(plan, t.Frameworks, goals.Select(Initial), actions.Select(a => Undone(a)), names)));
            b.Versions.Add(Version(plan, 2, Min(_today, opened.AddDays(30)), "Voortgang bijgewerkt", PlanVersions.Snapshot(plan, t.Frameworks, goals, actions, names)));
            if (story || _f.Random.Bool(0.7f))
                b.Agreements.Add(new PlanAgreement
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PlanId = plan.Id, VersionNumber = story ? 2 : 1, PersonId = adult.PersonId,
                    AgreedByName = names[adult.PersonId], AgreedOn = opened.AddDays(3) > _today ? _today : opened.AddDays(3), Wijze = _f.PickRandom("ondertekend", "mondeling"),
                    RecordedBy = Actor, RecordedAt = At(opened),
                });
            if (opened < _today.AddDays(-60) && _f.Random.Bool(0.6f))
            {
                var evaluation = new PlanEvaluation
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PlanId = plan.Id, HouseholdId = h.Id, HeldOn = opened.AddDays(_f.Random.Int(30, 60)),
                    Summary = "Het huishouden pakt de afspraken op; de schulden zijn in beeld. Volgende keer: werk en dagbesteding.", RecordedBy = Actor, CreatedAt = At(opened.AddDays(30)),
                };
                b.Evaluations.Add(evaluation);
                Mark(b, h, evaluation.HeldOn, "evaluatie", MarkBonus(h, opened));
            }
            if (t.ClosedOn is { } end) Mark(b, h, end, "afsluiting", MarkBonus(h, opened));
        }
    }

    /// <summary>
    /// The planted effects the evaluation must find (issue 24; documented in <see cref="DemoEvaluations"/>). The draw is the same as
    /// before, so the rest of the demo stays as it was: since the change of triage model six months ago the team starts 3 days
    /// sooner after a request (no detour along the desk), and in Zuid, since light support without an indication started there,
    /// support starts within a few days (a quarter of the usual wait, plus one day).
    /// </summary>
    private int DaysToStart(Household h, DateOnly opened, int days)
    {
        if (h.Wijk == "Zuid" && opened >= _today.AddMonths(-DemoEvaluations.LightSupportMonthsAgo)) days = 1 + days / 4;
        if (opened >= _today.AddMonths(-DemoEvaluations.TriageChangeMonthsAgo)) days = Math.Max(1, days - 3);
        return days;
    }

    /// <summary>Planted too: households in Zuid that started with light support give the help one point more (see <see cref="DemoEvaluations"/>).</summary>
    private int MarkBonus(Household h, DateOnly opened) => h.Wijk == "Zuid" && opened >= _today.AddMonths(-DemoEvaluations.LightSupportMonthsAgo) ? 1 : 0;

    /// <summary>Most households give a mark when asked; most marks are 7 or 8, as in the municipalities' own surveys.</summary>
    private void Mark(DemoBatch b, Household h, DateOnly day, string moment, int bonus = 0)
    {
        if (_marks.NextDouble() > 0.7) return;
        int[] marks = [5, 6, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10];
        // Residents of Noord are a little more content than those of Oost, so the teams' marks differ in the demo.
        var mark = Math.Clamp(marks[_marks.Next(marks.Length)] + (h.Wijk == "Noord" ? 1 : h.Wijk == "Oost" ? -1 : 0) + bonus, 1, 10);
        Event(b, h, EventTypes.ResidentRated, day, null, $"Het huishouden gaf de hulp een {mark}", new { cijfer = mark, moment });
    }

    private static readonly string[] RequestTexts =
    [
        "Huurachterstand van drie maanden; de verhuurder dreigt met ontruiming",
        "Moeder is somber en overzicht over de post is weg",
        "Zoon gaat niet meer naar school, ouders weten niet wat te doen",
        "Oudere man vereenzaamt sinds zijn vrouw overleed, de huishouding lukt niet meer",
        "Vader verloor zijn baan; er komen aanmaningen binnen",
        "Ruzie thuis; de politie is twee keer geweest",
    ];

    /// <summary>A request with its intake screen and a decision; <paramref name="route"/> null picks one from the screen as the worker would.</summary>
    private Guid AddRequest(DemoBatch b, Household h, List<Guid> persons, DateOnly received, DateOnly? decided, TriageRoute? route, Guid? trajectory,
        (RequestSource Source, string Detail, string Text)? given = null)
    {
        var id = Guid.CreateVersion7();
        var screened = persons.Take(2).ToList();
        var scores = new List<HelpRequestScore>();
        foreach (var p in screened)
            foreach (var d in _f.PickRandom(Zrm.Domains, _f.Random.Int(3, 8)))
                scores.Add(new HelpRequestScore { RequestId = id, PersonId = p, Domain = d, Score = _f.Random.WeightedRandom([1, 2, 3, 4, 5], [0.08f, 0.3f, 0.3f, 0.2f, 0.12f]) });
        var maatwerk = _f.Random.Bool(0.25f);
        // The demo municipality worked "complex cases only" until six months ago (see the triage configurations).
        var model = received < _today.AddMonths(-3) ? TriageModel.TeamVoorComplex : TriageModel.TeamVoorAlles;
        var suggestion = TriageRules.Suggest(TriageSettings.Preset(model), scores.Select(s => (s.Domain, s.Score)), maatwerk);
        var source = given?.Source ?? _f.PickRandom(RequestSources.All.ToArray());
        var description = given?.Text ?? _f.PickRandom(RequestTexts);
        var status = decided is null ? (_f.Random.Bool() ? RequestStatus.Ontvangen : RequestStatus.IntakeGedaan) : RequestStatus.Besloten;
        DateOnly? intakeOn = null;
        if (status != RequestStatus.Ontvangen)
        {
            // The intake comes before the decision on the route, a few days after the request at most.
            intakeOn = received.AddDays(_f.Random.Int(0, decided is { } dd ? Math.Clamp(dd.DayNumber - received.DayNumber, 0, 5) : 5));
            if (intakeOn > _today) intakeOn = _today;
            b.RequestScores.AddRange(scores);
        }
        var screenedRequest = intakeOn is not null;
        // A request from the demo's past is created as it stands, the way an import from an earlier system would be.
        var request = new HelpRequest
        {
            Id = id, Gemeentecode = gemeentecode, HouseholdId = h.Id, Source = source, SourceDetail = given?.Detail,
            Description = description, ReceivedOn = received, Maatwerk = maatwerk, Status = status,
            RegisteredBy = Actor, RegisteredAt = At(received),
            IntakeOn = intakeOn, IntakeBy = screenedRequest ? Actor : null, CaseClass = screenedRequest ? suggestion.Class : null,
            ModelAtIntake = screenedRequest ? model : null, SuggestedRoute = screenedRequest ? suggestion.Route : null,
            Suggestion = screenedRequest ? suggestion.Explanation : null,
            DecidedRoute = decided is null ? null : route ?? suggestion.Route, DecidedBy = decided is null ? null : Actor,
            DecidedAt = decided is { } on ? At(on) : null, TrajectoryId = decided is null ? null : trajectory,
        };
        b.Requests.Add(request);
        b.RequestPersons.AddRange(persons.Select(p => new HelpRequestPerson { RequestId = id, PersonId = p }));
        Event(b, h, EventTypes.RequestRegistered, received, null, $"Hulpvraag ontvangen via {RequestSources.Label(source).ToLowerInvariant()}", new { verzoek = id, bron = source.ToString() });
        if (request.IntakeOn is { } intake)
            Event(b, h, EventTypes.RequestScreened, intake, null, $"Intake: voorgestelde route {TriageRoutes.Label(suggestion.Route).ToLowerInvariant()}", new
            {
                verzoek = id, klasse = suggestion.Class.ToString(), voorstel = suggestion.Route.ToString(), werkwijze = model.ToString(),
                leefgebieden = suggestion.ConcernDomains.Select(d => d.ToString()),
            });
        if (request.DecidedRoute is { } decidedRoute)
            Event(b, h, EventTypes.RequestTriaged, decided!.Value, null, $"Route besloten: {TriageRoutes.Label(decidedRoute).ToLowerInvariant()}", new { verzoek = id, route = decidedRoute.ToString() });
        return id;
    }

    /// <summary>Requests still waiting for intake or a decision, and some that went to the desk or a general provision.</summary>
    private void AddOpenRequests(DemoBatch b)
    {
        foreach (var h in b.Households.Where(h => h.ResponsibleTeamId is null && _f.Random.Bool(0.05f)))
        {
            var persons = b.Members.Where(m => m.HouseholdId == h.Id && m.IsCurrent).Select(m => m.PersonId).ToList();
            if (persons.Count == 0) continue;
            var received = _today.AddDays(-_f.Random.Int(0, 40));
            var open = _f.Random.Bool(0.5f);
            AddRequest(b, h, persons, received, open ? null : received.AddDays(_f.Random.Int(1, 10)) is var d && d > _today ? _today : d,
                open ? null : _f.PickRandom(TriageRoute.Loket, TriageRoute.AlgemeneVoorziening), null);
        }
    }

    private static PlanGoal Initial(PlanGoal g) => new()
    {
        Id = g.Id, Gemeentecode = g.Gemeentecode, PlanId = g.PlanId, HouseholdId = g.HouseholdId, Domain = g.Domain, PersonId = g.PersonId, Wat = g.Wat,
        MeetbaarResultaat = g.MeetbaarResultaat, Streefdatum = g.Streefdatum, Wie = g.Wie, Status = GoalStatus.Open, Position = g.Position,
    };

    private static PlanAction Undone(PlanAction a) => new()
    {
        Id = a.Id, Gemeentecode = a.Gemeentecode, Omschrijving = a.Omschrijving, OwnerKind = a.OwnerKind, OwnerName = a.OwnerName, GoalId = a.GoalId,
        Deadline = a.Deadline, Position = a.Position,
    };

    private PlanVersion Version(Plan plan, int number, DateOnly on, string change, PlanSnapshot snapshot) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PlanId = plan.Id, Number = number, SavedAt = At(on), SavedById = Actor,
        SavedByName = "Demo-installatie", Change = change, Snapshot = JsonSerializer.Serialize(snapshot),
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateTime At(DateOnly d) => d.ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc);
}

internal static class DemoDates
{
    public static DateOnly ToDateOnly(this DateTime d) => DateOnly.FromDateTime(d);
}
