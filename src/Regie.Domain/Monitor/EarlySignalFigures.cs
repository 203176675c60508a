using Regie.Domain.Care;
using Regie.Domain.Vroegsignalering;

namespace Regie.Domain.Monitor;

/// <summary>
/// A signal of payment arrears as the monitor counts it: its partner's kind, the day it came in, and whether its case concerned a
/// household the team already helped. <paramref name="Unit"/> is the household it rests on for the small-number rule: the case's
/// household, or — once retention cleared it, or for a signal never matched — the case, or the signal itself. No personal data.
/// </summary>
public sealed record EarlySignalFact(Guid Unit, SignaalpartnerSoort Partner, DateOnly Received, bool HouseholdAlreadyHelped);

/// <summary>
/// A vroegsignaalzaak as the monitor counts it: opened (the day its first signal came in), its first contact attempt, its first
/// attempt that reached the resident, and how and when it closed. <paramref name="Unit"/> as for <see cref="EarlySignalFact"/>.
/// </summary>
public sealed record EarlySignalCaseFact(Guid Unit, DateOnly Opened, DateOnly? FirstAttempt, DateOnly? FirstReached, DateOnly? Closed, Eindresultaat? Outcome);

/// <summary>Signals of one partner kind per month of the period and in the whole period (null: withheld).</summary>
public sealed record EarlySignalPartnerRow(string Partner, IReadOnlyList<int?> PerMonth, int? Total);

/// <summary>Cases closed in the period with one DDAS outcome (null: withheld).</summary>
public sealed record EarlySignalOutcomeRow(string Outcome, int? Cases);

/// <summary>The tables next to the vroegsignalering figures: signals per partner kind and month, and the outcomes.</summary>
public sealed record EarlySignalTables(IReadOnlyList<string> Months, IReadOnlyList<EarlySignalPartnerRow> PerPartner, IReadOnlyList<EarlySignalOutcomeRow> Outcomes);

/// <summary>
/// Vroegsignalering in the monitor (issue 22): how many signals came in, whether the residents were reached and how soon, how the cases
/// ended, and how often a signal concerned a household the team already helped. Pure functions over facts; the figures follow the
/// monitor's small-number rules (<see cref="MonitorIndicators.MinimumHouseholds"/> for a figure, <see cref="MonitorIndicators.SideBySide"/>
/// for the counts in the tables). Signals cleared by retention still count: the facts carry no personal data.
/// </summary>
public static class EarlySignalFigures
{
    public const string Goal = "Vroegsignalering";

    /// <summary>The figures, added as the monitor's indicators (<paramref name="add"/> withholds those on fewer than ten households).</summary>
    public static void Add(IReadOnlyList<EarlySignalFact> signals, IReadOnlyList<EarlySignalCaseFact> cases, DateOnly from, DateOnly to,
        Action<string, string, string, string, decimal?, string, int> add)
    {
        bool In(DateOnly d) => d >= from && d <= to;
        var received = signals.Where(s => In(s.Received)).ToList();
        add(Goal, "vs-signalen", "Vroegsignalen ontvangen", "Signalen van betalingsachterstanden van signaalpartners die in de periode binnenkwamen.",
            received.Count, "signalen", Units(received));
        var helped = received.Where(s => s.HouseholdAlreadyHelped).ToList();
        add(Goal, "vs-al-geholpen", "Signalen bij huishoudens die het team al hielp",
            "Signalen uit de periode over een huishouden dat bij het openen van de vroegsignaalzaak al een regisseur of een lopend traject had.",
            helped.Count, "signalen", Units(helped));
        add(Goal, "vs-al-geholpen-deel", "Deel van de signalen bij huishoudens die het team al hielp",
            "Deel van de signalen uit de periode over een huishouden dat bij het openen van de vroegsignaalzaak al een regisseur of een lopend traject had.",
            MonitorIndicators.Share(helped.Count, received.Count), "%", Units(received));

        var opened = cases.Where(c => In(c.Opened)).ToList();
        var reached = opened.Where(c => c.FirstReached is { } r && r <= to).ToList();
        add(Goal, "vs-bereikt", "Vroegsignaalzaken waarin de inwoner bereikt is",
            "Deel van de vroegsignaalzaken die in de periode begonnen, waarin vóór het einde van de periode minstens één contactpoging de inwoner bereikte.",
            MonitorIndicators.Share(reached.Count, opened.Count), "%", opened.Select(c => c.Unit).Distinct().Count());
        var attempted = opened.Where(c => c.FirstAttempt is { } a && a <= to).ToList();
        var days = DaysToFirstAttempt(attempted);
        var units = attempted.Select(c => c.Unit).Distinct().Count();
        const string Definition = "Dagen van het eerste signaal van de zaak tot de eerste contactpoging (bereikt of niet), voor zaken die in de periode begonnen en vóór het einde van de periode een poging kregen.";
        add(Goal, "vs-tot-contact", "Van signaal tot eerste contactpoging (mediaan)", Definition, WaitingTimes.Median(days), "dagen", units);
        add(Goal, "vs-tot-contact-p80", "Van signaal tot eerste contactpoging (80e percentiel)", Definition + " Vier op de vijf zaken kregen hun eerste poging binnen zoveel dagen.",
            WaitingTimes.P80(days), "dagen", units);
    }

    /// <summary>The days from each case's first signal to its first attempt, sorted for the median and the percentile.</summary>
    public static IReadOnlyList<int> DaysToFirstAttempt(IEnumerable<EarlySignalCaseFact> cases) =>
        cases.Where(c => c.FirstAttempt is not null).Select(c => c.FirstAttempt!.Value.DayNumber - c.Opened.DayNumber).Order().ToList();

    /// <summary>
    /// Signals per partner kind (the DDAS label) and month, with the period's total, for the kinds that sent any; and the cases closed
    /// in the period per DDAS outcome, every outcome listed so an empty one looks like a withheld one. Counts side by side: withheld on
    /// fewer than ten households, otherwise rounded to a multiple of five.
    /// </summary>
    public static EarlySignalTables Tables(IReadOnlyList<EarlySignalFact> signals, IReadOnlyList<EarlySignalCaseFact> cases, DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(m);
        var received = signals.Where(s => s.Received >= from && s.Received <= to).ToList();
        var perPartner = DdasCodes.PartnerSoorten.Where(p => received.Any(s => s.Partner == p)).Select(p =>
        {
            var mine = received.Where(s => s.Partner == p).ToList();
            var perMonth = months.Select(m => mine.Where(s => s.Received.Year == m.Year && s.Received.Month == m.Month).ToList())
                .Select(inMonth => MonitorIndicators.SideBySide(inMonth.Count, Units(inMonth))).ToList();
            return new EarlySignalPartnerRow(DdasCodes.Label(p), perMonth, MonitorIndicators.SideBySide(mine.Count, Units(mine)));
        }).ToList();
        var closed = cases.Where(c => c.Closed is { } d && d >= from && d <= to && c.Outcome is not null).ToList();
        var outcomes = DdasCodes.Eindresultaten.Select(r =>
        {
            var these = closed.Where(c => c.Outcome == r).ToList();
            return new EarlySignalOutcomeRow(DdasCodes.Label(r), MonitorIndicators.SideBySide(these.Count, these.Select(c => c.Unit).Distinct().Count()));
        }).ToList();
        return new EarlySignalTables(months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList(), perPartner, outcomes);
    }

    private static int Units(IEnumerable<EarlySignalFact> signals) => signals.Select(s => s.Unit).Distinct().Count();
}
