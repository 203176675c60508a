using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>Records the minutes (verslag) and the decisions (besluiten) of a conference that has started; the list replaces the former one.</summary>
public sealed class RecordMinutesHandler(RegieDbContext db, ConferenceChanges changes, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, MinutesInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var errors = new ErrorList();
        if (ConferenceRules.CheckMinutes(input.Verslag, input.Besluiten ?? [], errors) is not { } minutes) return CommandResult<int>.Invalid(errors.Errors);
        var wasHeld = c.Status == ConferenceStatus.Gehouden;
        var decisionIds = await db.ConferenceDecisions.Where(d => d.ConferenceId == c.Id).Select(d => (Guid?)d.Id).ToListAsync(ct);
        var inPlan = (await db.PlanGoals.Where(g => decisionIds.Contains(g.DecisionId)).Select(g => g.DecisionId)
                .Concat(db.PlanActions.Where(a => decisionIds.Contains(a.DecisionId)).Select(a => a.DecisionId)).ToListAsync(ct))
            .OfType<Guid>().ToHashSet();
        var (refused, added, removed) = c.RecordMinutes(minutes.Minutes, minutes.Decisions, inPlan, changes.Now);
        if (refused is not null) return CommandResult<int>.Invalid(refused);
        db.ConferenceDecisions.RemoveRange(removed);
        db.ConferenceDecisions.AddRange(added);
        if (!wasHeld) await RecordAttendanceHandler.HeldAsync(changes, timeline, c, ct);
        return await changes.SaveAsync(c, input.Versie, $"verslag met {added.Count} besluiten", ct);
    }
}
