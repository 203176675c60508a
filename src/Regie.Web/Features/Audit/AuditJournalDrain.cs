using Regie.Domain.Audit;
using Regie.Web.Infrastructure;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Features.Audit;

/// <summary>
/// Moves the journal into the chained trail: complete lines only, in batches, each batch in one
/// transaction with the checkpoint that says how far it got (so a crash repeats nothing and loses
/// nothing). A finished segment is deleted once it is all in the trail. Runs every
/// <see cref="AuditJournalOptions.DrainIntervalMilliseconds"/> (100 ms), and once more when the server stops.
/// <para>
/// Only lines whose check holds, written at the position where the previous accepted line ended, are chained.
/// Any other line — edited, inserted, a copy of an earlier one, from another segment, unreadable, or without a
/// check — is rejected: in its place the trail gets an entry of its own (action <see cref="AuditActions.JournalRejected"/>)
/// naming the segment, the position, why, a SHA-256 of the line and the line itself (shortened), an error goes
/// to the log (without the line, which may hold a BSN), and /health reports the journal Degraded until the
/// server restarts. Lines missing between two accepted lines (removed) are reported the same way. The drain goes
/// on with the lines after it. Lines written by the version before these checks have none and are rejected
/// like any other: that version empties its journal when it stops, so after a clean upgrade there are none;
/// after a crash just before an upgrade they are reported, content and all, rather than trusted.
/// </para>
/// </summary>
public sealed partial class AuditJournalDrain(AuditJournal journal, AuditJournalOptions options, DatabaseOptions database, TimeProvider clock, ILogger<AuditJournalDrain> log) : BackgroundService
{
    private const int BatchSize = 2000;
    private const int ExcerptLength = 1000;

