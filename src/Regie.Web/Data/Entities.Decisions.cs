using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Web.Data;

/// <summary>
/// A request for a custom provision (aanvraag) by one resident under one legal framework, from the
/// Wmo report (melding) that starts the investigation to the beschikking. Deadlines are stored as
/// computed on receipt: the terms that applied then keep applying when the municipality changes them.
/// </summary>
public sealed class ProvisionApplication : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The person's household when the application was registered; where the timeline event goes.</summary>
    public Guid? HouseholdId { get; set; }
    public LegalFramework Framework { get; set; }
    /// <summary>The plan goal the provision serves, when the team applies from the plan.</summary>
    public Guid? GoalId { get; set; }
    public required string Requested { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public DateOnly? InvestigationDueOn { get; set; }
    public DateOnly? InvestigationDoneOn { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public DateOnly? DecisionDueOn { get; set; }
    public int ExtensionWeeks { get; set; }
    public string? ExtensionReason { get; set; }
    public DateOnly? ExtendedOn { get; set; }
    public ApplicationStatus Status { get; set; }
    /// <summary>Who handles it: the consulent of the municipal desk or the team's professional.</summary>
    public string? HandlerUserId { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawnReason { get; set; }
    /// <summary>Set with the decision: whether it came within the (extended) term. Kept for reporting.</summary>
    public bool? DecidedInTime { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The beschikking on an application. One per application: the database refuses a second.</summary>
public sealed class Decision : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public LegalFramework Framework { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string Reasoning { get; set; }
    public required string DecidedById { get; set; }
    public required string DecidedByName { get; set; }
    /// <summary>A granted product goes to the decider's own employer (see Employment.IsOwnEmployer).</summary>
    public bool OwnEmployer { get; set; }
    /// <summary>Sum of the products' estimates; null when none was estimated.</summary>
    public decimal? EstimatedCost { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<DecisionProduct> Products { get; set; } = [];
}

/// <summary>A decided provision, shaped like an iWmo/iJw assignment (toewijzing): category, volume, unit, frequency, period, provider.</summary>
public sealed class DecisionProduct : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid DecisionId { get; set; }
    public int Position { get; set; }
    /// <summary>WMO020 or JZ020 code; null for frameworks without a code list.</summary>
    public string? Category { get; set; }
    public string? Description { get; set; }
    public int Volume { get; set; }
    /// <summary>WJ756 code.</summary>
    public required string Unit { get; set; }
    /// <summary>WMO757 code.</summary>
    public required string Frequency { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public Guid? ProviderOrganisationId { get; set; }
    public bool OwnEmployer { get; set; }
    public decimal? EstimatedCost { get; set; }
}

/// <summary>The municipality's legal terms; absent means the law's defaults (<see cref="DecisionTerms.Default"/>).</summary>
public sealed class DecisionTermSettings
{
    public required string Gemeentecode { get; set; }
    public int WmoInvestigationWeeks { get; set; }
    public int WmoDecisionWeeks { get; set; }
    public int JeugdwetWeeks { get; set; }
    public int ParticipatiewetWeeks { get; set; }
    public int WgsWeeks { get; set; }
    public int MaxExtensionWeeks { get; set; }
    public int DueSoonDays { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public int Version { get; set; }

    public DecisionTerms ToTerms() => new(WmoInvestigationWeeks, WmoDecisionWeeks, JeugdwetWeeks, ParticipatiewetWeeks, WgsWeeks, MaxExtensionWeeks, DueSoonDays);
}
