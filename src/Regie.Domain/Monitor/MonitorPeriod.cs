using Regie.Domain.Common;

namespace Regie.Domain.Monitor;

/// <summary>
/// The period the monitor answers for: whole calendar months. Every cell obeys the 10-household rule, but two periods that
/// differ by a day (ending on the 17th and on the 18th) would each pass it while their difference is the households of that
/// one day. So a period asked for (on the page, in its exports, through the API) is widened before anything is counted: the
/// begin day to the first of its month, the end day to the last of its month. Two questions asked at the same moment then
/// differ by whole months or not at all.
/// <para>The running month is shown up to today and no further; an end day in it or after it becomes today. That is the one
/// end day the running month can have at any moment, so it opens no second period to subtract. The answer still changes as
/// the month fills, as every live figure does (the precomputed twelve months too); that is change over time, not a choice of days.</para>
/// <para>The widening comes after <see cref="DateRules.CheckPeriod"/>: a year no report can answer or an end before the
/// start is refused as asked, not repaired.</para>
/// </summary>
public static class MonitorPeriod
{
    /// <summary>The period a monitor question is answered for; <see cref="BeginsAfterToday"/> when nothing of it has happened yet.</summary>
    public static (DateOnly From, DateOnly To) Widen(DateOnly from, DateOnly to, DateOnly today)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        return (first, last > today ? today : last);
    }

    /// <summary>The default question: the last twelve months, widened like any other (twelve whole months and the running month up to today).</summary>
    public static (DateOnly From, DateOnly To) Standard(DateOnly today) => Widen(today.AddYears(-1).AddDays(1), today, today);

    /// <summary>True when the widened period begins after today: a month still to come has no figures to show.</summary>
    public static bool BeginsAfterToday(DateOnly from, DateOnly today) => new DateOnly(from.Year, from.Month, 1) > today;

    /// <summary>The period asked for begins in a month after the running one.</summary>
    public static DomainError StartsInFuture(string field, DateOnly today) =>
        new(DateRules.PeriodInvalidCode, field, $"De periode begint na de lopende maand; kies een begindatum tot en met {DutchDate.Format(today)}.");

    /// <summary>What a page, export or API says about the period used when it is not the one asked for.</summary>
    public static string? Explain(DateOnly askedFrom, DateOnly askedTo, DateOnly from, DateOnly to, DateOnly today) =>
        (askedFrom, askedTo) == (from, to) ? null
        : $"Gevraagd: {DutchDate.Format(askedFrom)} tot en met {DutchDate.Format(askedTo)}. De monitor telt hele kalendermaanden"
          + (to == today && askedTo >= today ? " en de lopende maand tot en met vandaag" : "")
          + $", dus: {DutchDate.Format(from)} tot en met {DutchDate.Format(to)}.";

    /// <summary>The rule in one sentence, for the page and the exports.</summary>
    public const string Rule = "De monitor telt hele kalendermaanden (de lopende maand tot en met vandaag), zodat twee perioden die een dag verschillen niet van elkaar af te trekken zijn.";
}
