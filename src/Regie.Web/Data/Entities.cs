using Microsoft.AspNetCore.Identity;
using Regie.Domain.Registry;

namespace Regie.Web.Data;

/// <summary>Marks rows that hold residents' data: they always belong to one municipality.</summary>
public interface IMunicipalityOwned
{
    string Gemeentecode { get; }
}

public sealed class Municipality
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Team
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Name { get; set; }
    public string? Wijk { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
}

public sealed class RegieUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid? TeamId { get; set; }
    /// <summary>For department and partner accounts: the organisation they act for (e.g. "Woningcorporatie Thuis").</summary>
    public string? Organisation { get; set; }
    /// <summary>The same organisation by id (<see cref="Data.Organisation"/>); the name above stays for display and older rows.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>Who pays this team member: the municipality, the team's own organisation or a provider that seconds them.</summary>
    public Domain.Coordination.EmployerKind? EmployerKind { get; set; }
    /// <summary>The employing organisation (<see cref="Data.Organisation"/>) when it is not the municipality itself.</summary>
    public Guid? EmployerOrganisationId { get; set; }
}

public sealed class Person : IMunicipalityOwned
{
    public const int TelefoonMaxLength = 30;
    public const int EmailMaxLength = 254;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public string? Bsn { get; set; }
    public required string Voornamen { get; set; }
    public string? Voorvoegsel { get; set; }
    public required string Achternaam { get; set; }
    /// <summary>Normalised achternaam (see PersonName.SearchKeyOf); indexed for prefix search.</summary>
    public required string ZoekNaam { get; set; }
    /// <summary>Normalised first names (see PersonName.FirstNamesSearchKeyOf), carried in the name index.</summary>
    public required string ZoekVoornamen { get; set; }
    public DateOnly Geboortedatum { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>Set when retention removed what identifies this person; the row stays for the figures.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public List<HouseholdMember> Memberships { get; set; } = [];

    public PersonName Name => new(Voornamen, Voorvoegsel, Achternaam);
}

public sealed class Household : IMunicipalityOwned
{
    public const int NaamMaxLength = 200;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Naam { get; set; }
    public string? Straat { get; set; }
    public int Huisnummer { get; set; }
    public string? Huisletter { get; set; }
    public string? Toevoeging { get; set; }
    public required string Postcode { get; set; }
    public required string Woonplaats { get; set; }
    public string? Wijk { get; set; }
    public string? Buurt { get; set; }
    /// <summary>The team that holds the file ("regie"); its professionals see it without further grant.</summary>
    public Guid? ResponsibleTeamId { get; set; }
    /// <summary>The one coordinator (regisseur); history in <see cref="CoordinatorAssignment"/>.</summary>
    public string? CoordinatorId { get; set; }
    public DateTime? AnonymisedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<HouseholdMember> Members { get; set; } = [];

    public Address Address => new(Straat, Huisnummer, Huisletter, Toevoeging,
        Domain.Registry.Postcode.Parse(Postcode).Value, Woonplaats, Wijk, Buurt);

    public void SetAddress(Address a)
    {
        Straat = a.Straat;
        Huisnummer = a.Huisnummer;
        Huisletter = a.Huisletter;
        Toevoeging = a.Toevoeging;
        Postcode = a.Postcode.Value;
        Woonplaats = a.Woonplaats;
        Wijk = a.Wijk;
        Buurt = a.Buurt;
    }
}

/// <summary>A period of membership. Ending one sets Until; rows are never deleted, so history stays.</summary>
public sealed class HouseholdMember : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public HouseholdRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }

    public Household? Household { get; set; }
    public Person? Person { get; set; }

    public MembershipPeriod ToPeriod() => new(HouseholdId, Role, From, Until);
}

