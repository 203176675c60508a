using Regie.Domain.Care;
using System.Text;

namespace Regie.Domain.Tests;

public sealed class ConferenceCalendarTests
{
    private static CalendarEvent Event(string summary = "Rondetafelgesprek (sociaal wijkteam)", string? location = "Buurthuis De Linde, zaal 2; ingang achter", int sequence = 0) =>
        new("0193a000aaaa7bbbb8ccc0000000001@regie", sequence, new DateTime(2026, 12, 7, 8, 0, 0), new DateTime(2026, 12, 14, 9, 0, 0), new DateTime(2026, 12, 14, 10, 30, 0),
            summary, location, null, "Fatima Bouzid", "regie@voorbeeld.nl", "Linda Meijer", "linda@thuis.example");

    [Fact]
    public void An_invitation_is_an_rfc5545_request_with_crlf_and_utc_times()
    {
        var ics = ConferenceCalendar.Request(Event());
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n")[..^1];
        Assert.Equal([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Regie//Casusoverleg//NL", "CALSCALE:GREGORIAN", "METHOD:REQUEST", "BEGIN:VEVENT",
            "UID:0193a000aaaa7bbbb8ccc0000000001@regie", "SEQUENCE:0", "DTSTAMP:20261207T080000Z", "DTSTART:20261214T090000Z", "DTEND:20261214T103000Z",
            "SUMMARY:Rondetafelgesprek (sociaal wijkteam)", @"LOCATION:Buurthuis De Linde\, zaal 2\; ingang achter",
            "ORGANIZER;CN=\"Fatima Bouzid\":mailto:regie@voorbeeld.nl",
            "ATTENDEE;CN=\"Linda Meijer\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=",
            " FALSE:mailto:linda@thuis.example",
            "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR",
        ], lines);
    }

    [Fact]
    public void A_cancellation_keeps_the_uid_and_raises_the_sequence()
    {
        var ics = ConferenceCalendar.Cancel(Event(sequence: 2));
        Assert.Contains("\r\nMETHOD:CANCEL\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:0193a000aaaa7bbbb8ccc0000000001@regie\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSEQUENCE:2\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character_and_unfold_to_the_text()
    {
        var place = string.Concat(Enumerable.Repeat("Ëën café\\ aan de Weg,\nhoek ", 8));
        var ics = ConferenceCalendar.Request(Event(location: place));
        foreach (var line in ics.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        var location = unfolded.Split("\r\n").Single(l => l.StartsWith("LOCATION:", StringComparison.Ordinal))["LOCATION:".Length..];
        Assert.Equal(place.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal), location);
    }
}
