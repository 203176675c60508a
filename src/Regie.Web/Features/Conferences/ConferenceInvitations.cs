using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Features.Shared;
using System.Text;

namespace Regie.Web.Features.Conferences;

/// <summary>What an invitation says happened: a new meeting, a moved one, a cancelled one, or one the invitee is no longer invited to.</summary>
public enum InvitationKind
{
    New,
    Update,
    Cancel,
    Withdrawn,
}

/// <summary>
/// Puts an invitation, update or cancellation for every invitee with an e-mail address in the outbox, in the same unit of work
/// as the change, each with its calendar file. Privacy: the mail and the calendar file say only that there is a meeting about a
/// household the invitee knows, its kind, when, where and who organises it: never the household's name, address or concerns,
/// which an e-mail to another organisation must not carry.
/// </summary>
public sealed class ConferenceInvitations(RegieDbContext db, SmtpOptions smtp)
{
    public const string CalendarFileName = "uitnodiging.ics";

    /// <summary>A cancelled meeting and a withdrawn invitation both take the meeting out of the invitee's calendar.</summary>
    private static bool IsCancel(InvitationKind kind) => kind is InvitationKind.Cancel or InvitationKind.Withdrawn;

    public int Queue(Conference c, InvitationKind kind, DateTime now) => Queue(c, c.Invitees, kind, now);

    /// <summary>
    /// Only to these invitees: the ones just added (an invitation) or the one no longer invited (a cancellation for their
    /// calendar, METHOD:CANCEL with the conference's UID). An invitee without an e-mail address gets nothing.
    /// </summary>
    public int Queue(Conference c, IEnumerable<ConferenceInvitee> invitees, InvitationKind kind, DateTime now)
    {
        var queued = 0;
        var cancel = IsCancel(kind);
        foreach (var invitee in invitees.Where(i => i.Email is not null))
        {
            var e = CalendarEvent(c, invitee, now);
            var ics = cancel ? ConferenceCalendar.Cancel(e) : ConferenceCalendar.Request(e);
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = invitee.Email!,
                Subject = Subject(c, kind),
                Body = Body(c, invitee, kind),
                CreatedAt = now,
                NextAttemptAt = now,
                AttachmentName = CalendarFileName,
                AttachmentContentType = $"text/calendar; method={(cancel ? "CANCEL" : "REQUEST")}; charset=utf-8",
                AttachmentContent = Encoding.UTF8.GetBytes(ics),
            });
            queued++;
        }
        return queued;
    }

    /// <summary>The summary every calendar shows: the kind of meeting only.</summary>
    public static string Summary(Conference c) => $"{ConferenceRules.Label(c.Kind)} (sociaal wijkteam)";

    public CalendarEvent CalendarEvent(Conference c, ConferenceInvitee invitee, DateTime now) =>
        new(c.CalendarUid, c.Sequence, now, c.StartsAt, c.EndsAt, Summary(c), c.Place ?? c.Link, c.Link, c.OrganiserName, smtp.From, invitee.Name, invitee.Email!);

    private static string Subject(Conference c, InvitationKind kind)
    {
        var when = Format.DateTime(c.StartsAt);
        return kind switch
        {
            InvitationKind.New => $"Uitnodiging: {ConferenceRules.Label(c.Kind).ToLowerInvariant()} op {when}",
            InvitationKind.Update => $"Gewijzigd: {ConferenceRules.Label(c.Kind).ToLowerInvariant()} nu op {when}",
            InvitationKind.Withdrawn => $"Uitnodiging ingetrokken: {ConferenceRules.Label(c.Kind).ToLowerInvariant()} van {when}",
            _ => $"Geannuleerd: {ConferenceRules.Label(c.Kind).ToLowerInvariant()} van {when}",
        };
    }

    private static string Body(Conference c, ConferenceInvitee invitee, InvitationKind kind)
    {
        var cancel = IsCancel(kind);
        var s = new StringBuilder();
        s.Append("Beste ").Append(invitee.Name).Append(",\n\n");
        s.Append(kind switch
        {
            InvitationKind.New => "U bent uitgenodigd voor een overleg over een huishouden dat u kent.",
            InvitationKind.Update => "Het overleg over een huishouden dat u kent is gewijzigd. Dit zijn de nieuwe gegevens.",
            InvitationKind.Withdrawn => "U bent niet langer uitgenodigd voor het overleg over een huishouden dat u kent. Het overleg gaat zonder u door.",
            _ => "Het overleg over een huishouden dat u kent gaat niet door.",
        }).Append("\n\n");
        s.Append("Soort overleg: ").Append(ConferenceRules.Label(c.Kind)).Append('\n');
        var local = ConferenceRules.ToLocal(c.StartsAt);
        var end = ConferenceRules.ToLocal(c.EndsAt);
        s.Append("Datum: ").Append(Domain.Common.DutchDate.Format(DateOnly.FromDateTime(local))).Append('\n');
        s.Append("Tijd: ").Append(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" - ")
            .Append(end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        if (c.Place is { } place) s.Append("Plaats: ").Append(place).Append('\n');
        if (c.Link is { } link) s.Append("Online: ").Append(link).Append('\n');
        s.Append("Organisator: ").Append(c.OrganiserName).Append("\n\n");
        s.Append(cancel
            ? "In de bijlage staat de annulering voor uw agenda."
            : "In de bijlage staat de afspraak voor uw agenda. Waar het overleg over gaat, hoort u van de organisator.");
        return Domain.Common.Text.Truncate(s.ToString(), 4000);
    }
}
