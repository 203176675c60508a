using System.Globalization;
using System.Text;

namespace Regie.Domain.Care;

/// <summary>What an invitation's calendar file says: nothing about the household's concerns, only the meeting itself.</summary>
public sealed record CalendarEvent(
    string Uid, int Sequence, DateTime Stamp, DateTime StartsAt, DateTime EndsAt, string Summary, string? Location, string? Url,
    string OrganiserName, string OrganiserEmail, string AttendeeName, string AttendeeEmail);

/// <summary>
/// Writes one invitation, update or cancellation as an iCalendar file (RFC 5545): a VCALENDAR with METHOD REQUEST or CANCEL and
/// one VEVENT whose UID stays the same for a conference and whose SEQUENCE grows with every change, so calendars replace the
/// meeting instead of adding another. Written by hand rather than with a library: one event with a dozen properties needs only
/// the three rules of the format that matter here (CRLF line ends, escaped text, lines folded at 75 octets without splitting a
/// UTF-8 character), and a small writer we can read whole keeps what leaves the municipality under our eyes.
/// </summary>
public static class ConferenceCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Request(CalendarEvent e) => Write(e, cancel: false);

    public static string Cancel(CalendarEvent e) => Write(e, cancel: true);

    private static string Write(CalendarEvent e, bool cancel)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Regie//Casusoverleg//NL",
            "CALSCALE:GREGORIAN",
            cancel ? "METHOD:CANCEL" : "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "UID:" + Escape(e.Uid),
            "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(e.Stamp),
            "DTSTART:" + Utc(e.StartsAt),
            "DTEND:" + Utc(e.EndsAt),
            "SUMMARY:" + Escape(e.Summary),
        };
        if (e.Location is { } location) lines.Add("LOCATION:" + Escape(location));
        if (e.Url is { } url) lines.Add("URL:" + url);
        lines.Add($"ORGANIZER;CN={Parameter(e.OrganiserName)}:mailto:{e.OrganiserEmail}");
        lines.Add($"ATTENDEE;CN={Parameter(e.AttendeeName)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{e.AttendeeEmail}");
        lines.Add(cancel ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) Fold(line, text);
        return text.ToString();
    }

    /// <summary>A UTC moment as a DATE-TIME of form 2 (with Z).</summary>
    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other control characters dropped.</summary>
    public static string Escape(string value)
    {
        var s = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case ';': s.Append(@"\;"); break;
                case ',': s.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': s.Append(@"\n"); break;
                default: if (!char.IsControl(c)) s.Append(c); break;
            }
        }
        return s.ToString();
    }

    /// <summary>A parameter value (CN): quoted, without the characters a quoted value may not hold.</summary>
    private static string Parameter(string value) =>
        "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>Folds a content line at 75 octets (RFC 5545 3.1): CRLF and a space, never inside a UTF-8 sequence.</summary>
    private static void Fold(string line, StringBuilder into)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                into.Append("\r\n ");
                octets = 1;
            }
            into.Append(line, i, width);
            octets += size;
            i += width;
        }
        into.Append("\r\n");
    }
}
