using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Features.Involvements;

/// <summary>The messages of a match: who else is involved and how to reach them, added to the caller's unit of work.</summary>
public sealed class InvolvementMatches(RegieDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A second party is a match, and everyone hears who else is involved and how to reach them — nothing about the
    /// concern. An organisation hears only of the parties involved with the same person: registering one BSN must
    /// not reveal who helps the rest of the household. The household's coordinator, whose work is the whole
    /// household, hears of every party involved with any of its members.
    /// </summary>
    public async Task AddAsync(Involvement added, string addedName, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var household = added.HouseholdId ?? await db.HouseholdMembers.Where(m => m.Until == null && m.Person!.Bsn == added.Bsn).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        var bsns = household is { } hid
            ? await db.HouseholdMembers.Where(m => m.HouseholdId == hid && m.Until == null && m.Person!.Bsn != null).Select(m => m.Person!.Bsn!).ToListAsync(ct)
            : [added.Bsn];
        if (!bsns.Contains(added.Bsn)) bsns.Add(added.Bsn);
        var others = await db.Involvements.AsNoTracking().Where(Involvement.ActiveOn(today))
            .Where(i => bsns.Contains(i.Bsn) && i.Id != added.Id
                && !(i.OrganisationId != null && i.OrganisationId == added.OrganisationId) && !(i.TeamId != null && i.TeamId == added.TeamId))
            .Select(i => new
            {
                i.Bsn, i.OrganisationId, i.TeamId, i.ContactName, i.ContactPhone, i.ContactEmail,
                Name = i.OrganisationId != null ? db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault()
                    : db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        if (others.Count == 0) return;
        var coordinatorId = household is { } h ? await db.Households.Where(x => x.Id == h).Select(x => x.CoordinatorId).FirstOrDefaultAsync(ct) : null;
        var coordinatorEmail = coordinatorId is null ? null : await db.Users.Where(u => u.Id == coordinatorId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        string Contact(string? name, string? phone, string? email) => string.Join(", ", new[] { name, phone, email }.Where(x => !string.IsNullOrEmpty(x)));
        string Masked(string bsn) => "BSN eindigend op " + bsn[^3..];
        string List<T>(IEnumerable<T> parties, Func<T, string> line) => string.Join("\n", parties.Select(line).Distinct());
        var addedContact = Contact(added.ContactName, added.ContactPhone, added.ContactEmail);
        var isTeam = added.TeamId is not null;

        if (isTeam)
        {
            // The team registered for every member: the coordinator hears of everyone involved with the household ...
            Notify(null, coordinatorId, household, $"Match: ook anderen zijn betrokken bij {HouseholdWord}",
                $"Bij leden van dit huishouden zijn ook betrokken:\n{List(others, o => $"- {o.Name}: {Contact(o.ContactName, o.ContactPhone, o.ContactEmail)}")}", coordinatorEmail, null);
            // ... and each organisation hears of the team for the person it is involved with.
            foreach (var o in others.Where(o => o.OrganisationId is not null).DistinctBy(o => (o.OrganisationId, o.Bsn)))
                Notify(o.OrganisationId, null, null, $"Match: {addedName} is ook betrokken",
                    $"{addedName} is nu ook betrokken bij een inwoner met wie u werkt ({Masked(o.Bsn)}). Contact: {addedContact}.", o.ContactEmail, Masked(o.Bsn));
            return;
        }

        var samePerson = others.Where(o => o.Bsn == added.Bsn).ToList();
        var masked = Masked(added.Bsn);
        // The new organisation hears of the parties involved with the same person, nobody else ...
        if (samePerson.Count > 0)
            Notify(added.OrganisationId, null, null, $"Match: ook anderen zijn betrokken ({masked})",
                $"Bij deze inwoner zijn ook betrokken:\n{List(samePerson, o => $"- {o.Name}: {Contact(o.ContactName, o.ContactPhone, o.ContactEmail)}")}", added.ContactEmail, masked);
        // ... those organisations hear of the new one ...
        var body = $"{addedName} is nu ook betrokken bij een inwoner met wie u werkt ({masked}). Contact: {addedContact}.";
        foreach (var o in samePerson.Where(o => o.OrganisationId is not null).DistinctBy(o => o.OrganisationId))
            Notify(o.OrganisationId, null, null, $"Match: {addedName} is ook betrokken", body, o.ContactEmail, masked);
        // ... and the coordinator hears of it for the whole household.
        if (coordinatorId is not null)
            Notify(null, coordinatorId, household, $"Match: {addedName} is ook betrokken bij {HouseholdWord}",
                $"{addedName} is nu ook betrokken bij een lid van het huishouden dat u regisseert ({masked}). Contact: {addedContact}.", coordinatorEmail, masked);

        void Notify(Guid? organisationId, string? userId, Guid? householdId, string title, string text, string? email, string? maskedBsn)
        {
            if (organisationId is null && userId is null) return;
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = added.Gemeentecode, OrganisationId = organisationId, UserId = organisationId is null ? userId : null,
                HouseholdId = organisationId is null ? householdId : null,
                Title = Text.Truncate(title, Notification.TitleMaxLength), Body = Text.Truncate(text, Notification.BodyMaxLength), CreatedAt = now,
            });
            // The e-mail says there is a match and whom to call; the BSN stays inside Regie.
            if (!string.IsNullOrEmpty(email))
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = email,
                    Subject = maskedBsn is null ? title : title.Replace(maskedBsn, "in Regie", StringComparison.Ordinal),
                    Body = maskedBsn is null ? text : text.Replace(maskedBsn, "zie uw Regie-inbox", StringComparison.Ordinal),
                    CreatedAt = now, NextAttemptAt = now,
                });
        }
    }

    private const string HouseholdWord = "een huishouden dat u regisseert";
}
