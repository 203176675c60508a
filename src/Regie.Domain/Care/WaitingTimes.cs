namespace Regie.Domain.Care;

/// <summary>
/// One request for help and when it reached each step, as the event log records it. First support is
/// the earliest of light support started, a referral started by the provider, or a beschikking that
/// grants something; the decision is the first beschikking of any outcome. Only steps on or after
/// the request count: help that was already running is not an answer to this request.
/// <see cref="Household"/> is whose request it is: a household may ask more than once, and figures withhold on households.
/// </summary>
public sealed record WaitingCase(Guid Household, string Route, string Team, DateOnly Requested, DateOnly? Intake, DateOnly? FirstSupport, DateOnly? Decision);

/// <summary>
/// A step's waiting time over a group: how many reached it, the median and the 80th percentile in
/// days (nearest rank), and how many are still waiting with the longest wait so far.
/// </summary>
public sealed record StageFigure(int Reached, decimal? MedianDays, int? P80Days, int StillWaiting, int? LongestWaitDays);

public sealed record WaitingFigures(string Group, int Requests, StageFigure Intake, StageFigure FirstSupport, StageFigure Decision);

public static class WaitingTimes
{
    /// <summary>Figures per group (route or team), groups in order of name, and the total last.</summary>
    public static IReadOnlyList<WaitingFigures> By(IReadOnlyCollection<WaitingCase> cases, Func<WaitingCase, string> group, DateOnly today, string totalLabel = "Totaal")
    {
        var rows = cases.GroupBy(group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, g.ToList(), today)).ToList();
        if (cases.Count > 0) rows.Add(Figures(totalLabel, cases.ToList(), today));
        return rows;
    }

    public static WaitingFigures Figures(string group, IReadOnlyList<WaitingCase> cases, DateOnly today) => new(group, cases.Count,
        Stage(cases, c => c.Intake, today, waitingCounts: true),
        Stage(cases, c => c.FirstSupport, today, waitingCounts: true),
        // Not every request needs a beschikking: those without one are not "waiting" for it.
        Stage(cases, c => c.Decision, today, waitingCounts: false));

    private static StageFigure Stage(IReadOnlyList<WaitingCase> cases, Func<WaitingCase, DateOnly?> step, DateOnly today, bool waitingCounts)
    {
        var days = cases.Where(c => Reached(c, step)).Select(c => step(c)!.Value.DayNumber - c.Requested.DayNumber).Order().ToList();
        var waiting = waitingCounts ? cases.Where(c => step(c) is null).Select(c => today.DayNumber - c.Requested.DayNumber).ToList() : [];
        return new StageFigure(days.Count, Median(days), P80(days),
            waiting.Count, waiting.Count == 0 ? null : waiting.Max());
    }

    /// <summary>Whether a case reached a step (on or after its request), as <see cref="Figures"/> counts it.</summary>
    public static bool Reached(WaitingCase c, Func<WaitingCase, DateOnly?> step) => step(c) is { } d && d >= c.Requested;

    /// <summary>The 80th percentile of sorted days, by nearest rank: the smallest value at least 80% of them do not exceed.</summary>
    public static int? P80(IReadOnlyList<int> sorted) => sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(0.8 * sorted.Count) - 1];

    public static decimal? Median(IReadOnlyList<int> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2m,
    };
}
