using Microsoft.EntityFrameworkCore;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.SocialMap;

public sealed record PostcodeImportResult(int Imported, IReadOnlyList<string> Rejected);

/// <summary>
/// The functional admin loads the centres of the municipality's postcode areas (<see cref="PostcodeAreaRules"/>). The whole file
/// or nothing: a table with some bad lines would give wrong distances without anyone noticing.
/// </summary>
public sealed class ImportPostcodeAreasHandler(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<PostcodeImportResult> HandleAsync(TextReader reader, CancellationToken ct)
    {
        var rejected = new List<string>();
        var areas = new Dictionary<string, PostcodeArea>();
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (PostcodeAreaRules.IsHeader(line, text)) continue;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (PostcodeAreaRules.Parse(text) is not { } area)
            {
                rejected.Add(PostcodeAreaRules.Rejected(line));
                continue;
            }
            areas[area.Pc4] = new PostcodeArea { Gemeentecode = user.Gemeentecode!, Pc4 = area.Pc4, Latitude = area.Latitude, Longitude = area.Longitude, Naam = area.Naam };
        }
        if (rejected.Count > 0 || areas.Count == 0) return new PostcodeImportResult(0, rejected.Count > 0 ? rejected : [PostcodeAreaRules.Empty]);
        var stored = await db.PostcodeAreas.ToDictionaryAsync(a => a.Pc4, ct);
        foreach (var area in areas.Values)
            if (stored.TryGetValue(area.Pc4, out var s)) (s.Latitude, s.Longitude, s.Naam) = (area.Latitude, area.Longitude, area.Naam);
            else db.PostcodeAreas.Add(area);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Update, AuditResources.SocialMap, detail: $"postcodetabel: {areas.Count} gebieden", ct: ct);
        return new PostcodeImportResult(areas.Count, []);
    }
}
