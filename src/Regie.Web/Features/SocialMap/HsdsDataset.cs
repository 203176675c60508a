using Regie.Domain.Common;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// What an import or export check found: an error stops the import (nothing is stored), a warning does not.
/// <paramref name="Code"/> is the stable code of a rule that refuses the file as a whole (e.g. a zip that unpacks too far).
/// </summary>
public sealed record HsdsIssue(bool IsError, string Where, string Message, string? Code = null)
{
    public override string ToString() => $"{(IsError ? "Fout" : "Let op")}: {Where}: {Message}";
}

/// <summary>
/// HSDS data as tables of flat records (the shape of the CSV data package): every record once, with its
/// links to other records as id fields. JSON imports are flattened into this, exports are built from it,
/// and the database stores it; so every format goes through one model.
/// </summary>
public sealed class HsdsDataset
{
    private readonly Dictionary<string, Dictionary<Guid, JsonObject>> _tables = HsdsCatalog.Tables.ToDictionary(t => t.Name, _ => new Dictionary<Guid, JsonObject>());

    public IReadOnlyDictionary<Guid, JsonObject> Rows(string table) => _tables[table];

    public JsonObject? Find(string table, Guid id) => _tables[table].GetValueOrDefault(id);

    public int Count => _tables.Values.Sum(t => t.Count);

    public IEnumerable<(string Table, Guid Id, JsonObject Row)> All() =>
        HsdsCatalog.Tables.SelectMany(t => _tables[t.Name].Select(r => (t.Name, r.Key, r.Value)));

    public void Set(string table, Guid id, JsonObject row) => _tables[table][id] = row;

    public void Remove(string table, Guid id) => _tables[table].Remove(id);

    /// <summary>
    /// Adds a record, or merges it into the record with the same id that the same file already gave (the
    /// full JSON shapes repeat a phone under the service, its location and its contact). A field given twice
    /// with different values is an error: which one is meant cannot be known.
    /// </summary>
    public void Merge(string table, Guid id, JsonObject row, string where, List<HsdsIssue> issues)
    {
        if (!_tables[table].TryGetValue(id, out var existing))
        {
            _tables[table][id] = row;
            return;
        }
        foreach (var (name, value) in row.ToList())
        {
            if (!existing.TryGetPropertyValue(name, out var current)) existing[name] = value?.DeepClone();
            else if (!JsonNode.DeepEquals(current, value))
                issues.Add(new HsdsIssue(true, where, $"{table} {id} heeft elders in het bestand een andere waarde voor {name} ({Short(current)} en {Short(value)})."));
        }
    }

    internal static string Short(JsonNode? value)
    {
        var s = value?.ToJsonString() ?? "leeg";
        return Text.Truncate(s, 60);
    }
}
