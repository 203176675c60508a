using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;

namespace Regie.Domain.Monitor;

/// <summary>
/// A toewijzing as the monitor counts it: the provider it went to (by name), its product category, when it was decided and from when
/// it runs, and what the provider reported (the 305's start, the 307's stop and reason). <paramref name="Unit"/> is the household it
/// rests on for the small-number rule (the person when the decision has no household). No personal data.
/// </summary>
public sealed record AssignmentFact(Guid Unit, string Provider, LegalFramework Framework, string Category, DateOnly DecidedOn, DateOnly Ingangsdatum,
    DateOnly? StartedOn, DateOnly? StoppedOn, string? StopReason);

/// <summary>The wait from decision to start of care for one provider or one product category (null: withheld).</summary>
public sealed record AssignmentWaitRow(string Naam, int? Toewijzingen, decimal? MediaanDagen, int? P80Dagen);

/// <summary>Assignments of one provider without a start more than four weeks after their first day (null: withheld).</summary>
public sealed record AssignmentNotStartedRow(string Aanbieder, int? Toewijzingen);

/// <summary>Stops in the period with one reason, by the label of WMO588/JZ588 (null: withheld).</summary>
public sealed record AssignmentStopRow(string Reden, int? Stops);

/// <summary>The tables next to the assignment figures: the wait per provider and per category, the assignments not started, the stops by reason.</summary>
public sealed record AssignmentTables(IReadOnlyList<AssignmentWaitRow> PerAanbieder, IReadOnlyList<AssignmentWaitRow> PerCategorie, int? NietGestart,
    IReadOnlyList<AssignmentNotStartedRow> NietGestartPerAanbieder, IReadOnlyList<AssignmentStopRow> Stops);

/// <summary>
/// Toewijzingen in the monitor (issue 23): the wait the municipality never saw before the providers' 305 and 307 came back — from the
/// decision to the start of care (median and 80th percentile, per provider and per product category), the assignments still without
/// a start four weeks after their first day, and the stops by reason. Pure functions over facts; every figure follows the monitor's
/// small-number rule (<see cref="MonitorIndicators.MinimumHouseholds"/> households), counts side by side are also rounded to fives.
/// </summary>
public static class AssignmentFigures
{
    public const string Goal = "Toewijzingen (iWmo/iJw)";
    /// <summary>Four weeks: an assignment whose care has not started this long after its first day is waiting for care.</summary>
    public const int NotStartedAfterDays = 28;

    /// <summary>Days from the decision to the start; a start on or before the decision's day (a decision granted with effect from earlier) counts as 0.</summary>
    public static int DaysToStart(AssignmentFact a) => Math.Max(0, a.StartedOn!.Value.DayNumber - a.DecidedOn.DayNumber);

    /// <summary>The assignments whose care started in the period: the wait is counted from their decision.</summary>
    public static IReadOnlyList<AssignmentFact> StartedIn(IEnumerable<AssignmentFact> facts, DateOnly from, DateOnly to) =>
        facts.Where(a => a.StartedOn is { } s && s >= from && s <= to).ToList();

    /// <summary>On the period's last day without a start, not stopped, and more than four weeks past their first day.</summary>
    public static IReadOnlyList<AssignmentFact> NotStarted(IEnumerable<AssignmentFact> facts, DateOnly to) =>
        facts.Where(a => a.StartedOn is null && a.StoppedOn is null && to.DayNumber - a.Ingangsdatum.DayNumber > NotStartedAfterDays).ToList();

