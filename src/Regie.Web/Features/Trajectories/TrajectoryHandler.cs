using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Trajectories;

public sealed class ClosingInput
{
    [Required, OneOf(typeof(ClosingReason))] public string? Reden { get; set; }
    [Description("Verplicht bij reden Anders.")] public string? Toelichting { get; set; }
    /// <summary>Goal id → outcome (a <see cref="GoalStatus"/> name) for every goal without an outcome yet.</summary>
    [Description("Per doel dat nog open is (doel-id) de uitkomst: een eindstatus van het doel, bijvoorbeeld Behaald."), OneOf(typeof(GoalStatuses), nameof(GoalStatuses.Outcomes))]
    public Dictionary<Guid, string> Uitkomsten { get; set; } = [];
    /// <summary>Goal id → what came of it.</summary>
    [Description("Per doel (doel-id) een korte toelichting op wat ervan terechtkwam; mag voor elk doel van het plan, ook een doel dat al een uitkomst had.")]
    public Dictionary<Guid, string> UitkomstToelichting { get; set; } = [];
    public int Versie { get; set; }
}

public sealed class ReopenInput
{
    [Required] public string? Aanleiding { get; set; }
}

public sealed record TrajectoryView(Guid Id, DateOnly Geopend, DateOnly? Gesloten, string? Team, ClosingReason? Reden, string? Toelichting,
    IReadOnlyList<LegalFramework> Kaders, int Versie, Guid? PlanId, int Doelen, int DoelenBehaald);

public sealed record OpenGoal(Guid Id, string Wat, Domain.Assessment.ZrmDomain Leefgebied, GoalStatus Status, DateOnly Streefdatum);

public sealed record ClosingForm(TrajectoryView Trajectory, IReadOnlyList<OpenGoal> Goals, DateOnly? LatestAssessment);

