using Microsoft.EntityFrameworkCore;
using Regie.Domain.Audit;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Denied = "denied";
    public const string Search = "search";
    public const string Create = "create";
    public const string Update = "update";
    public const string Export = "export";
    public const string BreakGlass = "break-glass";
}

public static class AuditResources
{
    public const string Household = "household";
    public const string Person = "person";
    public const string Timeline = "timeline";
    public const string Audit = "audit";
}

/// <summary>
/// Appends to the hash-chained audit trail. Each append runs in its own short transaction on
/// its own connection, so an entry is stored even when the request's own work is rolled back,
/// and the request's unit of work is never mixed with the trail.
/// </summary>
public sealed class AuditLog(DbContextOptions<RegieDbContext> options, CurrentUser user, TimeProvider clock)
{
    // One writer at a time inside this process; across processes PostgreSQL's advisory lock
    // serialises appends (SQLite is a single-process database here), so the chain never forks.
    private static readonly SemaphoreSlim Writer = new(1, 1);
    private const long AdvisoryLockKey = 0x5245474945; // "REGIE"

    public Task RecordAsync(string action, string resource, Guid? householdId = null, Guid? personId = null,
        string? purpose = null, string? detail = null, CancellationToken ct = default) =>
        AppendAsync(new AuditContent(
            AuditChain.Normalise(clock.GetUtcNow().UtcDateTime), user.Gemeentecode, Cut(user.ActorId, 64), Cut(user.ActorName, 200),
            user.IsSystem ? "systeem" : user.Role, Cut(user.Organisation, 200), action, resource, householdId, personId,
            Cut(purpose, 1000), Cut(detail, 2000)), ct);

    private async Task AppendAsync(AuditContent content, CancellationToken ct)
    {
        await Writer.WaitAsync(ct);
        try
        {
            await using var db = new RegieDbContext(options, new FixedMunicipality(content.Gemeentecode));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = content.OccurredAt, Gemeentecode = content.Gemeentecode, ActorId = content.ActorId, ActorName = content.ActorName,
                Role = content.Role, Organisation = content.Organisation, Action = content.Action, Resource = content.Resource,
                HouseholdId = content.HouseholdId, PersonId = content.PersonId, Purpose = content.Purpose, Detail = content.Detail,
                PreviousHash = previous, Hash = AuditChain.ComputeHash(previous, content),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            Writer.Release();
        }
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(s))]
    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    private sealed class FixedMunicipality(string? code) : ICurrentMunicipality
    {
        public string? Gemeentecode { get; } = code;
    }

    public static ChainedEntry ToChained(AuditEntry e) => new(e.Id,
        new AuditContent(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), e.Gemeentecode, e.ActorId, e.ActorName, e.Role, e.Organisation,
            e.Action, e.Resource, e.HouseholdId, e.PersonId, e.Purpose, e.Detail), e.PreviousHash, e.Hash);
}
