using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.ContactNotes;
using Regie.Web.Features.Plans;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Seed 003's contacts and messages (issue 21): the coordinator's home visit to Sanne and Ria, later completed as a second
/// version with a reason, and a phone call with Sanne; and a message thread with Woningcorporatie Thuis about the payment
/// plan, which the household consented to. Every note goes through the contact note rules and the entity's own methods, as
/// the use cases save them.
/// </summary>
public sealed class DemoContactNotes(RegieDbContext db, TimeProvider clock)
{
    public const string HomeVisitText = "Huisbezoek bij Sanne en Ria in de seniorenflat. Sanne slaapt slecht en wil weer een eigen plek; de kinderen gaan graag naar school.";
    public const string HomeVisitRevisedText = HomeVisitText + " Afgesproken: Sanne belt zelf de woningcorporatie over de betalingsregeling.";
    public const string PhoneCallText = "Sanne belde: het eerste gesprek met de woningcorporatie is geweest, het voorstel voor een betalingsregeling komt per post.";
    public const string ThreadSubject = "Betalingsregeling huurachterstand";

    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ContactNotes.AnyAsync(ct)) return;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Naam == DemoMeldcode.StoryHousehold && h.CoordinatorId != null, ct);
        if (household is null) return;
        var coordinator = await db.Users.Where(u => u.Id == household.CoordinatorId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var members = await PlanVersions.CurrentMembersAsync(db, household.Id, ct);
        var sanne = members.FirstOrDefault(m => m.Value.StartsWith("Sanne ", StringComparison.Ordinal)).Key;
        var ria = members.FirstOrDefault(m => m.Value.StartsWith("Ria ", StringComparison.Ordinal)).Key;
        if (coordinator is null || sanne == Guid.Empty) return;
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var errors = new ErrorList();
        ContactNoteContent Check(ContactNoteFields f) => ContactNoteRules.Check(f, members, Today, errors) ?? throw Refused("een contactnotitie", errors);

        IReadOnlyList<Guid> visitPersons = ria == Guid.Empty ? [sanne] : [sanne, ria];
        var visitAt = _now.AddDays(-12);
        var visit = ContactNote.Record(household, Check(new ContactNoteFields(Date(-12), nameof(ContactKind.Huisbezoek), visitPersons, null, HomeVisitText, null)),
            coordinator.Id, coordinator.DisplayName, visitAt);
        Event(household, EventTypes.ContactNoteRecorded, ContactNoteText.Recorded(visit.Versions[0].Content, coordinator.DisplayName), visit, visitAt, coordinator.Id,
            coordinator.DisplayName);
        var revisedAt = _now.AddDays(-11);
        var revised = Check(new ContactNoteFields(Date(-12), nameof(ContactKind.Huisbezoek), visitPersons, null, HomeVisitRevisedText, null));
        if (visit.Revise(revised, "De afspraak over de woningcorporatie aangevuld", coordinator.Id, coordinator.DisplayName, revisedAt) is not var (_, changes))
            throw Refused("de nieuwe versie van de contactnotitie", errors);
        Event(household, EventTypes.ContactNoteRevised, ContactNoteText.Revised(revised, visit.Version, changes), visit, revisedAt, coordinator.Id, coordinator.DisplayName);

        var callAt = _now.AddDays(-2);
        var call = ContactNote.Record(household, Check(new ContactNoteFields(Date(-2), nameof(ContactKind.Telefonisch), [sanne], null, PhoneCallText, null)),
            coordinator.Id, coordinator.DisplayName, callAt);
        Event(household, EventTypes.ContactNoteRecorded, ContactNoteText.Recorded(call.Versions[0].Content, coordinator.DisplayName), call, callAt, coordinator.Id,
            coordinator.DisplayName);
        db.ContactNotes.AddRange(visit, call);
        db.ContactNoteVersions.AddRange(visit.Versions.Concat(call.Versions));

        await ThreadAsync(household, coordinator.Id, coordinator.DisplayName, errors, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The coordinator and the corporation about the payment plan; only when the household consented to messages with it and no thread is there yet.</summary>
    private async Task ThreadAsync(Household household, string coordinatorId, string coordinatorName, ErrorList errors, CancellationToken ct)
    {
        var corporation = await db.Organisations.Where(o => o.Name == DemoConsent.Corporation).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        var partner = await db.Users.Where(u => u.Email == "woningcorporatie@voorbeeld.nl").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (corporation is not { } organisation || partner is null || await db.MessageThreads.AnyAsync(t => t.HouseholdId == household.Id, ct)) return;
        if (!await db.Consents.AnyAsync(c => c.HouseholdId == household.Id && c.OrganisationId == organisation, ct)) return;
        var startedAt = _now.AddDays(-10);
        var first = MessageRules.CheckThread(ThreadSubject,
            "Goedemiddag, Sanne Bakker gaf toestemming voor berichten met u. Zij belt u deze week over een betalingsregeling voor de huurachterstand. Kunt u laten weten wat u daarvoor van haar nodig heeft?",
            errors) ?? throw Refused("het gesprek", errors);
        var thread = MessageThread.Start(household.Gemeentecode, household.Id, organisation, first.Subject, coordinatorId, coordinatorName, startedAt);
        db.MessageThreads.Add(thread);
        db.Messages.Add(thread.Write(first.Body, coordinatorId, coordinatorName, null, startedAt));
        var answer = MessageRules.CheckMessage("Dank u. Wij hebben van Sanne een overzicht van inkomsten en vaste lasten nodig; dan doen wij binnen twee weken een voorstel.",
            errors) ?? throw Refused("het antwoord", errors);
        db.Messages.Add(thread.Write(answer, partner.Id, partner.DisplayName, organisation, startedAt.AddHours(3)));
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, Type = EventTypes.MessageThreadStarted, OccurredAt = startedAt,
            EffectiveDate = DateOnly.FromDateTime(startedAt), ActorId = coordinatorId, ActorName = coordinatorName, Summary = $"Berichten gestart met {DemoConsent.Corporation}",
            Data = JsonSerializer.Serialize(new { organisatie = organisation, gesprek = thread.Id }),
        });
    }

    private void Event(Household household, string type, string summary, ContactNote note, DateTime at, string actorId, string actorName) =>
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, Type = type, OccurredAt = at, EffectiveDate = note.Date,
            ActorId = actorId, ActorName = actorName, Summary = Text.Truncate(summary, HouseholdEvent.SummaryMaxLength),
            Data = JsonSerializer.Serialize(new { contactnotitie = note.Id, soort = note.Kind.ToString(), versie = note.Version }),
        });

    private static InvalidOperationException Refused(string what, ErrorList errors) =>
        new($"Demo: {what} geweigerd: {string.Join("; ", errors.Errors.Select(e => e.Message))}");
}
