using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;

namespace Regie.Web.Data;

/// <summary>
/// A team's integral budget for one year. Its figures are never stored here: they are the sum of its
/// <see cref="BudgetEntry"/> rows. The row is the serialisation point for spending: every write to the
/// ledger first bumps <see cref="Version"/>, which locks the row until the transaction ends.
/// </summary>
public sealed class TeamBudget : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid TeamId { get; set; }
    public int Year { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One movement of money. Never changed or deleted (database triggers refuse it): a correction is a new
/// entry. A spend that serves several laws has one entry per law, so every figure per law adds up.
/// </summary>
public sealed class BudgetEntry : IMunicipalityOwned
{
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid BudgetId { get; set; }
    public Guid TeamId { get; set; }
    public int Year { get; set; }
    public EntryKind Kind { get; set; }
    /// <summary>Allocations: the earmark (null is the free, integral part). Spending: the law it is attributed to.</summary>
    public LegalFramework? Framework { get; set; }
    /// <summary>Positive, except allocation corrections and the giving side of a transfer.</summary>
    public decimal Amount { get; set; }
    public Guid? SpendId { get; set; }
    /// <summary>The goal's life domain, for the municipality's report per domain.</summary>
    public ZrmDomain? Domain { get; set; }
    /// <summary>For a transfer: the other team.</summary>
    public Guid? CounterpartTeamId { get; set; }
    public required string Reason { get; set; }
    public DateOnly BookedOn { get; set; }
    public DateTime OccurredAt { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
}

/// <summary>Money a professional commits to an intervention for a plan goal, and what became of it.</summary>
public sealed class Spend : IMunicipalityOwned
{
    public const int DescriptionMaxLength = 200;
    public const int JustificationMaxLength = 2000;
    public const int DecisionReasonMaxLength = 1000;
    public const int PayeeMaxLength = 200;
    public const int CancelReasonMaxLength = 1000;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid TeamId { get; set; }
    public Guid BudgetId { get; set; }
    public Guid GoalId { get; set; }
    public ZrmDomain Domain { get; set; }
    public InterventionKind Kind { get; set; }
    public required string Description { get; set; }
    public required string Justification { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Comma-separated <see cref="LegalFramework"/> names, confirmed by the worker.</summary>
    public required string Frameworks { get; set; }
    public required string SuggestedFrameworks { get; set; }
    public SpendStatus Status { get; set; }
    public ApprovalLevel Level { get; set; }
    public required string RequestedBy { get; set; }
    public required string RequestedByName { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public decimal? PaidAmount { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? Payee { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The comparison with the alternative as the worker saw it (JSON, tariffs copied in), or null.</summary>
    public string? Comparison { get; set; }
    /// <summary>The alternative's estimated cost minus this spend; an estimate, shown as such.</summary>
    public decimal? AvoidedEstimate { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A mandate as the municipality set it, for a role or for one person. Never changed: a new row with a
/// later <see cref="ValidFrom"/> replaces it, so it stays known which limit applied to a spend.
/// </summary>
public sealed class SpendMandate
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    /// <summary>A role name, or null for a person's own mandate.</summary>
    public string? Role { get; set; }
    public string? UserId { get; set; }
    /// <summary>Null: the person's own mandate is removed and the role's applies again.</summary>
    public decimal? Limit { get; set; }
    public DateTime ValidFrom { get; set; }
    public required string ChangedBy { get; set; }
}

/// <summary>One version of a tariff. Never changed: an edit is a new row, and a saved comparison keeps the row it used.</summary>
public sealed class Tariff
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 100;
    public const int SourceMaxLength = 400;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public decimal Amount { get; set; }
    public required string Source { get; set; }
    public DateTime ValidFrom { get; set; }
    public required string ChangedBy { get; set; }
}
