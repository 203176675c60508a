using System.Text;
using System.Text.Json;
using Regie.Domain.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Audit;

public sealed class AuditJournalOptions
{
    public const string Section = "Audit:Journal";
    /// <summary>Default: on with PostgreSQL, where the department look-up carries the load; SQLite writes every entry to the trail at once.</summary>
    public bool? Enabled { get; set; }
    /// <summary>A directory of this server's own, on a disk that survives a restart (like the data-protection keys).</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "audit-journal");
    // Often and small: one large batch a second made the look-ups that waited behind it the slow one per cent.
    public int DrainIntervalMilliseconds { get; set; } = 100;
    /// <summary>A segment file is closed and a new one begun at this size.</summary>
    public long SegmentBytes { get; set; } = 16 * 1024 * 1024;
    /// <summary>
    /// On (the default): a look-up answers only when its entry is flushed to disk. Off: when it is handed to
    /// the operating system, flushed within <see cref="FlushIntervalMilliseconds"/> — faster, and a power cut
    /// could lose the entries of that last moment. For the privacy officer to decide (docs/SECURITY.md).
    /// </summary>
    public bool FlushBeforeAnswer { get; set; } = true;
    public int FlushIntervalMilliseconds { get; set; } = 10;
}

/// <summary>
/// A local append-only journal for the audit entries of the department look-up (ADR 0011). By default a
/// look-up's entry is durable on this server's disk before the answer leaves — the same promise as a
/// write to the trail — but without a database round trip: entries that arrive together share one write
/// and one flush (group commit). With <see cref="AuditJournalOptions.FlushBeforeAnswer"/> off, the entry is
/// handed to the operating system before the answer (a crash of Regie loses nothing) and flushed to disk
/// within <see cref="AuditJournalOptions.FlushIntervalMilliseconds"/> (a power cut could lose that last
/// moment): a choice for the privacy officer, not a default. <see cref="AuditJournalDrain"/> moves the
/// entries into the hash-chained trail within a second, exactly once, in the order they came.
/// One process per directory: a lock file refuses a second one.
/// </summary>
public sealed class AuditJournal(AuditJournalOptions options, DatabaseOptions database) : IDisposable
{
    public const string Extension = ".jsonl";
    private readonly AutoResetEvent _wake = new(false);
    private readonly List<(byte[] Line, TaskCompletionSource Done)> _queue = [];
    private readonly object _open = new();
    private readonly object _file = new();
    private Thread? _writer;
    private bool _disposed;
    private FileStream? _lock;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _segment;
    private Task<Microsoft.Win32.SafeHandles.SafeFileHandle>? _next;
    private long _position;
    private bool _dirty;
    private volatile string? _current;
    private string? _id;

    /// <summary>Only on PostgreSQL: SQLite is the single-server set-up without the look-up's load.</summary>
    public bool Enabled => database.Provider == DatabaseProvider.Postgres && (options.Enabled ?? true);
    public string Directory => System.IO.Path.GetFullPath(options.Path);
    /// <summary>The segment being written now; every other segment in the directory is complete.</summary>
    public string? CurrentSegment => _current;

    /// <summary>This journal's identity in the checkpoint table, kept in the directory so it survives restarts.</summary>
    public string Id
    {
        get
        {
            Open();
            return _id!;
        }
    }

