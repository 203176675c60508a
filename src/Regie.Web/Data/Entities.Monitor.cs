using Regie.Domain.Monitor;

namespace Regie.Web.Data;

/// <summary>
/// A cost the monitor cannot read from the ledger: team staff (FTE × full cost, whoever pays them),
/// city-hall overhead, hired advisors. Never edited: a wrong entry is withdrawn and entered again,
/// so the figures of an earlier report can be explained.
/// </summary>
public sealed class MonitorCostEntry : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public CostKind Kind { get; set; }
    public Guid? TeamId { get; set; }
    public StaffPayer? Payer { get; set; }
    public required string Description { get; set; }
    public decimal? Fte { get; set; }
    public decimal? CostPerFte { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }

    public CostEntry ToEntry() => new(Kind, TeamId, From, To, Fte, CostPerFte, Amount);
}
