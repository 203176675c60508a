using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Safety;

namespace Regie.Domain.Monitor;

public sealed record TrajectoryFact(Guid Household, DateOnly Opened, DateOnly? Closed, string? Coordinator);
public sealed record HouseholdDayFact(Guid Household, DateOnly Day);
public sealed record GoalFact(Guid Household, GoalStatus Status, DateOnly StatusChangedOn, ZrmDomain Domain, bool PlanActive);
public sealed record RatingFact(Guid Household, int Cijfer, DateOnly Day);
public sealed record ZrmFact(Guid Household, Guid Person, ZrmDomain Domain, DateOnly Day, int Score);
public sealed record InvolvementFact(Guid Household, Guid Organisation);
public sealed record MoneyFact(Guid Household, decimal Amount, DateOnly Day);
/// <summary>A Meldcode track: when it opened, the day it reached each step, and how it ended. No content, no persons.</summary>
public sealed record MeldcodeTrackFact(Guid Household, DateOnly Opened, IReadOnlyList<StepReached> Reached, MeldcodeDecision? Decision, DateOnly? DecidedOn);

/// <summary>Everything the monitor counts for one scope (a team, or the municipality), without names or BSNs.</summary>
public sealed record MonitorFacts(
    IReadOnlyList<TrajectoryFact> Trajectories,
    IReadOnlyList<HouseholdDayFact> SpecialistDecisions,
    IReadOnlyList<GoalFact> Goals,
    IReadOnlyList<RatingFact> Ratings,
    IReadOnlyList<ZrmFact> Zrm,
    IReadOnlyList<InvolvementFact> Involvements,
    IReadOnlyList<WaitingCase> Requests,
    IReadOnlyList<MoneyFact> Paid,
    IReadOnlyList<MoneyFact> EstimatedDecisionCosts,
    IReadOnlyList<CostEntry>? Costs = null,
    int? StuckHouseholds = null,
    IReadOnlyList<MeldcodeTrackFact>? MeldcodeTracks = null,
    IReadOnlyList<HouseholdDayFact>? VeiligVerderPlans = null,
    IReadOnlyList<EarlySignalFact>? EarlySignals = null,
    IReadOnlyList<EarlySignalCaseFact>? EarlySignalCases = null,
    IReadOnlyList<AssignmentFact>? Assignments = null);

/// <summary>
/// One figure with its exact definition and the number of households it rests on. Below the
/// threshold the value is withheld (<see cref="Suppressed"/>): a small group could point at a family.
/// </summary>
public sealed record Indicator(string Goal, string Key, string Label, string Definition, decimal? Value, string Unit, int Households, bool Suppressed);

/// <summary>
/// The five goals of the wijkteams made measurable, plus the flow and the direct cost, as pure
/// functions over facts. Shares are percentages with one decimal; days are medians.
/// </summary>
public static class MonitorIndicators
{
    public const int MinimumHouseholds = 10;
    /// <summary>Why a figure is withheld, in the words every page, export and API uses.</summary>
    public const string WithheldReason = "minder dan 10 huishoudens";

