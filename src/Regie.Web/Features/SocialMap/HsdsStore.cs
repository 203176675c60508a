using Microsoft.EntityFrameworkCore;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// The social map of the current municipality as an <see cref="HsdsDataset"/> and back. A field with a
/// column of its own (named after the HSDS field) goes there; all others stay in the record's Extra JSON.
/// </summary>
public sealed class HsdsStore(RegieDbContext db, HsdsAgbCodes agbCodes)
{
    private sealed record Column(string Field, PropertyInfo Property, int? MaxLength);

    private static readonly Dictionary<string, Type> Typed = new()
    {
        [HsdsCatalog.Organization] = typeof(HsdsOrganization), [HsdsCatalog.Service] = typeof(HsdsService),
        [HsdsCatalog.Location] = typeof(HsdsLocation), [HsdsCatalog.ServiceAtLocation] = typeof(HsdsServiceAtLocation),
        [HsdsCatalog.Address] = typeof(HsdsAddress), [HsdsCatalog.Phone] = typeof(HsdsPhone), [HsdsCatalog.Contact] = typeof(HsdsContact),
        [HsdsCatalog.Schedule] = typeof(HsdsSchedule), [HsdsCatalog.Taxonomy] = typeof(HsdsTaxonomy),
        [HsdsCatalog.TaxonomyTerm] = typeof(HsdsTaxonomyTerm), [HsdsCatalog.Attribute] = typeof(HsdsAttribute),
    };

    private Dictionary<string, IReadOnlyList<Column>>? _columns;

    /// <summary>address_1 → Address1: the columns of a table, with the length the database allows.</summary>
    private IReadOnlyList<Column> ColumnsOf(string table)
    {
        _columns ??= Typed.ToDictionary(t => t.Key, t =>
        {
            var entity = db.Model.FindEntityType(t.Value)!;
            return (IReadOnlyList<Column>)HsdsCatalog.Table(t.Key).Fields.Where(f => f.Name != "id")
                .Select(f => (Field: f.Name, Property: t.Value.GetProperty(Pascal(f.Name))))
                .Where(c => c.Property is not null)
                .Select(c => new Column(c.Field, c.Property!, entity.FindProperty(c.Property!.Name)?.GetMaxLength())).ToList();
        });
        return _columns.GetValueOrDefault(table) ?? [];
    }

