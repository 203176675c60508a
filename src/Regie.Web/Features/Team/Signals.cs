using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Team;

/// <summary>How long "no progress" and "open without a referral" may last before the team lead sees a household. Per installation.</summary>
public sealed class SignalOptions
{
    public const string Section = "Signalering";
    public int NoProgressWeeks { get; set; } = 8;
    public int MaxOpenWeeksWithoutReferral { get; set; } = 26;

    public StuckSettings ToSettings() => new(NoProgressWeeks, MaxOpenWeeksWithoutReferral);
}

public sealed record StuckHousehold(Guid Id, string Naam, string? Team, string? Regisseur, DateOnly Geopend, DateOnly? LaatsteVoortgang,
    IReadOnlyList<StuckReason> Redenen);

/// <summary>
/// The team lead's list of households that are stuck (nothing moved for weeks), held too long without
/// a referral (one sent in this trajectory that was not declined or withdrawn), or with a referral past its follow-up date.
/// </summary>
public sealed class StuckHouseholdsQuery(RegieDbContext db, CurrentUser user, SignalOptions options, TimeProvider clock)
{
    public StuckSettings Settings => options.ToSettings();

    /// <summary>
    /// The team lead's list: the stuck households of their own team, by name, and no other team's. A lead without a
    /// team, or anyone else, gets none.
    /// </summary>
    public async Task<IReadOnlyList<StuckHousehold>> ForLeadAsync(CancellationToken ct) =>
        user.Role == Roles.Teamleider && user.TeamId is { } own ? await ListAsync(own, ct) : [];

    /// <summary>
    /// The stuck households of one team or of all, with names: for figures (the monitor counts them) and for
    /// <see cref="ForLeadAsync"/>. A page never shows this list unscoped.
    /// </summary>
    /// <param name="teamId">Null: all teams of the municipality.</param>
    public async Task<IReadOnlyList<StuckHousehold>> ListAsync(Guid? teamId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var settings = Settings;
        // Only trajectories old enough to trip a rule can be on the list: the database narrows first.
        var horizon = today.AddDays(-7 * Math.Min(settings.NoProgressWeeks, settings.MaxOpenWeeksWithoutReferral));
        var rows = await db.Trajectories.AsNoTracking()
            .Where(t => t.ClosedOn == null && (teamId == null || t.TeamId == teamId) && (t.OpenedOn < horizon
                || db.Referrals.Any(r => r.HouseholdId == t.HouseholdId && r.FollowUpOn < today
                    && (r.Status == Domain.Referrals.ReferralStatus.Verstuurd || r.Status == Domain.Referrals.ReferralStatus.Geaccepteerd))))
            .Select(t => new
            {
                t.HouseholdId, t.OpenedOn,
                // Two scalar subqueries: one with two columns makes EF number every household of the municipality.
                Naam = db.Households.Where(h => h.Id == t.HouseholdId).Select(h => h.Naam).First(),
                CoordinatorId = db.Households.Where(h => h.Id == t.HouseholdId).Select(h => h.CoordinatorId).First(),
                Team = db.Teams.Where(x => x.Id == t.TeamId).Select(x => x.Name).FirstOrDefault(),
                Goal = db.PlanGoals.Where(g => g.HouseholdId == t.HouseholdId && g.Status != GoalStatus.Open && db.Plans.Any(p => p.Id == g.PlanId && p.TrajectoryId == t.Id))
                    .Max(g => (DateOnly?)g.StatusChangedOn),
                Action = db.PlanActions.Where(a => a.HouseholdId == t.HouseholdId && db.Plans.Any(p => p.Id == a.PlanId && p.TrajectoryId == t.Id)).Max(a => a.DoneOn),
                Evaluation = db.PlanEvaluations.Where(e => e.HouseholdId == t.HouseholdId && db.Plans.Any(p => p.Id == e.PlanId && p.TrajectoryId == t.Id))
                    .Max(e => (DateOnly?)e.HeldOn),
                Referral = db.Referrals.Any(r => r.HouseholdId == t.HouseholdId && r.SentAt >= t.CreatedAt
                    && r.Status != Domain.Referrals.ReferralStatus.Afgewezen && r.Status != Domain.Referrals.ReferralStatus.Ingetrokken),
                OverdueReferrals = db.Referrals.Count(r => r.HouseholdId == t.HouseholdId && r.FollowUpOn < today
                    && (r.Status == Domain.Referrals.ReferralStatus.Verstuurd || r.Status == Domain.Referrals.ReferralStatus.Geaccepteerd)),
            })
            .OrderBy(t => t.OpenedOn).Take(1000).ToListAsync(ct);
        var coordinators = rows.Select(r => r.CoordinatorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => coordinators.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var result = new List<StuckHousehold>();
        foreach (var r in rows)
        {
            var progress = new[] { r.Goal, r.Action, r.Evaluation }.Max();
            var reasons = StuckRules.Evaluate(r.OpenedOn, progress, r.Referral, today, settings, r.OverdueReferrals);
            if (reasons.Count > 0)
                result.Add(new StuckHousehold(r.HouseholdId, r.Naam, r.Team,
                    r.CoordinatorId is { } c ? names.GetValueOrDefault(c) : null, r.OpenedOn, progress, reasons));
        }
        return result;
    }

    /// <summary>The name of the lead's own team, for the page's heading.</summary>
    public async Task<string?> OwnTeamNameAsync(CancellationToken ct) =>
        user.TeamId is { } own ? await db.Teams.AsNoTracking().Where(t => t.Id == own).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
}
