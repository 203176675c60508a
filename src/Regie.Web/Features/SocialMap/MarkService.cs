using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

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

/// <summary>
/// The functional admin marks a service: its kind and life domains, as attributes with Regie's taxonomy terms (so they travel
/// with HSDS), and links its provider to Regie's partner organisation. A stale version is refused.
/// </summary>
public sealed class MarkServiceHandler(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<CommandResult<int>> HandleAsync(Guid serviceId, MarkInput input, CancellationToken ct)
    {
        var service = await db.HsdsServices.FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return CommandResult<int>.NotFound("De dienst");
        var errors = new ErrorList();
        var marks = MarkingRules.Check(input.Soort, input.Leefgebieden, errors);
        Guid? partner = null;
        if (!string.IsNullOrWhiteSpace(input.Aanbieder))
        {
            partner = Guid.TryParse(input.Aanbieder, out var p) && await db.Organisations.AnyAsync(o => o.Id == p && o.Kind == OrganisationKinds.Partner, ct) ? p : null;
            if (partner is null) errors.Add(MarkingRules.ProviderInvalid());
        }
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (service.Version != input.Versie) return CommandResult<int>.Conflict();

        await RegieTaxonomyRecords.EnsureAsync(db, user.Gemeentecode!, ct);
        var regieTerms = RegieTaxonomy.Terms.Select(t => (Guid?)t.Id).ToList();
        var current = await db.HsdsAttributes.Where(a => a.LinkId == serviceId && regieTerms.Contains(a.TaxonomyTermId)).ToListAsync(ct);
        var wanted = marks!.Domains.Select(RegieTaxonomy.TermOf).Prepend(RegieTaxonomy.TermOf(marks.Kind)).ToHashSet();
        db.HsdsAttributes.RemoveRange(current.Where(a => !wanted.Contains(a.TaxonomyTermId!.Value)));
        foreach (var term in wanted.Where(t => current.All(a => a.TaxonomyTermId != t)))
            db.HsdsAttributes.Add(RegieTaxonomyRecords.Attribute(user.Gemeentecode!, serviceId, term));
        service.Kind = ServiceKinds.Code(marks.Kind);
        // The marking is a change of the service: its version moves on, also when only attributes changed.
        db.Entry(service).State = EntityState.Modified;
        if (service.OrganizationId is { } orgId && await db.HsdsOrganizations.FirstOrDefaultAsync(o => o.Id == orgId, ct) is { } org && org.OrganisationId != partner)
            org.OrganisationId = partner;
        var saved = await db.SaveOrConflictAsync(0, ct);
        if (!saved.IsOk) return CommandResult<int>.Conflict();
        await audit.RecordAsync(AuditActions.Update, AuditResources.SocialMap,
            detail: $"dienst {service.Name}: {ServiceKinds.Label(marks.Kind)}; {string.Join(", ", marks.Domains.Select(Zrm.Label))}", ct: ct);
        return CommandResult<int>.Ok(service.Version);
    }
}

/// <summary>Regie's taxonomy as HSDS records in the municipality's social map, so a marking's attributes point at records that exist and export with them.</summary>
public static class RegieTaxonomyRecords
{
    public static HsdsAttribute Attribute(string gemeentecode, Guid serviceId, Guid term)
    {
        var t = RegieTaxonomy.Find(term)!;
        return new HsdsAttribute
        {
            Gemeentecode = gemeentecode, Id = RegieTaxonomy.AttributeId(serviceId, term), LinkId = serviceId, TaxonomyTermId = term,
            LinkEntity = RegieTaxonomy.LinkEntity, LinkType = t.Kind is null ? RegieTaxonomy.DomainLinkType : RegieTaxonomy.KindLinkType,
        };
    }

    /// <summary>Adds the taxonomy and those of its terms the social map lacks to the unit of work; the caller saves.</summary>
    public static async Task EnsureAsync(RegieDbContext db, string gemeentecode, CancellationToken ct)
    {
        if (!await db.HsdsTaxonomies.AnyAsync(t => t.Id == RegieTaxonomy.TaxonomyId, ct))
            db.HsdsTaxonomies.Add(Taxonomy(gemeentecode));
        var existing = await db.HsdsTaxonomyTerms.Select(t => t.Id).ToListAsync(ct);
        foreach (var term in Terms(gemeentecode).Where(t => !existing.Contains(t.Id))) db.HsdsTaxonomyTerms.Add(term);
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
}
