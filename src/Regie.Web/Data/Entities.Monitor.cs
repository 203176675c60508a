using Regie.Domain.Monitor;

namespace Regie.Web.Data;

/// <summary>
/// A cost the monitor cannot read from the ledger: team staff (FTE × full cost, whoever pays them),
/// city-hall overhead, hired advisors. Never edited: a wrong entry is withdrawn and entered again,
/// so the figures of an earlier report can be explained.
/// </summary>
public sealed class MonitorCostEntry : IMunicipalityOwned
{
    public const int DescriptionMaxLength = 200;

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
    /// <summary>Set once, by <see cref="Withdraw"/>: an entry is never edited, a wrong one is withdrawn and stays in the history.</summary>
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public CostEntry ToEntry() => new(Kind, TeamId, From, To, Fte, CostPerFte, Amount);

    /// <summary>Takes the entry out of the monitor's figures; withdrawing it twice is a bug (the use case finds only entries in force).</summary>
    public void Withdraw(string by, DateTime at)
    {
        if (IsWithdrawn) throw new InvalidOperationException("This cost entry has been withdrawn already.");
        WithdrawnAt = at;
        WithdrawnBy = by;
    }
}

/// <summary>
/// The monitor as computed for one scope (the municipality, or one team) over the standard period (the
/// last twelve months), so its page answers at once at any size. Refreshed by a job when the facts changed;
/// the page shows when it was computed.
/// </summary>
public sealed class MonitorSnapshot : IMunicipalityOwned
{
    public required string Gemeentecode { get; set; }
    /// <summary>"alle", or a team's id.</summary>
    public required string Scope { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>What the facts looked like when computed (last event id and cost entries); a refresh skips an unchanged scope.</summary>
    public required string Stamp { get; set; }
    /// <summary>The figures as JSON (MonitorView): counts and definitions only.</summary>
    public required string Figures { get; set; }
}
