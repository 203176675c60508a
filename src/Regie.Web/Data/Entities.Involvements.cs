using System.Linq.Expressions;

namespace Regie.Web.Data;

/// <summary>
/// The stored kinds of <see cref="Organisation"/>, Dutch like the roles of the accounts that act for them
/// (<see cref="Infrastructure.Roles.Afdeling"/>, <see cref="Infrastructure.Roles.Partner"/>).
/// </summary>
public static class OrganisationKinds
{
    /// <summary>A department of the municipality (Werk &amp; Inkomen, Wonen, Leerplicht, …).</summary>
    public const string Afdeling = "afdeling";
    /// <summary>Anyone outside the municipality: a housing corporation, a school, a care provider, the teams' own foundation.</summary>
    public const string Partner = "partner";
}

/// <summary>A municipal department or a partner organisation; users and API keys act for one (by id, the name kept for display).</summary>
public sealed class Organisation : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="OrganisationKinds"/>.</summary>
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
    public const int ContactPhoneMaxLength = Regie.Domain.Registry.ContactDetails.PhoneMaxLength;
    public const int ContactEmailMaxLength = Regie.Domain.Registry.ContactDetails.EmailMaxLength;
    public const int ReasonMaxLength = 500;
    public const int EndReasonMaxLength = 200;

    public const string ExpiredReason = "verlopen (niet verlengd)";
    public const string WithdrawnReason = "ingetrokken";

    /// <summary>
    /// <see cref="ActiveOn"/> for the look-up's raw SQL on PostgreSQL: the involvements table as <c>i</c>, the day as parameter <c>$1</c>.
    /// </summary>
    public const string ActiveOnSql = """i."EndedOn" IS NULL AND i."ExpiresOn" >= $1""";

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
    /// <summary>Set on registering (<see cref="TermFrom"/>); after that only <see cref="Renew"/> moves it.</summary>
    public DateOnly ExpiresOn { get => _expiresOn; init => _expiresOn = value; }
    private DateOnly _expiresOn;
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    /// <summary>Why the organisation is involved, as it stated when registering (required for organisations; none for the team's own).</summary>
    public string? Reason { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The end of a term that starts on <paramref name="day"/>.</summary>
    public static DateOnly TermFrom(DateOnly day, int maxYears) => day.AddYears(maxYears);

    /// <summary>Not recorded as ended; it may have passed its term while the expiry job has not run yet.</summary>
    public bool IsOpen => EndedOn is null;

    /// <summary>Active: not ended and within its term. The look-up, the matches and the figures count only these.</summary>
    public bool IsActiveOn(DateOnly day) => EndedOn is null && ExpiresOn >= day;

    /// <summary><see cref="IsActiveOn"/> for queries.</summary>
    public static Expression<Func<Involvement, bool>> ActiveOn(DateOnly day) => i => i.EndedOn == null && i.ExpiresOn >= day;

    /// <summary><see cref="IsOpen"/> for queries.</summary>
    public static Expression<Func<Involvement, bool>> Open() => i => i.EndedOn == null;

    /// <summary>Past its term on <paramref name="day"/> but not yet recorded as ended: what the expiry job ends.</summary>
    public static Expression<Func<Involvement, bool>> ExpiredBy(DateOnly day) => i => i.EndedOn == null && i.ExpiresOn < day;

    /// <summary>Active on some day from <paramref name="since"/> on: still running then, or ended since.</summary>
    public static Expression<Func<Involvement, bool>> ActiveSince(DateOnly since) => i => i.EndedOn == null ? i.ExpiresOn >= since : i.EndedOn >= since;

    /// <summary>The day it ended or, not yet recorded, expired; null while active.</summary>
    public static DateOnly? EndedAsOf(DateOnly? endedOn, DateOnly expiresOn, DateOnly today) => endedOn ?? (expiresOn < today ? expiresOn : null);

    /// <summary>Another full term from <paramref name="today"/>; an ended involvement is not renewed but registered again.</summary>
    public void Renew(DateOnly today, int maxYears)
    {
        if (!IsOpen) throw new InvalidOperationException("An ended involvement cannot be renewed.");
        _expiresOn = TermFrom(today, maxYears);
    }

    public void End(DateOnly on, string reason)
    {
        if (!IsOpen) throw new InvalidOperationException("The involvement has already ended.");
        EndedOn = on;
        EndReason = reason;
    }
}

/// <summary>An in-app message for a user, or for everyone of an organisation. Matches name who is involved and how to reach them, nothing more.</summary>
public sealed class Notification : IMunicipalityOwned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;

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
