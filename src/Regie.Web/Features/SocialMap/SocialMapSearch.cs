using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using System.Globalization;

namespace Regie.Web.Features.SocialMap;

/// <summary>What a user or system asks for, as typed (query string or form).</summary>
public sealed class SearchInput
{
    public string? Zoek { get; set; }
    public string? Leefgebied { get; set; }
    public string? Soort { get; set; }
    public string? Leeftijd { get; set; }
    public string? Postcode { get; set; }
    public string? Afstand { get; set; }
    public int Pagina { get; set; } = 1;
    public int PerPagina { get; set; } = SocialMapSearch.PageSize;
}

public sealed record SearchCriteria(string? Keyword, ZrmDomain? Domain, ServiceKind? Kind, int? Age, Postcode? From, double? MaxDistanceKm, int Page, int PerPage);

public sealed record SearchHit(Guid Id, string Naam, string? Omschrijving, string? Organisatie, Guid? RegieOrganisatie, ServiceKind? Soort,
    double? AfstandKm, string? Telefoon, string? Email, string? Adres, IReadOnlyList<ZrmDomain> Leefgebieden, double? MinimumLeeftijd, double? MaximumLeeftijd);

/// <param name="Total">Hits over all pages.</param>
/// <param name="WithoutLocation">Services left out by a distance filter because no location of theirs has a known place.</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PerPage, Postcode? From, string? Notice, int WithoutLocation);

/// <summary>A household the search is done for: where it lives, and the plan goal the help is for.</summary>
public sealed record HouseholdContext(Guid HouseholdId, string Naam, Postcode Postcode, Guid? GoalId, string? GoalWat, ZrmDomain? GoalDomain);

