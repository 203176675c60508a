using Regie.Domain.Registry;
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
    /// <summary>Set for a signal partner of vroegsignalering (Wgs art. 2.2.1): the DDAS kind of its signals. Only these send signals.</summary>
    public Domain.Vroegsignalering.SignaalpartnerSoort? SignaalpartnerSoort { get; set; }
    /// <summary>The provider's AGB code (<see cref="Domain.IStandaarden.AgbCode"/>): iWmo/iJw messages go to and come from this code. Unique per municipality.</summary>
    public string? AgbCode { get; set; }
}

/// <summary>
/// Betrokkenheid, after the Verwijsindex: who (BSN), which organisation or team, since when, how to
/// reach them. Never the concern itself. Ends when withdrawn, when the team's trajectory closes,
/// or when it expires (at most two years unless renewed).
/// </summary>
public sealed class Involvement : IMunicipalityOwned
{
    public const int ContactNameMaxLength = InvolvementRules.ContactNameMaxLength;
    public const int ContactPhoneMaxLength = ContactDetails.PhoneMaxLength;
    public const int ContactEmailMaxLength = ContactDetails.EmailMaxLength;
    public const int ReasonMaxLength = InvolvementRules.ReasonMaxLength;
    public const int EndReasonMaxLength = 200;

    public const string ExpiredReason = "verlopen (niet verlengd)";
    public const string WithdrawnReason = "ingetrokken";

    /// <summary>
    /// <see cref="ActiveOn"/> for the look-up's raw SQL on PostgreSQL: the involvements table as <c>i</c>, the day as parameter <c>$1</c>.
    /// </summary>
    public const string ActiveOnSql = """i."EndedOn" IS NULL AND i."ExpiresOn" >= $1""";

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public required string Bsn { get; init; }
    public Guid? OrganisationId { get; init; }
    /// <summary>Set for the team's own involvement, registered from its responsibility for the household.</summary>
    public Guid? TeamId { get; init; }
    public Guid? HouseholdId { get; init; }
    /// <summary>The contact and the domain are set on registering; after that <see cref="Reregister"/> and <see cref="ChangeContact"/> change them.</summary>
    public Domain.Assessment.ZrmDomain? Domain { get => _domain; init => _domain = value; }
    private Domain.Assessment.ZrmDomain? _domain;
    public required string ContactName { get => _contactName; init => _contactName = value; }
    private string _contactName = "";
    public string? ContactPhone { get => _contactPhone; init => _contactPhone = value; }
    private string? _contactPhone;
    public string? ContactEmail { get => _contactEmail; init => _contactEmail = value; }
    private string? _contactEmail;
    public DateOnly StartedOn { get; init; }
    /// <summary>Set on registering (<see cref="TermFrom"/>); after that only <see cref="Renew"/> moves it.</summary>
    public DateOnly ExpiresOn { get => _expiresOn; init => _expiresOn = value; }
    private DateOnly _expiresOn;
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    /// <summary>Why the organisation is involved, as it stated when registering (required for organisations; none for the team's own).</summary>
    public string? Reason { get => _reason; init => _reason = value; }
    private string? _reason;
    public required string RegisteredBy { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Who to reach about an involvement: a name, with a phone number or an e-mail address.</summary>
    public sealed record Contact(string Name, string? Phone, string? Email);

    /// <summary>An organisation's registration, checked by <see cref="InvolvementRules.CheckRegistration"/>: it runs a full term from <paramref name="today"/>.</summary>
    public static Involvement Register(string gemeentecode, string bsn, Guid organisationId, InvolvementRegistration registration, DateOnly today, int maxYears,
        string registeredBy, DateTime at) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Bsn = bsn, OrganisationId = organisationId, Domain = registration.Domain,
            ContactName = registration.Contact, ContactPhone = registration.Phone, ContactEmail = registration.Email, StartedOn = registration.StartedOn,
            ExpiresOn = TermFrom(today, maxYears), Reason = registration.Reason, RegisteredBy = registeredBy, CreatedAt = at,
        };

    /// <summary>The team's own involvement with a member of the household it is responsible for: from today, without a reason of its own.</summary>
    public static Involvement RegisterTeam(string gemeentecode, string bsn, Guid teamId, Guid householdId, Contact contact, DateOnly today, int maxYears,
        string registeredBy, DateTime at) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Bsn = bsn, TeamId = teamId, HouseholdId = householdId,
            ContactName = contact.Name, ContactPhone = contact.Phone, ContactEmail = contact.Email, StartedOn = today,
            ExpiresOn = TermFrom(today, maxYears), RegisteredBy = registeredBy, CreatedAt = at,
        };

    /// <summary>
    /// The organisation registers again while this registration is open: the contact and the reason may have changed (a domain
    /// left empty keeps the one on record) and the term starts again. An ended involvement is registered anew instead.
    /// </summary>
    public void Reregister(InvolvementRegistration registration, DateOnly today, int maxYears)
    {
        if (!IsOpen) throw new InvalidOperationException("An ended involvement cannot be registered again; register a new one.");
        ChangeContact(new Contact(registration.Contact, registration.Phone, registration.Email));
        _domain = registration.Domain ?? _domain;
        _reason = registration.Reason;
        Renew(today, maxYears);
    }

    /// <summary>Who to reach from now on (the team's coordinator changed, or the organisation named someone else).</summary>
    public void ChangeContact(Contact contact)
    {
        if (!IsOpen) throw new InvalidOperationException("The contact of an ended involvement stays as it was.");
        (_contactName, _contactPhone, _contactEmail) = (contact.Name, contact.Phone, contact.Email);
    }

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
    public const int AttachmentNameMaxLength = 200;
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>An optional attachment sent with the message (a calendar file): its name, content type and content.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
}