    /// <summary>The figures, added as the monitor's indicators (<paramref name="add"/> withholds those on fewer than ten households).</summary>
    public static void Add(IReadOnlyList<AssignmentFact> facts, DateOnly from, DateOnly to, Action<string, string, string, string, decimal?, string, int> add)
    {
        var started = StartedIn(facts, from, to);
        var days = started.Select(DaysToStart).Order().ToList();
        const string Definition = "Dagen van de datum van de beschikking tot de begindatum van de zorg die de aanbieder meldde (startbericht 305),"
            + " voor toewijzingen waarvan de zorg in de periode begon. Een start vóór de beschikking telt als 0 dagen.";
        add(Goal, "tw-tot-start", "Van beschikking tot start van de zorg (mediaan)", Definition, WaitingTimes.Median(days), "dagen", Units(started));
        add(Goal, "tw-tot-start-p80", "Van beschikking tot start van de zorg (80e percentiel)", Definition + " Vier op de vijf toewijzingen begonnen binnen zoveel dagen.",
            WaitingTimes.P80(days), "dagen", Units(started));
        var waiting = NotStarted(facts, to);
        add(Goal, "tw-niet-gestart", "Toewijzingen zonder start na 4 weken",
            $"Toewijzingen die op de laatste dag van de periode meer dan {NotStartedAfterDays} dagen na hun ingangsdatum nog geen startbericht hadden en niet gestopt waren.",
            waiting.Count, "toewijzingen", Units(waiting));
        var stops = facts.Where(a => a.StoppedOn is { } s && s >= from && s <= to).ToList();
        add(Goal, "tw-gestopt", "Gestopte leveringen", "Toewijzingen waarvan de aanbieder in de periode het einde van de zorg meldde (stopbericht 307).",
            stops.Count, "toewijzingen", Units(stops));
    }

    /// <summary>
    /// Per provider and per product category (WMO020/JZ020 label) the number of assignments whose care started in the period with the
    /// median and 80th percentile of their wait; the not-started ones in total and per provider; the stops of the period per reason.
    /// A row on fewer than ten households shows nothing; a count is rounded to a multiple of five.
    /// </summary>
    public static AssignmentTables Tables(IReadOnlyList<AssignmentFact> facts, DateOnly from, DateOnly to)
    {
        var started = StartedIn(facts, from, to);
        var perProvider = started.GroupBy(a => a.Provider).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Wait(g.Key, g.ToList())).ToList();
        var perCategory = started.GroupBy(a => CategoryLabel(a.Framework, a.Category)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Wait(g.Key, g.ToList())).ToList();
        var waiting = NotStarted(facts, to);
        var waitingPerProvider = waiting.GroupBy(a => a.Provider).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AssignmentNotStartedRow(g.Key, MonitorIndicators.SideBySide(g.Count(), Units(g)))).ToList();
        var stops = facts.Where(a => a.StoppedOn is { } s && s >= from && s <= to && a.StopReason is not null)
            .GroupBy(a => StopLabel(a.Framework, a.StopReason!)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AssignmentStopRow(g.Key, MonitorIndicators.SideBySide(g.Count(), Units(g)))).ToList();
        return new AssignmentTables(perProvider, perCategory, MonitorIndicators.SideBySide(waiting.Count, Units(waiting)), waitingPerProvider, stops);
    }

    /// <summary>The reason's name in its framework's list (WMO588 or JZ588); a code the list does not know shows as itself.</summary>
    public static string StopLabel(LegalFramework framework, string code) => BerichtCodeLists.RedenBeeindigingFor(framework).Find(code)?.Name ?? code;

    /// <summary>The category's name in WMO020 or JZ020, with its framework; a code the list does not know shows as itself.</summary>
    public static string CategoryLabel(LegalFramework framework, string category)
    {
        var list = framework == LegalFramework.Jeugdwet ? CodeLists.Jz020 : CodeLists.Wmo020;
        var prefix = framework == LegalFramework.Jeugdwet ? "Jeugdwet" : "Wmo";
        return $"{prefix} {list.Label(category)}";
    }

    private static AssignmentWaitRow Wait(string name, IReadOnlyList<AssignmentFact> rows)
    {
        var units = Units(rows);
        if (units < MonitorIndicators.MinimumHouseholds) return new AssignmentWaitRow(name, null, null, null);
        var days = rows.Select(DaysToStart).Order().ToList();
        return new AssignmentWaitRow(name, MonitorIndicators.SideBySide(rows.Count, units), WaitingTimes.Median(days), WaitingTimes.P80(days));
    }

    private static int Units(IEnumerable<AssignmentFact> facts) => facts.Select(a => a.Unit).Distinct().Count();
}
