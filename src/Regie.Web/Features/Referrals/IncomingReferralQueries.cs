using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>
/// The provider's reads: its own organisation's referrals only, and of those only what it needs to help — never the
/// file. Every read of residents' details is recorded.
/// </summary>
public sealed class IncomingReferralQueries(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>The caller's organisation when it acts as a provider (partner account or key); null otherwise.</summary>
    public async Task<(Guid Id, string Name)?> OrganisationAsync(CancellationToken ct)
    {
        if (user.Role != Roles.Partner) return null;
        // A linked account or key acts for its organisation by id; older ones by name.
        var organisationId = user.OrganisationId;
        var name = user.Organisation;
        var row = organisationId is { } id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct)
            : name is { Length: > 0 } ? await db.Organisations.AsNoTracking().Where(o => o.Name == name).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct) : null;
        return row is null ? null : (row.Id, row.Name);
    }

    /// <summary>The provider's incoming referrals (its own organisation's only), optionally of one status.</summary>
    public async Task<CommandResult<IReadOnlyList<ProviderReferralView>>> IncomingAsync(string? status, CancellationToken ct)
    {
        if (await OrganisationAsync(ct) is not { } own) return CommandResult<IReadOnlyList<ProviderReferralView>>.Forbidden();
        ReferralStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = ReferralStatuses.Parse(status);
            if (filter is null) return CommandResult<IReadOnlyList<ProviderReferralView>>.Invalid(new DomainError(ReferralStatuses.InvalidCode, "status", "Onbekende status."));
        }
        var ownId = own.Id;
        var rows = await db.Referrals.AsNoTracking().Where(r => r.ProviderOrganisationId == ownId && (filter == null || r.Status == filter))
            .OrderByDescending(r => r.SentAt).Take(500).ToListAsync(ct);
        var views = await ProviderViewsAsync(rows, ct);
        // Names, dates of birth and contact details of residents: recorded for each resident the list shows.
        await audit.RecordListAsync(AuditResources.Referral, $"inkomende verwijzingen van {own.Name} ({rows.Count})",
            rows.Select(r => ((Guid?)r.HouseholdId, (Guid?)r.PersonId)), ct);
        return CommandResult<IReadOnlyList<ProviderReferralView>>.Ok(views);
    }

    public async Task<ProviderReferralView?> ForProviderAsync(Guid referralId, CancellationToken ct)
    {
        if (await OrganisationAsync(ct) is not { } own) return null;
        var ownId = own.Id;
        var row = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId && r.ProviderOrganisationId == ownId, ct);
        if (row is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Referral, row.HouseholdId, row.PersonId, detail: $"verwijzing gelezen door {own.Name}", ct: ct);
        return (await ProviderViewsAsync([row], ct))[0];
    }

    private async Task<IReadOnlyList<ProviderReferralView>> ProviderViewsAsync(List<Referral> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Geboortedatum, p.Telefoon, p.Email }).ToDictionaryAsync(p => p.Id, ct);
        var householdIds = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var addresses = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats }).ToDictionaryAsync(h => h.Id, ct);
        var referrerIds = rows.Select(r => r.ReferrerId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => referrerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var teamIds = rows.Select(r => r.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var steps = await ReferralQueries.StepsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        // Contact details and address are the person's own file's: once they left the household the referral was for,
        // the provider no longer sees them (their new phone, e-mail or address belong to another file).
        var stillThere = (await db.HouseholdMembers.AsNoTracking().Where(HouseholdMember.Current).Where(m => personIds.Contains(m.PersonId) && householdIds.Contains(m.HouseholdId))
            .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct)).Select(m => (m.PersonId, m.HouseholdId)).ToHashSet();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows.Select(r =>
        {
            var p = persons[r.PersonId];
            if (!stillThere.Contains((r.PersonId, r.HouseholdId))) p = p with { Telefoon = null, Email = null };
            var a = addresses[r.HouseholdId];
            var team = r.TeamId is { } t ? teams.GetValueOrDefault(t) : null;
            // A withdrawn referral no longer has the resident's consent: the provider keeps the fact, not the details.
            if (r.Status == ReferralStatus.Ingetrokken)
                return new ProviderReferralView(r.Id, new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, p.Geboortedatum, null, null, "—",
                    r.ServiceName, r.ServiceKind, "De verwijzing is ingetrokken door het team.", r.FollowUpOn, r.Status, r.ReferrerName, emails.GetValueOrDefault(r.ReferrerId),
                    team?.Name, team?.Telefoon, team?.Email, r.SentAt, false, null, null, r.Version, steps.GetValueOrDefault(r.Id, []).Select(s => s with { Toelichting = null }).ToList());
            return new ProviderReferralView(r.Id, new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, p.Geboortedatum, p.Telefoon, p.Email,
                stillThere.Contains((r.PersonId, r.HouseholdId)) ? Address.OneLine(a.Straat, a.Huisnummer, a.Huisletter, a.Toevoeging, a.Postcode, a.Woonplaats) : "—", r.ServiceName, r.ServiceKind, r.Question, r.FollowUpOn,
                r.Status, r.ReferrerName, emails.GetValueOrDefault(r.ReferrerId), team?.Name, team?.Telefoon, team?.Email, r.SentAt,
                ReferralRules.IsOverdue(r.Status, r.FollowUpOn, today), r.DeclineReason, r.Feedback, r.Version, steps.GetValueOrDefault(r.Id, []));
        }).ToList();
    }
}
