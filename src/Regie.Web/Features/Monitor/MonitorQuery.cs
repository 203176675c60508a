using Microsoft.EntityFrameworkCore;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.Team;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Features.Monitor;

/// <param name="Vroegsignalering">Signals per partner kind and month and the cases' outcomes; only for the municipality as a whole.</param>
/// <param name="Toewijzingen">The wait from decision to start of care per provider and category, the assignments not started and the stops; only for the municipality as a whole.</param>
public sealed record MonitorView(DateOnly Van, DateOnly Tot, string Bereik, DateTime StandVan, IReadOnlyList<Indicator> Indicatoren, IReadOnlyList<FunnelStep> Trechter,
    IReadOnlyList<MonthFlow>? Maanden = null, EarlySignalTables? Vroegsignalering = null, AssignmentTables? Toewijzingen = null);

/// <summary>Inflow and outflow in one month (null: fewer than 10, withheld).</summary>
public sealed record MonthFlow(string Maand, int? Instroom, int? Uitstroom);

/// <summary>A step of the flow from request to decision: how many requests of the period reached it (null: fewer than 10, withheld).</summary>
public sealed record FunnelStep(string Stap, int? Aantal);

/// <summary>
/// The municipality's monitor: the goal indicators, flow and direct cost for a team or the whole
/// municipality, read from the tables and the event log the teams fill anyway. Only counts leave
/// this class: facts are keyed by household id and never carry a name or BSN, and every figure
/// resting on fewer than ten households is withheld (MonitorIndicators).
/// </summary>
public sealed class MonitorQuery(RegieDbContext db, WaitingTimesQuery waiting, StuckHouseholdsQuery stuck, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="wijk">Only households living in this wijk now; null for all.</param>
    /// <param name="model">Only trajectories that started from a request triaged under this working model; null for all.</param>
    public async Task<MonitorView> GetAsync(Guid? teamId, DateOnly from, DateOnly to, CancellationToken ct, string? wijk = null, Domain.Care.TriageModel? model = null)
    {
        var trajectories = db.Trajectories.AsNoTracking().Where(t => teamId == null ? t.TeamId != null : t.TeamId == teamId);
        if (wijk is not null) trajectories = trajectories.Where(t => db.Households.Any(h => h.Id == t.HouseholdId && h.Wijk == wijk));
        if (model is { } chosenModel) trajectories = trajectories.Where(t => db.HelpRequests.Any(r => r.Id == t.RequestId && r.ModelAtIntake == chosenModel));
        // The households in scope: those the team (or any team) worked with.
        var scope = trajectories.Select(t => t.HouseholdId).Distinct();

        var trajectoryFacts = await trajectories
            .Join(db.Households, t => t.HouseholdId, h => h.Id, (t, h) => new { t.HouseholdId, t.OpenedOn, t.ClosedOn, Coordinator = h.CoordinatorId })
            .ToListAsync(ct);
        var events = await db.HouseholdEvents.AsNoTracking()
            .Where(e => scope.Contains(e.HouseholdId)
                && (e.Type == EventTypes.DecisionTaken || e.Type == EventTypes.ResidentRated || e.Type == EventTypes.SpendPaid))
            .Select(e => new { e.HouseholdId, e.Type, e.EffectiveDate, e.Data }).ToListAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => scope.Contains(g.HouseholdId))
            .Select(g => new { g.HouseholdId, g.Status, g.StatusChangedOn, g.Domain, Active = db.Plans.Where(Plan.Active).Any(p => p.Id == g.PlanId) })
            .ToListAsync(ct);
        var zrm = await db.ZrmAssessments.AsNoTracking().Where(a => scope.Contains(a.HouseholdId))
            .Join(db.ZrmScores, a => a.Id, z => z.AssessmentId, (a, z) => new { a.HouseholdId, a.PersonId, z.Domain, a.AssessedOn, z.Score }).ToListAsync(ct);
        var today = Today;
        var involvements = await db.Involvements.AsNoTracking()
            .Where(Involvement.ActiveOn(today)).Where(i => i.OrganisationId != null)
            .Join(db.Persons, i => i.Bsn, p => p.Bsn, (i, p) => new { i.OrganisationId, p.Id })
            .Join(db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => scope.Contains(m.HouseholdId)), x => x.Id, m => m.PersonId, (x, m) => new { m.HouseholdId, x.OrganisationId })
            .ToListAsync(ct);
        var requests = await waiting.CasesAsync(teamId, from, to, ct, wijk, model);
        // A team carries its own staff; overhead and advice belong to the municipality as a whole; a wijk carries the staff of
        // the teams that work there. A working model has no costs of its own.
        var entries = db.MonitorCostEntries.AsNoTracking().Where(e => e.WithdrawnAt == null && (teamId == null || e.TeamId == teamId));
        if (wijk is not null) entries = entries.Where(e => db.Teams.Any(t => t.Id == e.TeamId && t.Wijk == wijk));
        var costs = model is not null ? [] : (await entries.ToListAsync(ct)).Select(e => e.ToEntry()).ToList();

        // The Meldcode: the tracks of the team that opened them (every track for the municipality), of households living in the
        // wijk, or of households whose trajectory started under the working model. Dates and steps only, never what was recorded.
        var tracks = db.MeldcodeTracks.AsNoTracking().Where(t => teamId == null || t.TeamId == teamId);
        if (wijk is not null) tracks = tracks.Where(t => db.Households.Any(h => h.Id == t.HouseholdId && h.Wijk == wijk));
        if (model is not null) tracks = tracks.Where(t => scope.Contains(t.HouseholdId));
        var trackRows = await tracks.Select(t => new { t.Id, t.HouseholdId, t.OpenedOn, t.Decision, t.DecidedOn }).ToListAsync(ct);
        var steps = (await db.MeldcodeEntries.AsNoTracking().Where(e => tracks.Any(t => t.Id == e.TrackId))
            .Select(e => new { e.TrackId, e.Step, e.OccurredOn }).ToListAsync(ct)).ToLookup(e => e.TrackId);
        var veiligVerder = await db.VeiligVerderPlans.AsNoTracking().Where(v => tracks.Any(t => t.HouseholdId == v.HouseholdId))
            .Select(v => new { v.HouseholdId, v.StartedOn }).ToListAsync(ct);

        // Vroegsignalering is the municipality's, not a team's or a wijk's: the whole municipality only. Retention may have cleared the
        // household of a case: it then rests on the case (and an unmatched signal on itself), so cleared signals still count.
        var whole = teamId is null && wijk is null && model is null;
        (IReadOnlyList<EarlySignalFact> Signals, IReadOnlyList<EarlySignalCaseFact> Cases)? signalFacts = whole ? await EarlySignalFactsAsync(from, to, ct) : null;
        // Toewijzingen are the municipality's contracts with its providers: the whole municipality only, like vroegsignalering.
        var assignmentFacts = whole ? await AssignmentFactsAsync(from, to, ct) : null;

        var facts = new MonitorFacts(
            trajectoryFacts.Select(t => new TrajectoryFact(t.HouseholdId, t.OpenedOn, t.ClosedOn, t.Coordinator)).ToList(),
            events.Where(e => e.Type == EventTypes.DecisionTaken && Bool(e.Data, EventDataKeys.Specialistisch) && Text(e.Data, EventDataKeys.Uitkomst) != "afgewezen")
                .Select(e => new HouseholdDayFact(e.HouseholdId, e.EffectiveDate)).ToList(),
            goals.Select(g => new GoalFact(g.HouseholdId, g.Status, g.StatusChangedOn, g.Domain, g.Active)).ToList(),
            events.Where(e => e.Type == EventTypes.ResidentRated && Number(e.Data, EventDataKeys.Cijfer) is >= 1 and <= 10)
                .Select(e => new RatingFact(e.HouseholdId, (int)Number(e.Data, EventDataKeys.Cijfer)!.Value, e.EffectiveDate)).ToList(),
            zrm.Select(z => new ZrmFact(z.HouseholdId, z.PersonId, z.Domain, z.AssessedOn, z.Score)).ToList(),
            involvements.Select(i => new InvolvementFact(i.HouseholdId, i.OrganisationId!.Value)).ToList(),
            requests,
            events.Where(e => e.Type == EventTypes.SpendPaid && Number(e.Data, EventDataKeys.Bedrag) is not null).Select(e => new MoneyFact(e.HouseholdId, Number(e.Data, EventDataKeys.Bedrag)!.Value, e.EffectiveDate)).ToList(),
            events.Where(e => e.Type == EventTypes.DecisionTaken && Number(e.Data, EventDataKeys.GeschatteKosten) is not null)
                .Select(e => new MoneyFact(e.HouseholdId, Number(e.Data, EventDataKeys.GeschatteKosten)!.Value, e.EffectiveDate)).ToList(),
            costs,
            // The stuck list is about now, so only for the municipality or a team as a whole.
            wijk is null && model is null ? (await stuck.ListAsync(teamId, ct)).Count : null,
            trackRows.Select(t => new MeldcodeTrackFact(t.HouseholdId, t.OpenedOn, Domain.Safety.MeldcodeRules.Reached(steps[t.Id].Select(e => (e.Step, e.OccurredOn))),
                t.Decision, t.DecidedOn)).ToList(),
            veiligVerder.Select(v => new HouseholdDayFact(v.HouseholdId, v.StartedOn)).ToList(),
            signalFacts?.Signals, signalFacts?.Cases, assignmentFacts);

        var name = teamId is { } id ? await db.Teams.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "Onbekend team" : "Alle teams";
        if (wijk is not null) name += $", wijk {wijk}";
        if (model is { } chosen) name += $", werkwijze {Domain.Care.TriageRules.Label(chosen)}";
        var inPeriod = requests.Where(r => r.Requested >= from && r.Requested <= to).ToList();
        var flow = Domain.Care.WaitingTimes.Figures("", inPeriod, to);
        // Counts next to each other (a step and the next, a month and the period) could give away one household by
        // their difference: on fewer than 10 households they are withheld, and above it rounded to a multiple of 5.
        // The steps count requests; a household that asked more than once counts once towards the threshold.
        int? Step(int requests, Func<Domain.Care.WaitingCase, DateOnly?>? step) => MonitorIndicators.SideBySide(requests,
            MonitorIndicators.Households(step is null ? inPeriod : inPeriod.Where(c => Domain.Care.WaitingTimes.Reached(c, step))));
        IReadOnlyList<FunnelStep> funnel =
        [
            new("Hulpvraag", Step(inPeriod.Count, null)), new("Intake", Step(flow.Intake.Reached, c => c.Intake)),
            new("Eerste steun", Step(flow.FirstSupport.Reached, c => c.FirstSupport)), new("Beschikking", Step(flow.Decision.Reached, c => c.Decision)),
        ];
        // The trend: households starting and ending with the team per month of the period.
        var months = new List<MonthFlow>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            var opened = facts.Trajectories.Where(t => t.Opened >= m && t.Opened <= end).Select(t => t.Household).Distinct().Count();
            var closed = facts.Trajectories.Where(t => t.Closed is { } c && c >= m && c <= end).Select(t => t.Household).Distinct().Count();
            months.Add(new MonthFlow(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), MonitorIndicators.SideBySide(opened, opened), MonitorIndicators.SideBySide(closed, closed)));
        }
        return new MonitorView(from, to, name, clock.GetUtcNow().UtcDateTime, MonitorIndicators.Compute(facts, from, to), funnel, months,
            signalFacts is { } sf ? EarlySignalFigures.Tables(sf.Signals, sf.Cases, from, to) : null,
            assignmentFacts is { } af ? AssignmentFigures.Tables(af, from, to) : null);
    }

    /// <summary>
    /// The assignments that could count in the period: those decided by its end that started, stopped or were still waiting for
    /// their start in it. Dates, provider, category and stop reason only; the household only as the unit of the small-number rule.
    /// </summary>
    private async Task<IReadOnlyList<AssignmentFact>> AssignmentFactsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Toewijzingen.AsNoTracking()
            .Where(t => t.DecidedOn <= to && (t.StartedOn == null || t.StartedOn >= from || (t.StoppedOn != null && t.StoppedOn >= from)))
            .Join(db.Organisations.AsNoTracking(), t => t.ProviderOrganisationId, o => o.Id, (t, o) => new
            {
                Unit = t.HouseholdId ?? t.PersonId, Provider = o.Name, t.Framework, t.Category, t.DecidedOn, t.Ingangsdatum, t.StartedOn, t.StoppedOn, t.StopReason,
            }).ToListAsync(ct);
        return rows.Select(r => new AssignmentFact(r.Unit, r.Provider, r.Framework, r.Category, r.DecidedOn, r.Ingangsdatum, r.StartedOn, r.StoppedOn, r.StopReason)).ToList();
    }

    /// <summary>
    /// The signals received in the period and the cases that were open at any time in it: dates, partner kind, outcome and whether the
    /// resident was reached, never who they are about.
    /// </summary>
    private async Task<(IReadOnlyList<EarlySignalFact> Signals, IReadOnlyList<EarlySignalCaseFact> Cases)> EarlySignalFactsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = await db.Vroegsignaalzaken.AsNoTracking().Where(z => z.OpenedOn <= to && (z.ClosedOn == null || z.ClosedOn >= from))
            .Select(z => new
            {
                z.Id, z.HouseholdId, z.OpenedOn, z.OpgepaktOn, z.ClosedOn, z.Resultaat,
                FirstReached = db.Contactpogingen.Where(p => p.ZaakId == z.Id && p.Bereikt).Min(p => (DateOnly?)p.Datum),
            }).ToListAsync(ct);
        var received = db.Vroegsignalen.AsNoTracking().Where(s => s.ReceivedOn >= from && s.ReceivedOn <= to);
        var signals = await (
            from s in received
            join z in db.Vroegsignaalzaken.AsNoTracking() on s.ZaakId equals (Guid?)z.Id into zaken
            from z in zaken.DefaultIfEmpty()
            select new { s.Id, s.PartnerSoort, s.ReceivedOn, s.ZaakId, z.HouseholdId, Helped = (bool?)z.HouseholdAlreadyHelped }).ToListAsync(ct);
        return (signals.Select(s => new EarlySignalFact(s.HouseholdId ?? s.ZaakId ?? s.Id, s.PartnerSoort, s.ReceivedOn, s.Helped ?? false)).ToList(),
            cases.Select(z => new EarlySignalCaseFact(z.HouseholdId ?? z.Id, z.OpenedOn, z.OpgepaktOn, z.FirstReached, z.ClosedOn, z.Resultaat)).ToList());
    }

    /// <summary>The same figures as the page, semicolon-separated for Dutch spreadsheets; withheld figures stay empty and say why.</summary>
    public static string Csv(MonitorView v)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Monitor;{v.Bereik};{v.Van:yyyy-MM-dd};{v.Tot:yyyy-MM-dd};{Domain.Monitor.MonitorPeriod.Rule}");
        sb.AppendLine("Doel;Indicator;Waarde;Eenheid;Huishoudens;Toelichting;Definitie");
        foreach (var i in v.Indicatoren)
            sb.AppendLine(string.Join(';', i.Goal, i.Label, i.Suppressed ? "" : Value(i), i.Unit, i.Suppressed ? "<10" : i.Households.ToString(CultureInfo.InvariantCulture),
                i.Suppressed ? "niet getoond: minder dan 10 huishoudens" : "", i.Definition).Replace("\n", " ", StringComparison.Ordinal));
        if (v.Vroegsignalering is { } vs)
        {
            sb.AppendLine();
            sb.AppendLine("Vroegsignalen per signaalpartner en maand (afgerond op vijftallen; leeg: minder dan 10 huishoudens)");
            sb.AppendLine("Signaalpartner;" + string.Join(';', vs.Months) + ";Hele periode");
            foreach (var row in vs.PerPartner)
                sb.AppendLine(string.Join(';', [row.Partner, .. row.PerMonth.Select(Count), Count(row.Total)]));
            sb.AppendLine();
            sb.AppendLine("Vroegsignaalzaken afgesloten per uitkomst (afgerond op vijftallen; leeg: minder dan 10 huishoudens)");
            sb.AppendLine("Uitkomst;Zaken");
            foreach (var row in vs.Outcomes) sb.AppendLine($"{row.Outcome};{Count(row.Cases)}");
        }
        if (v.Toewijzingen is { } tw)
        {
            foreach (var (caption, rows) in new[] { (MonitorExports.WaitPerProviderCaption, tw.PerAanbieder), (MonitorExports.WaitPerCategoryCaption, tw.PerCategorie) })
            {
                sb.AppendLine();
                sb.AppendLine(caption + " (aantal afgerond op vijftallen; leeg: minder dan 10 huishoudens)");
                sb.AppendLine("Naam;Toewijzingen;Mediaan dagen;80e percentiel dagen");
                foreach (var row in rows)
                    sb.AppendLine(string.Join(';', row.Naam, Count(row.Toewijzingen), row.MediaanDagen?.ToString(CultureInfo.InvariantCulture) ?? "", Count(row.P80Dagen)));
            }
            sb.AppendLine();
            sb.AppendLine(MonitorExports.NotStartedCaption + " (afgerond op vijftallen; leeg: minder dan 10 huishoudens)");
            sb.AppendLine("Aanbieder;Toewijzingen");
            foreach (var row in tw.NietGestartPerAanbieder) sb.AppendLine($"{row.Aanbieder};{Count(row.Toewijzingen)}");
            sb.AppendLine($"Totaal;{Count(tw.NietGestart)}");
            sb.AppendLine();
            sb.AppendLine(MonitorExports.StopsCaption + " (afgerond op vijftallen; leeg: minder dan 10 huishoudens)");
            sb.AppendLine("Reden;Stops");
            foreach (var row in tw.Stops) sb.AppendLine($"{row.Reden};{Count(row.Stops)}");
        }
        return sb.ToString();

        static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    public static string Value(Indicator i) => i.Value is not { } v ? "" : i.Unit == "euro"
        ? new Domain.Common.Money(v).ToString()
        : v.ToString("#,##0.##", CultureInfo.GetCultureInfo("nl-NL")) + (i.Unit == "%" ? "%" : "");

    private static JsonElement? Prop(string? json, string name)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(name, out var v) ? v.Clone() : null;
    }

    private static bool Bool(string? json, string name) => Prop(json, name) is { ValueKind: JsonValueKind.True };
    private static string? Text(string? json, string name) => Prop(json, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
    private static decimal? Number(string? json, string name) => Prop(json, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
}
