namespace Regie.Web.Data;

/// <summary>
/// The Veilig Verder plan: the safety annex to one household <see cref="Plan"/>, started when there is danger. Its safety
/// goals, agreements and checks are rows of their own, changed only through this plan's methods; every change bumps
/// <see cref="Version"/>, and the household's agreement names the version it was given for. Whether a household has one is
/// itself sensitive: only the care roles with need-to-know ever see it, and it writes no timeline events (the audit trail
/// records every read and change).
/// </summary>
public sealed partial class VeiligVerderPlan : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; init; }
    public Guid HouseholdId { get; init; }
    public DateOnly StartedOn { get; init; }
    public required string StartedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; set; }
}

/// <summary>A safety goal: what must be safe, for whom (null: the whole household), by when, and whether it was reached.</summary>
public sealed partial class SafetyGoal : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid VeiligVerderPlanId { get; init; }
    public Guid HouseholdId { get; init; }
    public string Wat { get; private set; } = "";
    public Guid? PersonId { get; private set; }
    public DateOnly Streefdatum { get; private set; }
    public Domain.Care.SafetyGoalStatus Status { get; private set; }
    public int Position { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A safety agreement: who does what when danger returns, at which signal.</summary>
public sealed partial class SafetyArrangement : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid VeiligVerderPlanId { get; init; }
    public Guid HouseholdId { get; init; }
    public Domain.Care.SafetyActorKind ActorKind { get; private set; }
    /// <summary>The member who acts; null when a professional, an organisation or someone else does.</summary>
    public Guid? PersonId { get; private set; }
    /// <summary>Who acts, as shown: the member's name or the name given.</summary>
    public string ActorName { get; private set; } = "";
    public string Wat { get; private set; } = "";
    public string Signaal { get; private set; } = "";
    public int Position { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>Keeping watch: who checks that the household is safe, how, how often, and when next.</summary>
public sealed partial class SafetyCheck : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid VeiligVerderPlanId { get; init; }
    public Guid HouseholdId { get; init; }
    public string Who { get; private set; } = "";
    public Domain.Care.SafetyCheckMethod Method { get; private set; }
    public int Every { get; private set; }
    public Domain.Care.FrequencyUnit Unit { get; private set; }
    public DateOnly NextOn { get; private set; }
    public int Position { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>The household's agreement with one version of the Veilig Verder plan: who agreed, when and how. Never changed.</summary>
public sealed class VeiligVerderAgreement : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid VeiligVerderPlanId { get; init; }
    public int VersionNumber { get; init; }
    public Guid PersonId { get; init; }
    public required string AgreedByName { get; init; }
    public DateOnly AgreedOn { get; init; }
    /// <summary>How the agreement was given, in the plan's vocabulary (<see cref="Domain.Care.AgreementWays"/>).</summary>
    public required string Wijze { get; init; }
    public required string RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
}
