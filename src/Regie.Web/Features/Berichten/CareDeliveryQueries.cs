using Microsoft.EntityFrameworkCore;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;

namespace Regie.Web.Features.Berichten;

/// <summary>One assignment as the household file shows it: what, by whom, and what the provider reported of its start and stop.</summary>
public sealed record CareDeliveryRow(Guid ApplicationId, string Product, string Aanbieder, DateOnly? GestartOp, DateOnly? GestoptOp, string? Reden);

/// <summary>What the providers' 305 and 307 said about a household's assignments, beside its decisions in the file.</summary>
public sealed class CareDeliveryQueries(RegieDbContext db)
{
    /// <summary>The household's assignments per application, for a reader who already opened the file (its read is audited there).</summary>
    public async Task<ILookup<Guid, CareDeliveryRow>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        var rows = await db.Toewijzingen.AsNoTracking().Where(t => t.HouseholdId == householdId)
            .Join(db.Decisions, t => t.DecisionId, d => d.Id, (t, d) => new { t, d.ApplicationId })
            .Join(db.Organisations, x => x.t.ProviderOrganisationId, o => o.Id, (x, o) => new
            {
                x.ApplicationId, x.t.Framework, x.t.Category, x.t.Nummer, Aanbieder = o.Name, x.t.StartedOn, x.t.StoppedOn, x.t.StopReason,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Nummer).Select(r => new CareDeliveryRow(r.ApplicationId,
                CodeLists.ProductCategories(r.Framework)?.Find(r.Category)?.Name ?? r.Category, r.Aanbieder, r.StartedOn, r.StoppedOn,
                r.StopReason is { } reden ? BerichtCodeLists.RedenBeeindigingFor(r.Framework).Find(reden)?.Name ?? reden : null))
            .ToLookup(r => r.ApplicationId);
    }
}
