namespace Regie.Web.Data;

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
