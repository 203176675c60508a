using Regie.Domain.Care;
using Regie.Domain.Common;

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
    public const string SourceInvalidCode = "request-source-invalid";
    public const string DescriptionRequiredCode = "request-description-required";
    public const string PersonsRequiredCode = "request-persons-required";
    public const string DateInvalidCode = "request-date-invalid";
    public const string NotScreenedCode = "request-not-screened";
    public const string AlreadyDecidedCode = "request-already-decided";

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Domain.Care.RequestSource Source { get; set; }
    public string? SourceDetail { get; set; }
    public required string Description { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Custom support (a provision that needs a decision) is asked for.</summary>
    public bool Maatwerk { get; set; }
    /// <summary>Ontvangen at registration; after that only <see cref="RecordIntake"/> and <see cref="Decide"/> move it.</summary>
    public RequestStatus Status { get => _status; init => _status = value; }
    private RequestStatus _status;
    public required string RegisteredBy { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>The intake's screen and suggestion: set by <see cref="RecordIntake"/> (or given at creation for a request from before Regie).</summary>
    public DateOnly? IntakeOn { get => _intakeOn; init => _intakeOn = value; }
    private DateOnly? _intakeOn;
    public string? IntakeBy { get => _intakeBy; init => _intakeBy = value; }
    private string? _intakeBy;
    public Domain.Care.CaseClass? CaseClass { get => _caseClass; init => _caseClass = value; }
    private Domain.Care.CaseClass? _caseClass;
    public Domain.Care.TriageModel? ModelAtIntake { get => _modelAtIntake; init => _modelAtIntake = value; }
    private Domain.Care.TriageModel? _modelAtIntake;
    public Domain.Care.TriageRoute? SuggestedRoute { get => _suggestedRoute; init => _suggestedRoute = value; }
    private Domain.Care.TriageRoute? _suggestedRoute;
    public string? Suggestion { get => _suggestion; init => _suggestion = value; }
    private string? _suggestion;
    /// <summary>The decision on the route: set by <see cref="Decide"/> (or given at creation for a request from before Regie).</summary>
    public Domain.Care.TriageRoute? DecidedRoute { get => _decidedRoute; init => _decidedRoute = value; }
    private Domain.Care.TriageRoute? _decidedRoute;
    public string? DecisionReason { get => _decisionReason; init => _decisionReason = value; }
    private string? _decisionReason;
    public string? DecidedBy { get => _decidedBy; init => _decidedBy = value; }
    private string? _decidedBy;
    public DateTime? DecidedAt { get => _decidedAt; init => _decidedAt = value; }
    private DateTime? _decidedAt;
    /// <summary>The trajectory the decision started or joined; set by <see cref="LinkTrajectory"/>.</summary>
    public Guid? TrajectoryId { get => _trajectoryId; init => _trajectoryId = value; }
    private Guid? _trajectoryId;
    /// <summary>The intake's safety check: answers as <see cref="Domain.Safety.SafetyCheck.ToStored"/> writes them.</summary>
    public string? SafetyAnswers { get; private set; }
    public Domain.Safety.SafetyJudgement? SafetyJudgement { get; private set; }
    public string? SafetyNote { get; private set; }
    public int Version { get; set; }

    /// <summary>Whom the request is about: set at <see cref="Register"/>, never changed.</summary>
    public IReadOnlyList<HelpRequestPerson> Persons => _persons;
    private readonly List<HelpRequestPerson> _persons = [];
    /// <summary>The intake's screen: only <see cref="RecordIntake"/> changes it.</summary>
    public IReadOnlyList<HelpRequestScore> Scores => _scores;
    private readonly List<HelpRequestScore> _scores = [];

    /// <summary>
    /// A new request, Ontvangen, about <paramref name="persons"/> (each once), after <see cref="ParseSource"/>, <see cref="CheckDescription"/>,
    /// <see cref="CheckReceived"/> and <see cref="CheckPersons"/> let its input through.
    /// </summary>
    public static HelpRequest Register(string gemeentecode, Guid householdId, RequestSource source, string? sourceDetail, string description, DateOnly receivedOn,
        bool maatwerk, IEnumerable<Guid> persons, string registeredBy, DateTime at)
    {
        var request = new HelpRequest
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, Source = source, SourceDetail = sourceDetail,
            Description = description, ReceivedOn = receivedOn, Maatwerk = maatwerk, Status = RequestStatus.Ontvangen, RegisteredBy = registeredBy, RegisteredAt = at,
        };
        request._persons.AddRange(persons.Distinct().Select(p => new HelpRequestPerson { RequestId = request.Id, PersonId = p }));
        return request;
    }

    /// <summary>Who brought the request in; an unknown source is refused.</summary>
    public static RequestSource? ParseSource(string? text, ErrorList errors)
    {
        var source = Enums.ParseDefined<RequestSource>(text);
        if (source is null) errors.Add(new DomainError(SourceInvalidCode, "Bron", "Kies wie de hulpvraag inbracht."));
        return source;
    }

    /// <summary>The description is required and fits <see cref="DescriptionMaxLength"/>.</summary>
    public static string? CheckDescription(string? text, ErrorList errors)
    {
        var description = errors.Take(TextRules.Required(text, "Omschrijving", "de omschrijving", DescriptionMaxLength,
            DescriptionRequiredCode, "Beschrijf kort waar het huishouden hulp bij vraagt."));
        return description;
    }

    /// <summary>The day the request came in: empty is today; otherwise not in the future and not older than a year.</summary>
    public static DateOnly CheckReceived(string? text, DateOnly today, ErrorList errors)
    {
        var received = today;
        if (!string.IsNullOrWhiteSpace(text) && (!DutchDate.TryParse(text, out received) || received > today || received < today.AddYears(-1)))
            errors.Add(new DomainError(DateInvalidCode, "Ontvangen", "Vul de datum van ontvangst in als dd-mm-jjjj: niet in de toekomst en niet ouder dan een jaar."));
        return received;
    }

    /// <summary>A request is about one or more current members of the household.</summary>
    public static void CheckPersons(IReadOnlyCollection<Guid> persons, IReadOnlyCollection<Guid> members, ErrorList errors)
    {
        if (persons.Count == 0 || persons.Any(p => !members.Contains(p)))
            errors.Add(new DomainError(PersonsRequiredCode, "Personen", "Kies om wie het gaat: een of meer leden van het huishouden."));
    }

    /// <summary>Why the screen cannot be (re)done now: once decided, the request is closed.</summary>
    public DomainError? RefuseIntake() =>
        Status == RequestStatus.Besloten ? new DomainError(AlreadyDecidedCode, "", "Over deze hulpvraag is al besloten.") : null;

    /// <summary>Why no route can be decided now: decided already, or not screened yet.</summary>
    public DomainError? RefuseDecision() =>
        RefuseIntake() ?? (SuggestedRoute is null
            ? new DomainError(NotScreenedCode, "", "Doe eerst de intake met de screening; dan volgt een voorstel voor de route.") : null);

    /// <summary>
    /// Saves the screen and its suggestion; a redone screen keeps the rows that stay (with their new score) and drops
    /// what is no longer screened. Refuses what <see cref="RefuseIntake"/> refuses.
    /// </summary>
    public void RecordIntake(IReadOnlyList<ScreenScore> screen, TriageSuggestion suggestion, TriageModel model, DateOnly on, string by)
    {
        if (RefuseIntake() is { } refused) throw new InvalidOperationException($"Intake refused: {refused.Code}");
        foreach (var old in _scores.ToList())
        {
            var same = screen.FirstOrDefault(n => n.PersonId == old.PersonId && n.Domain == old.Domain);
            if (same is null) _scores.Remove(old);
            else old.Score = same.Score;
        }
        _scores.AddRange(screen.Where(n => !_scores.Any(o => o.PersonId == n.PersonId && o.Domain == n.Domain))
            .Select(n => new HelpRequestScore { RequestId = Id, PersonId = n.PersonId, Domain = n.Domain, Score = n.Score }));
        _status = RequestStatus.IntakeGedaan;
        _intakeOn = on;
        _intakeBy = by;
        _caseClass = suggestion.Class;
        _modelAtIntake = model;
        _suggestedRoute = suggestion.Route;
        _suggestion = Text.Truncate(suggestion.Explanation, SuggestionMaxLength);
    }

    /// <summary>The check on basic care and safety that every intake records; a redone intake records it again.</summary>
    public void RecordSafetyCheck(Domain.Safety.SafetyCheckResult check)
    {
        if (RefuseIntake() is { } refused) throw new InvalidOperationException($"Intake refused: {refused.Code}");
        SafetyAnswers = Domain.Safety.SafetyCheck.ToStored(check.Answers);
        SafetyJudgement = check.Judgement;
        SafetyNote = check.Toelichting;
    }

    /// <summary>The worker's decision on the route. Refuses what <see cref="RefuseDecision"/> refuses.</summary>
    public void Decide(TriageRoute route, string? reason, string by, DateTime at)
    {
        if (RefuseDecision() is { } refused) throw new InvalidOperationException($"Decision refused: {refused.Code}");
        _status = RequestStatus.Besloten;
        _decidedRoute = route;
        _decisionReason = reason;
        _decidedBy = by;
        _decidedAt = at;
    }

    /// <summary>The trajectory a decision for the team started or joined; only a request routed to the team has one.</summary>
    public void LinkTrajectory(Guid trajectoryId)
    {
        if (_status != RequestStatus.Besloten || _decidedRoute != TriageRoute.Wijkteam)
            throw new InvalidOperationException("Only a request routed to the team gets a trajectory.");
        _trajectoryId = trajectoryId;
    }
}

public sealed class HelpRequestPerson
{
    public Guid RequestId { get; init; }
    public Guid PersonId { get; init; }
}

/// <summary>The intake's quick score of one domain for one person; "not screened" has no row.</summary>
public sealed class HelpRequestScore
{
    public Guid RequestId { get; init; }
    public Guid PersonId { get; init; }
    public Domain.Assessment.ZrmDomain Domain { get; init; }
    /// <summary>Changed only by a redone intake (<see cref="HelpRequest.RecordIntake"/>).</summary>
    public int Score { get; internal set; }
}
