using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Providers;

/// <summary>The partner organisations with their AGB codes and contract lines, for the functional admin.</summary>
public sealed class ProviderQueries(RegieDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<ProviderRow>> ListAsync(CancellationToken ct)
    {
        var counts = await db.ProviderContracts.AsNoTracking().GroupBy(c => c.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKinds.Partner).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.AgbCode }).ToListAsync(ct))
            .Select(o => new ProviderRow(o.Id, o.Name, o.AgbCode, counts.GetValueOrDefault(o.Id))).ToList();
        await audit.RecordAsync(AuditActions.Search, AuditResources.Organisation, detail: "lijst aanbieders met AGB-code en contracten", ct: ct);
        return rows;
    }

    /// <summary>One provider with its contract lines; null when the municipality has no partner organisation with this id.</summary>
    public async Task<ProviderView?> GetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id && o.Kind == OrganisationKinds.Partner).Select(o => new { o.Id, o.Name, o.AgbCode }).FirstOrDefaultAsync(ct);
        if (organisation is null) return null;
        var lines = await db.ProviderContracts.AsNoTracking().Where(c => c.OrganisationId == id).ToListAsync(ct);
        var contracts = lines.OrderBy(c => c.Framework).ThenBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.ProductCode ?? "", StringComparer.Ordinal)
            .Select(View).ToList();
        await audit.RecordAsync(AuditActions.Read, AuditResources.Organisation, detail: $"aanbieder {organisation.Name}: AGB-code en contracten", ct: ct);
        return new ProviderView(organisation.Id, organisation.Name, organisation.AgbCode, contracts);
    }

    internal static ContractView View(ProviderContract c) =>
        new(c.Id, c.Framework.ToString(), c.Category, CodeLists.ProductCategories(c.Framework)?.Find(c.Category)?.Name ?? "", c.ProductCode);

    public static string Label(LegalFramework framework, string category, string? productCode) =>
        $"{LegalFrameworks.Label(framework)} {CodeLists.ProductCategories(framework)?.Label(category) ?? category}{(productCode is null ? "" : $", productcode {productCode}")}";
}
