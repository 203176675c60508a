using Microsoft.EntityFrameworkCore;
using Regie.Domain.Audit;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Audit;

/// <summary>
/// Keeps one appender at a time inside this process, so concurrent requests queue here instead
/// of in the database. One per process (a singleton), not a static: the database lock below is
/// what makes the chain safe, and tests prove that with two gates as if they were two processes.
/// </summary>
public sealed class AuditWriteGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
    /// <summary>Entries waiting for the next write; whoever holds the semaphore writes all of them at once.</summary>
    internal List<PendingEntry> Queue { get; } = [];
}

internal sealed class PendingEntry(AuditContent content)
{
    public AuditContent Content { get; } = content;
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Appends to the hash-chained audit trail. Each append runs in its own short transaction on
/// its own connection, so an entry is stored even when the request's own work is rolled back,
/// and the request's unit of work is never mixed with the trail. Changes are recorded after
/// their own transaction commits (<see cref="AuditExtensions.AfterAsync{T}"/>): a crash in
/// between can lose the entry of a change, never record a change that did not happen.
/// </summary>
public sealed class AuditLog(DbContextOptions<RegieDbContext> options, CurrentUser user, TimeProvider clock, AuditWriteGate gate, AuditJournal journal)
{
    private const long AdvisoryLockKey = 0x5245474945; // "REGIE"

    public Task RecordAsync(string action, string resource, Guid? householdId = null, Guid? personId = null,
        string? purpose = null, string? detail = null, CancellationToken ct = default, string? subjectBsn = null) =>
        AppendAsync([Content(action, resource, householdId, personId, purpose, detail, subjectBsn)], ct);

    /// <summary>
    /// A list read that shows residents' data: one entry per resident shown (distinct household and person), so a
    /// resident's inspection request (AVG art. 15) finds every list they appeared on. All entries go into the chain
    /// in one write. A list that showed nobody is still one entry, without ids.
    /// </summary>
    public Task RecordListAsync(string resource, string detail, IEnumerable<(Guid? HouseholdId, Guid? PersonId)> shown, CancellationToken ct,
        string action = AuditActions.Read, string? subjectBsn = null)
    {
        var subjects = shown.Where(s => s.HouseholdId is not null || s.PersonId is not null).Distinct().ToList();
        if (subjects.Count == 0) subjects.Add((null, null));
        return AppendAsync(subjects.Select(s => Content(action, resource, s.HouseholdId, s.PersonId, null, detail, subjectBsn)).ToList(), ct);
    }

    /// <summary>
    /// For the department look-up, which every department's systems call: durable in this server's
    /// <see cref="AuditJournal"/> before the caller goes on, in the chained trail about a second later.
    /// Without a journal (SQLite, or switched off) the same as <see cref="RecordAsync"/>.
    /// </summary>
    public Task RecordFrequentAsync(string action, string resource, string subjectBsn, string? purpose, string? detail, CancellationToken ct) =>
        journal.Enabled
            ? journal.AppendAsync(Content(action, resource, null, null, purpose, detail, subjectBsn), ct)
            : RecordAsync(action, resource, purpose: purpose, detail: detail, ct: ct, subjectBsn: subjectBsn);

    private AuditContent Content(string action, string resource, Guid? householdId, Guid? personId, string? purpose, string? detail, string? subjectBsn) =>
        new(AuditChain.Normalise(clock.GetUtcNow().UtcDateTime), user.Gemeentecode, Cut(user.ActorId, RegieUser.IdMaxLength), Cut(user.ActorName, 200),
            user.IsSystem ? AuditActors.System : user.Role, Cut(user.Organisation, 200), action, resource, householdId, personId,
            Cut(purpose, 1000), Cut(detail, 2000), subjectBsn);

