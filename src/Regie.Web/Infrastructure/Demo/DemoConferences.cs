using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The rondetafel of the story's household (Sanne Bakker, her children and her mother, <see cref="DemoMeldcode.StoryHousehold"/>)
/// with the housing corporation that is involved with her and Els de Wit from the household's network (Ria's sister): held
/// eight days ago, with who came, the minutes, the decisions, the payment arrangement taken into the plan as Sanne's action
/// (the plan remembers the decision), the plan version agreed at the table, and its minutes as a PDF document. Built through
/// the entities' own methods, as the use cases do.
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
        var sister = await db.NetworkMembers.Where(n => n.HouseholdId == household.Id && n.Until == null && n.Name == "Els de Wit")
            .Select(n => new { n.Id, n.Name, n.Email }).FirstOrDefaultAsync(ct);

        // After the network joined the plan (nine days ago): its sister is at the table.
        var day = DateOnly.FromDateTime(_now).AddDays(-8);
        var start = ConferenceRules.ToUtc(day, new TimeOnly(10, 0));
        var invitees = members.OrderBy(m => m.Role == HouseholdRole.Kind).ThenBy(m => m.Voornamen, StringComparer.Ordinal).Where(m => m.Role != HouseholdRole.Kind)
            .Select(m => new InviteeContent(InviteeKind.Huishoudlid, m.PersonId, new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName, m.Email))
            .Append(new InviteeContent(InviteeKind.Betrokkene, involvement.Id, $"{involvement.ContactName} (Woningcorporatie Thuis)", involvement.ContactEmail))
            .Concat(sister is null ? [] : [new InviteeContent(InviteeKind.Netwerklid, sister.Id, sister.Name, sister.Email)])
            .ToList();
        var planned = start.AddDays(-7);
        var c = Conference.Plan(household.Gemeentecode, household.Id,
            new ConferenceSchedule(ConferenceKind.Rondetafel, start, start.AddMinutes(90), "Wijkcentrum Noord, spreekkamer 2", null),
            invitees, coordinator.Id, coordinator.DisplayName, planned);
        // Everyone came but the grandmother, who cancelled: she stayed home with the children.
        var attendance = c.Invitees.ToDictionary(i => i.Id,
            i => i.ReferenceId == sanne.PersonId || i.Kind is InviteeKind.Betrokkene or InviteeKind.Netwerklid ? Attendance.Aanwezig : Attendance.Afgemeld);
        var held = start.AddHours(3);
        Check(c.RecordAttendance(attendance, held));
        var (error, decisions, _) = c.RecordMinutes(
            "Sanne, de regisseur, Els de Wit en Linda Meijer van Woningcorporatie Thuis bespraken de huurachterstand en de zoektocht naar eigen woonruimte. "
            + "Oma had zich afgemeld; Sanne praat haar bij. De corporatie wil meewerken aan een regeling zolang de afspraken worden nagekomen.",
            ["Sanne en de corporatie spreken een betalingsregeling af van 50 euro per maand.",
                "De regisseur vraagt een urgentieverklaring aan; de corporatie schrijft een ondersteunende brief.",
                "Over zes weken evalueren we aan dezelfde tafel."], new HashSet<Guid>(), held);
        Check(error);
        // The payment arrangement goes into the plan at the table, as Sanne's action: that version is the one agreed.
        var agreed = await TakeIntoPlanAsync(household, plan, c, decisions[0], sanne.PersonId, coordinator.Id, coordinator.DisplayName, version.Value, held, ct);
        Check(c.AgreePlanVersion(plan.Id, agreed, held));
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

    private async Task<int> TakeIntoPlanAsync(Household household, Plan plan, Conference c, ConferenceDecision decision, Guid sanne, string actorId,
        string actorName, int version, DateTime at, CancellationToken ct)
    {
        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        var all = await Features.Plans.PlanVersions.MembersAsync(db, household.Id, ct);
        var members = all.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
        var network = await Features.Network.NetworkQueries.CurrentAsync(db, household.Id, ct);
        var errors = new Domain.Common.ErrorList();
        var today = DateOnly.FromDateTime(at);
        var deadline = today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (plan.AddAction(new ActionFields(null, "Betalingsregeling van 50 euro per maand afspreken met Woningcorporatie Thuis", nameof(ActionOwnerKind.Huishoudlid),
                null, sanne, null, deadline, null), members, null, today, at, errors, network) is not var (action, change) || errors.HasErrors)
            throw new InvalidOperationException($"Demo: de actie uit het besluit geweigerd: {string.Join("; ", errors.Errors.Select(e => e.Message))}");
        action.TakeFrom(decision.Id);
        db.PlanActions.Add(action);
        change = $"{change} (uit besluit van het {ConferenceRules.Label(c.Kind).ToLowerInvariant()} van {Format.DateTime(c.StartsAt)})";
        var number = version + 1;
        plan.MarkSaved(at);
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
        var frameworks = await db.Trajectories.Where(t => t.Id == plan.TrajectoryId).Select(t => t.Frameworks).FirstAsync(ct);
        db.PlanVersions.Add(Features.Plans.PlanVersions.New(plan, number, change!, Features.Plans.PlanVersions.Snapshot(plan, frameworks, plan.Goals, plan.Actions,
            all.ToDictionary(m => m.PersonId, m => m.Name)), actorId, actorName, at));
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, Type = EventTypes.PlanChanged, OccurredAt = at, EffectiveDate = today,
            ActorId = actorId, ActorName = actorName, Summary = $"Plan versie {number}: {change}", Data = JsonSerializer.Serialize(new { plan = plan.Id, versie = number }),
        });
        return number;
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
