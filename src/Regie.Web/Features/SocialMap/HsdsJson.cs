using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>The JSON shapes of HSDS 3.0 that Regie reads and writes, as in the standard's examples.</summary>
public enum HsdsShape
{
    /// <summary>One record with everything that hangs under it (service_full, organization_full, service_at_location_full, location).</summary>
    Full,
    /// <summary>A page of records with their one-to-one fields only (service_list, organization_list, …).</summary>
    List,
    /// <summary>Every table as an array of flat records, keyed by its CSV file name (tabular.json).</summary>
    Tabular,
}

/// <summary>Reads any HSDS 3.0 JSON shape into a dataset, and writes a dataset as those shapes.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads one JSON document; <paramref name="fileName"/> hints at the shape (service_full.json, taxonomy_term_list.json).</summary>
    public static void Read(string json, string fileName, HsdsDataset into, List<HsdsIssue> issues)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            issues.Add(new HsdsIssue(true, fileName, $"Geen geldige JSON: {e.Message}"));
            return;
        }
        var hint = TableHint(fileName);
        switch (root)
        {
            case JsonObject o when o.Any(p => p.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)):
                ReadTabular(o, fileName, into, issues);
                break;
            case JsonObject o when o["contents"] is JsonArray items:
                for (var i = 0; i < items.Count; i++) ReadRoot(items[i], hint, $"{fileName} contents[{i}]", into, issues);
                break;
            case JsonObject o when !o.ContainsKey("id") && (o.ContainsKey("openapi_url") || o.ContainsKey("profile")):
                issues.Add(new HsdsIssue(false, fileName, "Dit is de beschrijving van een HSDS-API (versie, profiel), geen sociale kaart: er is niets ingelezen."));
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++) ReadRoot(items[i], hint, $"{fileName}[{i}]", into, issues);
                break;
            default:
                ReadRoot(root, hint, fileName, into, issues);
                break;
        }
    }

    private static string? TableHint(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        return HsdsCatalog.Tables.Select(t => t.Name).Where(t => name.StartsWith(t, StringComparison.Ordinal)).OrderByDescending(t => t.Length).FirstOrDefault();
    }

    private static void ReadRoot(JsonNode? node, string? hint, string where, HsdsDataset into, List<HsdsIssue> issues)
    {
        if (node is not JsonObject o)
        {
            issues.Add(new HsdsIssue(true, where, "Verwacht een JSON-object."));
            return;
        }
        var table = hint ?? Detect(o);
        if (table is null)
        {
            issues.Add(new HsdsIssue(true, where, "Niet herkend als HSDS-organisatie, -dienst, -locatie, dienst-op-locatie of taxonomie."));
            return;
        }
        ReadNested(table, o, where, null, into, issues);
    }

    /// <summary>Which table a record without context belongs to, by the fields only that table has.</summary>
    private static string? Detect(JsonObject o)
    {
        bool Has(params string[] keys) => keys.Any(o.ContainsKey);
        if (Has("status", "service_at_locations", "eligibility_description")) return HsdsCatalog.Service;
        if (Has("location_type", "addresses", "latitude")) return HsdsCatalog.Location;
        if (Has("taxonomy_detail", "term_uri", "parent_id", "code", "taxonomy_id")) return HsdsCatalog.TaxonomyTerm;
        if (!Has("name") && Has("location", "service", "service_id", "location_id")) return HsdsCatalog.ServiceAtLocation;
        if (Has("version")) return HsdsCatalog.Taxonomy;
        if (Has("name", "services", "locations", "tax_status", "legal_status", "website")) return HsdsCatalog.Organization;
        return null;
    }

    private static Guid? ReadId(JsonObject o, string where, List<HsdsIssue> issues)
    {
        if (o["id"] is JsonValue v && v.TryGetValue<string>(out var s) && HsdsValues.TryParseUuid(s, out var id)) return id;
        issues.Add(new HsdsIssue(true, where + ".id", o.ContainsKey("id") ? $"Het id {HsdsDataset.Short(o["id"])} is geen uuid." : "Het id ontbreekt."));
        return null;
    }

    /// <summary>Flattens a record and everything nested in it; returns its id.</summary>
    private static Guid? ReadNested(string table, JsonObject o, string where, (string Field, Guid Id)? parent, HsdsDataset into, List<HsdsIssue> issues)
    {
        var id = ReadId(o, where, issues);
        if (id is null) return null;
        var def = HsdsCatalog.Table(table);
        var flat = new JsonObject();
        var children = new List<(HsdsRelation Relation, JsonNode? Node)>();
        foreach (var (name, value) in o)
        {
            if (def.Relations.FirstOrDefault(r => r.Property == name) is { } relation && (value is JsonObject or JsonArray))
                children.Add((relation, value));
            else
                flat[name] = value?.DeepClone();
        }
        if (parent is { } p) Link(flat, p.Field, p.Id, table, where, issues);

        foreach (var (relation, node) in children)
        {
            var at = $"{where}.{relation.Property}";
            if (relation.IsObject)
            {
                if (node is not JsonObject child)
                {
                    issues.Add(new HsdsIssue(true, at, "Verwacht een object."));
                    continue;
                }
                if (ReadNested(relation.Table, child, at, null, into, issues) is { } childId) Link(flat, relation.LinkField, childId, table, where, issues);
            }
            else
            {
                if (node is not JsonArray items)
                {
                    issues.Add(new HsdsIssue(true, at, "Verwacht een lijst."));
                    continue;
                }
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject child) ReadNested(relation.Table, child, $"{at}[{i}]", (relation.LinkField, id.Value), into, issues);
                    else issues.Add(new HsdsIssue(true, $"{at}[{i}]", "Verwacht een object."));
                }
            }
        }
        into.Merge(table, id.Value, flat, where, issues);
        return id;
    }

    private static void Link(JsonObject flat, string field, Guid id, string table, string where, List<HsdsIssue> issues)
    {
        var value = HsdsValues.Uuid(id);
        if (flat[field] is { } given && given.GetValueKind() == JsonValueKind.String && HsdsValues.TryParseUuid(given.GetValue<string>(), out var givenId) && givenId != id)
            issues.Add(new HsdsIssue(true, where, $"{table} staat onder {id} maar zegt zelf bij {givenId} te horen ({field})."));
        else flat[field] = value;
    }

    private static void ReadTabular(JsonObject o, string fileName, HsdsDataset into, List<HsdsIssue> issues)
    {
        foreach (var (key, value) in o)
        {
            var where = $"{fileName} {key}";
            if (HsdsCatalog.TableOfFile(key) is not { } table)
            {
                issues.Add(new HsdsIssue(false, where, "Geen HSDS-tabel: overgeslagen."));
                continue;
            }
            if (value is not JsonArray rows)
            {
                issues.Add(new HsdsIssue(true, where, "Verwacht een lijst met regels."));
                continue;
            }
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is not JsonObject row)
                {
                    issues.Add(new HsdsIssue(true, $"{where}[{i}]", "Verwacht een object."));
                    continue;
                }
                if (ReadId(row, $"{where}[{i}]", issues) is { } id) into.Merge(table.Name, id, (JsonObject)row.DeepClone(), $"{where}[{i}]", issues);
            }
        }
    }

    // ----- writing -----

    /// <summary>One record as the standard's full example of its table (service_full, organization_full, location, …).</summary>
    public static JsonObject Full(HsdsDataset data, string table, Guid id) =>
        Emit(data, table, data.Find(table, id) ?? throw new KeyNotFoundException($"{table} {id}"), nested: false, parentLink: null, new HashSet<string>(), full: true);

    /// <summary>One record with its one-to-one fields, as an item of the standard's list examples.</summary>
    public static JsonObject Item(HsdsDataset data, string table, Guid id) =>
        Emit(data, table, data.Find(table, id) ?? throw new KeyNotFoundException($"{table} {id}"), nested: false, parentLink: null, new HashSet<string>(), full: false);

    /// <summary>An HSDS page (the envelope of the standard's list examples) around the given items.</summary>
    public static JsonObject Page(IReadOnlyList<JsonObject> items, int totalItems, int pageNumber, int perPage)
    {
        var totalPages = Math.Max(1, (int)Math.Ceiling(totalItems / (double)Math.Max(1, perPage)));
        return new JsonObject
        {
            ["total_items"] = totalItems,
            ["total_pages"] = totalPages,
            ["page_number"] = pageNumber,
            ["size"] = items.Count,
            ["first_page"] = pageNumber <= 1,
            ["last_page"] = pageNumber >= totalPages,
            ["empty"] = items.Count == 0,
            ["contents"] = new JsonArray([.. items]),
        };
    }

    /// <summary>Every table as flat records, keyed by CSV file name: the whole social map, lossless, in one JSON document.</summary>
    public static JsonObject Tabular(HsdsDataset data)
    {
        var result = new JsonObject();
        foreach (var table in HsdsCatalog.Tables)
            result[table.File] = new JsonArray([.. Ordered(data, table.Name).Select(r => (JsonNode)HsdsValues.Flat(table, r.Row))]);
        return result;
    }

    internal static IEnumerable<(Guid Id, JsonObject Row)> Ordered(HsdsDataset data, string table) =>
        data.Rows(table).OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).Select(r => (r.Key, r.Value));

    private static JsonObject Emit(HsdsDataset data, string table, JsonObject row, bool nested, string? parentLink, IReadOnlySet<string> ancestors, bool full)
    {
        var def = HsdsCatalog.Table(table);
        var inner = new HashSet<string>(ancestors) { table };
        var objects = new Dictionary<string, JsonObject>();
        foreach (var relation in def.Relations.Where(r => r.IsObject && !ancestors.Contains(r.Table)))
            if (HsdsValues.IdOf(row[relation.LinkField]) is { } target && data.Find(relation.Table, target) is { } targetRow)
                objects[relation.Property] = Emit(data, relation.Table, targetRow, nested: true, parentLink: null, inner, full);

        var omit = new HashSet<string>(def.Relations.Where(r => r.IsObject && objects.ContainsKey(r.Property)).Select(r => r.LinkField));
        if (parentLink is not null) omit.Add(parentLink);
        if (nested) omit.UnionWith(HsdsCatalog.ParentLinkFields(table));

        var result = new JsonObject();
        foreach (var (name, value) in HsdsValues.Flat(def, row))
            if (!omit.Contains(name) && !def.Relations.Any(r => r.Property == name)) result[name] = value?.DeepClone();

        var id = HsdsValues.IdOf(row["id"]);
        foreach (var relation in def.Relations.Where(r => !ancestors.Contains(r.Table)))
        {
            if (relation.IsObject)
            {
                if (objects.TryGetValue(relation.Property, out var child)) result[relation.Property] = child;
                continue;
            }
            if (!full || id is null) continue;
            var items = Ordered(data, relation.Table).Where(c => HsdsValues.IdOf(c.Row[relation.LinkField]) == id)
                .Select(c => (JsonNode)Emit(data, relation.Table, c.Row, nested: true, parentLink: relation.LinkField, inner, full)).ToList();
            if (items.Count > 0) result[relation.Property] = new JsonArray([.. items]);
        }
        return result;
    }
}

/// <summary>Small helpers for HSDS values in JSON.</summary>
public static class HsdsValues
{
    /// <summary>HSDS ids are uuids written 8-4-4-4-12; other spellings Guid.Parse accepts (braces, no dashes) are refused.</summary>
    public static bool TryParseUuid(string? s, out Guid id)
    {
        id = default;
        return s is { Length: 36 } && Guid.TryParseExact(s, "D", out id);
    }

    public static string Uuid(Guid id) => id.ToString("D");

    public static Guid? IdOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && TryParseUuid(v.GetValue<string>(), out var id) ? id : null;

    /// <summary>A record's fields in the standard's order, then any fields the standard does not have, in their own order.</summary>
    public static JsonObject Flat(HsdsTable table, JsonObject row)
    {
        var result = new JsonObject();
        foreach (var field in table.Fields)
            if (row.TryGetPropertyValue(field.Name, out var value) && value is not null) result[field.Name] = value.DeepClone();
        foreach (var (name, value) in row)
            if (table.Field(name) is null && value is not null) result[name] = value.DeepClone();
        return result;
    }
}
