using Microsoft.EntityFrameworkCore;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>An AGB code an import brings for one of Regie's organisations: applied with the rest of the import, or not at all.</summary>
public sealed record AgbCodeFromImport(Guid OrganisationId, string OrganisationName, string Code);

/// <summary>
/// The provider's AGB code as an HSDS <c>organization_identifier</c> (identifier_type "AGB"): the export writes it for every organization
/// linked to a Regie organisation with an AGB code (Regie's own value wins over a stored one); the import reads a valid one back onto the
/// linked organisation, and refuses the file for an invalid one or one another organisation holds.
/// </summary>
public sealed class HsdsAgbCodes(RegieDbContext db)
{
    /// <summary>The identifier_type Regie writes; org-id.guide lists no scheme for AGB codes, so identifier_scheme stays empty.</summary>
    public const string IdentifierType = "AGB";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase) { "AGB", "AGB-code", "AGB code", "NL-AGB" };

    public static bool IsAgb(JsonObject row) => Text(row["identifier_type"]) is { } t && Names.Contains(t.Trim())
        || Text(row["identifier_scheme"]) is { } s && Names.Contains(s.Trim());

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A stable id for the identifier Regie adds, so two exports of the same social map are the same.</summary>
    public static Guid IdentifierId(Guid organizationId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("regie:agb:" + organizationId.ToString("D")));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Puts each linked organisation's AGB code into the data to export, replacing what the stored identifiers say about it.</summary>
    public async Task AddToAsync(HsdsDataset data, CancellationToken ct)
    {
        var linked = await db.HsdsOrganizations.AsNoTracking().Where(h => h.OrganisationId != null)
            .Join(db.Organisations.AsNoTracking(), h => h.OrganisationId, o => (Guid?)o.Id, (h, o) => new { h.Id, o.AgbCode }).ToListAsync(ct);
        var identifiers = data.Rows(HsdsCatalog.OrganizationIdentifier);
        foreach (var organization in linked)
        {
            var stored = identifiers.Where(r => HsdsValues.IdOf(r.Value["organization_id"]) == organization.Id && IsAgb(r.Value)).Select(r => r.Key).Order().ToList();
            foreach (var id in organization.AgbCode is null ? stored : stored.Skip(1)) data.Remove(HsdsCatalog.OrganizationIdentifier, id);
            if (organization.AgbCode is not { } code) continue;
            var rowId = stored.Count > 0 ? stored[0] : IdentifierId(organization.Id);
            var row = stored.Count > 0 ? (JsonObject)identifiers[rowId].DeepClone() : new JsonObject();
            row["id"] = HsdsValues.Uuid(rowId);
            row["organization_id"] = HsdsValues.Uuid(organization.Id);
            row["identifier_type"] = IdentifierType;
            row["identifier"] = code;
            data.Set(HsdsCatalog.OrganizationIdentifier, rowId, HsdsValues.Flat(HsdsCatalog.Table(HsdsCatalog.OrganizationIdentifier), row));
        }
    }

    /// <summary>
    /// The AGB codes an import brings for Regie organisations (linked already, or linked by name as the import will): each checked,
    /// every refusal an error of the import. Organizations that are not Regie's keep their identifiers as HSDS data only.
    /// </summary>
    public async Task<IReadOnlyList<AgbCodeFromImport>> ReadAsync(HsdsDataset data, List<HsdsIssue> issues, CancellationToken ct)
    {
        var rows = data.Rows(HsdsCatalog.OrganizationIdentifier).Where(r => IsAgb(r.Value)).ToList();
        if (rows.Count == 0) return [];
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.AgbCode }).ToListAsync(ct);
        var hsdsIds = rows.Select(r => HsdsValues.IdOf(r.Value["organization_id"])).OfType<Guid>().Distinct().ToList();
        var stored = await db.HsdsOrganizations.AsNoTracking().Where(h => hsdsIds.Contains(h.Id)).Select(h => new { h.Id, h.Name, h.OrganisationId }).ToListAsync(ct);
        var result = new List<AgbCodeFromImport>();
        foreach (var (id, row) in rows.OrderBy(r => r.Key))
        {
            var where = $"{HsdsCatalog.OrganizationIdentifier} {id}";
            var value = Text(row["identifier"]);
            if (AgbCode.Normalize(value) is not { } code)
            {
                issues.Add(new HsdsIssue(true, where, $"identifier {value} is geen geldige AGB-code: acht cijfers, niet beginnend met 00.", AgbCode.InvalidCode));
                continue;
            }
            var organizationId = HsdsValues.IdOf(row["organization_id"]);
            var hsds = stored.FirstOrDefault(s => s.Id == organizationId);
            var name = Text(organizationId is { } o ? data.Find(HsdsCatalog.Organization, o)?["name"] : null) ?? hsds?.Name;
            var target = hsds?.OrganisationId is { } linked ? organisations.FirstOrDefault(x => x.Id == linked)
                : organisations.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (target is null) continue;
            var holder = organisations.FirstOrDefault(x => x.AgbCode == code && x.Id != target.Id)?.Name
                ?? result.FirstOrDefault(r => r.Code == code && r.OrganisationId != target.Id)?.OrganisationName;
            if (holder is not null)
            {
                issues.Add(new HsdsIssue(true, where, $"AGB-code {code} hoort al bij {holder}; {target.Name} kan haar niet ook hebben.", ContractRules.AgbTakenCode));
                continue;
            }
            if (target.AgbCode != code && result.All(r => r.OrganisationId != target.Id)) result.Add(new AgbCodeFromImport(target.Id, target.Name, code));
        }
        return result;
    }

    /// <summary>Sets the codes <see cref="ReadAsync"/> found; saved with the import's transaction.</summary>
    public async Task ApplyAsync(IReadOnlyList<AgbCodeFromImport> codes, CancellationToken ct)
    {
        foreach (var c in codes)
            if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == c.OrganisationId, ct) is { } organisation) organisation.AgbCode = c.Code;
    }
}
