namespace Regie.Web.Data;

/// <summary>
/// A thread of messages about one household between the team of its file and one partner organisation (issue 21). Its
/// subject is set when it starts; messages are added, never changed.
/// </summary>
public sealed class MessageThread : IMunicipalityOwned
{
    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    public Guid HouseholdId { get; private set; }
    /// <summary>The partner organisation taking part, with the care roles of the file.</summary>
    public Guid OrganisationId { get; private set; }
    public string Subject { get; private set; } = "";
    public string StartedById { get; private set; } = "";
    public string StartedByName { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime LastMessageAt { get; private set; }

    public static MessageThread Start(string gemeentecode, Guid householdId, Guid organisationId, string subject, string byId, string byName, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, OrganisationId = organisationId, Subject = subject,
        StartedById = byId, StartedByName = byName, StartedAt = at, LastMessageAt = at,
    };

    /// <summary>A message in this thread, checked by <see cref="Domain.Consent.MessageRules.CheckMessage"/>.</summary>
    public Message Write(string body, string byId, string byName, Guid? byOrganisationId, DateTime at)
    {
        LastMessageAt = at;
        return new Message(Guid.CreateVersion7(), Gemeentecode, Id, HouseholdId, body, byId, byName, byOrganisationId, at);
    }
}

/// <summary>One message: who wrote it (for a partner, its organisation too) and when. Never changed.</summary>
public sealed class Message(Guid id, string gemeentecode, Guid threadId, Guid householdId, string body, string authorId, string authorName, Guid? authorOrganisationId,
    DateTime sentAt) : IMunicipalityOwned
{
    public Guid Id { get; private set; } = id;
    public string Gemeentecode { get; private set; } = gemeentecode;
    public Guid ThreadId { get; private set; } = threadId;
    public Guid HouseholdId { get; private set; } = householdId;
    public string Body { get; private set; } = body;
    public string AuthorId { get; private set; } = authorId;
    public string AuthorName { get; private set; } = authorName;
    /// <summary>Set for a partner's message: the organisation it wrote for.</summary>
    public Guid? AuthorOrganisationId { get; private set; } = authorOrganisationId;
    public DateTime SentAt { get; private set; } = sentAt;
}
