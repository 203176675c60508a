using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.SocialMap;

public sealed record ServiceOverview(Guid Id, string Naam, string? Organisatie, ServiceKind? Soort, IReadOnlyList<ZrmDomain> Leefgebieden, string Status, int Versie);

public sealed record ServiceMarking(Guid Id, string Naam, string? Omschrijving, string? Organisatie, Guid? OrganizationId, Guid? Aanbieder,
    ServiceKind? Soort, IReadOnlyList<ZrmDomain> Leefgebieden, int Versie);

/// <summary>What the functional admin sees of the social map: the services with their marking, the partner organisations, the postcode table.</summary>
public sealed class SocialMapAdminQueries(RegieDbContext db)
{
    public async Task<IReadOnlyList<ServiceOverview>> ServicesAsync(CancellationToken ct)
    {
        var services = await db.HsdsServices.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.OrganizationId, s.Kind, s.Status, s.Version }).ToListAsync(ct);
        var orgs = await db.HsdsOrganizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var domains = await DomainsAsync(null, ct);
        return services.Select(s => new ServiceOverview(s.Id, s.Name, s.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null,
            ServiceKinds.FromCode(s.Kind), domains.GetValueOrDefault(s.Id) ?? [], s.Status, s.Version)).ToList();
    }

    public async Task<ServiceMarking?> ServiceAsync(Guid id, CancellationToken ct)
    {
        var s = await db.HsdsServices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var org = s.OrganizationId is null ? null : await db.HsdsOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == s.OrganizationId, ct);
        var domains = await DomainsAsync(id, ct);
        return new ServiceMarking(s.Id, s.Name, s.Description, org?.Name, org?.Id, org?.OrganisationId, ServiceKinds.FromCode(s.Kind), domains.GetValueOrDefault(id) ?? [], s.Version);
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> PartnersAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKinds.Partner).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();

    private async Task<Dictionary<Guid, IReadOnlyList<ZrmDomain>>> DomainsAsync(Guid? service, CancellationToken ct)
    {
        var terms = Zrm.Domains.ToDictionary(RegieTaxonomy.TermOf, d => d);
        var termIds = terms.Keys.Select(t => (Guid?)t).ToList();
        var q = db.HsdsAttributes.AsNoTracking().Where(a => termIds.Contains(a.TaxonomyTermId) && a.LinkId != null);
        if (service is { } s) q = q.Where(a => a.LinkId == s);
        return (await q.Select(a => new { a.LinkId, a.TaxonomyTermId }).ToListAsync(ct))
            .GroupBy(a => a.LinkId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ZrmDomain>)g.Select(a => terms[a.TaxonomyTermId!.Value]).Order().ToList());
    }

    public async Task<int> PostcodeAreaCountAsync(CancellationToken ct) => await db.PostcodeAreas.CountAsync(ct);

    public static string PostcodeAreasCsv(IEnumerable<PostcodeArea> areas)
    {
        var sb = new StringBuilder("pc4;breedtegraad;lengtegraad;naam\n");
        foreach (var a in areas.OrderBy(a => a.Pc4, StringComparer.Ordinal))
            sb.Append(CultureInfo.InvariantCulture, $"{a.Pc4};{a.Latitude};{a.Longitude};{a.Naam}\n");
        return sb.ToString();
    }
}
