using NJsonSchema;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// Checks exports against the JSON schemas of HSDS 3.0 themselves. The repository carries the standard's
/// schemas unchanged in <c>standards/hsds</c> (under the standard's own licence); <c>SocialMap:HsdsSchemaDirectory</c>
/// points elsewhere, and without either Regie says the check cannot run.
/// </summary>
public sealed class HsdsSchemaCheck(IConfiguration config)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new();
    private string? _directory;
    private bool _looked;

    public string? Directory
    {
        get
        {
            if (_looked) return _directory;
            _directory = config["SocialMap:HsdsSchemaDirectory"] is { Length: > 0 } configured ? configured : Discover();
            if (_directory is not null && !File.Exists(Path.Combine(_directory, "service.json"))) _directory = null;
            _looked = true;
            return _directory;
        }
    }

    public bool Available => Directory is not null;

    private static string? Discover()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                // The copy in the repository (standards/hsds), or a shared copy of the standards beside it.
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "standards", "hsds", "schema"), Path.Combine(dir.FullName, "shared", "standards", "hsds", "schema") })
                    if (File.Exists(Path.Combine(candidate, "service.json"))) return candidate;
            }
        return null;
    }

    private Task<JsonSchema> SchemaAsync(string relativePath) =>
        _schemas.GetOrAdd(relativePath, p => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(Path.Combine(Directory!, p)))).Value;

    /// <summary>One JSON value against one schema file of the standard (e.g. "service.json", "compiled/service_list.json").</summary>
    public async Task<IReadOnlyList<HsdsIssue>> CheckAsync(string schemaFile, JsonNode node, string where)
    {
        if (!Available) return [new HsdsIssue(true, where, "De HSDS-schema's zijn niet gevonden: stel SocialMap:HsdsSchemaDirectory in.")];
        var schema = await SchemaAsync(schemaFile);
        return schema.Validate(node.ToJsonString())
            .Select(e => new HsdsIssue(true, where, $"{schemaFile}: {e.Kind} bij {(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}")).ToList();
    }

    /// <summary>A full record (service_full, organization_full, …). The examples nest services under an organization and a service under a service_at_location, which those schemas do not describe: they are checked as services.</summary>
    public async Task<IReadOnlyList<HsdsIssue>> CheckFullAsync(string table, JsonObject record, string where)
    {
        var issues = new List<HsdsIssue>(await CheckAsync(table + ".json", record, where));
        if (table == HsdsCatalog.Organization && record["services"] is JsonArray services)
            for (var i = 0; i < services.Count; i++) issues.AddRange(await CheckAsync("service.json", services[i]!, $"{where}.services[{i}]"));
        if (table == HsdsCatalog.ServiceAtLocation && record["service"] is JsonObject service)
            issues.AddRange(await CheckAsync("service.json", service, where + ".service"));
        return issues;
    }

    /// <summary>A page of list items: the envelope (the standard's Page) and each item against its list schema.</summary>
    public async Task<IReadOnlyList<HsdsIssue>> CheckPageAsync(string table, JsonObject page, string where)
    {
        var issues = new List<HsdsIssue>();
        foreach (var key in new[] { "total_items", "total_pages", "page_number", "size" })
            if (page[key] is not JsonValue v || !v.TryGetValue<int>(out _)) issues.Add(new HsdsIssue(true, where, $"{key} moet een geheel getal zijn."));
        foreach (var key in new[] { "first_page", "last_page", "empty" })
            if (page[key] is not JsonValue v || !v.TryGetValue<bool>(out _)) issues.Add(new HsdsIssue(true, where, $"{key} moet true of false zijn."));
        if (page["contents"] is not JsonArray items)
        {
            issues.Add(new HsdsIssue(true, where, "contents ontbreekt."));
            return issues;
        }
        var schema = File.Exists(Path.Combine(Directory ?? "", "compiled", table + "_list.json")) ? $"compiled/{table}_list.json" : table + ".json";
        for (var i = 0; i < items.Count; i++) issues.AddRange(await CheckAsync(schema, items[i]!, $"{where}.contents[{i}]"));
        return issues;
    }

    /// <summary>Every flat record (the CSV data package, or its JSON form) against its table's schema.</summary>
    public async Task<IReadOnlyList<HsdsIssue>> CheckTabularAsync(JsonObject tabular, string where)
    {
        var issues = new List<HsdsIssue>();
        foreach (var (file, rows) in tabular)
        {
            if (HsdsCatalog.TableOfFile(file) is not { } table || rows is not JsonArray list) continue;
            for (var i = 0; i < list.Count; i++) issues.AddRange(await CheckAsync(table.Name + ".json", list[i]!, $"{where} {file}[{i}]"));
        }
        return issues;
    }
}
