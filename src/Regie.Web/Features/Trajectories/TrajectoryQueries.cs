using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Trajectories;

public sealed record TrajectoryView(Guid Id, DateOnly Geopend, DateOnly? Gesloten, string? Team, ClosingReason? Reden, string? Toelichting,
    IReadOnlyList<LegalFramework> Kaders, int Versie, Guid? PlanId, int Doelen, int DoelenBehaald);

public sealed record OpenGoal(Guid Id, string Wat, Domain.Assessment.ZrmDomain Leefgebied, GoalStatus Status, DateOnly Streefdatum);

public sealed record ClosingForm(TrajectoryView Trajectory, IReadOnlyList<OpenGoal> Goals, DateOnly? LatestAssessment);

/// <summary>The household's trajectories, and what the closing form shows.</summary>
public sealed class TrajectoryQueries(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    /// <summary>The household's trajectories, newest first; each list read is one audit entry with its number of trajectories.</summary>
    /// <param name="audited">False where the page records its own read of the household or the plan.</param>
    public async Task<IReadOnlyList<TrajectoryView>> ForHouseholdAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var rows = await db.Trajectories.AsNoTracking().Where(t => t.HouseholdId == householdId).OrderByDescending(t => t.OpenedOn).ThenByDescending(t => t.CreatedAt)
            .Select(t => new
            {
                t.Id, t.OpenedOn, t.ClosedOn, Team = db.Teams.Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefault(), t.ClosingReason, t.ClosingNote,
                t.Frameworks, t.Version,
                Plan = db.Plans.Where(p => p.TrajectoryId == t.Id).Select(p => (Guid?)p.Id).FirstOrDefault(),
                Goals = db.PlanGoals.Count(g => db.Plans.Any(p => p.TrajectoryId == t.Id && p.Id == g.PlanId)),
                Achieved = db.PlanGoals.Count(g => g.Status == GoalStatus.Behaald && db.Plans.Any(p => p.TrajectoryId == t.Id && p.Id == g.PlanId)),
            }).ToListAsync(ct);
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Trajectory, householdId, detail: $"trajecten ({rows.Count})", ct: ct);
        return rows.Select(t => new TrajectoryView(t.Id, t.OpenedOn, t.ClosedOn, t.Team, t.ClosingReason, t.ClosingNote, LegalFrameworks.ParseList(t.Frameworks),
            t.Version, t.Plan, t.Goals, t.Achieved)).ToList();
    }

    /// <summary>What the closing form needs: the open trajectory, the goals without an outcome, the newest assessment since opening.</summary>
    public async Task<ClosingForm?> ClosingFormAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        // Part of the closing page, which records its read of the household.
        var open = (await ForHouseholdAsync(householdId, ct, audited: false)).FirstOrDefault(t => t.Gesloten is null);
        if (open is null) return null;
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.HouseholdId == householdId && db.Plans.Any(p => p.Id == g.PlanId && p.TrajectoryId == open.Id))
            .OrderBy(g => g.Position).Select(g => new OpenGoal(g.Id, g.Wat, g.Domain, g.Status, g.Streefdatum)).ToListAsync(ct);
        return new ClosingForm(open, goals, await LatestAssessmentAsync(db, householdId, open.Geopend, ct));
    }

    /// <summary>The day of the household's newest ZRM assessment since <paramref name="since"/>: the closing's final measurement.</summary>
    internal static Task<DateOnly?> LatestAssessmentAsync(RegieDbContext db, Guid householdId, DateOnly since, CancellationToken ct) =>
        db.ZrmAssessments.Where(a => a.HouseholdId == householdId && a.AssessedOn >= since).MaxAsync(a => (DateOnly?)a.AssessedOn, ct);
}
