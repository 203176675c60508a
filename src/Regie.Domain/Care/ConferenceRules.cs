using Regie.Domain.Common;
using Regie.Domain.Registry;
using System.Globalization;

namespace Regie.Domain.Care;

/// <summary>The kind of case conference (casusoverleg). Stored by name.</summary>
public enum ConferenceKind
{
    /// <summary>The first meeting with the household and those involved: the plan is made together.</summary>
    Startoverleg,
    /// <summary>Everyone around the table: the household, its network and every professional.</summary>
    Rondetafel,
    /// <summary>The plan is evaluated together.</summary>
    Evaluatie,
}

/// <summary>Where a conference is in its life. Stored by name.</summary>
public enum ConferenceStatus
{
    Gepland,
    Gehouden,
    Geannuleerd,
}

/// <summary>
/// Who an invitee is. The kind says where <c>ReferenceId</c> points: a member (person) of the household, an involvement or a
/// referral of the household, a current member of the household's network (family, neighbours, volunteers, each there with
/// the household's consent), or nothing (someone named with an e-mail address).
/// </summary>
public enum InviteeKind
{
    Huishoudlid,
    Betrokkene,
    Verwijzing,
    Anders,
    Netwerklid,
}

/// <summary>Whether an invitee came. Stored by name.</summary>
public enum Attendance
{
    Onbekend,
    Aanwezig,
    Afwezig,
    Afgemeld,
}

/// <summary>What the form or the API sends to plan or move a conference: date dd-mm-jjjj (or yyyy-MM-dd), times HH:mm, Dutch time.</summary>
public sealed record ConferenceFields(string? Soort, string? Datum, string? Begintijd, string? Eindtijd, string? Plaats, string? Link);

/// <summary>A checked schedule: start and end in UTC, and a place, an https link, or both.</summary>
public sealed record ConferenceSchedule(ConferenceKind Kind, DateTime StartsAt, DateTime EndsAt, string? Place, string? Link);

/// <summary>An invitee as sent: the kind, the id it points at (when the kind has one), name and e-mail address.</summary>
public sealed record InviteeFields(string? Soort, Guid? ReferentieId, string? Naam, string? Email);

/// <summary>A checked invitee.</summary>
public sealed record InviteeContent(InviteeKind Kind, Guid? ReferenceId, string Name, string? Email);

/// <summary>
/// The rules of a case conference: when and where (start before end, on the same day, not in the past, a place or an https
/// link), who is invited (at least one invitee; someone outside the household and its register needs an e-mail address), how
/// attendance, minutes and decisions are recorded, and which states allow what.
/// </summary>
public static class ConferenceRules
{
    public const string KindInvalidCode = "conference-kind-invalid";
    public const string DateInvalidCode = "conference-date-invalid";
    public const string TimeInvalidCode = "conference-time-invalid";
    public const string EndBeforeStartCode = "conference-end-before-start";
    public const string InPastCode = "conference-in-past";
    public const string TooFarAheadCode = "conference-too-far-ahead";
    public const string PlaceRequiredCode = "conference-place-required";
    public const string LinkInvalidCode = "conference-link-invalid";
    public const string InviteesRequiredCode = "conference-invitees-required";
    public const string InviteeKindInvalidCode = "conference-invitee-kind-invalid";
    public const string InviteeUnknownCode = "conference-invitee-unknown";
    public const string InviteeEmailRequiredCode = "conference-invitee-email-required";
    public const string NotPlannedCode = "conference-not-planned";
    public const string CancelledCode = "conference-cancelled";
    public const string NotStartedCode = "conference-not-started";
    public const string AttendanceInvalidCode = "conference-attendance-invalid";
    public const string PlanVersionUnknownCode = "conference-plan-version-unknown";
    public const string NotHeldCode = "conference-not-held";
    public const string InviteeAlreadyInvitedCode = "conference-invitee-already-invited";
    public const string DecisionUnknownCode = "conference-decision-unknown";
    public const string DecisionInPlanCode = "conference-decision-in-plan";

