using Microsoft.EntityFrameworkCore;
using Regie.Domain.Monitor;
using Regie.Web.Data;

namespace Regie.Web.Features.Monitor;

public sealed record CostRow(Guid Id, CostKind Soort, string? Team, StaffPayer? BetaaldDoor, string Omschrijving, decimal? Fte, decimal? KostenPerFte, decimal? Bedrag,
    DateOnly Van, DateOnly Tot, string IngevoerdDoor, DateTime IngevoerdOp, DateTime? IngetrokkenOp);

/// <summary>The cost entries the policy officer keeps for the monitor's full cost, withdrawn ones included.</summary>
public sealed class MonitorCostQueries(RegieDbContext db)
{
    public async Task<IReadOnlyList<CostRow>> ListAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return (await db.MonitorCostEntries.AsNoTracking().OrderByDescending(e => e.From).ThenBy(e => e.Kind).ToListAsync(ct))
            .Select(e => new CostRow(e.Id, e.Kind, e.TeamId is { } t ? teams.GetValueOrDefault(t) : null, e.Payer, e.Description, e.Fte, e.CostPerFte, e.Amount,
                e.From, e.To, e.RecordedBy, e.RecordedAt, e.WithdrawnAt)).ToList();
    }
}
