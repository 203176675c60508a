namespace Regie.Domain.Vroegsignalering;

/// <summary>
/// How long the personal data of a signal is kept (Wgs art. 7; the municipality's term, in months, default 12): counted from the day
/// its vroegsignaalzaak closed, or — for a signal never matched to a household — from the day it came in. Signals of an open case are
/// kept: the worker still needs to reach the resident. After the term the retention run clears who the signal was about and keeps
/// what the DDAS counts and the monitor need (partner kind, dates, amount, months, crisis, status, outcome, the attempts' kind,
/// date, part of day and whether the resident was reached).
/// <para>
/// The Wgs lets a municipality keep signal data longer where the signal led to debt help. In Regie a case closed with "Vervolghulp"
/// opens a request for help (hulpvraag) in the household's file, and that request carries what the help needs — the household, the
/// persons, the partners and the question — under the file's own term (Retention:WgsYears). The signal's own copy of the resident's
/// data (the partner's reference, BSN, name, address, contact details) adds nothing to that help, so it goes after the same term
/// whatever the outcome: the exception permits keeping, it does not require it. The case keeps its link to that request, which is
/// part of the file, not of the signal.
/// </para>
/// </summary>
public static class SignalRetention
{
    /// <summary>
    /// The first day still within the term: a case closed (or an unmatched signal received) before it has passed its term. Months are
    /// calendar months; from the 31st back to a shorter month lands on that month's last day.
    /// </summary>
    public static DateOnly Cutoff(DateOnly today, int retentionMonths) => today.AddMonths(-retentionMonths);
}
