using System.Linq.Expressions;

namespace Regie.Web.Data;

/// <summary>A ZRM assessment of one person on one day. Never changed: a new situation is a new assessment.</summary>
/// <remarks>Never changed once recorded: a new situation is a new assessment.</remarks>
public sealed class ZrmAssessment : IMunicipalityOwned
{
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid PersonId { get; init; }
    public DateOnly AssessedOn { get; init; }
    public required string AssessorId { get; init; }
    public required string AssessorName { get; init; }
    public DateTime CreatedAt { get; init; }
    public IReadOnlyList<ZrmScore> Scores => _scores;
    private readonly List<ZrmScore> _scores = [];

    /// <summary>An assessment that <see cref="Domain.Assessment.Zrm.Parse"/> accepted; a domain that was not assessed gets no row.</summary>
    public static ZrmAssessment Record(string gemeentecode, Guid householdId, Guid personId, DateOnly on, IReadOnlyDictionary<Domain.Assessment.ZrmDomain, int?> scores,
        string assessorId, string assessorName, DateTime at)
    {
        var assessment = new ZrmAssessment
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, PersonId = personId, AssessedOn = on,
            AssessorId = assessorId, AssessorName = assessorName, CreatedAt = at,
        };
        assessment._scores.AddRange(scores.Where(kv => kv.Value is not null).Select(kv => new ZrmScore { AssessmentId = assessment.Id, Domain = kv.Key, Score = kv.Value!.Value }));
        return assessment;
    }
}

/// <summary>One domain's score; a domain that was not assessed has no row.</summary>
public sealed class ZrmScore
{
    public Guid AssessmentId { get; set; }
    public Domain.Assessment.ZrmDomain Domain { get; set; }
    public int Score { get; set; }
}

/// <summary>A period in which one professional was a household's coordinator, with the handover note that started it.</summary>
public sealed class CoordinatorAssignment : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public required string UserId { get; set; }
    public DateTime From { get; set; }
    /// <summary>Set once, by <see cref="End"/>: a period that ended stays as it was.</summary>
    public DateTime? Until { get; private set; }
    public string? HandoverNote { get; set; }
    public required string AssignedBy { get; set; }

    /// <summary>The period ends when another coordinator takes over or the trajectory closes; ending it twice is a bug.</summary>
    public void End(DateTime at)
    {
        if (Until is not null) throw new InvalidOperationException("This coordinator period has ended already.");
        Until = at;
    }
}

/// <summary>
/// One period in which a team works with a household: from the triage decision (or a reopening)
/// to its closing. A closed trajectory is never reopened; a new one starts and the old one stays.
/// Opened through <see cref="Open"/>; closed only through <see cref="Close"/>, once.
/// </summary>
public sealed partial class Trajectory : IMunicipalityOwned
{
    private string? _frameworks;
    private DateOnly? _closedOn;

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid? TeamId { get; init; }
    /// <summary>The request whose triage decision opened it; null when it was opened by hand.</summary>
    public Guid? RequestId { get; init; }
    /// <summary>Comma-separated <see cref="Domain.Care.LegalFramework"/> names the support falls under; drives retention. Changed through the plan.</summary>
    public string? Frameworks { get => _frameworks; init => _frameworks = value; }
    public DateOnly OpenedOn { get; init; }
    public required string OpenedBy { get; init; }
    public DateOnly? ClosedOn { get => _closedOn; init => _closedOn = value; }
    public Domain.Care.ClosingReason? ClosingReason { get; private set; }
    public string? ClosingNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime CreatedAt { get; init; }
    /// <summary>Concurrency token, bumped by every save; settable so a use case can present the version the user saw.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The household's one plan for one trajectory. Goals, actions and evaluations are rows of their own;
/// every saved change bumps <see cref="Version"/> and stores a <see cref="PlanVersion"/> snapshot, so
/// the plan's history can be read and compared, and a stale save is refused instead of overwriting.
/// </summary>
public sealed partial class Plan : IMunicipalityOwned
{
    /// <summary>The one "active plan" rule as a query expression: the plan has not been closed. In memory: <see cref="IsActive"/>.</summary>
    public static readonly Expression<Func<Plan, bool>> Active = p => p.ClosedOn == null;

    /// <summary>Set once, by <see cref="Start"/>: the plan belongs to one household and one trajectory for good.</summary>
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid TrajectoryId { get; init; }
    private string? _afspraken;
    private DateOnly? _nextEvaluationOn;
    private DateOnly? _closedOn;
    private DateTime _updatedAt;

