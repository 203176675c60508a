using Regie.Domain.Registry;
using Regie.Domain.Care;
using Regie.Domain.Coordination;
using Regie.Domain.Access;

namespace Regie.Web.Data;

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
