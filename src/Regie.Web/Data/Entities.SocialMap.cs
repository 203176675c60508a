namespace Regie.Web.Data;

/// <summary>
/// One record of the social map in the shape of Open Referral HSDS 3.0: the HSDS id is the key (per
/// municipality, so a regional export can be read by every municipality of the region). The fields
/// Regie searches on or shows are columns named after the HSDS field (address_1 → Address1); every
/// other HSDS field, and any extension field of the source, is kept as it came in <see cref="Extra"/>
/// (a JSON object), so an import is exported again without loss.
/// </summary>
public abstract class HsdsEntity : IMunicipalityOwned
{
    public required string Gemeentecode { get; set; }
    public Guid Id { get; set; }
    /// <summary>The HSDS fields without a column of their own, as a JSON object; null when there are none.</summary>
    public string? Extra { get; set; }
}

public sealed class HsdsOrganization : HsdsEntity
{
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public Guid? ParentOrganizationId { get; set; }
    /// <summary>Regie's own <see cref="Organisation"/> (a partner with accounts and API keys) that provides these services, so a referral reaches it.</summary>
    public Guid? OrganisationId { get; set; }
    public int Version { get; set; }
}

public sealed class HsdsService : HsdsEntity
{
    public Guid? OrganizationId { get; set; }
    public Guid? ProgramId { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    /// <summary>HSDS status: active, inactive, defunct, temporarily closed. Only active services are found.</summary>
    public required string Status { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? EligibilityDescription { get; set; }
    public double? MinimumAge { get; set; }
    public double? MaximumAge { get; set; }
    public string? LastModified { get; set; }
    /// <summary>
    /// Regie's classification ("algemeen", "nulde-lijn", "maatwerk"; see <see cref="Domain.SocialMap.ServiceKinds"/>),
    /// kept equal to the service's attribute with a kind term of Regie's taxonomy, which is what travels in HSDS.
    /// </summary>
    public string? Kind { get; set; }
    public int Version { get; set; }
}

public sealed class HsdsLocation : HsdsEntity
{
    public required string LocationType { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class HsdsServiceAtLocation : HsdsEntity
{
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public string? Description { get; set; }
}

public sealed class HsdsAddress : HsdsEntity
{
    public Guid? LocationId { get; set; }
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public string? AddressType { get; set; }
}

public sealed class HsdsPhone : HsdsEntity
{
    public Guid? LocationId { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public required string Number { get; set; }
}

public sealed class HsdsContact : HsdsEntity
{
    public Guid? OrganizationId { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public Guid? LocationId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
}

public sealed class HsdsSchedule : HsdsEntity
{
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public string? Description { get; set; }
}

public sealed class HsdsTaxonomy : HsdsEntity
{
    public required string Name { get; set; }
    public string? Description { get; set; }
}

public sealed class HsdsTaxonomyTerm : HsdsEntity
{
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? TaxonomyId { get; set; }
}

/// <summary>Links a record (usually a service) to a taxonomy term: how Regie's kind and life domains travel in HSDS.</summary>
public sealed class HsdsAttribute : HsdsEntity
{
    public Guid? LinkId { get; set; }
    public Guid? TaxonomyTermId { get; set; }
    public string? LinkType { get; set; }
    public string? LinkEntity { get; set; }
    public string? Value { get; set; }
}

/// <summary>
/// A record of an HSDS table Regie does not search on (program, language, funding, service_area, cost_option,
/// accessibility, required_document, organization_identifier, metadata, meta_table_description): all its
/// fields, links included, as one JSON object in <see cref="HsdsEntity.Extra"/>.
/// </summary>
public sealed class HsdsRecord : HsdsEntity
{
    /// <summary>The HSDS table name, e.g. "language".</summary>
    public required string Table { get; set; }
}

/// <summary>
/// The centre of a postcode area (PC4) as the municipality keeps it: the distance from a household to a
/// service is measured from here, without sending any address to a geocoder (ADR 0006).
/// </summary>
public sealed class PostcodeArea : IMunicipalityOwned
{
    public required string Gemeentecode { get; set; }
    public required string Pc4 { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? Naam { get; set; }
}
