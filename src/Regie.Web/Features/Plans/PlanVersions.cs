using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Text.Json;

namespace Regie.Web.Features.Plans;

/// <summary>
/// What every saved change of a plan writes: the plan as a snapshot with the names of the people in it.
/// Shared by the plan's own saves and by closing a trajectory, which saves the plan's last version.
/// </summary>
public static class PlanVersions
{
    public static PlanVersion New(Plan plan, int number, string change, PlanSnapshot snapshot, string actorId, string actorName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = plan.Gemeentecode, PlanId = plan.Id, Number = number, SavedAt = now,
        SavedById = actorId, SavedByName = actorName, Change = Text.Truncate(change, 1000),
        Snapshot = JsonSerializer.Serialize(snapshot),
    };

    public static PlanSnapshot Snapshot(Plan plan, string? frameworks, IEnumerable<PlanGoal> goals, IEnumerable<PlanAction> actions, IReadOnlyDictionary<Guid, string> names) =>
        new(plan.Afspraken, plan.NextEvaluationOn, frameworks,
            goals.OrderBy(g => g.Position).Select(g => new GoalSnapshot(g.Id, g.Domain.ToString(), g.PersonId is { } p ? names.GetValueOrDefault(p) : null,
                g.Wat, g.MeetbaarResultaat, g.Streefdatum, g.Wie, g.Status.ToString(), g.Toelichting)).ToList(),
            actions.OrderBy(a => a.Position).Select(a => new ActionSnapshot(a.Id, a.GoalId, a.Omschrijving, a.OwnerKind.ToString(), a.OwnerName, a.Deadline, a.DoneOn)).ToList(),
            plan.Strengths, plan.Concerns, plan.EarlierHelp);

    /// <summary>
    /// Who lives in the household now, by name: the one "current member" check for a person chosen in a plan, referral or
    /// light support is whether they are in it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> CurrentMembersAsync(RegieDbContext db, Guid householdId, CancellationToken ct) =>
        (await MembersAsync(db, householdId, ct)).Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);

    /// <summary>Everyone who lives or lived in the household, by name; <c>Current</c> says who lives there now.</summary>
    public static async Task<IReadOnlyList<(Guid PersonId, string Name, bool Current)>> MembersAsync(RegieDbContext db, Guid householdId, CancellationToken ct)
    {
        var rows = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .OrderBy(m => m.Person!.Geboortedatum)
            .Select(m => new { m.PersonId, m.Until, m.Person!.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam }).ToListAsync(ct);
        // A person who left and came back has two periods: one name, current if any period is.
        return rows.GroupBy(r => r.PersonId)
            .Select(g => (g.Key, new PersonName(g.First().Voornamen, g.First().Voorvoegsel, g.First().Achternaam).FullName, g.Any(r => r.Until == null)))
            .ToList();
    }
}