    /// <summary>When the drain last finished a pass without error (for the health check).</summary>
    public DateTimeOffset? LastMoved { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Lines rejected (or found missing) since the server started, and the last of them: for the health check.</summary>
    public int Rejected => _rejected;
    public string? LastRejected { get; private set; }
    private int _rejected;
    private readonly SemaphoreSlim _one = new(1, 1);
    /// <summary>
    /// Per segment, where the next line should have been written and whether a line was rejected since the last
    /// accepted one. Kept between passes; after a restart the checkpoint's position stands in for it.
    /// </summary>
    private readonly Dictionary<string, (long Expected, bool AfterRejected)> _follow = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!journal.Enabled) return;
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.DrainIntervalMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                LastMoved = clock.GetUtcNow();
                LastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LastError = e.Message;
                log.LogError(e, "Audit journal could not be moved into the trail; it stays on disk and is tried again");
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!journal.Enabled) return;
        try
        {
            await DrainAsync(cancellationToken);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Audit journal not fully moved at shutdown; the next start continues where it stopped");
        }
    }

    /// <summary>Moves everything complete into the trail; returns how many entries.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var moved = 0;
            var id = journal.Id;
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            var (doneSegment, doneOffset) = await CheckpointAsync(connection, id, ct);
            foreach (var segment in journal.Segments())
            {
                // Decided before reading: a segment that is not current gets no more lines, so reading it to the end is reading all of it.
                var complete = segment != journal.CurrentSegment;
                var cmp = doneSegment is null ? 1 : string.CompareOrdinal(segment, doneSegment);
                if (cmp < 0)
                {
                    if (complete) File.Delete(journal.PathOf(segment));
                    continue;
                }
                var offset = cmp == 0 ? doneOffset : 0;
                var follow = _follow.TryGetValue(segment, out var known) ? known : (offset, false);
                await using (var file = new FileStream(journal.PathOf(segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    file.Seek(offset, SeekOrigin.Begin);
                    var reader = new LineReader(file);
                    while (true)
                    {
                        var batch = new List<AuditContent>();
                        var end = offset;
                        while (batch.Count < BatchSize && reader.Next() is { } line)
                        {
                            follow = Check(segment, line, end, follow, batch);
                            end += line.Length + 1;
                        }
                        if (batch.Count == 0) break;
                        await MoveAsync(connection, batch, id, segment, end, ct);
                        (doneSegment, doneOffset, offset) = (segment, end, end);
                        _follow[segment] = follow;
                        moved += batch.Count;
                    }
                }
                // A crash may have left half a line at the end of a finished segment: it was never acknowledged, so nothing is lost.
                if (complete)
                {
                    if (doneSegment != segment)
                    {
                        await MoveAsync(connection, [], id, segment, offset, ct);
                        (doneSegment, doneOffset) = (segment, offset);
                    }
                    File.Delete(journal.PathOf(segment));
                    _follow.Remove(segment);
                }
            }
            return moved;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>
    /// The line found at <paramref name="at"/>: its entry when its check holds and it was written where the last
    /// accepted line ended (or later: then what lay between was removed, which is reported first); otherwise a
    /// report of the rejected line instead.
    /// </summary>
    private (long Expected, bool AfterRejected) Check(string segment, byte[] line, long at, (long Expected, bool AfterRejected) follow, List<AuditContent> into)
    {
        var reason = journal.Verify(segment, line, out var json, out var written);
        AuditContent? content = null;
        if (reason is null && written < follow.Expected) reason = "staat al eerder in het journaal (gekopieerd of verplaatst)";
        if (reason is null)
        {
            try
            {
                content = JsonSerializer.Deserialize<AuditContent>(json);
            }
            catch (JsonException)
            {
            }
            if (content is null) reason = "onleesbare inhoud";
            // Lines are never rewritten; one written under a name used before ADR 0013 is chained under today's name.
            else content = content with { Resource = AuditResources.Current(content.Resource) };
        }
        if (reason is not null)
        {
            into.Add(Report(GemeentecodeOf(line), $"regel afgewezen in {segment}{AuditJournal.Extension} op positie {at}: {reason}; SHA-256 {Convert.ToHexStringLower(SHA256.HashData(line))}; inhoud: {Excerpt(line)}"));
            Reject(segment, at, reason);
            return (follow.Expected, true);
        }
        if (written > follow.Expected && !follow.AfterRejected)
        {
            var missing = $"regels ontbreken in {segment}{AuditJournal.Extension}: posities {follow.Expected} tot {written} (verwijderd)";
            into.Add(Report(content!.Gemeentecode, missing));
            Reject(segment, follow.Expected, "regels ontbreken");
        }
        into.Add(content!);
        return (written + line.Length + 1, false);
    }

    private void Reject(string segment, long at, string reason)
    {
        Interlocked.Increment(ref _rejected);
        LastRejected = $"{segment}{AuditJournal.Extension} positie {at}: {reason}";
        // Not the line itself: it may hold a BSN, and the log is no place for one. The trail has it.
        log.LogError("Audit journal line rejected in segment {Segment} at {Offset}: {Reason}; not moved into the trail, reported there instead", segment, at, reason);
    }

    private AuditContent Report(string? gemeentecode, string detail) =>
        new(AuditChain.Normalise(clock.GetUtcNow().UtcDateTime), gemeentecode, AuditActors.System, "Auditjournaal", AuditActors.System, null,
            AuditActions.JournalRejected, AuditResources.Audit, null, null, null, detail);

    /// <summary>The municipality the line names, if it names one, so that its privacy officer finds the report in the trail.</summary>
    private static string? GemeentecodeOf(byte[] line)
    {
        var end = Array.IndexOf(line, (byte)'\t');
        try
        {
            using var document = JsonDocument.Parse(line.AsMemory(0, end < 0 ? line.Length : end));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(nameof(AuditContent.Gemeentecode), out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: 4 } gemeentecode && gemeentecode.All(char.IsAsciiDigit) ? gemeentecode : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line).Replace('\t', ' ');
        return Regie.Domain.Common.Text.Truncate(text, ExcerptLength);
    }

    /// <summary>Entries and the checkpoint after them in one transaction: both or neither.</summary>
    private static async Task MoveAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<AuditContent> batch, string id, string segment, long offset, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (batch.Count > 0) await AuditLog.CopyToPostgresAsync(connection, batch, ct);
        await using (var checkpoint = Checkpoint(id, segment, offset))
        {
            checkpoint.Connection = connection;
            checkpoint.Transaction = tx;
            await checkpoint.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static Npgsql.NpgsqlCommand Checkpoint(string id, string segment, long offset)
    {
        var command = new Npgsql.NpgsqlCommand("""
            INSERT INTO "AuditJournalCheckpoints" ("Journal", "Segment", "Offset", "UpdatedAt") VALUES ($1, $2, $3, now() at time zone 'utc')
            ON CONFLICT ("Journal") DO UPDATE SET "Segment" = excluded."Segment", "Offset" = excluded."Offset", "UpdatedAt" = excluded."UpdatedAt"
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = segment });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<long> { TypedValue = offset });
        return command;
    }

    private static async Task<(string? Segment, long Offset)> CheckpointAsync(Npgsql.NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand("""SELECT "Segment", "Offset" FROM "AuditJournalCheckpoints" WHERE "Journal" = $1""", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetInt64(1)) : (null, 0);
    }
}
