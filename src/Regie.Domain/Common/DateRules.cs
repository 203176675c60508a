namespace Regie.Domain.Common;

/// <summary>What a date field means, and so which dates are plausible for it.</summary>
public enum DateKind
{
    /// <summary>Something that has happened and is being registered: an application received, an involvement that started.</summary>
    Happened,

    /// <summary>Something planned: an action's deadline, a follow-up date, the planned start or end of support.</summary>
    Planned,

    /// <summary>
    /// A period granted or budgeted: a beschikking's product period, a cost entry of the monitor. It may have started
    /// in the past and may run for years: youth care granted to a newborn runs until the eighteenth birthday.
    /// </summary>
    Granted,
}

/// <summary>
/// Plausible dates: the range a date typed into Regie must fall in before a field's own rules look at it.
/// It catches a mistyped year (0001, 1025, 9999, 2205) that the parser accepts, so that a date like that never
/// reaches a worklist or a deadline.
/// <list type="bullet">
/// <item>Every date: not more than <see cref="YearsBack"/> years before today. A social-team file is kept for at most
/// twenty years (the Jeugdwet's retention period, the longest in the domain), so an older date cannot belong to
/// a file Regie holds: it is a typing error (1925 for 2025).</item>
/// <item><see cref="DateKind.Happened"/>: not after today: what is registered has happened. A field that answers a
/// future date with its own, more specific rule (an application "received" next week) keeps that rule.</item>
/// <item><see cref="DateKind.Planned"/>: not more than <see cref="PlannedYearsAhead"/> years after today: a deadline,
/// a target or a follow-up further ahead is no longer planned work. A field may allow less.</item>
/// <item><see cref="DateKind.Granted"/>: not more than <see cref="GrantedYearsAhead"/> years after today: the longest a
/// decision can grant, youth care from birth to eighteen (Jeugdwet 1.1); care after that is a new decision.</item>
/// </list>
/// A period asked of a report or a search (the monitor, waiting times, the audit trail) is not a typed fact but a
/// question: <see cref="CheckPeriod"/> only refuses what no report can answer, a year before <see cref="FirstQueryYear"/>
/// or more than <see cref="QueryYearsAhead"/> years ahead, and an end before the start.
/// Birth dates have their own home, <see cref="Registry.BirthDate"/> (not in the future, at most 125 years back).
/// </summary>
public static class DateRules
{
    /// <summary>The date is before the plausible range: more than <see cref="YearsBack"/> years ago.</summary>
    public const string TooEarlyCode = "date-too-early";

    /// <summary>The date is after the plausible range: after today for what happened, more than <see cref="PlannedYearsAhead"/> years ahead for what is planned.</summary>
    public const string TooLateCode = "date-too-late";

    /// <summary>A period asked of a report or search lies outside <see cref="FirstQueryYear"/> to <see cref="QueryYearsAhead"/> years ahead, or ends before it starts.</summary>
    public const string PeriodInvalidCode = "period-invalid";

    public const int YearsBack = 20;
    public const int PlannedYearsAhead = 5;
    public const int GrantedYearsAhead = 18;
    public const int FirstQueryYear = 1900;
    public const int QueryYearsAhead = 10;

    public static DateOnly Earliest(DateOnly today) => today.AddYears(-YearsBack);

    public static DateOnly Latest(DateKind kind, DateOnly today) => kind switch
    {
        DateKind.Happened => today,
        DateKind.Granted => today.AddYears(GrantedYearsAhead),
        _ => today.AddYears(PlannedYearsAhead),
    };

    /// <summary>Null when <paramref name="date"/> is plausible for a field of this kind; <paramref name="label"/> names the field in the message ("de startdatum").</summary>
    public static DomainError? Check(DateOnly date, DateKind kind, DateOnly today, string field, string label)
    {
        var earliest = Earliest(today);
        if (date < earliest)
            return new DomainError(TooEarlyCode, field,
                $"{Capitalize(label)} ({DutchDate.Format(date)}) ligt meer dan {YearsBack} jaar terug. Kies een datum vanaf {DutchDate.Format(earliest)}; controleer het jaar.");
        var latest = Latest(kind, today);
        if (date > latest)
            return new DomainError(TooLateCode, field, kind == DateKind.Happened
                ? $"{Capitalize(label)} ({DutchDate.Format(date)}) ligt in de toekomst. Registreer wat is gebeurd; controleer het jaar."
                : $"{Capitalize(label)} ({DutchDate.Format(date)}) ligt meer dan {(kind == DateKind.Granted ? GrantedYearsAhead : PlannedYearsAhead)} jaar vooruit. Kies een datum tot en met {DutchDate.Format(latest)}; controleer het jaar.");
        return null;
    }

    /// <summary>The last year a report or search may ask about.</summary>
    public static int LastQueryYear(DateOnly today) => today.Year + QueryYearsAhead;

    /// <summary>Null when a report or search can be asked about <paramref name="year"/>; <paramref name="field"/> is the query parameter ("jaar").</summary>
    public static DomainError? CheckQueryYear(int year, DateOnly today, string field) =>
        year < FirstQueryYear || year > LastQueryYear(today)
            ? new DomainError(PeriodInvalidCode, field, $"Kies een jaar van {FirstQueryYear} tot en met {LastQueryYear(today)}.")
            : null;

    /// <summary>The begin day of a report's or search's period could not be read as a date.</summary>
    public static DomainError PeriodStartUnreadable(string field) => new(PeriodInvalidCode, field, "Vul de begindatum in als dd-mm-jjjj.");

    /// <summary>The end day of a report's or search's period could not be read as a date.</summary>
    public static DomainError PeriodEndUnreadable(string field) => new(PeriodInvalidCode, field, "Vul de einddatum in als dd-mm-jjjj.");

    /// <summary>
    /// The period asked of a report or search: each given day in a year from <see cref="FirstQueryYear"/> to <see cref="LastQueryYear"/>,
    /// and the end not before the start. A missing day is the report's default and is not checked here.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckPeriod(DateOnly? from, DateOnly? to, DateOnly today, string fromField, string toField)
    {
        var errors = new List<DomainError>();
        if (from is { } f && OutsideQueryYears(f, today))
            errors.Add(new DomainError(PeriodInvalidCode, fromField, OutsideMessage("De begindatum", f, today)));
        if (to is { } t && OutsideQueryYears(t, today))
            errors.Add(new DomainError(PeriodInvalidCode, toField, OutsideMessage("De einddatum", t, today)));
        if (errors.Count == 0 && from is { } a && to is { } b && b < a)
            errors.Add(new DomainError(PeriodInvalidCode, toField, "De einddatum ligt vóór de begindatum."));
        return errors;
    }

    private static bool OutsideQueryYears(DateOnly date, DateOnly today) => date.Year < FirstQueryYear || date.Year > LastQueryYear(today);

    private static string OutsideMessage(string label, DateOnly date, DateOnly today) =>
        $"{label} ({DutchDate.Format(date)}) valt buiten de jaren {FirstQueryYear} tot en met {LastQueryYear(today)}; controleer het jaar.";

    /// <summary>Adds the broken rule to <paramref name="errors"/>; the date when it is plausible, otherwise null.</summary>
    public static DateOnly? Plausible(DateOnly date, DateKind kind, DateOnly today, string field, string label, ErrorList errors)
    {
        var error = Check(date, kind, today, field, label);
        errors.Add(error);
        return error is null ? date : null;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
