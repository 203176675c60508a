namespace Regie.Web.Features.SocialMap;

/// <summary>The JSON type of an HSDS field; CSV cells are read into these.</summary>
public enum HsdsType { String, Number }

/// <summary>One HSDS field. <see cref="Format"/> is the JSON Schema format the standard gives (uuid, uri, email, date-time).</summary>
public sealed record HsdsField(string Name, HsdsType Type, string? Format, IReadOnlyList<string>? Enum)
{
    public bool IsId => Format == "uuid";
}

/// <summary>
/// A nesting of HSDS JSON: an array of child records (phones of a service: the child's service_id points
/// to the parent) or one object (the organization of a service: the parent's organization_id points to it).
/// </summary>
public sealed record HsdsRelation(string Property, string Table, string LinkField, bool IsObject);

public sealed record HsdsTable(string Name, string File, IReadOnlyList<HsdsField> Fields, IReadOnlySet<string> Required, IReadOnlyList<HsdsRelation> Relations)
{
    public HsdsField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
    public string ResourceName => File[..^4];
}

/// <summary>
/// Open Referral HSDS 3.0 as Regie reads and writes it: the 21 tables with their fields in the standard's
/// order, the required fields, and how the JSON shapes nest them. The standard's JSON schemas stay the
/// judge of an export (<see cref="HsdsSchemaCheck"/>); this catalogue lets Regie read CSV cells as the
/// right JSON types and refuse a broken import with a clear report before anything is stored.
/// </summary>
public static class HsdsCatalog
{
    public const string Organization = "organization", Service = "service", Location = "location", ServiceAtLocation = "service_at_location",
        Address = "address", Phone = "phone", Contact = "contact", Schedule = "schedule", Taxonomy = "taxonomy", TaxonomyTerm = "taxonomy_term",
        Attribute = "attribute", Metadata = "metadata", Program = "program", Language = "language", Funding = "funding",
        ServiceArea = "service_area", CostOption = "cost_option", RequiredDocument = "required_document", Accessibility = "accessibility",
        OrganizationIdentifier = "organization_identifier", MetaTableDescription = "meta_table_description";

    private static readonly string[] Statuses = ["active", "inactive", "defunct", "temporarily closed"];
    private static readonly string[] LocationTypes = ["physical", "postal", "virtual"];
    private static readonly string[] Weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly string[] Frequencies = ["WEEKLY", "MONTHLY"];

    /// <summary>
    /// Field lists: name:type, where u = uuid, s = string, n = number, uri, email, dt = date-time; "!" marks a
    /// field the standard requires.
    /// </summary>
    private static readonly (string Name, string File, string Fields, (string, string[])[] Enums)[] Spec =
    [
        (Organization, "organizations.csv", "id:u! name:s! alternate_name:s description:s! email:email website:uri tax_status:s tax_id:s year_incorporated:n legal_status:s logo:s uri:uri parent_organization_id:u", []),
        (Program, "programs.csv", "id:u! organization_id:u name:s! alternate_name:s description:s!", []),
        (Service, "services.csv", "id:u! organization_id:u program_id:u name:s! alternate_name:s description:s url:uri email:email status:s! interpretation_services:s application_process:s fees_description:s wait_time:s fees:s accreditations:s eligibility_description:s minimum_age:n maximum_age:n assured_date:s assurer_email:email licenses:s alert:s last_modified:dt", [("status", Statuses)]),
        (Attribute, "attributes.csv", "id:u! link_id:u taxonomy_term_id:u link_type:s link_entity:s value:s", []),
        (ServiceAtLocation, "service_at_location.csv", "id:u! service_id:u location_id:u description:s", []),
        (Location, "locations.csv", "id:u! location_type:s! url:uri organization_id:u name:s alternate_name:s description:s transportation:s latitude:n longitude:n external_identifier:s external_identifier_type:s", [("location_type", LocationTypes)]),
        (Phone, "phones.csv", "id:u! location_id:u service_id:u organization_id:u contact_id:u service_at_location_id:u number:s! extension:n type:s description:s", []),
        (Contact, "contacts.csv", "id:u! organization_id:u service_id:u service_at_location_id:u location_id:u name:s title:s department:s email:email", []),
        (Address, "addresses.csv", "id:u! location_id:u attention:s address_1:s! address_2:s city:s! region:s state_province:s! postal_code:s! country:s! address_type:s!", [("address_type", LocationTypes)]),
        (Schedule, "schedules.csv", "id:u! service_id:u location_id:u service_at_location_id:u valid_from:s valid_to:s dtstart:s timezone:n until:s count:n wkst:s freq:s interval:n byday:s byweekno:s bymonthday:s byyearday:s description:s opens_at:s closes_at:s schedule_link:uri attending_type:s notes:s", [("wkst", Weekdays), ("freq", Frequencies)]),
        (Funding, "funding.csv", "id:u! organization_id:u service_id:u source:s", []),
        (ServiceArea, "service_areas.csv", "id:u! service_id:u name:s description:s extent:s extent_type:s uri:s", []),
        (RequiredDocument, "required_documents.csv", "id:u! service_id:u document:s uri:uri", []),
        (Language, "languages.csv", "id:u! service_id:u location_id:u phone_id:u name:s code:s note:s", []),
        (Accessibility, "accessibility.csv", "id:u! location_id:u description:s details:s url:uri", []),
        (TaxonomyTerm, "taxonomy_terms.csv", "id:u! code:s name:s! description:s! parent_id:u taxonomy:s language:s taxonomy_id:u term_uri:uri", []),
        (Taxonomy, "taxonomies.csv", "id:u! name:s! description:s! uri:uri version:s", []),
        (Metadata, "metadata.csv", "id:u! resource_id:u resource_type:s last_action_date:s! last_action_type:s! field_name:s! previous_value:s! replacement_value:s! updated_by:s!", []),
        (MetaTableDescription, "meta_table_descriptions.csv", "id:u! name:s language:s character_set:s", []),
        (CostOption, "cost_options.csv", "id:u! service_id:u valid_from:s valid_to:s option:s currency:s amount:n amount_description:s", []),
        (OrganizationIdentifier, "organization_identifiers.csv", "id:u! organization_id:u identifier_scheme:s identifier_type:s! identifier:s!", []),
    ];