    public const int PlaceMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int MinutesMaxLength = 20_000;
    public const int DecisionMaxLength = 1000;
    public const int MaxDecisions = 50;
    public const int MaxInvitees = 60;
    public const int ReasonMaxLength = 500;
    /// <summary>How far ahead a conference may be planned: a year covers every evaluation cycle.</summary>
    public const int MaxDaysAhead = 366;

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The schedule, or null with the errors added. <paramref name="now"/> is UTC.</summary>
    public static ConferenceSchedule? Check(ConferenceFields f, DateTime now, ErrorList errors)
    {
        var kind = Enums.ParseDefined<ConferenceKind>(f.Soort);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies het soort overleg: startoverleg, rondetafel of evaluatie."));
        DateOnly? date = DutchDate.TryParse(f.Datum, out var d) ? d : null;
        if (date is null) errors.Add(new DomainError(DateInvalidCode, "Datum", "Vul de datum in als dd-mm-jjjj."));
        var start = Time(f.Begintijd, "Begintijd", "de begintijd", errors);
        var end = Time(f.Eindtijd, "Eindtijd", "de eindtijd", errors);
        var place = errors.Take(TextRules.Optional(f.Plaats, "Plaats", "de plaats", PlaceMaxLength));
        var link = errors.Take(TextRules.Optional(f.Link, "Link", "de link", LinkMaxLength));
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0))
            errors.Add(new DomainError(LinkInvalidCode, "Link", "Vul een link in die begint met https://, bijvoorbeeld https://meet.voorbeeld.nl/overleg."));
        if (place is null && link is null && !errors.Errors.Any(e => e.Field is "Plaats" or "Link"))
            errors.Add(new DomainError(PlaceRequiredCode, "Plaats", "Vul de plaats van het overleg in, of een link voor online overleg."));
        if (kind is null || date is null || start is null || end is null) return null;
        if (end <= start)
        {
            errors.Add(new DomainError(EndBeforeStartCode, "Eindtijd", "De eindtijd moet na de begintijd liggen."));
            return null;
        }
        var startsAt = ToUtc(date.Value, start.Value);
        var endsAt = ToUtc(date.Value, end.Value);
        if (startsAt < now) errors.Add(new DomainError(InPastCode, "Datum", "Een overleg plant u in de toekomst; dit tijdstip is al voorbij."));
        else if (startsAt > now.AddDays(MaxDaysAhead)) errors.Add(new DomainError(TooFarAheadCode, "Datum", "Plan een overleg hooguit een jaar vooruit."));
        return errors.HasErrors ? null : new ConferenceSchedule(kind.Value, startsAt, endsAt, place, link);
    }

    /// <summary>A Dutch wall-clock time on a date, in UTC (summer and winter time included).</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Amsterdam);

    /// <summary>A UTC moment as Dutch wall-clock time.</summary>
    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);

    private static TimeOnly? Time(string? text, string field, string label, ErrorList errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add(new DomainError(TimeInvalidCode, field, $"Vul {label} in als uu:mm, bijvoorbeeld 14:30."));
        return null;
    }

    /// <summary>
    /// The invitees, checked against what the household has: a member, network member, involvement or referral must be one of
    /// the household's (<paramref name="known"/> maps each allowed reference to its name and e-mail address; someone without an
    /// e-mail address is invited but gets no mail); someone else needs a name and an e-mail address. The same reference twice
    /// counts once.
    /// </summary>
    public static IReadOnlyList<InviteeContent> CheckInvitees(IReadOnlyList<InviteeFields> invitees,
        IReadOnlyDictionary<(InviteeKind Kind, Guid Id), (string Name, string? Email)> known, ErrorList errors)
    {
        var result = new List<InviteeContent>();
        for (var i = 0; i < invitees.Count && i < MaxInvitees; i++)
        {
            var f = invitees[i];
            var field = $"Genodigden[{i}]";
            if (Enums.ParseDefined<InviteeKind>(f.Soort) is not { } kind)
            {
                errors.Add(new DomainError(InviteeKindInvalidCode, field, "Kies wie de genodigde is: huishoudlid, netwerklid, betrokkene, verwijzing of anders."));
                continue;
            }
            if (kind == InviteeKind.Anders)
            {
                var name = errors.Take(TextRules.Required(f.Naam, $"{field}.Naam", "de naam van de genodigde", NameMaxLength));
                var email = ContactDetails.Email(f.Email, $"{field}.Email", errors);
                if (email is null && !errors.Errors.Any(e => e.Field == $"{field}.Email"))
                    errors.Add(new DomainError(InviteeEmailRequiredCode, $"{field}.Email", "Vul het e-mailadres van de genodigde in: daar gaat de uitnodiging heen."));
                if (name is not null && email is not null && !result.Any(r => r.Kind == kind && string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase)))
                    result.Add(new InviteeContent(kind, null, name, email));
                continue;
            }
            if (f.ReferentieId is not { } id || !known.TryGetValue((kind, id), out var who))
            {
                errors.Add(new DomainError(InviteeUnknownCode, field, "Deze genodigde hoort niet bij dit huishouden."));
                continue;
            }
            if (!result.Any(r => r.Kind == kind && r.ReferenceId == id)) result.Add(new InviteeContent(kind, id, who.Name, who.Email));
        }
        if (invitees.Count > MaxInvitees)
            errors.Add(new DomainError(InviteesRequiredCode, "Genodigden", $"Nodig hooguit {MaxInvitees} mensen uit."));
        else if (invitees.Count == 0)
            errors.Add(new DomainError(InviteesRequiredCode, "Genodigden", "Nodig minstens één persoon uit."));
        return result;
    }

    /// <summary>
    /// Invitees added to a planned conference: none of them may be invited already (the same member, network member,
    /// involvement or referral, or for someone named the same e-mail address).
    /// </summary>
    public static DomainError? CheckNotInvited(IReadOnlyList<InviteeContent> invited, IReadOnlyList<InviteeContent> added)
    {
        for (var i = 0; i < added.Count; i++)
        {
            var a = added[i];
            if (invited.Any(x => x.Kind == a.Kind && (a.ReferenceId is { } id ? x.ReferenceId == id : string.Equals(x.Email, a.Email, StringComparison.OrdinalIgnoreCase))))
                return new DomainError(InviteeAlreadyInvitedCode, $"Genodigden[{i}]", $"{a.Name} is al uitgenodigd voor dit overleg.");
        }
        return null;
    }

    /// <summary>A conference keeps at least one invitee: withdrawing the last invitation is cancelling the conference.</summary>
    public static DomainError? CheckCanWithdraw(int inviteesLeft) => inviteesLeft < 1
        ? new DomainError(InviteesRequiredCode, "Genodigde", "Een overleg houdt minstens één genodigde; annuleer het overleg als niemand meer komt.")
        : null;

    /// <summary>The decision a goal or action is taken from must be one of this household's conferences.</summary>
    public static DomainError DecisionUnknown() =>
        new(DecisionUnknownCode, "BesluitId", "Dit besluit hoort niet bij een overleg van dit huishouden.");

    /// <summary>A decision the plan took a goal or action from stays in the minutes as written: the plan points at it.</summary>
    public static DomainError? CheckKeepsDecisionsInPlan(IEnumerable<string> removedInPlan) => removedInPlan.FirstOrDefault() is { } text
        ? new DomainError(DecisionInPlanCode, "Besluiten",
            $"Het besluit '{Common.Text.Short(text)}' is al in het plan opgenomen: laat het staan zoals het is, en pas zo nodig het doel of de actie in het plan aan.")
        : null;

    /// <summary>Only a planned conference can be moved or cancelled.</summary>
    public static DomainError? CheckCanChange(ConferenceStatus status) => status switch
    {
        ConferenceStatus.Gepland => null,
        ConferenceStatus.Geannuleerd => new DomainError(CancelledCode, "", "Dit overleg is geannuleerd."),
        _ => new DomainError(NotPlannedCode, "", "Dit overleg is al gehouden; verplaatsen of annuleren kan niet meer."),
    };

    /// <summary>Attendance, minutes and decisions are recorded once the conference has started, never for a cancelled one.</summary>
    public static DomainError? CheckCanRecord(ConferenceStatus status, DateTime startsAt, DateTime now) => status switch
    {
        ConferenceStatus.Geannuleerd => new DomainError(CancelledCode, "", "Dit overleg is geannuleerd."),
        _ when startsAt > now => new DomainError(NotStartedCode, "", "Het overleg is nog niet begonnen; wat er besproken is legt u daarna vast."),
        _ => null,
    };

    /// <summary>The minutes (optional) and the decisions (empty lines dropped), or null with the errors added.</summary>
    public static (string? Minutes, IReadOnlyList<string> Decisions)? CheckMinutes(string? minutes, IReadOnlyList<string?> decisions, ErrorList errors)
    {
        var text = errors.Take(TextRules.Optional(minutes, "Verslag", "het verslag", MinutesMaxLength));
        var list = new List<string>();
        for (var i = 0; i < decisions.Count; i++)
            if (errors.Take(TextRules.Optional(decisions[i], $"Besluiten[{i}]", "het besluit", DecisionMaxLength)) is { } d) list.Add(d);
        if (list.Count > MaxDecisions) errors.Add(new DomainError(TextRules.TooLongCode, "Besluiten", $"Leg hooguit {MaxDecisions} besluiten vast."));
        return errors.HasErrors ? null : (text, list);
    }

    public static string Label(ConferenceKind kind) => kind switch
    {
        ConferenceKind.Startoverleg => "Startoverleg",
        ConferenceKind.Rondetafel => "Rondetafelgesprek",
        _ => "Evaluatieoverleg",
    };

    public static string Label(Attendance a) => a switch
    {
        Attendance.Aanwezig => "Aanwezig",
        Attendance.Afwezig => "Afwezig",
        Attendance.Afgemeld => "Afgemeld",
        _ => "Nog niet vastgelegd",
    };

    public static string Label(InviteeKind k) => k switch
    {
        InviteeKind.Huishoudlid => "Huishoudlid",
        InviteeKind.Betrokkene => "Betrokken professional",
        InviteeKind.Verwijzing => "Organisatie (verwijzing)",
        InviteeKind.Netwerklid => "Netwerk",
        _ => "Anders",
    };
}
