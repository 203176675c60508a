using Microsoft.EntityFrameworkCore;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Coordination;

public sealed record CoordinatorCandidate(string UserId, string Name, string? Team);
public sealed record AssignmentView(string Name, DateTime From, DateTime? Until, string? HandoverNote);
public sealed record MyHousehold(Guid Id, string Naam, string Adres, DateTime? LastActivity, DateOnly? LastAssessment,
    DateOnly? NextEvaluation, int OverdueActions, int LateGoals, bool HasPlan, int OverdueReferrals = 0);

/// <summary>Reads for coordination: whom this user may name, the assignment history, and "mijn huishoudens".</summary>
public sealed class CoordinationQueries(RegieDbContext db, FileAccessService access, CurrentUser user, Assignees.AssigneeQueries assignees, TimeProvider clock)
{
    /// <summary>Who this user may name as the household's coordinator (<see cref="CoordinatorRules.MayChoose"/>).</summary>
    public async Task<IReadOnlyList<CoordinatorCandidate>> CandidatesAsync(Guid householdId, CancellationToken ct)
    {
        var holding = await db.Households.Where(h => h.Id == householdId).Select(h => h.ResponsibleTeamId).FirstOrDefaultAsync(ct);
        var leads = LeadsTeam(holding);
        return (await StaffAsync(ct)).Where(s => CoordinatorRules.MayChoose(holding, s.TeamId, UserTeam, leads)).Select(s => s.Candidate).ToList();
    }

    /// <summary>The caller's team; none for the desk and for Regie itself (the CLI), who choose any team's worker for a file nobody holds.</summary>
    internal Guid? UserTeam => user.IsSystem ? null : user.TeamId;

    /// <summary>The holding team's lead (or Regie itself, for the CLI and data migrations) may move the file to another team.</summary>
    internal bool LeadsTeam(Guid? team) => user.IsSystem || (team is not null && user.Role == Roles.Teamleider && user.TeamId == team);

    internal sealed record StaffMember(CoordinatorCandidate Candidate, Guid? TeamId);

    /// <summary>Professionals and team leads of the municipality.</summary>
    internal async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct) =>
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
                HasPlan = db.Plans.Where(Plan.Active).Any(p => p.HouseholdId == h.Id),
                NextEvaluation = db.Plans.Where(Plan.Active).Where(p => p.HouseholdId == h.Id).Select(p => p.NextEvaluationOn).FirstOrDefault(),
                Overdue = db.PlanActions.Count(a => a.HouseholdId == h.Id && a.DoneOn == null && a.Deadline < today && db.Plans.Where(Plan.Active).Any(p => p.Id == a.PlanId)),
                Late = db.PlanGoals.Count(g => g.HouseholdId == h.Id && (g.Status == Domain.Care.GoalStatus.Open || g.Status == Domain.Care.GoalStatus.Loopt)
                    && g.Streefdatum < today && db.Plans.Where(Plan.Active).Any(p => p.Id == g.PlanId)),
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
