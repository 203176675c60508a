using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.SocialMap;

/// <summary>The functional admin's marking of one service.</summary>
public sealed class MarkInput
{
    public string? Soort { get; set; }
    public List<string> Leefgebieden { get; set; } = [];
    /// <summary>Regie's partner organisation that provides the service (its organization's link), as an id; empty for none.</summary>
    public string? Aanbieder { get; set; }
    public int Versie { get; set; }
}

public sealed record ServiceOverview(Guid Id, string Naam, string? Organisatie, ServiceKind? Soort, IReadOnlyList<ZrmDomain> Leefgebieden, string Status, int Versie);

public sealed record ServiceMarking(Guid Id, string Naam, string? Omschrijving, string? Organisatie, Guid? OrganizationId, Guid? Aanbieder,
    ServiceKind? Soort, IReadOnlyList<ZrmDomain> Leefgebieden, int Versie);

public sealed record PostcodeImportResult(int Imported, IReadOnlyList<string> Rejected);

/// <summary>
/// What the functional admin does with the social map besides import and export: mark services (kind and
/// life domains, as attributes with Regie's taxonomy terms, so they travel with HSDS), link a provider to
/// Regie's partner organisation, and keep the table of postcode-area centres.
/// </summary>
public sealed class SocialMapAdmin(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public const string KindRequiredCode = "socialmap-kind-required";
    public const string ProviderInvalidCode = "socialmap-provider-invalid";

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

    /// <summary>Sets the kind and life domains of a service, and its provider's partner organisation. A stale version is refused.</summary>
    public async Task<CommandResult<int>> MarkAsync(Guid serviceId, MarkInput input, CancellationToken ct)
    {
        var service = await db.HsdsServices.FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return CommandResult<int>.NotFound("De dienst");
        var errors = new ErrorList();
        var kind = ServiceKinds.FromCode(input.Soort);
        if (kind is null) errors.Add(new DomainError(KindRequiredCode, nameof(MarkInput.Soort), "Kies of dit een algemene voorziening, nulde lijn of maatwerkvoorziening is."));
        var domains = new List<ZrmDomain>();
        foreach (var d in input.Leefgebieden.Where(d => !string.IsNullOrWhiteSpace(d)))
            if (Enums.ParseDefined<ZrmDomain>(d) is { } domain) domains.Add(domain);
            else errors.Add(new DomainError(SocialMapSearch.DomainInvalidCode, nameof(MarkInput.Leefgebieden), $"'{d}' is geen leefgebied."));
        Guid? partner = null;
        if (!string.IsNullOrWhiteSpace(input.Aanbieder))
        {
            partner = Guid.TryParse(input.Aanbieder, out var p) && await db.Organisations.AnyAsync(o => o.Id == p && o.Kind == OrganisationKinds.Partner, ct) ? p : null;
            if (partner is null) errors.Add(new DomainError(ProviderInvalidCode, nameof(MarkInput.Aanbieder), "Kies een partnerorganisatie uit de lijst."));
        }
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (service.Version != input.Versie) return CommandResult<int>.Conflict();

        await EnsureTaxonomyAsync(ct);
        var regieTerms = RegieTaxonomy.Terms.Select(t => (Guid?)t.Id).ToList();
        var current = await db.HsdsAttributes.Where(a => a.LinkId == serviceId && regieTerms.Contains(a.TaxonomyTermId)).ToListAsync(ct);
        var wanted = domains.Select(RegieTaxonomy.TermOf).Prepend(RegieTaxonomy.TermOf(kind!.Value)).ToHashSet();
        db.HsdsAttributes.RemoveRange(current.Where(a => !wanted.Contains(a.TaxonomyTermId!.Value)));
        foreach (var term in wanted.Where(t => current.All(a => a.TaxonomyTermId != t)))
            db.HsdsAttributes.Add(Attribute(user.Gemeentecode!, serviceId, term));
        service.Kind = ServiceKinds.Code(kind.Value);
        // The marking is a change of the service: its version moves on, also when only attributes changed.
        db.Entry(service).State = EntityState.Modified;
        if (service.OrganizationId is { } orgId && await db.HsdsOrganizations.FirstOrDefaultAsync(o => o.Id == orgId, ct) is { } org && org.OrganisationId != partner)
            org.OrganisationId = partner;
        var saved = await db.SaveOrConflictAsync(0, ct);
        if (!saved.IsOk) return CommandResult<int>.Conflict();
        await audit.RecordAsync(AuditActions.Update, AuditResources.SocialMap,
            detail: $"dienst {service.Name}: {ServiceKinds.Label(kind.Value)}; {string.Join(", ", domains.Select(Zrm.Label))}", ct: ct);
        return CommandResult<int>.Ok(service.Version);
    }

    public static HsdsAttribute Attribute(string gemeentecode, Guid serviceId, Guid term)
    {
        var t = RegieTaxonomy.Find(term)!;
        return new HsdsAttribute
        {
            Gemeentecode = gemeentecode, Id = RegieTaxonomy.AttributeId(serviceId, term), LinkId = serviceId, TaxonomyTermId = term,
            LinkEntity = RegieTaxonomy.LinkEntity, LinkType = t.Kind is null ? RegieTaxonomy.DomainLinkType : RegieTaxonomy.KindLinkType,
        };
    }

    /// <summary>Regie's taxonomy and its terms in the municipality's social map, so attributes point at records that exist and export with them.</summary>
    public async Task EnsureTaxonomyAsync(CancellationToken ct)
    {
        var code = user.Gemeentecode!;
        if (!await db.HsdsTaxonomies.AnyAsync(t => t.Id == RegieTaxonomy.TaxonomyId, ct))
            db.HsdsTaxonomies.Add(Taxonomy(code));
        var existing = await db.HsdsTaxonomyTerms.Select(t => t.Id).ToListAsync(ct);
        foreach (var term in Terms(code).Where(t => !existing.Contains(t.Id))) db.HsdsTaxonomyTerms.Add(term);
    }

    public static HsdsTaxonomy Taxonomy(string gemeentecode) => new()
    {
        Gemeentecode = gemeentecode, Id = RegieTaxonomy.TaxonomyId, Name = RegieTaxonomy.TaxonomyName, Description = RegieTaxonomy.TaxonomyDescription,
        Extra = $$"""{"uri":"{{RegieTaxonomy.TaxonomyUri}}","version":"{{RegieTaxonomy.TaxonomyVersion}}"}""",
    };

    public static IEnumerable<HsdsTaxonomyTerm> Terms(string gemeentecode) => RegieTaxonomy.Terms.Select(t => new HsdsTaxonomyTerm
    {
        Gemeentecode = gemeentecode, Id = t.Id, Code = t.Code, Name = t.Name, Description = t.Description, TaxonomyId = RegieTaxonomy.TaxonomyId,
        Extra = System.Text.Json.JsonSerializer.Serialize(new { taxonomy = RegieTaxonomy.TaxonomyName, language = "nl" }),
    });

    /// <summary>
    /// The centres of the municipality's postcode areas: "pc4;breedtegraad;lengtegraad;naam" with a header line, decimal
    /// points. The whole file or nothing: a table with some bad lines would give wrong distances without anyone noticing.
    /// </summary>
    public async Task<PostcodeImportResult> ImportPostcodeAreasAsync(TextReader reader, CancellationToken ct)
    {
        var rejected = new List<string>();
        var areas = new Dictionary<string, PostcodeArea>();
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (line == 1 && text.Contains("pc4", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var cells = text.Split(text.Contains(';') ? ';' : ',');
            if (cells.Length < 3 || cells[0].Trim() is not { Length: 4 } pc4 || !pc4.All(char.IsAsciiDigit) || pc4[0] == '0'
                || !double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(cells[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !GeoPoint.IsValid(lat, lon) || lat is < 50 or > 54 || lon is < 3 or > 8)
            {
                rejected.Add($"Regel {line}: verwacht vier cijfers, breedtegraad en lengtegraad in Nederland (bijvoorbeeld 9911;53.3123;6.8234;Molenwijk).");
                continue;
            }
            areas[pc4] = new PostcodeArea { Gemeentecode = user.Gemeentecode!, Pc4 = pc4, Latitude = lat, Longitude = lon, Naam = cells.Length > 3 ? cells[3].Trim() : null };
        }
        if (rejected.Count > 0 || areas.Count == 0) return new PostcodeImportResult(0, rejected.Count > 0 ? rejected : ["Het bestand bevat geen postcodegebieden."]);
        var stored = await db.PostcodeAreas.ToDictionaryAsync(a => a.Pc4, ct);
        foreach (var area in areas.Values)
            if (stored.TryGetValue(area.Pc4, out var s)) (s.Latitude, s.Longitude, s.Naam) = (area.Latitude, area.Longitude, area.Naam);
            else db.PostcodeAreas.Add(area);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Update, AuditResources.SocialMap, detail: $"postcodetabel: {areas.Count} gebieden", ct: ct);
        return new PostcodeImportResult(areas.Count, []);
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
