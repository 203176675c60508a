using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Web.Data;

namespace Regie.Web.Features.Requests;

public sealed record TriageSettingsChange(DateTime ValidFrom, string ChangedBy, TriageModel Model);

/// <summary>The municipality's triage table: the one that applies now, and the history of its changes.</summary>
public sealed class TriageSettingsQueries(RegieDbContext db)
{
    /// <summary>A municipality that never chose works as model (a): the team takes everything.</summary>
    public async Task<TriageSettings> CurrentAsync(CancellationToken ct)
    {
        var row = await db.TriageConfigurations.AsNoTracking().OrderByDescending(c => c.ValidFrom).FirstOrDefaultAsync(ct);
        return row is null ? TriageSettings.Preset(TriageModel.TeamVoorAlles) : TriageSettings.FromStored(row.Model, row.ConcernThreshold, row.MinDomains, row.Routes);
    }

    public async Task<IReadOnlyList<TriageSettingsChange>> HistoryAsync(CancellationToken ct) =>
        await db.TriageConfigurations.AsNoTracking().OrderByDescending(c => c.ValidFrom).Take(50)
            .Select(c => new TriageSettingsChange(c.ValidFrom, c.ChangedBy, c.Model)).ToListAsync(ct);
}
