using Regie.Domain.Registry;
using Regie.Domain.Care;
using Regie.Domain.Coordination;
using Regie.Domain.Access;

namespace Regie.Web.Data;

/// <summary>
/// One version of a municipality's triage table. Never changed: a change is a new row, so the
/// monitor can tell which model applied when. The current one has the latest <see cref="ValidFrom"/>.
/// </summary>
public sealed class TriageConfiguration
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Domain.Care.TriageModel Model { get; set; }
    public int ConcernThreshold { get; set; }
    public int MinDomains { get; set; }
    /// <summary>See <see cref="Domain.Care.TriageSettings.RoutesToStored"/>.</summary>
    public required string Routes { get; set; }
    public DateTime ValidFrom { get; set; }
    public required string ChangedBy { get; set; }
}

public enum RequestStatus
{
    Ontvangen,
    IntakeGedaan,
    Besloten,
}

/// <summary>A request for help (hulpvraag): who asked, about whom, the intake screen, and the route chosen.</summary>
public sealed class HelpRequest : IMunicipalityOwned
{
    public const int SourceDetailMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int SuggestionMaxLength = 1000;
    public const int DecisionReasonMaxLength = 2000;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Domain.Care.RequestSource Source { get; set; }
    public string? SourceDetail { get; set; }
    public required string Description { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Custom support (a provision that needs a decision) is asked for.</summary>
    public bool Maatwerk { get; set; }
    public RequestStatus Status { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateOnly? IntakeOn { get; set; }
    public string? IntakeBy { get; set; }
    public Domain.Care.CaseClass? CaseClass { get; set; }
    public Domain.Care.TriageModel? ModelAtIntake { get; set; }
    public Domain.Care.TriageRoute? SuggestedRoute { get; set; }
    public string? Suggestion { get; set; }
    public Domain.Care.TriageRoute? DecidedRoute { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? TrajectoryId { get; set; }
    public int Version { get; set; }

    public List<HelpRequestPerson> Persons { get; set; } = [];
    public List<HelpRequestScore> Scores { get; set; } = [];
}

public sealed class HelpRequestPerson
{
    public Guid RequestId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>The intake's quick score of one domain for one person; "not screened" has no row.</summary>
public sealed class HelpRequestScore
{
    public Guid RequestId { get; set; }
    public Guid PersonId { get; set; }
    public Domain.Assessment.ZrmDomain Domain { get; set; }
    public int Score { get; set; }
}