    public Task AppendAsync(AuditContent content, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(content);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        if (!options.FlushBeforeAnswer)
        {
            lock (_file)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                Write(line);
                _dirty = true;
                RotateIfFull();
                _writer ??= StartWriter();
            }
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_queue)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Add((line, done));
            _writer ??= StartWriter();
        }
        _wake.Set();
        // Not cancellable once queued: the entry is written whether or not its request still waits.
        return done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// One thread of its own writes and flushes, like a database's WAL writer: a flush blocks for a
    /// while, and on a small machine a blocked pool thread is a request that is not being served. What
    /// arrives during one flush is written together in the next.
    /// </summary>
    private Thread StartWriter()
    {
        var thread = new Thread(() =>
        {
            var interval = TimeSpan.FromMilliseconds(Math.Max(1, options.FlushIntervalMilliseconds));
            while (true)
            {
                if (!options.FlushBeforeAnswer)
                {
                    var stopping = _wake.WaitOne(interval) && Volatile.Read(ref _disposed);
                    lock (_file)
                    {
                        if (_dirty && _segment is not null) RandomAccess.FlushToDisk(_segment);
                        _dirty = false;
                    }
                    if (stopping) return;
                    continue;
                }
                _wake.WaitOne();
                List<(byte[] Line, TaskCompletionSource Done)> batch;
                lock (_queue)
                {
                    if (_queue.Count == 0)
                    {
                        if (_disposed) return;
                        continue;
                    }
                    batch = [.. _queue];
                    _queue.Clear();
                }
                try
                {
                    var bytes = new byte[batch.Sum(b => b.Line.Length)];
                    var at = 0;
                    foreach (var (line, _) in batch)
                    {
                        line.CopyTo(bytes, at);
                        at += line.Length;
                    }
                    lock (_file)
                    {
                        Write(bytes);
                        // The entries are durable when this returns: only then does any of their look-ups answer.
                        RandomAccess.FlushToDisk(_segment!);
                        RotateIfFull();
                    }
                    foreach (var (_, waiter) in batch) waiter.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var (_, waiter) in batch) waiter.TrySetException(e);
                    lock (_file) Rotate();
                }
            }
        }) { IsBackground = true, Name = "Regie audit journal" };
        thread.Start();
        return thread;
    }

    /// <summary>Positioned writes straight to the file (no buffer in this process), under the file lock.</summary>
    private void Write(byte[] bytes)
    {
        var segment = Segment();
        RandomAccess.Write(segment, bytes, _position);
        _position += bytes.Length;
    }

    /// <summary>A full segment is flushed before it is closed: after that no flush can reach it.</summary>
    private void RotateIfFull()
    {
        if (_position < options.SegmentBytes || _segment is null) return;
        RandomAccess.FlushToDisk(_segment);
        _dirty = false;
        Rotate();
    }

    /// <summary>The journal's segment files by name, oldest first: for the drain.</summary>
    public IReadOnlyList<string> Segments()
    {
        var dir = Directory;
        if (!System.IO.Directory.Exists(dir)) return [];
        return [.. System.IO.Directory.GetFiles(dir, "*" + Extension).Select(f => System.IO.Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];
    }

    public string PathOf(string segment) => System.IO.Path.Combine(Directory, segment + Extension);

    /// <summary>Takes the directory for this process: its lock file, its identity, and (on first write) a new segment.</summary>
    private void Open()
    {
        lock (_open)
        {
            if (_lock is not null) return;
            System.IO.Directory.CreateDirectory(Directory);
            try
            {
                _lock = new FileStream(System.IO.Path.Combine(Directory, "journal.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Het auditjournaal in {Directory} is in gebruik door een ander proces; geef elke server een eigen Audit:Journal:Path.", e);
            }
            // A segment being prepared when the process stopped never held an entry.
            File.Delete(NextPath);
            var idFile = System.IO.Path.Combine(Directory, "journal.id");
            if (!File.Exists(idFile)) File.WriteAllText(idFile, Guid.NewGuid().ToString("N"), Encoding.ASCII);
            _id = File.ReadAllText(idFile, Encoding.ASCII).Trim();
        }
    }

    private Microsoft.Win32.SafeHandles.SafeFileHandle Segment()
    {
        if (_segment is not null) return _segment;
        Open();
        // Never appended to after a restart: a segment left by a crash may end in half a line that no one was ever told was written.
        // Named after the clock, but always after every segment already there, so the order holds if the clock goes back.
        var ticks = DateTime.UtcNow.Ticks;
        if (Segments().LastOrDefault() is { } last && long.TryParse(last, out var previous) && previous >= ticks) ticks = previous + 1;
        var name = ticks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        // The next segment is made ready in the background while this one fills (see Prepare); only the very first waits for it.
        var next = _next;
        _next = null;
        Microsoft.Win32.SafeHandles.SafeFileHandle? segment = null;
        if (next is not null)
        {
            try { segment = next.GetAwaiter().GetResult(); }
            catch (IOException) { segment = null; }
        }
        segment ??= Prepare();
        // Until this rename is on disk the segment is not part of the journal: the directory is flushed before any entry in it counts.
        File.Move(NextPath, PathOf(name));
        FlushDirectory(Directory);
        _segment = segment;
        _position = 0;
        _current = name;
        _next = Task.Run(Prepare);
        return segment;
    }

    private string NextPath => System.IO.Path.Combine(Directory, "segment.next");

    /// <summary>
    /// A segment written full of zeros before it is used, as PostgreSQL does with its WAL: a flush then writes
    /// the data only, not the file's new length and blocks too — here that doubled the look-ups per second. Done
    /// off the writer's path, because writing a whole segment at once stalled every look-up waiting behind it.
    /// The zeros after the last line end what the drain reads (JSON never contains a zero byte).
    /// </summary>
    private Microsoft.Win32.SafeHandles.SafeFileHandle Prepare()
    {
        var handle = File.OpenHandle(NextPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        var zeros = new byte[1024 * 1024];
        for (long at = 0; at < options.SegmentBytes + zeros.Length; at += zeros.Length) RandomAccess.Write(handle, zeros, at);
        RandomAccess.FlushToDisk(handle);
        return handle;
    }

    /// <summary>
    /// Makes a rename in the directory durable (fsync on the directory). .NET has no call for it, so this is the
    /// small piece written here: POSIX open, fsync and close. Elsewhere than Linux and macOS it is left to the file system.
    /// </summary>
    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var fd = Posix.open(directory, 0);
        if (fd < 0) throw new IOException($"Map {directory} kon niet worden geopend om te flushen (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Posix.fsync(fd) != 0) throw new IOException($"Map {directory} kon niet worden geflusht (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Posix.close(fd);
        }
    }

    private static class Posix
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc")]
        internal static extern int close(int fd);
    }

    private void Rotate()
    {
        _segment?.Dispose();
        _segment = null;
        _current = null;
    }

    public void Dispose()
    {
        Thread? writer;
        lock (_queue)
        {
            lock (_file)
            {
                _disposed = true;
                writer = _writer;
            }
        }
        _wake.Set();
        // The writer finishes what is queued (and flushes what was written) before it stops.
        writer?.Join();
        lock (_file)
        {
            if (_dirty && _segment is not null) RandomAccess.FlushToDisk(_segment);
            Rotate();
            if (_next is { } next)
            {
                try { next.GetAwaiter().GetResult().Dispose(); } catch (IOException) { }
                File.Delete(NextPath);
            }
        }
        _lock?.Dispose();
        _wake.Dispose();
    }
}

/// <summary>
/// Moves the journal into the chained trail: complete lines only, in batches, each batch in one
/// transaction with the checkpoint that says how far it got (so a crash repeats nothing and loses
/// nothing). A finished segment is deleted once it is all in the trail. Runs every
/// <see cref="AuditJournalOptions.DrainIntervalMilliseconds"/> (100 ms), and once more when the server stops.
/// </summary>
public sealed class AuditJournalDrain(AuditJournal journal, AuditJournalOptions options, DatabaseOptions database, TimeProvider clock, ILogger<AuditJournalDrain> log) : BackgroundService
{
    private const int BatchSize = 2000;

    /// <summary>When the drain last finished a pass without error (for the health check).</summary>
    public DateTimeOffset? LastMoved { get; private set; }
    public string? LastError { get; private set; }
    private readonly SemaphoreSlim _one = new(1, 1);

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
                            end += line.Length + 1;
                            batch.Add(Parse(line, segment, end));
                        }
                        if (batch.Count == 0) break;
                        await MoveAsync(connection, batch, id, segment, end, ct);
                        (doneSegment, doneOffset, offset) = (segment, end, end);
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
                }
            }
            return moved;
        }
        finally
        {
            _one.Release();
        }
    }

    private static AuditContent Parse(byte[] line, string segment, long end)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditContent>(line) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            // Kept in the trail rather than dropped in silence: a damaged line is itself something to account for.
            return new AuditContent(AuditChain.Normalise(DateTime.UtcNow), null, "systeem", "Auditjournaal", "systeem", null, "journal-damaged", AuditResources.Audit,
                null, null, null, $"onleesbare regel in segment {segment} vóór positie {end}");
        }
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

    /// <summary>
    /// Complete lines only: bytes after the last newline are a write in progress (or half a line left by a
    /// crash), and a zero byte (a file system may show zeros where a crash cut an append short; JSON never
    /// contains one) ends what can be read.
    /// </summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly MemoryStream _pending = new();
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public byte[]? Next()
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var zero = Array.IndexOf(_buffer, (byte)0, _start, (newline >= 0 ? newline : _end) - _start);
                // Zeros left by a crash: nothing that was acknowledged follows.
                if (zero >= 0) return null;
                if (newline >= 0)
                {
                    _pending.Write(_buffer, _start, newline - _start);
                    _start = newline + 1;
                    var line = _pending.ToArray();
                    _pending.SetLength(0);
                    return line;
                }
                _pending.Write(_buffer, _start, _end - _start);
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return null;
            }
        }
    }
}
