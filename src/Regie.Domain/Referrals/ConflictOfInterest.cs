using Regie.Domain.Coordination;

namespace Regie.Domain.Referrals;

/// <summary>One sent referral as the conflict-of-interest figures see it: the referrer's team and employer at sending, and the provider.</summary>
public sealed record ReferralFact(Guid? TeamId, EmployerKind? EmployerKind, Guid? EmployerOrganisationId, Guid? ProviderOrganisationId);

/// <summary>
/// For one team (null: all teams) and one provider that employs referrers: how often its own staff referred to it,
/// next to how often independent staff of the same team referred to it.
/// </summary>
public sealed record ProviderFigures(Guid? TeamId, Guid ProviderId, int ByProviderStaff, int ByProviderStaffToProvider, int ByIndependentStaff, int ByIndependentStaffToProvider)
{
    public decimal? OwnShare => ConflictOfInterest.Share(ByProviderStaffToProvider, ByProviderStaff);
    public decimal? IndependentShare => ConflictOfInterest.Share(ByIndependentStaffToProvider, ByIndependentStaff);
}

/// <summary>For one team (null: all teams): all referrals, and those to the referrer's own employer.</summary>
public sealed record TeamFigures(Guid? TeamId, int Referrals, int ToOwnEmployer)
{
    public decimal? OwnEmployerShare => ConflictOfInterest.Share(ToOwnEmployer, Referrals);
}

public sealed record ConflictOfInterestFigures(IReadOnlyList<TeamFigures> Teams, IReadOnlyList<ProviderFigures> Providers);

/// <summary>
/// Seconded staff refer to their own parent organisation (seeds 001, 004; CPB 2019). These figures make that
/// visible: per team and provider, the share of referrals by the provider's own staff that went to it, next to
/// the share of referrals by independent staff (municipality or the team's own organisation) that went to it.
/// A provider's share among its own staff far above the independent share is the signal.
/// </summary>
public static class ConflictOfInterest
{
    public static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    public static ConflictOfInterestFigures Compute(IEnumerable<ReferralFact> referrals)
    {
        var facts = referrals.ToList();
        var teams = new List<TeamFigures>();
        var providers = new List<ProviderFigures>();
        // Per team, then the whole municipality (TeamId null) as the last group.
        var groups = facts.Where(f => f.TeamId != null).GroupBy(f => f.TeamId).OrderBy(g => g.Key).Select(g => (Team: g.Key, Facts: g.ToList())).ToList();
        groups.Add((null, facts));
        foreach (var (team, list) in groups)
        {
            teams.Add(new TeamFigures(team, list.Count, list.Count(f => Employment.IsOwnEmployer(f.EmployerOrganisationId, f.ProviderOrganisationId))));
            var independent = list.Where(f => Employment.IsIndependent(f.EmployerKind)).ToList();
            foreach (var provider in list.Where(f => f.EmployerKind == EmployerKind.Aanbieder && f.EmployerOrganisationId is not null)
                         .Select(f => f.EmployerOrganisationId!.Value).Distinct().Order())
            {
                var own = list.Where(f => f.EmployerKind == EmployerKind.Aanbieder && f.EmployerOrganisationId == provider).ToList();
                providers.Add(new ProviderFigures(team, provider, own.Count, own.Count(f => f.ProviderOrganisationId == provider),
                    independent.Count, independent.Count(f => f.ProviderOrganisationId == provider)));
            }
        }
        return new ConflictOfInterestFigures(teams, providers);
    }
}
