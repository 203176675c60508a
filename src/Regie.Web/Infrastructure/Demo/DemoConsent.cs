using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Seed 003 with one plan for everyone: Sanne Bakker consented two weeks ago that Woningcorporatie Thuis (involved for her
/// rent arrears) looks into the plan and takes part in messages; the plan has the corporation's action on the housing goal,
/// which Linda Meijer (woningcorporatie@voorbeeld.nl) sees at /inkijk and reported progress on.
/// </summary>
public sealed class DemoConsent(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    public const string Corporation = "Woningcorporatie Thuis";
    public const string CorporationAction = "Betalingsregeling voor de huurachterstand afspreken, zodat het gezin in de woning kan blijven";

    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Consents.AnyAsync(ct)) return;
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold && h.CoordinatorId != null).FirstOrDefaultAsync(ct);
        var corporation = await db.Organisations.Where(o => o.Name == Corporation).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (household is null || corporation is not { } organisation) return;
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == household.Id, ct);
        var coordinator = await db.Users.Where(u => u.Id == household.CoordinatorId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var partner = await db.Users.Where(u => u.Email == "woningcorporatie@voorbeeld.nl").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var members = await PlanVersions.MembersAsync(db, household.Id, ct);
        var sanne = members.FirstOrDefault(m => m.Current && m.Name.StartsWith("Sanne ", StringComparison.Ordinal));
        if (plan is null || coordinator is null || partner is null || sanne.Name is null) return;

        // The corporation's action on the housing goal (the first goal when there is none): one saved change, one new version.
        var trajectory = await db.Trajectories.FirstAsync(t => t.Id == plan.TrajectoryId, ct);
        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        var goal = plan.Goals.FirstOrDefault(g => g.Domain == ZrmDomain.Huisvesting) ?? plan.Goals.FirstOrDefault();
        var errors = new ErrorList();
        var current = members.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
        var at = _now.AddDays(-14);
        var added = plan.AddAction(new ActionFields(goal?.Id, CorporationAction, nameof(ActionOwnerKind.Organisatie), Corporation, null, null,
            Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OrganisatieId: organisation), current, null, Today, at, errors,
            organisations: new Dictionary<Guid, string> { [organisation] = Corporation })
            ?? throw new InvalidOperationException("Demo consent: " + string.Join(" ", errors.Errors.Select(e => e.Message)));
        db.PlanActions.Add(added.Action);
        db.PlanVersions.Add(PlanVersions.New(plan, plan.Version + 1, added.Change,
            PlanVersions.Snapshot(plan, trajectory.Frameworks, plan.Goals, plan.Actions, members.ToDictionary(m => m.PersonId, m => m.Name)), coordinator.Id, coordinator.DisplayName, at));
        plan.MarkSaved(at);
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;

        var consent = Data.Consent.Give(gemeentecode, household.Id,
            new ConsentContent(organisation, [ConsentScope.Inkijk, ConsentScope.Berichten], Today.AddDays(-14), sanne.PersonId, sanne.Name), coordinator.Id,
            coordinator.DisplayName, at);
        db.Consents.Add(consent);
        db.HouseholdEvents.Add(Event(household, EventTypes.ConsentGiven, at, coordinator.Id, coordinator.DisplayName,
            $"Toestemming van {sanne.Name} voor {Corporation}: inkijk in het plan en berichten", new { organisatie = organisation, toestemming = consent.Id }, sanne.PersonId));
        var reported = _now.AddDays(-3);
        db.ActionProgress.Add(ActionProgress.Report(added.Action, organisation, "Eerste gesprek gehad; voorstel voor een betalingsregeling is verstuurd.", false,
            partner.Id, partner.DisplayName, reported));
        db.HouseholdEvents.Add(Event(household, EventTypes.ActionProgressReported, reported, partner.Id, partner.DisplayName,
            $"Voortgang van {Corporation} op actie '{Text.Short(CorporationAction)}': Eerste gesprek gehad; voorstel voor een betalingsregeling is verstuurd.",
            new { plan = plan.Id, actie = added.Action.Id, organisatie = organisation }, null));
        await db.SaveChangesAsync(ct);
    }

    private HouseholdEvent Event(Household h, string type, DateTime at, string actorId, string actorName, string summary, object data, Guid? person) => new()
    {
        Gemeentecode = gemeentecode, HouseholdId = h.Id, PersonId = person, Type = type, OccurredAt = at, EffectiveDate = DateOnly.FromDateTime(at),
        ActorId = actorId, ActorName = actorName, Summary = Text.Truncate(summary, HouseholdEvent.SummaryMaxLength), Data = JsonSerializer.Serialize(data),
    };
}
