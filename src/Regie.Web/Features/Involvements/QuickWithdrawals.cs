using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Involvements;

public sealed record QuickWithdrawalCount(string Organisatie, int Aantal);

/// <summary>
/// Registering shows who else is involved, so register-and-withdraw could be used as a look-up without purpose. The
/// privacy officer sees, per organisation, how many registrations were withdrawn within a day of being made.
/// </summary>
public sealed class QuickWithdrawals(RegieDbContext db, TimeProvider clock)
{
    public const int PeriodDays = 90;

    public async Task<IReadOnlyList<QuickWithdrawalCount>> PerOrganisationAsync(CancellationToken ct)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-PeriodDays);
        var withdrawn = await db.Involvements.AsNoTracking()
            .Where(i => i.OrganisationId != null && i.EndReason == Involvement.WithdrawnReason && i.EndedOn >= since)
            .Select(i => new { i.OrganisationId, i.CreatedAt, i.EndedOn }).ToListAsync(ct);
        var quick = withdrawn.Where(i => i.EndedOn <= DateOnly.FromDateTime(i.CreatedAt).AddDays(1)).GroupBy(i => i.OrganisationId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        if (quick.Count == 0) return [];
        var ids = quick.Keys.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return quick.Select(q => new QuickWithdrawalCount(names.GetValueOrDefault(q.Key, "?"), q.Value))
            .OrderByDescending(q => q.Aantal).ThenBy(q => q.Organisatie, StringComparer.Ordinal).ToList();
    }
}
