using Regie.Domain.Common;

namespace Regie.Domain.Vroegsignalering;

/// <summary>How a case stands against its contact term, for the worklist.</summary>
public enum TermStand
{
    /// <summary>A first contact attempt was made on or before the deadline.</summary>
    Gehaald,
    /// <summary>A first contact attempt came after the deadline.</summary>
    TeLaatGehaald,
    /// <summary>No attempt yet and the deadline has passed.</summary>
    TeLaat,
    /// <summary>No attempt yet and the deadline is today or within <see cref="ContactTerm.AlmostLateDays"/> days.</summary>
    BijnaTeLaat,
    OpTijd,
}

/// <summary>A municipality's contact term: how soon help must be offered after a signal came in.</summary>
public sealed record ContactTermSettings(int TermDays, int UrgentWorkingDays)
{
    /// <summary>DOMAIN.md: a common local norm is contact within 4 weeks, within 3 working days when eviction or cut-off threatens.</summary>
    public static readonly ContactTermSettings Default = new(28, 3);
}

/// <summary>
/// The contact term of a vroegsignaalzaak: counted from the day the first signal of the case came in, in calendar days, or in
/// working days when eviction or cut-off threatens (weekends and the Dutch public holidays do not count). The term is met by the
/// first contact attempt, reached or not: the law asks that help is offered, not that the resident answers.
/// </summary>
public static class ContactTerm
{
    public const string TermInvalidCode = "vroegsignalering-term-invalid";
    public const int MinTermDays = 1;
    public const int MaxTermDays = 90;
    public const int MaxUrgentWorkingDays = 20;
    /// <summary>"Bijna te laat": the deadline is today or at most this many calendar days away.</summary>
    public const int AlmostLateDays = 2;

    public static DateOnly Deadline(DateOnly receivedOn, bool threatened, ContactTermSettings settings) =>
        threatened ? AddWorkingDays(receivedOn, settings.UrgentWorkingDays) : receivedOn.AddDays(settings.TermDays);

    public static TermStand Stand(DateOnly deadline, DateOnly? firstAttemptOn, DateOnly today) =>
        firstAttemptOn is { } first ? (first <= deadline ? TermStand.Gehaald : TermStand.TeLaatGehaald)
        : today > deadline ? TermStand.TeLaat
        : deadline.DayNumber - today.DayNumber <= AlmostLateDays ? TermStand.BijnaTeLaat
        : TermStand.OpTijd;

    public static string Label(TermStand s) => s switch
    {
        TermStand.Gehaald => "op tijd contact gezocht",
        TermStand.TeLaatGehaald => "te laat contact gezocht",
        TermStand.TeLaat => "te laat",
        TermStand.BijnaTeLaat => "bijna te laat",
        _ => "op tijd",
    };

    public static ErrorList Check(int termDays, int urgentWorkingDays)
    {
        var errors = new ErrorList();
        if (termDays is < MinTermDays or > MaxTermDays)
            errors.Add(new DomainError(TermInvalidCode, "Contacttermijn", $"De contacttermijn is {MinTermDays} tot {MaxTermDays} dagen."));
        if (urgentWorkingDays is < 1 or > MaxUrgentWorkingDays)
            errors.Add(new DomainError(TermInvalidCode, "SpoedTermijn", $"De termijn bij dreigende uitzetting of afsluiting is 1 tot {MaxUrgentWorkingDays} werkdagen."));
        return errors;
    }

    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var d = from;
        for (var left = days; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    public static bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(d);

    /// <summary>
    /// The Dutch public holidays on which municipal offices close: New Year, Easter Monday, King's Day (26 April when the 27th is
    /// a Sunday), Liberation Day, Ascension Day, Whit Monday and Christmas. Computed here because no dependency of the domain has them.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly d)
    {
        if ((d.Month, d.Day) is (1, 1) or (5, 5) or (12, 25) or (12, 26)) return true;
        var kingsDay = new DateOnly(d.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday) kingsDay = kingsDay.AddDays(-1);
        if (d == kingsDay) return true;
        var easter = EasterSunday(d.Year);
        return d == easter.AddDays(1) || d == easter.AddDays(39) || d == easter.AddDays(50);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