    private static string Pascal(string field) =>
        string.Concat(field.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private IQueryable<HsdsEntity> Set(string table) => table switch
    {
        HsdsCatalog.Organization => db.HsdsOrganizations,
        HsdsCatalog.Service => db.HsdsServices,
        HsdsCatalog.Location => db.HsdsLocations,
        HsdsCatalog.ServiceAtLocation => db.HsdsServiceAtLocations,
        HsdsCatalog.Address => db.HsdsAddresses,
        HsdsCatalog.Phone => db.HsdsPhones,
        HsdsCatalog.Contact => db.HsdsContacts,
        HsdsCatalog.Schedule => db.HsdsSchedules,
        HsdsCatalog.Taxonomy => db.HsdsTaxonomies,
        HsdsCatalog.TaxonomyTerm => db.HsdsTaxonomyTerms,
        HsdsCatalog.Attribute => db.HsdsAttributes,
        _ => db.HsdsRecords.Where(r => r.Table == table),
    };

    /// <summary>
    /// The whole social map of the municipality, with the AGB codes of the linked organisations as identifiers. Social maps are small
    /// (hundreds of services), so exports read it at once.
    /// </summary>
    public async Task<HsdsDataset> LoadAsync(CancellationToken ct)
    {
        var data = new HsdsDataset();
        foreach (var table in HsdsCatalog.Tables)
            foreach (var entity in await Set(table.Name).AsNoTracking().ToListAsync(ct))
                data.Set(table.Name, entity.Id, ToRow(table, entity));
        await agbCodes.AddToAsync(data, ct);
        return data;
    }

    public async Task<Dictionary<string, HashSet<Guid>>> StoredIdsAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<Guid>>();
        foreach (var table in HsdsCatalog.Tables) result[table.Name] = (await Set(table.Name).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        return result;
    }

    private JsonObject ToRow(HsdsTable table, HsdsEntity entity)
    {
        var row = entity.Extra is null ? new JsonObject() : JsonNode.Parse(entity.Extra)!.AsObject();
        row["id"] = HsdsValues.Uuid(entity.Id);
        foreach (var c in ColumnsOf(table.Name))
            row[c.Field] = c.Property.GetValue(entity) switch
            {
                null => null,
                string s => s,
                Guid g => HsdsValues.Uuid(g),
                double d => JsonValue.Create(d),
                var other => throw new InvalidOperationException($"Column type {other.GetType()} of {table.Name}.{c.Field}"),
            };
        return HsdsValues.Flat(table, row);
    }

    /// <summary>Texts longer than their column: refused with the import's other errors, before anything is written.</summary>
    public void CheckLengths(HsdsDataset data, List<HsdsIssue> issues)
    {
        foreach (var (table, id, row) in data.All())
            foreach (var c in ColumnsOf(table))
                if (c.MaxLength is { } max && row[c.Field] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > max)
                    issues.Add(new HsdsIssue(true, $"{table} {id}", $"{c.Field} is te lang: hoogstens {max} tekens."));
    }

    /// <summary>
    /// Adds new records and replaces stored ones with the same id, in one transaction. A stored link to
    /// another record (a phone's location_id) stays when the import does not mention it: a service_full file
    /// does not repeat everything a location belongs to. The AGB codes the import brings for Regie's organisations (checked by
    /// <see cref="HsdsAgbCodes.ReadAsync"/>) are set in the same transaction. Returns (added, updated).
    /// </summary>
    public async Task<(int Added, int Updated)> SaveAsync(HsdsDataset data, string gemeentecode, CancellationToken ct, IReadOnlyList<AgbCodeFromImport>? agb = null)
    {
        var (added, updated) = (0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var table in HsdsCatalog.Tables)
        {
            var rows = data.Rows(table.Name);
            if (rows.Count == 0) continue;
            var ids = rows.Keys.ToList();
            var stored = new Dictionary<Guid, HsdsEntity>();
            foreach (var chunk in ids.Chunk(500))
                foreach (var e in await Set(table.Name).Where(e => chunk.Contains(e.Id)).ToListAsync(ct)) stored[e.Id] = e;
            foreach (var (id, row) in rows)
            {
                var merged = (JsonObject)row.DeepClone();
                if (stored.TryGetValue(id, out var existing))
                {
                    var before = ToRow(table, existing);
                    foreach (var field in table.Fields.Where(f => f.IsId && f.Name != "id"))
                        if (merged[field.Name] is null && before[field.Name] is { } link) merged[field.Name] = link.DeepClone();
                    Apply(table, merged, existing);
                    updated++;
                }
                else
                {
                    var entity = Typed.TryGetValue(table.Name, out var type)
                        ? (HsdsEntity)Activator.CreateInstance(type)!
                        : new HsdsRecord { Gemeentecode = gemeentecode, Table = table.Name };
                    entity.Gemeentecode = gemeentecode;
                    entity.Id = id;
                    Apply(table, merged, entity);
                    db.Add(entity);
                    added++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await SyncKindsAsync(ct);
        await LinkOrganisationsAsync(ct);
        await agbCodes.ApplyAsync(agb ?? [], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (added, updated);
    }

    private void Apply(HsdsTable table, JsonObject row, HsdsEntity entity)
    {
        var columns = ColumnsOf(table.Name);
        foreach (var c in columns)
        {
            var value = row[c.Field];
            object? converted = value is null ? null
                : c.Property.PropertyType == typeof(string) ? value.GetValue<string>()
                : c.Property.PropertyType == typeof(Guid?) ? HsdsValues.IdOf(value)
                : c.Property.PropertyType == typeof(double?) ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"Column type of {table.Name}.{c.Field}");
            c.Property.SetValue(entity, converted);
        }
        var extra = new JsonObject();
        foreach (var (name, value) in HsdsValues.Flat(table, row))
            if (name != "id" && columns.All(c => c.Field != name)) extra[name] = value?.DeepClone();
        entity.Extra = extra.Count == 0 ? null : extra.ToJsonString();
    }

    /// <summary>A service's kind column follows its attribute with a kind term of Regie's taxonomy, which is what HSDS carries.</summary>
    public async Task SyncKindsAsync(CancellationToken ct)
    {
        var kindTerms = ServiceKinds.All.ToDictionary(RegieTaxonomy.TermOf, k => ServiceKinds.Code(k));
        var termIds = kindTerms.Keys.Select(k => (Guid?)k).ToList();
        var marks = await db.HsdsAttributes.Where(a => termIds.Contains(a.TaxonomyTermId) && a.LinkId != null)
            .Select(a => new { Service = a.LinkId!.Value, Term = a.TaxonomyTermId!.Value }).ToListAsync(ct);
        var kindOf = marks.GroupBy(m => m.Service).ToDictionary(g => g.Key, g => kindTerms[g.OrderBy(m => m.Term).First().Term]);
        foreach (var service in await db.HsdsServices.ToListAsync(ct))
        {
            var kind = kindOf.GetValueOrDefault(service.Id);
            if (service.Kind != kind) service.Kind = kind;
        }
    }

    /// <summary>An imported organization with the name of one of Regie's partners is linked to it, so referrals reach its accounts.</summary>
    private async Task LinkOrganisationsAsync(CancellationToken ct)
    {
        var unlinked = await db.HsdsOrganizations.Where(o => o.OrganisationId == null).ToListAsync(ct);
        if (unlinked.Count == 0) return;
        var partners = await db.Organisations.Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        foreach (var o in unlinked)
            if (partners.FirstOrDefault(p => string.Equals(p.Name, o.Name, StringComparison.OrdinalIgnoreCase)) is { } match) o.OrganisationId = match.Id;
    }
}
