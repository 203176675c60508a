using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// One plan with everyone, in the seed-003 story: the network around the De Wit household (Ria's sister, who takes over the
/// care for Ria two days a week, and the neighbour), each with Sanne's consent; the plan's own sections — what goes well,
/// the concerns with the heaviest first, the earlier help — and an action carried out by Ria's sister. Ria, the children's
/// grandmother, lives in the household since the move, so she is a member, not network. Every change goes through the
/// entities' own methods and every plan change is its own version, as the use cases save them.
/// </summary>
public sealed class DemoNetwork(RegieDbContext db, TimeProvider clock)
{
    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.NetworkMembers.AnyAsync(ct)) return;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Naam == DemoMeldcode.StoryHousehold, ct);
        if (household is null) return;
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == household.Id, ct);
        var coordinator = await db.Users.Where(u => u.Id == household.CoordinatorId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (plan is null || coordinator is null) return;
        var all = await PlanVersions.MembersAsync(db, household.Id, ct);
        var members = all.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
        var sanne = members.FirstOrDefault(m => m.Value.StartsWith("Sanne", StringComparison.Ordinal)).Key;
        if (sanne == Guid.Empty) return;
        var frameworks = await db.Trajectories.Where(t => t.Id == plan.TrajectoryId).Select(t => t.Frameworks).FirstAsync(ct);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var errors = new ErrorList();
        var sister = Add(household, new NetworkMemberFields("Els de Wit", nameof(NetworkRelation.Familie), "06 12345678", null,
            "Zus van Ria: neemt op dinsdag en donderdag de zorg voor Ria over", Date(-10), sanne), members, errors);
        var neighbour = Add(household, new NetworkMemberFields("Fatma Yilmaz", nameof(NetworkRelation.Buur), null, null,
            "Buurvrouw: doet op zaterdag de boodschappen met Sanne", Date(-10), sanne), members, errors);
        await db.SaveChangesAsync(ct);

        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        var at = Today.AddDays(-9).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        async Task SaveAsync(string? change)
        {
            if (change is null) throw Refused("een wijziging van het plan", errors);
            // One saved change is the next version, as the use cases save it.
            var number = plan.Version + 1;
            plan.MarkSaved(at);
            db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
            db.PlanVersions.Add(PlanVersions.New(plan, number, change, PlanVersions.Snapshot(plan, frameworks, plan.Goals, plan.Actions, all.ToDictionary(m => m.PersonId, m => m.Name)),
                coordinator.Id, coordinator.DisplayName, at));
            Event(household, EventTypes.PlanChanged, $"Plan versie {number}: {change}", new { plan = plan.Id, versie = number });
            await db.SaveChangesAsync(ct);
            at = at.AddMinutes(5);
        }

        await SaveAsync(plan.ChangeSections(new PlanSectionFields(
            "Sanne en Ria staan voor elkaar klaar. Noah en Lieke gaan graag naar school en hebben het daar goed. Sanne wil zelf weer een eigen plek en pakt afspraken op.",
            [
                new ConcernFields("Sanne is overbelast: ze zorgt voor de kinderen en voor haar moeder, en slaapt slecht", true),
                new ConcernFields("Er is geen eigen woning; met z'n vieren in de seniorenflat is het te krap", true),
                new ConcernFields("De huurachterstand van de oude woning", false),
            ],
            "- Woningcorporatie Thuis: signaal over dreigende huisuitzetting om huurachterstand, voor de verhuizing\n- Eerder contact met de schuldhulpverlening, niet afgemaakt"),
            errors));
        var network = new Dictionary<Guid, string> { [sister.Id] = sister.Name, [neighbour.Id] = neighbour.Name };
        if (plan.AddAction(new ActionFields(null, "Neemt op dinsdag en donderdag de zorg voor Ria over, zodat Sanne naar bezichtigingen en afspraken kan",
                nameof(ActionOwnerKind.Netwerk), null, null, null, Date(30), sister.Id), members, null, Today, at, errors, network) is not var (action, change))
            throw Refused("de actie van het netwerk", errors);
        db.PlanActions.Add(action);
        await SaveAsync(change);
    }

    private NetworkMember Add(Household household, NetworkMemberFields fields, IReadOnlyDictionary<Guid, string> members, ErrorList errors)
    {
        var content = NetworkRules.Check(fields, members, null, Today, errors) ?? throw Refused("een netwerklid", errors);
        var member = NetworkMember.Add(household, content, Today.AddDays(-10), _now.AddDays(-10));
        db.NetworkMembers.Add(member);
        Event(household, EventTypes.NetworkMemberAdded,
            $"{member.Name} ({NetworkRelations.Label(member.Relation).ToLowerInvariant()}) toegevoegd aan het netwerk, met toestemming van {member.ConsentByName}",
            new { netwerklid = member.Id });
        return member;
    }

    private void Event(Household household, string type, string summary, object data) =>
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, Type = type, OccurredAt = _now.AddDays(-9), EffectiveDate = Today.AddDays(-9),
            ActorId = "demo", ActorName = "Demo-installatie", Summary = summary, Data = JsonSerializer.Serialize(data),
        });

    private static InvalidOperationException Refused(string what, ErrorList errors) =>
        new($"Demo: {what} geweigerd: {string.Join("; ", errors.Errors.Select(e => e.Message))}");
}