    private static HsdsRelation Many(string property, string table, string link) => new(property, table, link, false);
    private static HsdsRelation One(string property, string table, string link) => new(property, table, link, true);

    /// <summary>Every table may carry attributes (link_id) and metadata (resource_id); the rest in the standard's order.</summary>
    private static IReadOnlyList<HsdsRelation> RelationsOf(string table)
    {
        var own = table switch
        {
            Organization => [Many("funding", Funding, "organization_id"), Many("contacts", Contact, "organization_id"), Many("phones", Phone, "organization_id"),
                Many("locations", Location, "organization_id"), Many("programs", Program, "organization_id"),
                Many("organization_identifiers", OrganizationIdentifier, "organization_id")],
            Service => [Many("phones", Phone, "service_id"), Many("schedules", Schedule, "service_id"), Many("service_areas", ServiceArea, "service_id"),
                Many("service_at_locations", ServiceAtLocation, "service_id"), Many("languages", Language, "service_id"), One("organization", Organization, "organization_id"),
                Many("funding", Funding, "service_id"), Many("cost_options", CostOption, "service_id"), One("program", Program, "program_id"),
                Many("required_documents", RequiredDocument, "service_id"), Many("contacts", Contact, "service_id")],
            ServiceAtLocation => [Many("contacts", Contact, "service_at_location_id"), Many("phones", Phone, "service_at_location_id"),
                Many("schedules", Schedule, "service_at_location_id"), One("location", Location, "location_id")],
            Location => [Many("languages", Language, "location_id"), Many("addresses", Address, "location_id"), Many("contacts", Contact, "location_id"),
                Many("accessibility", Accessibility, "location_id"), Many("phones", Phone, "location_id"), Many("schedules", Schedule, "location_id")],
            Contact => [Many("phones", Phone, "contact_id")],
            Phone => [Many("languages", Language, "phone_id")],
            Attribute => [One("taxonomy_term", TaxonomyTerm, "taxonomy_term_id")],
            TaxonomyTerm => [One("taxonomy_detail", Taxonomy, "taxonomy_id")],
            _ => Array.Empty<HsdsRelation>(),
        };
        IEnumerable<HsdsRelation> all = own;
        if (table is not (Attribute or Taxonomy or TaxonomyTerm or Metadata)) all = all.Append(Many("attributes", Attribute, "link_id"));
        if (table != Metadata) all = all.Append(Many("metadata", Metadata, "resource_id"));
        // Not in the standard's schemas, but in its full examples: an organization with its services, a service_at_location with its service.
        if (table == Organization) all = all.Append(Many("services", Service, "organization_id"));
        if (table == ServiceAtLocation) all = all.Append(One("service", Service, "service_id"));
        return all.ToList();
    }

    public static IReadOnlyList<HsdsTable> Tables { get; } = Spec.Select(s =>
    {
        var enums = s.Enums.ToDictionary(e => e.Item1, e => (IReadOnlyList<string>)e.Item2);
        var fields = s.Fields.Split(' ').Select(f =>
        {
            var name = f[..f.IndexOf(':')];
            var type = f[(f.IndexOf(':') + 1)..].TrimEnd('!');
            return (Field: new HsdsField(name, type == "n" ? HsdsType.Number : HsdsType.String,
                type switch { "u" => "uuid", "uri" => "uri", "email" => "email", "dt" => "date-time", _ => null }, enums.GetValueOrDefault(name)), Required: f.EndsWith('!'));
        }).ToList();
        return new HsdsTable(s.Name, s.File, fields.Select(f => f.Field).ToList(), fields.Where(f => f.Required).Select(f => f.Field.Name).ToHashSet(), RelationsOf(s.Name));
    }).ToList();

    private static readonly Dictionary<string, HsdsTable> ByName = Tables.ToDictionary(t => t.Name);

    public static HsdsTable Table(string name) => ByName[name];

    public static HsdsTable? TableOfFile(string fileName) =>
        Tables.FirstOrDefault(t => string.Equals(t.File, fileName, StringComparison.OrdinalIgnoreCase) || string.Equals(t.ResourceName, fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The fields through which a record hangs under a parent in nested JSON (a phone's service_id, an
    /// attribute's link_id): implied by the nesting, so nested output leaves them out, as the standard's examples do.
    /// </summary>
    public static IReadOnlySet<string> ParentLinkFields(string table) => ParentLinks[table];

    private static readonly Dictionary<string, IReadOnlySet<string>> ParentLinks = Tables.ToDictionary(t => t.Name,
        t => (IReadOnlySet<string>)Tables.SelectMany(p => p.Relations).Where(r => !r.IsObject && r.Table == t.Name).Select(r => r.LinkField).ToHashSet());
}