    /// <summary>Agreements with the household ("afspraken"), free text. Changed only through <see cref="Update"/>.</summary>
    public string? Afspraken { get => _afspraken; init => _afspraken = value; }
    /// <summary>Set by <see cref="Update"/> and <see cref="RecordEvaluation"/>.</summary>
    public DateOnly? NextEvaluationOn { get => _nextEvaluationOn; init => _nextEvaluationOn = value; }
    public DateOnly StartedOn { get; init; }
    /// <summary>Set by <see cref="Close"/> when the trajectory closes; a closed plan is read-only.</summary>
    public DateOnly? ClosedOn { get => _closedOn; init => _closedOn = value; }
    /// <summary>The plan has not been closed: <see cref="Active"/> for a plan in memory.</summary>
    public bool IsActive => ClosedOn is null;
    public DateTime CreatedAt { get; init; }
    /// <summary>When the last change was saved: <see cref="MarkSaved"/> and <see cref="Close"/> move it.</summary>
    public DateTime UpdatedAt { get => _updatedAt; init => _updatedAt = value; }
    /// <summary>Concurrency token, bumped by every save; settable so a use case can present the version the user saw.</summary>
    public int Version { get; set; }
}

/// <summary>
/// A SMART goal of a plan. Its content is set when created and changed only through <see cref="Plan.ChangeGoal"/>;
/// its outcome at closing only through <see cref="Plan.Close"/>.
/// </summary>
public sealed partial class PlanGoal : IMunicipalityOwned
{
    private Domain.Assessment.ZrmDomain _domain;
    private Guid? _personId;
    private string _wat = "";
    private string _meetbaarResultaat = "";
    private DateOnly _streefdatum;
    private string _wie = "";
    private Domain.Care.GoalStatus _status;
    private DateOnly _statusChangedOn;
    private string? _toelichting;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public Guid HouseholdId { get; set; }
    public Domain.Assessment.ZrmDomain Domain { get => _domain; init => _domain = value; }
    /// <summary>Whose goal it is; null for the household as a whole.</summary>
    public Guid? PersonId { get => _personId; init => _personId = value; }
    public required string Wat { get => _wat; init => _wat = value; }
    public required string MeetbaarResultaat { get => _meetbaarResultaat; init => _meetbaarResultaat = value; }
    public DateOnly Streefdatum { get => _streefdatum; init => _streefdatum = value; }
    public required string Wie { get => _wie; init => _wie = value; }
    public Domain.Care.GoalStatus Status { get => _status; init => _status = value; }
    public DateOnly StatusChangedOn { get => _statusChangedOn; init => _statusChangedOn = value; }
    /// <summary>What came of it, written at closing or when it got its outcome.</summary>
    public string? Toelichting { get => _toelichting; init => _toelichting = value; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An action of a plan: set when created, changed and completed only through the plan's methods.</summary>
public sealed partial class PlanAction : IMunicipalityOwned
{
    private Guid? _goalId;
    private string _omschrijving = "";
    private Domain.Care.ActionOwnerKind _ownerKind;
    private string _ownerName = "";
    private Guid? _ownerPersonId;
    private string? _ownerUserId;
    private Guid? _ownerOrganisationId;
    private DateOnly? _deadline;
    private DateOnly? _doneOn;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? GoalId { get => _goalId; init => _goalId = value; }
    public required string Omschrijving { get => _omschrijving; init => _omschrijving = value; }
    public Domain.Care.ActionOwnerKind OwnerKind { get => _ownerKind; init => _ownerKind = value; }
    /// <summary>Who does it, as shown: a member's or professional's name, or a network contact, volunteer or organisation.</summary>
    public required string OwnerName { get => _ownerName; init => _ownerName = value; }
    public Guid? OwnerPersonId { get => _ownerPersonId; init => _ownerPersonId = value; }
    public string? OwnerUserId { get => _ownerUserId; init => _ownerUserId = value; }
    /// <summary>The department or partner organisation an organisation's action belongs to, when it is one in Regie: whose inkijk shows it.</summary>
    public Guid? OwnerOrganisationId { get => _ownerOrganisationId; init => _ownerOrganisationId = value; }
    public DateOnly? Deadline { get => _deadline; init => _deadline = value; }
    public DateOnly? DoneOn { get => _doneOn; init => _doneOn = value; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The plan as it was after one saved change. Never changed.</summary>
public sealed class PlanVersion : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public required string SavedById { get; set; }
    public required string SavedByName { get; set; }
    /// <summary>What changed, in one Dutch sentence.</summary>
    public required string Change { get; set; }
    /// <summary>The whole plan content as JSON (goals, actions, agreements, evaluation date).</summary>
    public required string Snapshot { get; set; }
}

/// <summary>The household's agreement with one version of the plan: who agreed, when and how.</summary>
public sealed class PlanAgreement : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public int VersionNumber { get; set; }
    public Guid? PersonId { get; set; }
    public required string AgreedByName { get; set; }
    public DateOnly AgreedOn { get; set; }
    /// <summary>How the agreement was given: "ondertekend", "mondeling", "digitaal".</summary>
    public required string Wijze { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>An evaluation of the plan with the household.</summary>
public sealed class PlanEvaluation : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public Guid HouseholdId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Summary { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
