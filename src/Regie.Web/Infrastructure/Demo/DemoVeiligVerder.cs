using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Globalization;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The Veilig Verder plan of the story's household, whose Meldcode track (<see cref="DemoMeldcode"/>) was weighed a few days
/// ago: what must be safe for the children, what mother, grandmother and school do when the father threatens at the door
/// again, who keeps watch how often, and the mother's signature on the latest version. Every change goes through the
/// plan's own methods and is saved as its own version, as the use cases do.
/// </summary>
public sealed class DemoVeiligVerder(RegieDbContext db, TimeProvider clock)
{
    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(_now);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.VeiligVerderPlans.AnyAsync(ct)) return;
        // The household whose open track's weighing leads to organising help: the story's.
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold
                && db.MeldcodeTracks.Any(t => t.HouseholdId == h.Id && t.Status == Domain.Safety.MeldcodeTrackStatus.Open
                    && t.Entries.Any(e => e.Step == Domain.Safety.MeldcodeStep.Weging && e.Outcome == Domain.Safety.WeighingOutcome.HulpOrganiseren)))
            .Select(h => new { h.Id, h.CoordinatorId }).FirstOrDefaultAsync(ct);
        if (household is null) return;
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == household.Id, ct);
        var coordinator = await db.Users.Where(u => u.Id == household.CoordinatorId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (plan is null || coordinator is null) return;
        var members = (await PlanVersions.MembersAsync(db, household.Id, ct)).Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
        var roles = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == household.Id).ToDictionaryAsync(m => m.PersonId, m => m.Role, ct);
        var mother = roles.Where(r => r.Value == HouseholdRole.Overig).Select(r => (Guid?)r.Key).FirstOrDefault();
        var grandmother = roles.Where(r => r.Value == HouseholdRole.Ouder).Select(r => (Guid?)r.Key).FirstOrDefault();
        if (mother is not { } m || grandmother is not { } g) return;
        string First(Guid person) => members[person].Split(' ')[0];
        var kids = string.Join(" en ", roles.Where(r => r.Value == HouseholdRole.Kind).Select(r => First(r.Key)).Order());
        if (kids.Length == 0) kids = "De kinderen";

        var started = Today.AddDays(-3);
        var errors = new ErrorList();
        var vv = VeiligVerderPlan.Start(plan, exists: false, coordinator.Id, started, At(started, 14), errors) ?? throw Refused("het Veilig Verder-plan", errors);
        db.VeiligVerderPlans.Add(vv);
        await db.SaveChangesAsync(ct);

        var at = At(started, 14);
        async Task SaveAsync(object? change)
        {
            if (change is null) throw Refused("een wijziging van het Veilig Verder-plan", errors);
            // One saved change is the next version, as the use cases save it.
            db.Entry(vv).Property(v => v.UpdatedAt).IsModified = true;
            await db.SaveChangesAsync(ct);
            at = at.AddMinutes(4);
        }
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await SaveAsync(Added(vv.AddGoal(plan, new SafetyGoalFields($"{kids} voelen zich thuis en op weg naar school veilig", null, Date(90), null),
            members, Today, at, errors)));
        await SaveAsync(Added(vv.AddGoal(plan, new SafetyGoalFields("Vader ziet de kinderen alleen op afgesproken momenten, onder begeleiding", null, Date(120), null),
            members, Today, at, errors)));
        await SaveAsync(Added(vv.AddArrangement(plan, new SafetyArrangementFields(nameof(SafetyActorKind.Huishoudlid), m, null,
            $"{First(m)} doet niet open, belt bij dreiging 112 en daarna dezelfde dag de regisseur", "als de vader van de kinderen onaangekondigd voor de deur staat"),
            members, at, errors)));
        await SaveAsync(Added(vv.AddArrangement(plan, new SafetyArrangementFields(nameof(SafetyActorKind.Huishoudlid), g, null,
            $"{First(g)} houdt de kinderen binnen of haalt ze zelf op, en belt {First(m)} en de wijkagent", $"als {First(m)} niet thuis is en vader aanbelt of bij school wacht"),
            members, at, errors)));
        await SaveAsync(Added(vv.AddArrangement(plan, new SafetyArrangementFields(nameof(SafetyActorKind.Professional), null, "Intern begeleider Basisschool De Klimop",
            $"belt dezelfde dag de regisseur; de kinderen gaan alleen mee met {First(m)} of {First(g)}", $"als {kids.Replace(" en ", " of ", StringComparison.Ordinal)} op school over vader vertelt of bang is"),
            members, at, errors)));
        await SaveAsync(Added(vv.AddCheck(plan, new SafetyCheckFields($"{coordinator.DisplayName} (regisseur)", nameof(SafetyCheckMethod.Huisbezoek), "2",
            nameof(FrequencyUnit.Weken), Date(5)), Today, at, errors)));
        await SaveAsync(Added(vv.AddCheck(plan, new SafetyCheckFields("Intern begeleider Basisschool De Klimop", nameof(SafetyCheckMethod.GesprekMetSchool), "4",
            nameof(FrequencyUnit.Weken), Date(12)), Today, at, errors)));

        // The mother signed the version she was shown, the day after.
        var agreed = Today.AddDays(-2);
        var agreement = vv.RecordAgreement(plan, new AgreementFields(m, agreed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ondertekend"), members, Today,
            coordinator.Id, At(agreed, 11), errors) ?? throw Refused("het akkoord op het Veilig Verder-plan", errors);
        db.VeiligVerderAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
    }

    private object? Added((SafetyGoal Goal, string Change)? added)
    {
        if (added is not var (goal, change)) return null;
        db.SafetyGoals.Add(goal);
        return change;
    }

    private object? Added((SafetyArrangement Arrangement, string Change)? added)
    {
        if (added is not var (arrangement, change)) return null;
        db.SafetyArrangements.Add(arrangement);
        return change;
    }

    private object? Added((SafetyCheck Check, string Change)? added)
    {
        if (added is not var (check, change)) return null;
        db.SafetyChecks.Add(check);
        return change;
    }

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static InvalidOperationException Refused(string what, ErrorList errors) =>
        new($"Demo: {what} geweigerd: {string.Join("; ", errors.Errors.Select(e => e.Message))}");
}
