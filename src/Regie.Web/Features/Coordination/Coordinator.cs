using System.ComponentModel.DataAnnotations;
using Regie.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Coordination;

public sealed class AssignCoordinatorInput
{
    [Required] public string? RegisseurId { get; set; }
    public string? Overdracht { get; set; }
    public int Versie { get; set; }
}

public sealed record CoordinatorCandidate(string UserId, string Name, string? Team);
public sealed record AssignmentView(string Name, DateTime From, DateTime? Until, string? HandoverNote);
public sealed record MyHousehold(Guid Id, string Naam, string Adres, DateTime? LastActivity, DateOnly? LastAssessment,
    DateOnly? NextEvaluation, int OverdueActions, int LateGoals, bool HasPlan, int OverdueReferrals = 0);

/// <summary>Assigns or transfers the household's coordinator; the team of the new coordinator holds the file from then on.</summary>
public sealed class CoordinatorHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    Involvements.InvolvementService involvements, Assignees.AssigneeQueries assignees, TimeProvider clock)
{
    public const string CoordinatorInvalidCode = "coordinator-invalid";

    public async Task<CommandResult<string>> AssignAsync(Guid householdId, AssignCoordinatorInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<string>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var errors = new ErrorList();
        var staff = (await StaffAsync(ct)).FirstOrDefault(c => c.Candidate.UserId == input.RegisseurId);
        var candidate = staff?.Candidate;
        if (candidate is null) errors.Add(new DomainError(CoordinatorInvalidCode, "RegisseurId", "Kies een wijkteammedewerker of teamleider als regisseur."));
        else if (!CoordinatorRules.MayChoose(household.ResponsibleTeamId, staff!.TeamId, UserTeam, LeadsTeam(household.ResponsibleTeamId))) errors.Add(CoordinatorRules.OtherTeam);
        else CoordinatorRules.CheckTransfer(household.CoordinatorId, candidate.UserId, input.Overdracht, errors);
        var note = errors.Take(TextRules.Optional(input.Overdracht, "Overdracht", "de overdracht", CoordinatorRules.HandoverNoteMaxLength));
        if (errors.HasErrors) return CommandResult<string>.Invalid(errors.Errors);
        if (household.Version != input.Versie) return CommandResult<string>.Conflict();

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.CoordinatorAssignments.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.Until == null, ct);
        if (current is not null) current.Until = now;
        db.CoordinatorAssignments.Add(new CoordinatorAssignment
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, UserId = candidate!.UserId,
            From = now, HandoverNote = note, AssignedBy = user.ActorId,
        });
        db.Entry(household).Property(h => h.Version).OriginalValue = input.Versie;
        household.CoordinatorId = candidate.UserId;
        household.ResponsibleTeamId = await db.Users.Where(u => u.Id == candidate.UserId).Select(u => u.TeamId).FirstAsync(ct) ?? household.ResponsibleTeamId;
        household.UpdatedAt = now;
        if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(householdId, ct);
        // Everyone who looks the family up finds the new coordinator, and other parties hear of the team.
        await involvements.SyncTeamAsync(household, closing: false, ct);
        timeline.Record(household, EventTypes.CoordinatorAssigned,
            current is null ? $"{candidate.Name} is regisseur" : $"Regie overgedragen aan {candidate.Name}{(candidate.Team is null ? "" : " (" + candidate.Team + ")")}",
            data: new { regisseur = candidate.UserId, team = candidate.Team, overdracht = note is not null });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(candidate.UserId, ct), AuditResources.Household, householdId, null, "regisseur toegewezen", ct);
    }

    /// <summary>Who this user may name as the household's coordinator (<see cref="CoordinatorRules.MayChoose"/>).</summary>
    public async Task<IReadOnlyList<CoordinatorCandidate>> CandidatesAsync(Guid householdId, CancellationToken ct)
    {
        var holding = await db.Households.Where(h => h.Id == householdId).Select(h => h.ResponsibleTeamId).FirstOrDefaultAsync(ct);
        var leads = LeadsTeam(holding);
        return (await StaffAsync(ct)).Where(s => CoordinatorRules.MayChoose(holding, s.TeamId, UserTeam, leads)).Select(s => s.Candidate).ToList();
    }

    /// <summary>The caller's team; none for the desk and for Regie itself (the CLI), who choose any team's worker for a file nobody holds.</summary>
    private Guid? UserTeam => user.IsSystem ? null : user.TeamId;

    /// <summary>The holding team's lead (or Regie itself, for the CLI and data migrations) may move the file to another team.</summary>
    private bool LeadsTeam(Guid? team) => user.IsSystem || (team is not null && user.Role == Roles.Teamleider && user.TeamId == team);

    private sealed record StaffMember(CoordinatorCandidate Candidate, Guid? TeamId);

    /// <summary>Professionals and team leads of the municipality.</summary>
    private async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct) =>
        (await assignees.ListAsync([Roles.Professional, Roles.Teamleider], null, ct))
            .Select(s => new StaffMember(new CoordinatorCandidate(s.Id, s.Naam, s.Team), s.TeamId)).ToList();

    public async Task<IReadOnlyList<AssignmentView>> HistoryAsync(Guid householdId, CancellationToken ct)
    {
        if (!await access.CanOpenAsync(householdId, ct) || !access.IsCareRole) return [];
        return await db.CoordinatorAssignments.AsNoTracking().Where(a => a.HouseholdId == householdId).OrderByDescending(a => a.From)
            .Select(a => new AssignmentView(db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "?", a.From, a.Until, a.HandoverNote))
            .ToListAsync(ct);
    }

    /// <summary>"Mijn huishoudens": the households the signed-in professional coordinates.</summary>
    public async Task<IReadOnlyList<MyHousehold>> MineAsync(CancellationToken ct)
    {
        var me = user.ActorId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Households.AsNoTracking().Where(h => h.CoordinatorId == me).OrderBy(h => h.Naam).Take(500)
            .Select(h => new
            {
                h.Id, h.Naam, h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats,
                Last = db.HouseholdEvents.Where(e => e.HouseholdId == h.Id).Max(e => (DateTime?)e.OccurredAt),
                Zrm = db.ZrmAssessments.Where(a => a.HouseholdId == h.Id).Max(a => (DateOnly?)a.AssessedOn),
                // Scalar subqueries: a two-column one makes EF number every plan of the municipality.
                HasPlan = db.Plans.Any(p => p.HouseholdId == h.Id && p.ClosedOn == null),
                NextEvaluation = db.Plans.Where(p => p.HouseholdId == h.Id && p.ClosedOn == null).Select(p => p.NextEvaluationOn).FirstOrDefault(),
                Overdue = db.PlanActions.Count(a => a.HouseholdId == h.Id && a.DoneOn == null && a.Deadline < today && db.Plans.Any(p => p.Id == a.PlanId && p.ClosedOn == null)),
                Late = db.PlanGoals.Count(g => g.HouseholdId == h.Id && (g.Status == Domain.Care.GoalStatus.Open || g.Status == Domain.Care.GoalStatus.Loopt)
                    && g.Streefdatum < today && db.Plans.Any(p => p.Id == g.PlanId && p.ClosedOn == null)),
                // See ReferralRules.IsOverdue: not answered or not started by the follow-up date.
                OverdueReferrals = db.Referrals.Count(r => r.HouseholdId == h.Id && r.FollowUpOn < today
                    && (r.Status == Domain.Referrals.ReferralStatus.Verstuurd || r.Status == Domain.Referrals.ReferralStatus.Geaccepteerd)),
            }).ToListAsync(ct);
        // Most urgent first: overdue work, then the nearest evaluation.
        return rows.Select(r => new MyHousehold(r.Id, r.Naam, Domain.Registry.Address.OneLine(r.Straat, r.Huisnummer, r.Huisletter, r.Toevoeging, r.Postcode, r.Woonplaats),
                r.Last, r.Zrm, r.NextEvaluation, r.Overdue, r.Late, r.HasPlan, r.OverdueReferrals))
            .OrderByDescending(r => r.OverdueActions + r.LateGoals + r.OverdueReferrals > 0).ThenBy(r => r.NextEvaluation ?? DateOnly.MaxValue).ThenBy(r => r.Naam).ToList();
    }
}
