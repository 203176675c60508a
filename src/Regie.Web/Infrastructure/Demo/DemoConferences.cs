using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The rondetafel of the story's household (Sanne Bakker, her children and her mother, <see cref="DemoMeldcode.StoryHousehold"/>)
/// with the housing corporation that is involved with her: held ten days ago, with who came, the minutes, the decisions and the
/// plan version agreed at the table, and its minutes as a PDF document. Built through the entities' own methods, as the use cases do.
/// </summary>
public sealed class DemoConferences(RegieDbContext db, TimeProvider clock)
{
    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Conferences.AnyAsync(ct)) return;
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold && h.CoordinatorId != null)
            .OrderBy(h => h.CreatedAt).FirstOrDefaultAsync(ct);
        if (household is null) return;
        var coordinator = await db.Users.Where(u => u.Id == household.CoordinatorId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var members = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == household.Id)
            .Select(m => new { m.PersonId, m.Role, m.Person!.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam, m.Person.Bsn, m.Person.Email }).ToListAsync(ct);
        var sanne = members.FirstOrDefault(m => m.Voornamen == "Sanne" && m.Achternaam == "Bakker");
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == household.Id, ct);
        if (coordinator is null || sanne is null || plan is null) return;
        var corporation = await db.Organisations.Where(o => o.Name == "Woningcorporatie Thuis").Select(o => o.Id).FirstOrDefaultAsync(ct);
        var involvement = await db.Involvements.Where(i => i.Bsn == sanne.Bsn && i.OrganisationId == corporation && i.EndedOn == null)
            .Select(i => new { i.Id, i.ContactName, i.ContactEmail }).FirstOrDefaultAsync(ct);
        var version = await db.PlanVersions.Where(v => v.PlanId == plan.Id).MaxAsync(v => (int?)v.Number, ct);
        if (involvement is null || version is null) return;

        var day = DateOnly.FromDateTime(_now).AddDays(-10);
        var start = ConferenceRules.ToUtc(day, new TimeOnly(10, 0));
        var invitees = members.OrderBy(m => m.Role == HouseholdRole.Kind).ThenBy(m => m.Voornamen, StringComparer.Ordinal).Where(m => m.Role != HouseholdRole.Kind)
            .Select(m => new InviteeContent(InviteeKind.Huishoudlid, m.PersonId, new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName, m.Email))
            .Append(new InviteeContent(InviteeKind.Betrokkene, involvement.Id, $"{involvement.ContactName} (Woningcorporatie Thuis)", involvement.ContactEmail))
            .ToList();
        var planned = start.AddDays(-7);
        var c = Conference.Plan(household.Gemeentecode, household.Id,
            new ConferenceSchedule(ConferenceKind.Rondetafel, start, start.AddMinutes(90), "Wijkcentrum Noord, spreekkamer 2", null),
            invitees, coordinator.Id, coordinator.DisplayName, planned);
        // Everyone came but the grandmother, who cancelled: she stayed home with the children.
        var attendance = c.Invitees.ToDictionary(i => i.Id, i => i.ReferenceId == sanne.PersonId || i.Kind == InviteeKind.Betrokkene ? Attendance.Aanwezig : Attendance.Afgemeld);
        var held = start.AddHours(3);
        Check(c.RecordAttendance(attendance, held));
        var (error, decisions, _) = c.RecordMinutes(
            "Sanne, de regisseur en Linda Meijer van Woningcorporatie Thuis bespraken de huurachterstand en de zoektocht naar eigen woonruimte. "
            + "Oma had zich afgemeld; Sanne praat haar bij. De corporatie wil meewerken aan een regeling zolang de afspraken worden nagekomen.",
            ["Sanne en de corporatie spreken een betalingsregeling af van 50 euro per maand.",
                "De regisseur vraagt een urgentieverklaring aan; de corporatie schrijft een ondersteunende brief.",
                "Over zes weken evalueren we aan dezelfde tafel."], held);
        Check(error);
        Check(c.AgreePlanVersion(plan.Id, version.Value, held));
        db.Conferences.Add(c);
        db.ConferenceInvitees.AddRange(c.Invitees);
        db.ConferenceDecisions.AddRange(decisions);
        // The minutes as the coordinator shared them afterwards: a small PDF, linked to the conference.
        var pdf = new Pdf.PdfDocumentBuilder("Verslag rondetafel", $"Verslag rondetafel van {Format.DateTime(start)}", held)
            .Title("Verslag rondetafel", Format.DateTime(start)).Paragraph(c.Minutes!).Bullets(c.Decisions.Select(d => d.Text)).Build();
        var (document, content) = Document.Upload(household.Gemeentecode, household.Id, null, null, c.Id, "verslag-rondetafel.pdf", DocumentType.Pdf, pdf,
            "Verslag met de besluiten", coordinator.Id, coordinator.DisplayName, held.AddHours(1));
        db.Documents.Add(document);
        db.DocumentContents.Add(content);
        Event(household, EventTypes.ConferencePlanned, $"{ConferenceRules.Label(c.Kind)} gepland op {Format.DateTime(start)}", planned, coordinator.Id, coordinator.DisplayName, c);
        Event(household, EventTypes.ConferenceHeld, $"{ConferenceRules.Label(c.Kind)} gehouden op {Format.DateTime(start)}", held, coordinator.Id, coordinator.DisplayName, c);
        await db.SaveChangesAsync(ct);
    }

    private void Event(Household h, string type, string summary, DateTime at, string actorId, string actorName, Conference c) =>
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = h.Gemeentecode, HouseholdId = h.Id, Type = type, OccurredAt = at, EffectiveDate = DateOnly.FromDateTime(at),
            ActorId = actorId, ActorName = actorName, Summary = summary, Data = JsonSerializer.Serialize(new { overleg = c.Id, soort = c.Kind.ToString() }),
        });

    private static void Check(Domain.Common.DomainError? error)
    {
        if (error is not null) throw new InvalidOperationException($"Demo conference refused: {error.Code} {error.Message}");
    }
}