    public static IReadOnlyList<Indicator> Compute(MonitorFacts f, DateOnly from, DateOnly to)
    {
        bool In(DateOnly d) => d >= from && d <= to;
        var list = new List<Indicator>();
        void Add(string goal, string key, string label, string definition, decimal? value, string unit, int households) =>
            list.Add(households < MinimumHouseholds
                ? new Indicator(goal, key, label, definition, null, unit, households, true)
                : new Indicator(goal, key, label, definition, value, unit, households, false));

        // Flow.
        var opened = f.Trajectories.Where(t => In(t.Opened)).ToList();
        var closed = f.Trajectories.Where(t => t.Closed is { } c && In(c)).ToList();
        var open = f.Trajectories.Where(t => t.Opened <= to && (t.Closed is null || t.Closed > to)).ToList();
        Add("Stroom", "instroom", "Instroom", "Huishoudens waarvan een traject bij het team begon in de periode.", opened.Select(t => t.Household).Distinct().Count(), "huishoudens", opened.Select(t => t.Household).Distinct().Count());
        Add("Stroom", "uitstroom", "Uitstroom", "Huishoudens waarvan een traject werd afgesloten in de periode.", closed.Select(t => t.Household).Distinct().Count(), "huishoudens", closed.Select(t => t.Household).Distinct().Count());
        Add("Stroom", "lopend", "Lopende trajecten op de einddatum", "Trajecten die op de laatste dag van de periode open waren.", open.Count, "huishoudens", open.Select(t => t.Household).Distinct().Count());
        var perCoordinator = open.Where(t => t.Coordinator is not null).GroupBy(t => t.Coordinator).Select(g => g.Count()).Order().ToList();
        Add("Stroom", "caseload", "Caseload per regisseur (mediaan)", "Mediaan van het aantal lopende trajecten per regisseur op de einddatum.", WaitingTimes.Median(perCoordinator), "huishoudens", open.Count);
        // Reference inequality: a trajectory opened and closed on one day must not count as its own predecessor.
        var reEntries = opened.Count(t => f.Trajectories.Any(p => !ReferenceEquals(p, t) && p.Household == t.Household && p.Closed is { } c && c <= t.Opened && c >= t.Opened.AddYears(-1)));
        Add("Stroom", "herinstroom", "Herinstroom binnen 12 maanden", "Deel van de trajecten die in de periode begonnen bij een huishouden waarvan een traject in de 12 maanden ervoor was afgesloten.",
            Share(reEntries, opened.Count), "%", opened.Select(t => t.Household).Distinct().Count());

        // Requests are counted, but a household may ask more than once: the threshold counts households.
        var waitingList = f.Requests.Where(r => In(r.Requested) && (r.Intake is null || r.Intake > to)).ToList();
        Add("Stroom", "wachtlijst", "Wachtlijst voor de intake", "Hulpvragen uit de periode die op de einddatum nog op hun intake wachtten.", waitingList.Count, "hulpvragen",
            Households(waitingList));
        if (f.StuckHouseholds is { } stuck)
            Add("Stroom", "vastgelopen", "Vastgelopen of te lang open (nu)",
                "Lopende trajecten die nu op de signaleringslijst van de teamleider staan: geen voortgang, te lang open zonder verwijzing, of een verwijzing over tijd.", stuck, "huishoudens", stuck);

        // Preventing heavier care.
        var starters = opened.GroupBy(t => t.Household).Select(g => (Household: g.Key, Opened: g.Min(t => t.Opened))).ToList();
        var heavier = starters.Select(s => (s.Household, s.Opened, Day: f.SpecialistDecisions.Where(d => d.Household == s.Household && d.Day >= s.Opened).Select(d => (DateOnly?)d.Day).Min()))
            .Where(x => x.Day is not null).ToList();
        Add("Zwaardere zorg voorkomen", "zwaarder", "Naar maatwerk of specialistische zorg",
            "Deel van de huishoudens die in de periode met het team begonnen en daarna een beschikking voor maatwerk of specialistische zorg kregen (Wmo-maatwerk; Jeugdwet met verblijf, crisis, gedwongen kader of specialistische ggz).",
            Share(heavier.Count, starters.Count), "%", starters.Count);
        Add("Zwaardere zorg voorkomen", "tijd-tot-zwaarder", "Tijd tot die beschikking (mediaan)", "Dagen van het begin van het traject tot de eerste zulke beschikking.",
            WaitingTimes.Median(heavier.Select(x => x.Day!.Value.DayNumber - x.Opened.DayNumber).Order().ToList()), "dagen", heavier.Count);

        // Integral approach.
        var multi = open.Select(t => t.Household).Distinct()
            .Where(h => f.Goals.Where(g => g.Household == h && g.PlanActive).Select(g => g.Domain).Distinct().Count() >= 2).ToList();
        var coordinated = multi.Count(h => open.Any(t => t.Household == h && t.Coordinator is not null));
        Add("Integraal werken", "een-plan", "Eén plan en één regisseur bij meerdere leefgebieden",
            "Deel van de lopende huishoudens met doelen op twee of meer leefgebieden die één actief plan en een regisseur hebben.", Share(coordinated, multi.Count), "%", multi.Count);
        var openHouseholds = open.Select(t => t.Household).Distinct().ToList();
        Add("Integraal werken", "organisaties", "Betrokken organisaties per huishouden (gemiddeld)",
            "Gemiddeld aantal andere organisaties met een lopende betrokkenheid bij de lopende huishoudens (het team zelf niet meegeteld).",
            openHouseholds.Count == 0 ? null : Math.Round((decimal)openHouseholds.Sum(h => f.Involvements.Where(i => i.Household == h).Select(i => i.Organisation).Distinct().Count()) / openHouseholds.Count, 1),
            "organisaties", openHouseholds.Count);

        // Prevention.
        var requests = f.Requests.Where(r => In(r.Requested)).ToList();
        var waiting = WaitingTimes.Figures("", requests, to);
        // A median rests on the households whose requests reached the step.
        Add("Preventie", "tot-contact", "Van hulpvraag tot eerste contact (mediaan)", "Dagen van de hulpvraag tot de intake, voor hulpvragen in de periode.", waiting.Intake.MedianDays, "dagen",
            Households(requests.Where(r => WaitingTimes.Reached(r, c => c.Intake))));
        Add("Preventie", "tot-steun", "Van hulpvraag tot eerste steun (mediaan)",
            "Dagen van de hulpvraag tot lichte ondersteuning, een gestarte verwijzing of een toekennende beschikking.", waiting.FirstSupport.MedianDays, "dagen",
            Households(requests.Where(r => WaitingTimes.Reached(r, c => c.FirstSupport))));

        // Better support.
        var ratings = f.Ratings.Where(r => In(r.Day)).ToList();
        Add("Betere ondersteuning", "tevredenheid", "Tevredenheid van inwoners (gemiddeld cijfer)", "Gemiddelde van de cijfers (1–10) die inwoners gaven bij een evaluatie of de afsluiting in de periode.",
            ratings.Count == 0 ? null : Math.Round((decimal)ratings.Average(r => r.Cijfer), 1), "cijfer", ratings.Select(r => r.Household).Distinct().Count());
        var finished = f.Goals.Where(g => In(g.StatusChangedOn) && g.Status is GoalStatus.Behaald or GoalStatus.DeelsBehaald or GoalStatus.NietBehaald).ToList();
        Add("Betere ondersteuning", "doelen-behaald", "Doelen behaald", "Deel van de doelen die in de periode werden afgerond (behaald, deels of niet behaald) en behaald zijn; vervallen doelen tellen niet.",
            Share(finished.Count(g => g.Status == GoalStatus.Behaald), finished.Count), "%", finished.Select(g => g.Household).Distinct().Count());

        // Self-reliance: per domain, last minus first score of each person with two or more assessments, the last in the period.
        foreach (var domain in Zrm.Domains)
        {
            var changes = f.Zrm.Where(z => z.Domain == domain).GroupBy(z => z.Person)
                .Select(g => g.OrderBy(z => z.Day).ToList()).Where(g => g.Count >= 2 && In(g[^1].Day) && g[^1].Day > g[0].Day)
                .Select(g => (g[0].Household, Change: g[^1].Score - g[0].Score)).ToList();
            Add("Zelfredzaamheid", $"zrm-{domain}", $"ZRM {Zrm.Label(domain).ToLowerInvariant()}: verandering",
                "Gemiddelde verandering van de ZRM-score (laatste min eerste meting) van inwoners met twee of meer metingen, de laatste in de periode. Positief is zelfredzamer.",
                changes.Count == 0 ? null : Math.Round((decimal)changes.Average(c => c.Change), 2), "punten", changes.Select(c => c.Household).Distinct().Count());
        }

        if (f.MeldcodeTracks is { } tracks) Safety(tracks, f.VeiligVerderPlans ?? [], from, to, Add);
        if (f.EarlySignals is { } signals) EarlySignalFigures.Add(signals, f.EarlySignalCases ?? [], from, to, Add);
        if (f.Assignments is { } assignments) AssignmentFigures.Add(assignments, from, to, Add);

        // Direct cost.
        var paid = f.Paid.Where(p => In(p.Day)).ToList();
        var estimated = f.EstimatedDecisionCosts.Where(p => In(p.Day)).ToList();
        var helped = f.Trajectories.Where(t => t.Opened <= to && (t.Closed is null || t.Closed >= from)).Select(t => t.Household).Distinct().Count();
        var direct = paid.Sum(p => p.Amount) + estimated.Sum(p => p.Amount);
        Add("Kosten", "betaald", "Betaald uit het integrale budget", "Som van de betalingen uit het budget in de periode.", paid.Sum(p => p.Amount), "euro", paid.Select(p => p.Household).Distinct().Count());
        Add("Kosten", "beschikt", "Geschatte kosten van beschikkingen", "Som van de geschatte kosten van de beschikkingen in de periode (een schatting).", estimated.Sum(p => p.Amount), "euro", estimated.Select(p => p.Household).Distinct().Count());
        Add("Kosten", "per-huishouden", "Directe kosten per geholpen huishouden", "(Betaald + geschatte kosten van beschikkingen) gedeeld door de huishoudens met een traject in de periode; zonder personeel, overhead en advies.",
            helped == 0 ? null : Math.Round(direct / helped, 2), "euro", helped);

        // The full cost: staff whoever pays them, and for the whole municipality the city hall's overhead and hired advice.
        var costs = f.Costs ?? [];
        var staff = SystemCost.Total(costs, CostKind.Personeel, from, to);
        var overhead = SystemCost.Total(costs, CostKind.Overhead, from, to);
        var advice = SystemCost.Total(costs, CostKind.Advies, from, to);
        var total = direct + staff + overhead + advice;
        var achieved = f.Goals.Count(g => In(g.StatusChangedOn) && g.Status == GoalStatus.Behaald);
        Add("Kosten", "personeel", "Personeel van het team, volledige kosten", "Fte × volledige kosten per fte, voor de dagen in de periode; ook gedetacheerde medewerkers die een aanbieder uit subsidie betaalt.", staff, "euro", helped);
        Add("Kosten", "overhead", "Overhead stadhuis", "Kosten van het stadhuis voor de teams (aansturing, beleid, inkoop, ICT) zoals ingevoerd, naar rato van de periode.", overhead, "euro", helped);
        Add("Kosten", "advies", "Inhuur en advies", "Ingehuurde adviseurs en projectleiders voor de teams, zoals ingevoerd, naar rato van de periode.", advice, "euro", helped);
        Add("Kosten", "totaal", "Totale kosten", "Betaald + geschatte kosten van beschikkingen + personeel + overhead + inhuur en advies.", total, "euro", helped);
        Add("Kosten", "totaal-per-huishouden", "Totale kosten per geholpen huishouden", "Totale kosten gedeeld door de huishoudens met een traject in de periode.", helped == 0 ? null : Math.Round(total / helped, 2), "euro", helped);
        Add("Kosten", "totaal-per-doel", "Totale kosten per behaald doel", "Totale kosten gedeeld door het aantal doelen dat in de periode behaald werd.", achieved == 0 ? null : Math.Round(total / achieved, 2), "euro", helped);
        return list;
    }