/// <summary>
/// Opens and closes trajectories. Closing records an outcome per goal, checks for a recent final ZRM
/// assessment and ends the coordinator's assignment; reopening starts a new trajectory beside the old.
/// </summary>
public sealed class TrajectoryHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    Involvements.SyncTeamInvolvementHandler syncTeam, TimeProvider clock)
{
    public const string ReasonRequiredCode = "reopen-reason-required";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Adds a new open trajectory to the unit of work (the caller saves). The database's unique index refuses a second open one.</summary>
    public Trajectory Open(Household household, Guid? requestId, string summary)
    {
        var trajectory = new Trajectory
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id,
            TeamId = user.TeamId ?? household.ResponsibleTeamId, RequestId = requestId, OpenedOn = Today, OpenedBy = user.ActorId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Trajectories.Add(trajectory);
        household.ResponsibleTeamId ??= trajectory.TeamId;
        timeline.Record(household, EventTypes.TrajectoryOpened, summary, data: new { traject = trajectory.Id, verzoek = requestId });
        return trajectory;
    }

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
        return new ClosingForm(open, goals, await LatestAssessmentAsync(householdId, open.Geopend, ct));
    }

    private Task<DateOnly?> LatestAssessmentAsync(Guid householdId, DateOnly since, CancellationToken ct) =>
        db.ZrmAssessments.Where(a => a.HouseholdId == householdId && a.AssessedOn >= since).MaxAsync(a => (DateOnly?)a.AssessedOn, ct);

    public async Task<CommandResult<Guid>> CloseAsync(Guid householdId, ClosingInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var trajectory = await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct);
        if (trajectory is null) return CommandResult<Guid>.Invalid(new DomainError(ClosingRules.NotOpenCode, "", "Dit huishouden heeft geen open traject."));
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.TrajectoryId == trajectory.Id, ct);
        var goals = plan is null ? [] : await db.PlanGoals.Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);

        var errors = new ErrorList();
        var reason = Enums.ParseDefined<ClosingReason>(input.Reden);
        var note = errors.Take(TextRules.Optional(input.Toelichting, "Toelichting", "de toelichting", ClosingRules.NoteMaxLength));
        var outcomes = goals.Where(g => !GoalStatuses.IsFinal(g.Status))
            .Select(g => (g.Id, g.Wat, Enums.ParseDefined<GoalStatus>(input.Uitkomsten.GetValueOrDefault(g.Id))))
            .ToList();
        var today = Today;
        var latest = await LatestAssessmentAsync(householdId, trajectory.OpenedOn, ct);
        ClosingRules.Check(reason, note, outcomes, latest, today, errors);
        var explanations = new Dictionary<Guid, string?>();
        foreach (var (id, text) in input.UitkomstToelichting)
            explanations[id] = errors.Take(TextRules.Optional(text, $"UitkomstToelichting[{id}]", "de toelichting bij het doel", PlanRules.GoalExplanationMaxLength));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        if (trajectory.Version != input.Versie) return CommandResult<Guid>.Conflict();

        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(trajectory).Property(t => t.Version).OriginalValue = input.Versie;
        trajectory.ClosedOn = today;
        trajectory.ClosingReason = reason;
        trajectory.ClosingNote = note;
        trajectory.ClosedBy = user.ActorId;
        foreach (var (id, _, outcome) in outcomes)
        {
            var goal = goals.First(g => g.Id == id);
            goal.Status = outcome!.Value;
            goal.StatusChangedOn = today;
        }
        foreach (var goal in goals)
            if (explanations.TryGetValue(goal.Id, out var text) && text is not null) goal.Toelichting = text;
        if (plan is not null)
        {
            plan.ClosedOn = today;
            plan.UpdatedAt = now;
            var names = (await Plans.PlanVersions.MembersAsync(db, householdId, ct)).ToDictionary(m => m.PersonId, m => m.Name);
            var actions = await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct);
            db.PlanVersions.Add(Plans.PlanVersions.New(plan, plan.Version + 1, $"Traject afgesloten: {ClosingReasons.Label(reason!.Value).ToLowerInvariant()}",
                Plans.PlanVersions.Snapshot(plan, trajectory.Frameworks, goals, actions, names), user.ActorId, user.ActorName, now));
        }
        // An open household has one coordinator; a closed one has none. The team keeps the file for the retention period.
        var assignment = await db.CoordinatorAssignments.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.Until == null, ct);
        if (assignment is not null) assignment.Until = now;
        household.CoordinatorId = null;
        household.UpdatedAt = now;
        // The team's involvement ends with the trajectory: a look-up no longer sends people to it.
        await syncTeam.HandleAsync(household, closing: true, ct);
        var achieved = goals.Count(g => g.Status == GoalStatus.Behaald);
        timeline.Record(household, EventTypes.TrajectoryClosed,
            $"Traject afgesloten: {ClosingReasons.Label(reason!.Value).ToLowerInvariant()}" + (goals.Count > 0 ? $"; {achieved} van {goals.Count} doelen behaald" : ""),
            data: new
            {
                traject = trajectory.Id, reden = reason.ToString(), eindmeting = latest, dagen = today.DayNumber - trajectory.OpenedOn.DayNumber,
                uitkomsten = goals.GroupBy(g => g.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            });
        var result = await db.SaveOrConflictAsync(trajectory.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Trajectory, householdId, null, $"traject afgesloten: {reason}", ct);
    }

    /// <summary>Starts a new trajectory for a household whose previous one was closed; the old one, its plan and outcomes stay as they were.</summary>
    public async Task<CommandResult<Guid>> ReopenAsync(Guid householdId, ReopenInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var reason = errors.Take(TextRules.Optional(input.Aanleiding, "Aanleiding", "de aanleiding", 1000));
        if (reason is null && !errors.HasErrors) errors.Add(new DomainError(ReasonRequiredCode, "Aanleiding", "Beschrijf waarom het huishouden opnieuw ondersteuning krijgt."));
        if (await db.Trajectories.AnyAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct))
            errors.Add(new DomainError(ClosingRules.AlreadyOpenCode, "", "Dit huishouden heeft al een open traject."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var previous = await db.Trajectories.AnyAsync(t => t.HouseholdId == householdId, ct);
        var trajectory = Open(household, null, (previous ? "Nieuw traject gestart: " : "Traject gestart: ") + reason);
        if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(householdId, ct);
        var result = await db.SaveOrConflictAsync(trajectory.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Trajectory, householdId, null, "traject gestart", ct, AuditActions.Create);
    }
}