    /// <summary>
    /// Group commit: the caller queues its entry and waits for the gate; whoever gets the gate writes
    /// everything queued by then in one transaction (one lock, one flush to disk) and releases all
    /// those waiters. Under load many reads share one write; alone, an entry is written at once.
    /// Every caller returns only when its own entry is durable, and the order in the chain is the
    /// order of arrival.
    /// </summary>
    private async Task AppendAsync(IReadOnlyList<AuditContent> contents, CancellationToken ct)
    {
        var entries = contents.Select(c => new PendingEntry(c)).ToList();
        // Queued together, so a list's entries stay together in the chain and are written in the same transaction.
        lock (gate.Queue) gate.Queue.AddRange(entries);
        // Not cancellable: an entry that is queued must be written, whether or not its request still waits.
        await gate.Semaphore.WaitAsync(CancellationToken.None);
        try
        {
            if (!entries[^1].Written.Task.IsCompleted)
            {
                List<PendingEntry> batch;
                lock (gate.Queue)
                {
                    batch = [.. gate.Queue];
                    gate.Queue.Clear();
                }
                try
                {
                    await WriteAsync(batch.Select(b => b.Content).ToList(), CancellationToken.None);
                    foreach (var b in batch) b.Written.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var b in batch) b.Written.TrySetException(e);
                }
            }
        }
        finally
        {
            gate.Semaphore.Release();
        }
        await Task.WhenAll(entries.Select(e => e.Written.Task)).WaitAsync(ct);
    }