    /// <summary>The steps whose duration the monitor shows: step 1 opens the track, so it takes no time of its own.</summary>
    public static readonly IReadOnlyList<MeldcodeStep> TimedMeldcodeSteps = [MeldcodeStep.Overleg, MeldcodeStep.Gesprek, MeldcodeStep.Weging, MeldcodeStep.Besluit];

    /// <summary>
    /// The Meldcode huiselijk geweld en kindermishandeling: tracks opened, the median days per step (as the track page counts
    /// them, <see cref="MeldcodeRules.Durations"/>), the share ending in a report to Veilig Thuis and the share of households
    /// with a track that have a Veilig Verder plan. Counts of households, never their content.
    /// </summary>
    private static void Safety(IReadOnlyList<MeldcodeTrackFact> tracks, IReadOnlyList<HouseholdDayFact> veiligVerder, DateOnly from, DateOnly to,
        Action<string, string, string, string, decimal?, string, int> add)
    {
        const string Goal = "Veiligheid";
        bool In(DateOnly d) => d >= from && d <= to;
        var opened = tracks.Where(t => In(t.Opened)).ToList();
        add(Goal, "meldcode-geopend", "Meldcodetrajecten geopend",
            "Meldcodetrajecten (huiselijk geweld en kindermishandeling) die in de periode werden geopend.", opened.Count, "trajecten",
            opened.Select(t => t.Household).Distinct().Count());

        var durations = tracks.SelectMany(t => MeldcodeRules.Durations(t.Opened, t.Reached, MeldcodeTrackStatus.Besloten, to)
            .Where(d => d.Until is { } until && In(until)).Select(d => (t.Household, d.Step, d.Days))).ToList();
        foreach (var step in TimedMeldcodeSteps)
        {
            var days = durations.Where(d => d.Step == step).ToList();
            add(Goal, $"meldcode-duur-{step.ToString().ToLowerInvariant()}", $"Meldcode {MeldcodeRules.Label(step).ToLowerInvariant()}: duur (mediaan)",
                "Dagen van de stap ervoor (of de opening van het traject) tot de eerste vastlegging van deze stap, voor stappen die in de periode werden bereikt. Stap 1 opent het traject.",
                WaitingTimes.Median(days.Select(d => d.Days).Order().ToList()), "dagen", days.Select(d => d.Household).Distinct().Count());
        }

        var decided = tracks.Where(t => t.DecidedOn is { } d && In(d)).ToList();
        add(Goal, "meldcode-veilig-thuis", "Meldcodetrajecten met een melding bij Veilig Thuis",
            "Deel van de meldcodetrajecten waarover in de periode werd besloten (stap 5) dat eindigde in een melding bij Veilig Thuis.",
            Share(decided.Count(t => t.Decision == MeldcodeDecision.GemeldBijVeiligThuis), decided.Count), "%", decided.Select(t => t.Household).Distinct().Count());

        var withTrack = tracks.Where(t => t.Opened <= to && (t.DecidedOn is null || t.DecidedOn >= from)).Select(t => t.Household).Distinct().ToList();
        var withPlan = withTrack.Count(h => veiligVerder.Any(v => v.Household == h && v.Day <= to));
        add(Goal, "meldcode-veilig-verder", "Huishoudens met een meldcodetraject en een Veilig Verder-plan",
            "Deel van de huishoudens met een meldcodetraject dat in de periode open was, dat op de einddatum een Veilig Verder-plan had.",
            Share(withPlan, withTrack.Count), "%", withTrack.Count);
    }

    /// <summary>A share as the monitor shows it: a percentage with one decimal, null without a whole.</summary>
    public static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    /// <summary>The number of different households the requests come from.</summary>
    public static int Households(IEnumerable<WaitingCase> requests) => requests.Select(r => r.Household).Distinct().Count();

    /// <summary>
    /// A count shown next to others (the funnel's steps, the months against the period), whose difference could single
    /// out a household: withheld (null) when it rests on fewer than <see cref="MinimumHouseholds"/> households, and
    /// otherwise rounded to a multiple of 5.
    /// </summary>
    public static int? SideBySide(int count, int households) =>
        households < MinimumHouseholds ? null : RoundedToFive(count);

    /// <summary>A count rounded to the nearest multiple of 5 (halves away from zero), as the monitor shows counts side by side.</summary>
    public static int RoundedToFive(int count) => (int)Math.Round(count / 5m, MidpointRounding.AwayFromZero) * 5;
}
