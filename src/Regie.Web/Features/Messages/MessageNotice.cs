using Microsoft.EntityFrameworkCore;
using Regie.Domain.Consent;
using Regie.Web.Data;

namespace Regie.Web.Features.Messages;

/// <summary>
/// Tells the other side of a thread that there is a new message: in the Regie inbox and by e-mail through the outbox, both
/// with the neutral text of <see cref="MessageRules"/> (never the subject, the text or the household, since the mailbox or the
/// organisation's inbox may be read by someone who may not open the file). To the organisation when the team wrote; to the
/// household's coordinator when the organisation wrote, and to whoever started the thread when the household has none.
/// </summary>
public sealed class MessageNotice(RegieDbContext db)
{
    public async Task AddAsync(MessageThread thread, bool toOrganisation, DateTime now, CancellationToken ct)
    {
        string? userId = null;
        string? email;
        if (toOrganisation)
            email = await db.Organisations.Where(o => o.Id == thread.OrganisationId).Select(o => o.Email).FirstOrDefaultAsync(ct);
        else
        {
            userId = await db.Households.Where(h => h.Id == thread.HouseholdId).Select(h => h.CoordinatorId).FirstOrDefaultAsync(ct) ?? thread.StartedById;
            email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(), Gemeentecode = thread.Gemeentecode, CreatedAt = now, Title = MessageRules.NotificationTitle, Body = MessageRules.NotificationBody,
            OrganisationId = toOrganisation ? thread.OrganisationId : null, UserId = userId,
            // The coordinator's inbox links to the household's messages; the organisation's does not name the household.
            HouseholdId = toOrganisation ? null : thread.HouseholdId,
        });
        if (!string.IsNullOrWhiteSpace(email))
            db.OutboxMessages.Add(new OutboxMessage { To = email, Subject = MessageRules.NotificationTitle, Body = MessageRules.NotificationBody, CreatedAt = now, NextAttemptAt = now });
    }
}
