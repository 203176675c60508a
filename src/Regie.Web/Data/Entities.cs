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
    /// <summary>The team's aandachtsfunctionaris huiselijk geweld en kindermishandeling: reads the team's Meldcode tracks.</summary>
    public bool IsAandachtsfunctionaris { get; set; }
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

    /// <summary>Closes the period on <paramref name="until"/>; an ended period, or a day before its start, is refused.</summary>
    public void End(DateOnly until)
    {
        if (Until is not null || until < From) throw new InvalidOperationException("Membership end refused: already ended or before its start.");
        Until = until;
    }
}

/// <summary>
/// An immutable fact about a household: what happened, to whom, by whom, when. The household
/// timeline shows them; the monitor aggregates them. <see cref="Id"/> is an ever-increasing
/// sequence, so an aggregate can resume from the last event it processed.
/// </summary>
public sealed class HouseholdEvent : IMunicipalityOwned
{
    public const int ActorIdMaxLength = 64;
    public const int ActorNameMaxLength = 200;
    public const int SummaryMaxLength = 1000;

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