/// <summary>
/// Searching the social map: by life domain, keyword, age, kind, and distance from a postcode (a
/// household's), measured from the municipality's postcode-area centres to the service's locations.
/// </summary>
public sealed class SocialMapSearch(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    public const int PageSize = 20;
    public const int MaxPageSize = 100;
    public const string KindInvalidCode = "socialmap-kind-invalid";
    public const string Active = "active";

    public static CommandResult<SearchCriteria> Parse(SearchInput input)
    {
        var errors = new ErrorList();
        ZrmDomain? domain = null;
        if (!string.IsNullOrWhiteSpace(input.Leefgebied))
        {
            domain = Enums.ParseDefined<ZrmDomain>(input.Leefgebied.Trim());
            if (domain is null) errors.Add(new DomainError(SearchRules.DomainInvalidCode, nameof(SearchInput.Leefgebied), "Kies een leefgebied uit de lijst."));
        }
        ServiceKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Soort))
        {
            kind = ServiceKinds.FromCode(input.Soort);
            if (kind is null) errors.Add(new DomainError(KindInvalidCode, nameof(SearchInput.Soort), "Kies algemeen, nulde lijn of maatwerk."));
        }
        var age = SearchRules.Age(input.Leeftijd, errors, nameof(SearchInput.Leeftijd));
        Postcode? from = null;
        if (!string.IsNullOrWhiteSpace(input.Postcode)) from = errors.Take(Postcode.Parse(input.Postcode, nameof(SearchInput.Postcode)));
        var distance = SearchRules.Distance(input.Afstand, from is not null || !string.IsNullOrWhiteSpace(input.Postcode), errors, nameof(SearchInput.Afstand));
        if (errors.HasErrors) return CommandResult<SearchCriteria>.Invalid(errors.Errors);
        var keyword = string.IsNullOrWhiteSpace(input.Zoek) ? null : input.Zoek.Trim();
        return CommandResult<SearchCriteria>.Ok(new SearchCriteria(keyword, domain, kind, age, from, distance,
            Math.Max(1, input.Pagina), Math.Clamp(input.PerPagina, 1, MaxPageSize)));
    }

    /// <summary>The household the worker opened the map from: only for those who may open its file; the read is on record.</summary>
    public async Task<CommandResult<HouseholdContext>> ContextAsync(Guid householdId, Guid? goalId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return CommandResult<HouseholdContext>.Forbidden();
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.Naam, h.Postcode }).FirstOrDefaultAsync(ct);
        if (household is null) return CommandResult<HouseholdContext>.NotFound("Het huishouden");
        var goal = goalId is null ? null : await db.PlanGoals.AsNoTracking().Where(g => g.Id == goalId && g.HouseholdId == householdId)
            .Select(g => new { g.Id, g.Wat, g.Domain }).FirstOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Household, householdId, detail: "sociale kaart: postcode als vertrekpunt", ct: ct);
        return CommandResult<HouseholdContext>.Ok(new HouseholdContext(householdId, household.Naam, Postcode.Parse(household.Postcode).Value,
            goal?.Id, goal?.Wat, goal?.Domain));
    }

    public async Task<SearchResult> SearchAsync(SearchCriteria c, CancellationToken ct)
    {
        var q = db.HsdsServices.AsNoTracking().Where(s => s.Status == Active);
        if (c.Kind is { } kind)
        {
            var code = ServiceKinds.Code(kind);
            q = q.Where(s => s.Kind == code);
        }
        if (c.Domain is { } domain)
        {
            Guid? term = RegieTaxonomy.TermOf(domain);
            q = q.Where(s => db.HsdsAttributes.Any(a => a.LinkId == s.Id && a.TaxonomyTermId == term));
        }
        if (c.Age is { } age)
            q = q.Where(s => (s.MinimumAge == null || s.MinimumAge <= age) && (s.MaximumAge == null || s.MaximumAge >= age));
        if (c.Keyword is { } keyword)
        {
            var k = keyword.ToLower(CultureInfo.InvariantCulture);
            q = q.Where(s => s.Name.ToLower().Contains(k) || (s.Description != null && s.Description.ToLower().Contains(k))
                || db.HsdsOrganizations.Any(o => o.Id == s.OrganizationId && o.Name.ToLower().Contains(k)));
        }
        var services = await q.Select(s => new { s.Id, s.Name, s.Description, s.OrganizationId, s.Kind, s.Email, s.MinimumAge, s.MaximumAge }).ToListAsync(ct);
        var ids = services.Select(s => (Guid?)s.Id).ToList();

        string? notice = null;
        GeoPoint? from = null;
        if (c.From is { } postcode)
        {
            var pc4 = postcode.Value[..4];
            var area = await db.PostcodeAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Pc4 == pc4, ct);
            from = area is null ? null : new GeoPoint(area.Latitude, area.Longitude);
            if (from is null) notice = $"Voor postcodegebied {pc4} zijn geen coördinaten bekend, dus afstanden zijn niet berekend. De functioneel beheerder kan de postcodetabel aanvullen.";
        }

        var places = await PlacesAsync(ids, ct);
        var orgIds = services.Select(s => s.OrganizationId).OfType<Guid>().Distinct().ToList();
        var orgs = await db.HsdsOrganizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Name, o.OrganisationId }, ct);
        var phones = (await db.HsdsPhones.AsNoTracking().Where(p => ids.Contains(p.ServiceId)).Select(p => new { p.ServiceId, p.Number, p.Id }).ToListAsync(ct))
            .GroupBy(p => p.ServiceId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).First().Number);
        var domainTerms = Zrm.Domains.ToDictionary(RegieTaxonomy.TermOf, d => d);
        var termIds = domainTerms.Keys.Select(t => (Guid?)t).ToList();
        var domains = (await db.HsdsAttributes.AsNoTracking().Where(a => ids.Contains(a.LinkId) && termIds.Contains(a.TaxonomyTermId))
                .Select(a => new { a.LinkId, a.TaxonomyTermId }).ToListAsync(ct))
            .GroupBy(a => a.LinkId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ZrmDomain>)g.Select(a => domainTerms[a.TaxonomyTermId!.Value]).Order().ToList());

        var hits = services.Select(s =>
        {
            var own = places.GetValueOrDefault(s.Id) ?? [];
            var nearest = from is { } f ? own.Where(p => p.Point is not null).Select(p => (Place: p, Km: (double?)f.DistanceKmTo(p.Point!.Value))).OrderBy(p => p.Km).FirstOrDefault() : default;
            var org = s.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null;
            return new SearchHit(s.Id, s.Name, s.Description, org?.Name, org?.OrganisationId, ServiceKinds.FromCode(s.Kind),
                nearest.Km is { } km ? Math.Round(km, 1) : null, phones.GetValueOrDefault(s.Id), s.Email,
                (nearest.Place ?? own.FirstOrDefault())?.Address, domains.GetValueOrDefault(s.Id) ?? [], s.MinimumAge, s.MaximumAge);
        }).ToList();

        var withoutLocation = 0;
        if (from is not null && c.MaxDistanceKm is { } max)
        {
            withoutLocation = hits.Count(h => h.AfstandKm is null);
            hits = hits.Where(h => h.AfstandKm is { } km && km <= max).ToList();
        }
        var ordered = (from is null
            ? hits.OrderBy(h => h.Naam, StringComparer.CurrentCultureIgnoreCase)
            : hits.OrderBy(h => h.AfstandKm is null).ThenBy(h => h.AfstandKm).ThenBy(h => h.Naam, StringComparer.CurrentCultureIgnoreCase)).ToList();
        var page = ordered.Skip((c.Page - 1) * c.PerPage).Take(c.PerPage).ToList();
        return new SearchResult(page, ordered.Count, c.Page, c.PerPage, c.From, notice, withoutLocation);
    }

    private sealed record Place(GeoPoint? Point, string? Address);

    /// <summary>
    /// Where each service can be visited: its locations (through service_at_location) with their coordinates, or
    /// else the centre of the postcode area of their address.
    /// </summary>
    private async Task<Dictionary<Guid, List<Place>>> PlacesAsync(List<Guid?> serviceIds, CancellationToken ct)
    {
        var links = await db.HsdsServiceAtLocations.AsNoTracking().Where(l => serviceIds.Contains(l.ServiceId) && l.LocationId != null)
            .Select(l => new { Service = l.ServiceId!.Value, Location = l.LocationId!.Value }).ToListAsync(ct);
        var locationIds = links.Select(l => (Guid?)l.Location).Distinct().ToList();
        var locations = await db.HsdsLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var addresses = (await db.HsdsAddresses.AsNoTracking().Where(a => locationIds.Contains(a.LocationId)).ToListAsync(ct))
            .GroupBy(a => a.LocationId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AddressType == "physical" ? 0 : 1).First());
        var pc4s = addresses.Values.Select(a => SearchRules.Pc4(a.PostalCode)).OfType<string>().Distinct().ToList();
        var centres = await db.PostcodeAreas.AsNoTracking().Where(a => pc4s.Contains(a.Pc4)).ToDictionaryAsync(a => a.Pc4, a => new GeoPoint(a.Latitude, a.Longitude), ct);

        var result = new Dictionary<Guid, List<Place>>();
        foreach (var link in links)
        {
            if (!locations.TryGetValue(link.Location, out var location)) continue;
            var address = addresses.GetValueOrDefault(location.Id);
            var point = GeoPoint.From(location.Latitude, location.Longitude)
                ?? (SearchRules.Pc4(address?.PostalCode) is { } pc4 && centres.TryGetValue(pc4, out var centre) ? centre : null);
            var text = address is null ? location.Name : string.Join(", ", new[] { address.Address1, address.City }.Where(s => !string.IsNullOrWhiteSpace(s)));
            (result.TryGetValue(link.Service, out var list) ? list : result[link.Service] = []).Add(new Place(point, text));
        }
        return result;
    }
}