    private async Task WriteAsync(IReadOnlyList<AuditContent> batch, CancellationToken ct)
    {
        if (PostgresConnectionString(options) is { } pg)
        {
            await AppendToPostgresAsync(pg, batch, ct);
            return;
        }
        await using var db = new RegieDbContext(options, new FixedMunicipality(batch[0].Gemeentecode));
        await using var tx = await BeginSerialisedAsync(db, ct);
        var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        foreach (var content in batch)
        {
            var hash = AuditChain.ComputeHash(previous, content);
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = content.OccurredAt, Gemeentecode = content.Gemeentecode, ActorId = content.ActorId, ActorName = content.ActorName,
                Role = content.Role, Organisation = content.Organisation, Action = content.Action, Resource = content.Resource,
                HouseholdId = content.HouseholdId, PersonId = content.PersonId, Purpose = content.Purpose, Detail = content.Detail,
                SubjectBsn = content.SubjectBsn, PreviousHash = previous, Hash = hash,
            });
            // Ids are assigned in insertion order, so the chain follows the batch's order.
            await db.SaveChangesAsync(ct);
            previous = hash;
        }
        await db.Database.CommitTransactionAsync(ct);
    }

    private static string? PostgresConnectionString(DbContextOptions options)
    {
        var relational = Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension.Extract(options);
        return relational.GetType().Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true ? relational.ConnectionString : null;
    }

    /// <summary>
    /// The same write as the EF path, in two round trips whatever the batch size: the chain's lock is
    /// everyone's waiting time. Batch one begins, takes the advisory lock and reads the last hash; batch
    /// two inserts every entry and commits (a failed insert turns the COMMIT into a rollback: nothing half-written).
    /// </summary>
    private static async Task AppendToPostgresAsync(string connectionString, IReadOnlyList<AuditContent> batch, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var previous = await LockChainAsync(connection, begin: true, ct);
        await using var commit = new Npgsql.NpgsqlBatch(connection);
        foreach (var content in batch)
        {
            var hash = AuditChain.ComputeHash(previous, content);
            var insert = new Npgsql.NpgsqlBatchCommand($"""
                INSERT INTO "AuditEntries" ({Columns})
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                """);
            foreach (var value in new[]
                     {
                         content.OccurredAt, Db(content.Gemeentecode), content.ActorId, content.ActorName, Db(content.Role), Db(content.Organisation),
                         content.Action, content.Resource, Db(content.HouseholdId), Db(content.PersonId), Db(content.Purpose), Db(content.Detail),
                         Db(content.SubjectBsn), previous, hash,
                     })
                insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
            // Statements of one batch run in order, so identity ids follow the chain.
            commit.BatchCommands.Add(insert);
            previous = hash;
        }
        commit.BatchCommands.Add(new("COMMIT"));
        await commit.ExecuteNonQueryAsync(ct);

        static object Db(object? value) => value ?? DBNull.Value;
    }

    /// <summary>The columns an entry writes, in the order of <see cref="AuditContent"/> and then the two hashes.</summary>
    private const string Columns = """
        "OccurredAt", "Gemeentecode", "ActorId", "ActorName", "Role", "Organisation", "Action", "Resource",
        "HouseholdId", "PersonId", "Purpose", "Detail", "SubjectBsn", "PreviousHash", "Hash"
        """;

    /// <summary>
    /// Takes the chain's lock for the transaction (beginning it first when <paramref name="begin"/>) and reads the
    /// last hash, in one round trip: from here until commit no other appender, in any process, can read that hash.
    /// </summary>
    private static async Task<string> LockChainAsync(Npgsql.NpgsqlConnection connection, bool begin, CancellationToken ct)
    {
        await using var batch = new Npgsql.NpgsqlBatch(connection);
        if (begin) batch.BatchCommands.Add(new("BEGIN"));
        batch.BatchCommands.Add(new($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})"));
        batch.BatchCommands.Add(new("""SELECT "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1"""));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetString(0) : AuditChain.Genesis;
    }

    /// <summary>
    /// Many entries at once (the journal's drain): in the caller's transaction, the chain's lock and the
    /// last hash, then one COPY. PostgreSQL takes rows from COPY far more cheaply than as separate
    /// INSERTs, and the drain competes with the look-ups it records for the same CPUs. Identity ids
    /// follow the order of the rows, so the chain follows the batch's order.
    /// </summary>
    internal static async Task CopyToPostgresAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<AuditContent> batch, CancellationToken ct)
    {
        var previous = await LockChainAsync(connection, begin: false, ct);
        await using var copy = await connection.BeginBinaryImportAsync($"""COPY "AuditEntries" ({Columns}) FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var c in batch)
        {
            var hash = AuditChain.ComputeHash(previous, c);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(c.OccurredAt, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
            foreach (var text in new[] { c.Gemeentecode, c.ActorId, c.ActorName, c.Role, c.Organisation, c.Action, c.Resource })
                await Text(text);
            foreach (var id in new[] { c.HouseholdId, c.PersonId })
                if (id is { } value) await copy.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
            foreach (var text in new[] { c.Purpose, c.Detail, c.SubjectBsn, previous, hash })
                await Text(text);
            previous = hash;
        }
        await copy.CompleteAsync(ct);

        Task Text(string? text) => text is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, ct);
    }

    /// <summary>
    /// A transaction in which no other appender can read the last hash until this one commits;
    /// the in-process gate alone is not enough, because the CLI (retention run, apikey) and a
    /// second server instance write to the same database.
    /// </summary>
    private static async Task<IAsyncDisposable> BeginSerialisedAsync(RegieDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Read committed would let two appenders read the same last hash; a transaction-scoped
            // advisory lock queues them and is released by commit or rollback, never left behind.
            var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            return tx;
        }
        // SQLite: BEGIN IMMEDIATE takes the database's single write lock before the last hash is
        // read, so a second writer (another process too) waits in the driver's busy retry until
        // this commits. A deferred BEGIN would let both read first and then fail on the upgrade.
        // Said explicitly rather than relying on the driver's default.
        await db.Database.OpenConnectionAsync(ct);
        var sqliteTx = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(sqliteTx, ct);
        return sqliteTx;
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(s))]
    private static string? Cut(string? s, int max) => s is null ? null : Text.Fit(s, max);

    private sealed class FixedMunicipality(string? code) : ICurrentMunicipality
    {
        public string? Gemeentecode { get; } = code;
    }

    public static ChainedEntry ToChained(AuditEntry e) => new(e.Id,
        new AuditContent(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), e.Gemeentecode, e.ActorId, e.ActorName, e.Role, e.Organisation,
            e.Action, e.Resource, e.HouseholdId, e.PersonId, e.Purpose, e.Detail, e.SubjectBsn), e.PreviousHash, e.Hash);
}
