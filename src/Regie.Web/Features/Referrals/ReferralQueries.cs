using Microsoft.EntityFrameworkCore;
using Regie.Domain.Referrals;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Referrals;

/// <summary>The team's reads: a household's referrals with their history, and what the referral form starts with.</summary>
public sealed class ReferralQueries(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    /// <summary>The form's starting values from a social-map service and a goal; unknown ids are ignored (the worker fills in by hand).</summary>
    public async Task<ReferralPrefill?> PrefillAsync(Guid householdId, Guid? serviceId, Guid? goalId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var goal = goalId is { } g ? await db.PlanGoals.AsNoTracking().Where(x => x.Id == g && x.HouseholdId == householdId)
            .Select(x => new { x.Id, x.PersonId }).FirstOrDefaultAsync(ct) : null;
        var service = serviceId is { } s ? await db.HsdsServices.AsNoTracking().Where(x => x.Id == s)
            .Select(x => new { x.Id, x.Name, x.Kind, x.OrganizationId }).FirstOrDefaultAsync(ct) : null;
        var organisation = service?.OrganizationId is { } o ? await db.HsdsOrganizations.AsNoTracking().Where(x => x.Id == o)
            .Select(x => new { x.Name, x.OrganisationId }).FirstOrDefaultAsync(ct) : null;
        return new ReferralPrefill(service?.Id, service?.Name, service?.Kind, organisation?.OrganisationId, organisation?.Name, goal?.Id, goal?.PersonId);
    }

    /// <summary>Registered organisations a referral can go to: partners first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().OrderBy(o => o.Kind == OrganisationKinds.Partner ? 0 : 1).ThenBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>The household's referrals, newest first, for the team.</summary>
    /// <param name="audited">False where the page records its own read of the plan or file.</param>
    public async Task<IReadOnlyList<ReferralView>?> ForHouseholdAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var rows = await db.Referrals.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderByDescending(r => r.SentAt).ToListAsync(ct);
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Referral, householdId, ct: ct);
        return await TeamViewsAsync(rows, ct);
    }

    private async Task<IReadOnlyList<ReferralView>> TeamViewsAsync(List<Referral> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var steps = await StepsAsync(db, ids, ct);
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var names = (await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var providerIds = rows.Select(r => r.ProviderOrganisationId).OfType<Guid>().Distinct().ToList();
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null && providerIds.Contains(u.OrganisationId.Value)).Select(u => u.OrganisationId!.Value).Distinct().ToListAsync(ct))
            .Concat(await db.ApiKeys.AsNoTracking().Where(ApiKey.Active()).Where(k => k.OrganisationId != null && providerIds.Contains(k.OrganisationId.Value)).Select(k => k.OrganisationId!.Value).Distinct().ToListAsync(ct))
            .ToHashSet();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows.Select(r => new ReferralView(r.Id, r.HouseholdId, r.PersonId, names.GetValueOrDefault(r.PersonId, "?"), r.GoalId, r.ProviderOrganisationId, r.ProviderName,
            r.ProviderOrganisationId is { } p && withAccount.Contains(p), r.ServiceId, r.ServiceName, r.ServiceKind, r.Question, r.FollowUpOn, r.Status, r.StatusChangedAt,
            r.DeclineReason, r.Feedback, r.ReferrerName, r.OwnEmployer, r.SentAt, ReferralRules.IsOverdue(r.Status, r.FollowUpOn, today), r.Version,
            steps.GetValueOrDefault(r.Id, []))).ToList();
    }

    /// <summary>The steps of the referrals, oldest first, per referral.</summary>
    internal static async Task<Dictionary<Guid, List<ReferralStepView>>> StepsAsync(RegieDbContext db, List<Guid> ids, CancellationToken ct) =>
        (await db.ReferralSteps.AsNoTracking().Where(s => ids.Contains(s.ReferralId)).OrderBy(s => s.At).ToListAsync(ct))
        .GroupBy(s => s.ReferralId).ToDictionary(g => g.Key, g => g.Select(s => new ReferralStepView(s.Status, s.At, s.ByName, s.ByOrganisation, s.Note)).ToList());
}
