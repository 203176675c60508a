using Microsoft.EntityFrameworkCore;
using Regie.Domain.Consent;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Inkijk;

/// <summary>The partner organisation a request acts for (a partner's account or API key).</summary>
public sealed record InkijkOrganisation(Guid Id, string Name);

/// <summary>
/// Who may look into which household's plan (<see cref="InkijkRules"/>): a partner organisation with an active consent for the
/// scope that is involved now, through a current registration for a member in the involvement register or an open referral.
/// Asked on every request, so a revoked consent, an ended involvement or a closed referral closes the next one.
/// </summary>
public sealed class InkijkAccess(RegieDbContext db, CurrentUser user, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The organisation of the signed-in partner or partner key; null for every other role and for a partner without one.</summary>
    public async Task<InkijkOrganisation?> OrganisationAsync(CancellationToken ct)
    {
        if (user.IsSystem || user.Role != Roles.Partner) return null;
        var organisations = db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKinds.Partner);
        // A linked account or key acts for its organisation by id; an older one by its name.
        organisations = user.OrganisationId is { } id ? organisations.Where(o => o.Id == id)
            : user.Organisation is { Length: > 0 } name ? organisations.Where(o => o.Name == name) : organisations.Where(_ => false);
        return await organisations.Select(o => new InkijkOrganisation(o.Id, o.Name)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The households (of <paramref name="only"/>, or all) the organisation may look into for <paramref name="scope"/>, with the day the consent was given.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateOnly>> HouseholdsAsync(Guid organisationId, ConsentScope scope, CancellationToken ct, Guid? only = null)
    {
        var consents = await db.Consents.AsNoTracking().Where(Data.Consent.Active)
            .Where(c => c.OrganisationId == organisationId && (only == null || c.HouseholdId == only))
            .Select(c => new { c.HouseholdId, c.Scopes, c.GivenOn, c.RecordedAt }).ToListAsync(ct);
        var covering = consents.Where(c => ConsentRules.Covers(c.Scopes, scope)).GroupBy(c => c.HouseholdId)
            .ToDictionary(g => g.Key, g => (GivenOn: g.Min(c => c.GivenOn), RecordedAt: g.Min(c => c.RecordedAt)));
        var consented = covering.ToDictionary(c => c.Key, c => c.Value.GivenOn);
        if (consented.Count == 0) return consented;
        var ids = consented.Keys.ToList();
        var today = Today;
        // Every registration of the organisation for anyone who is or was a member, ended ones too: an ending after the consent
        // decides whether a later registration counts (InkijkRules.RegistrationCounts), also when that member has since left.
        // Only a registration for a current member makes the organisation involved.
        var registrations = await (
                from m in db.HouseholdMembers.AsNoTracking()
                where ids.Contains(m.HouseholdId) && m.Person!.Bsn != null
                join i in db.Involvements.AsNoTracking() on m.Person!.Bsn equals i.Bsn
                where i.OrganisationId == organisationId
                select new { m.HouseholdId, Current = m.Until == null, i.CreatedAt, i.EndedOn, i.ExpiresOn })
            .ToListAsync(ct);
        var registered = registrations.GroupBy(r => r.HouseholdId)
            .Where(g => g.Any(r => r.Current && r.EndedOn == null && r.ExpiresOn >= today
                                   && InkijkRules.RegistrationCounts(r.CreatedAt, covering[g.Key].RecordedAt,
                                       g.Select(e => e.EndedOn ?? (e.ExpiresOn < today ? e.ExpiresOn : null)).OfType<DateOnly>())))
            .Select(g => g.Key).ToList();
        var referred = await db.Referrals.AsNoTracking()
            .Where(r => ids.Contains(r.HouseholdId) && r.ProviderOrganisationId == organisationId
                        && r.Status != ReferralStatus.Afgewezen && r.Status != ReferralStatus.Afgerond && r.Status != ReferralStatus.Ingetrokken)
            .Select(r => r.HouseholdId).Distinct().ToListAsync(ct);
        var involved = registered.Concat(referred).ToHashSet();
        return consented.Where(c => InkijkRules.MayLookIn(true, involved.Contains(c.Key))).ToDictionary(c => c.Key, c => c.Value);
    }

    public async Task<bool> MayAsync(Guid organisationId, Guid householdId, ConsentScope scope, CancellationToken ct) =>
        (await HouseholdsAsync(organisationId, scope, ct, householdId)).ContainsKey(householdId);
}
