using System.Text.Json;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// The standard's rules an import must meet before anything is stored: ids are uuids, numbers are
/// numbers, required fields are there, coded fields hold one of their codes. A link to a record that
/// neither the import nor the stored social map has is allowed (HSDS data from elsewhere often points
/// beyond itself) and reported as a warning.
/// </summary>
public static class HsdsRules
{
    private static readonly Dictionary<string, string> LinkTargets = new()
    {
        ["organization_id"] = HsdsCatalog.Organization, ["parent_organization_id"] = HsdsCatalog.Organization,
        ["service_id"] = HsdsCatalog.Service, ["location_id"] = HsdsCatalog.Location,
        ["service_at_location_id"] = HsdsCatalog.ServiceAtLocation, ["contact_id"] = HsdsCatalog.Contact,
        ["phone_id"] = HsdsCatalog.Phone, ["program_id"] = HsdsCatalog.Program,
        ["taxonomy_term_id"] = HsdsCatalog.TaxonomyTerm, ["parent_id"] = HsdsCatalog.TaxonomyTerm, ["taxonomy_id"] = HsdsCatalog.Taxonomy,
    };

    public static void Check(HsdsDataset data, Func<string, Guid, bool> storedExists, List<HsdsIssue> issues)
    {
        foreach (var (tableName, id, row) in data.All())
        {
            var table = HsdsCatalog.Table(tableName);
            var where = $"{tableName} {id}";
            foreach (var field in table.Fields)
            {
                var value = row[field.Name];
                if (value is null)
                {
                    if (table.Required.Contains(field.Name)) issues.Add(new HsdsIssue(true, where, $"Het verplichte veld {field.Name} ontbreekt."));
                    continue;
                }
                var kind = value.GetValueKind();
                // The standard's own tabular example writes some text fields (an identifier) as numbers: read as the text they stand for.
                if (field.Type == HsdsType.String && kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    row[field.Name] = value.ToJsonString();
                    issues.Add(new HsdsIssue(false, where, $"{field.Name} is in HSDS tekst; {value.ToJsonString()} is als tekst gelezen."));
                    continue;
                }
                if (field.Type == HsdsType.Number && kind == JsonValueKind.String
                    && decimal.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    row[field.Name] = number;
                    issues.Add(new HsdsIssue(false, where, $"{field.Name} is in HSDS een getal; \"{value.GetValue<string>()}\" is als getal gelezen."));
                    continue;
                }
                if (field.Type == HsdsType.Number)
                {
                    if (kind != JsonValueKind.Number) issues.Add(new HsdsIssue(true, where, $"{field.Name} moet een getal zijn, niet {HsdsDataset.Short(value)}."));
                    continue;
                }
                if (kind != JsonValueKind.String)
                {
                    issues.Add(new HsdsIssue(true, where, $"{field.Name} moet tekst zijn, niet {HsdsDataset.Short(value)}."));
                    continue;
                }
                var text = value.GetValue<string>();
                if (table.Required.Contains(field.Name) && string.IsNullOrWhiteSpace(text))
                    issues.Add(new HsdsIssue(true, where, $"Het verplichte veld {field.Name} is leeg."));
                if (field.IsId && !HsdsValues.TryParseUuid(text, out _))
                    issues.Add(new HsdsIssue(true, where, $"{field.Name} '{text}' is geen uuid."));
                if (field.Enum is { } codes && !codes.Contains(text))
                    issues.Add(new HsdsIssue(true, where, $"{field.Name} '{text}' is geen van: {string.Join(", ", codes)}."));
            }
            foreach (var (field, target) in LinkTargets)
                if (table.Field(field) is not null && HsdsValues.IdOf(row[field]) is { } linked && data.Find(target, linked) is null && !storedExists(target, linked))
                    issues.Add(new HsdsIssue(false, where, $"{field} verwijst naar {target} {linked}, die niet in de import of de sociale kaart staat; de verwijzing is bewaard."));
        }
    }
}