/// <summary>
/// An immutable fact about a household: what happened, to whom, by whom, when. The household
/// timeline shows them; the monitor aggregates them. <see cref="Id"/> is an ever-increasing
/// sequence, so an aggregate can resume from the last event it processed.
/// </summary>
public sealed class HouseholdEvent : IMunicipalityOwned
{
    public long Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>Stable machine name such as "household.created"; see <see cref="EventTypes"/>.</summary>
    public required string Type { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>The day the fact applies to (a move date), which may precede the day it was recorded.</summary>
    public DateOnly EffectiveDate { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Summary { get; set; }
    /// <summary>Structured details as JSON, for aggregation; never shown raw.</summary>
    public string? Data { get; set; }
}

public static class AccessKinds
{
    /// <summary>Explicitly added to the file (a professional from another team, or a partner).</summary>
    public const string Added = "toegevoegd";
    /// <summary>Break the glass: emergency access with a reason, for a limited time.</summary>
    public const string BreakGlass = "noodtoegang";
    /// <summary>
    /// The desk consultant who registered the household: a record of their work on it, ended at the hand-over to a
    /// team or after <see cref="Regie.Domain.Access.FileAccessRules.DeskGrantDuration"/>. It opens nothing by itself.
    /// </summary>
    public const string Desk = "loket";
}

/// <summary>A user's access to one household beyond their team's responsibility. Never deleted: revoked or expired.</summary>
public sealed class HouseholdAccess : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public string? Reason { get; set; }
    /// <summary>For partners: which parts of the file are shared, comma-separated (e.g. "leden,tijdlijn").</summary>
    public string? SharedParts { get; set; }
    public required string GrantedBy { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// One entry of the audit trail: who (with role and organisation) did what to whose data, when
/// and why. Append-only; each entry's <see cref="Hash"/> covers its content and the previous
/// entry's hash, so a changed or removed entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? Gemeentecode { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Role { get; set; }
    public string? Organisation { get; set; }
    /// <summary>read, create, update, export, search, lookup, break-glass, sign-in, erase, …</summary>
    public required string Action { get; set; }
    /// <summary>household, person, audit, api-key, …</summary>
    public required string Resource { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? PersonId { get; set; }
    public string? Purpose { get; set; }
    public string? Detail { get; set; }
    /// <summary>The BSN asked about, where a person id cannot name them (a department's look-up).</summary>
    public string? SubjectBsn { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>A key for system-to-system calls. Only a hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public const int OrganisationMaxLength = 200;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Organisation { get; set; }
    /// <summary>The organisation by id when it is registered in Regie; the name above stays for display and older keys.</summary>
    public Guid? OrganisationId { get; set; }
    public required string Role { get; set; }
    /// <summary>The team the key acts for: a team key's own scope, or a person key's team when it was made.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The account (<see cref="RegieUser"/>) a person key acts as; the key stops working when that account is locked, changes team or role.</summary>
    public string? UserId { get; set; }
    /// <summary>The key's first characters, stored plainly, to find the row without scanning hashes.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// One run of the retention job. While a run's row is unfinished inside its transaction, the
/// timeline's append-only triggers let that transaction anonymise event texts, and nothing else.
/// </summary>
public sealed class RetentionRun
{
    public long Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public bool DryRun { get; set; }
    public int Households { get; set; }
    public int Persons { get; set; }
    public int Events { get; set; }
    public required string StartedBy { get; set; }
}

/// <summary>A ZRM assessment of one person on one day. Never changed: a new situation is a new assessment.</summary>
public sealed class ZrmAssessment : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public required string AssessorId { get; set; }
    public required string AssessorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ZrmScore> Scores { get; set; } = [];
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
    public DateTime? Until { get; set; }
    public string? HandoverNote { get; set; }
    public required string AssignedBy { get; set; }
}

/// <summary>
/// One period in which a team works with a household: from the triage decision (or a reopening)
/// to its closing. A closed trajectory is never reopened; a new one starts and the old one stays.
/// </summary>
public sealed class Trajectory : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? TeamId { get; set; }
    /// <summary>The request whose triage decision opened it; null when it was opened by hand.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>Comma-separated <see cref="Domain.Care.LegalFramework"/> names the support falls under; drives retention.</summary>
    public string? Frameworks { get; set; }
    public DateOnly OpenedOn { get; set; }
    public required string OpenedBy { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public Domain.Care.ClosingReason? ClosingReason { get; set; }
    public string? ClosingNote { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The household's one plan for one trajectory. Goals, actions and evaluations are rows of their own;
/// every saved change bumps <see cref="Version"/> and stores a <see cref="PlanVersion"/> snapshot, so
/// the plan's history can be read and compared, and a stale save is refused instead of overwriting.
/// </summary>
public sealed class Plan : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid TrajectoryId { get; set; }
    /// <summary>Agreements with the household ("afspraken"), free text.</summary>
    public string? Afspraken { get; set; }
    public DateOnly? NextEvaluationOn { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>Set when the trajectory closes; a closed plan is read-only.</summary>
    public DateOnly? ClosedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class PlanGoal : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public Guid HouseholdId { get; set; }
    public Domain.Assessment.ZrmDomain Domain { get; set; }
    /// <summary>Whose goal it is; null for the household as a whole.</summary>
    public Guid? PersonId { get; set; }
    public required string Wat { get; set; }
    public required string MeetbaarResultaat { get; set; }
    public DateOnly Streefdatum { get; set; }
    public required string Wie { get; set; }
    public Domain.Care.GoalStatus Status { get; set; }
    public DateOnly StatusChangedOn { get; set; }
    /// <summary>What came of it, written at closing or when it got its outcome.</summary>
    public string? Toelichting { get; set; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class PlanAction : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid PlanId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? GoalId { get; set; }
    public required string Omschrijving { get; set; }
    public Domain.Care.ActionOwnerKind OwnerKind { get; set; }
    /// <summary>Who does it, as shown: a member's or professional's name, or a network contact, volunteer or organisation.</summary>
    public required string OwnerName { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public string? OwnerUserId { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? DoneOn { get; set; }
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

/// <summary>A municipal department or a partner organisation; users and API keys act for one (by id, the name kept for display).</summary>
public sealed class Organisation : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Name { get; set; }
    /// <summary>"afdeling" (a department of the municipality) or "partner".</summary>
    public required string Kind { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// Betrokkenheid, after the Verwijsindex: who (BSN), which organisation or team, since when, how to
/// reach them. Never the concern itself. Ends when withdrawn, when the team's trajectory closes,
/// or when it expires (at most two years unless renewed).
/// </summary>
public sealed class Involvement : IMunicipalityOwned
{
    public const int ContactNameMaxLength = 200;
    public const int ContactPhoneMaxLength = 30;
    public const int ContactEmailMaxLength = 254;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Bsn { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>Set for the team's own involvement, registered from its responsibility for the household.</summary>
    public Guid? TeamId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Domain.Assessment.ZrmDomain? Domain { get; set; }
    public required string ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    /// <summary>Why the organisation is involved, as it stated when registering (required for organisations; none for the team's own).</summary>
    public string? Reason { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An in-app message for a user, or for everyone of an organisation. Matches name who is involved and how to reach them, nothing more.</summary>
public sealed class Notification : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public string? UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>For the coordinator's matches: the household it is about (the inbox links to it for who may open it).</summary>
    public Guid? HouseholdId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>An e-mail waiting to be sent. Written in the same transaction as its cause, sent later with retries: sending never blocks or loses a registration.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
