using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Regie.Domain.Audit;
using Regie.Domain.Common;
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
/// <para>
/// The journal holds who looked up which BSN until the drain has moved it, so it is the service account's
/// alone: the directory 0700 and every file 0600 (tightened at every start, should a restore or an operator
/// have loosened them). And it is not taken on trust: every line carries a keyed check (HMAC-SHA256) over
/// this journal, its segment, its position in the segment and its content, written as
/// <c>{json}	{position}	{check}</c>. A line edited, inserted, copied or moved before the drain fails its
/// check or its position, and the drain reports it instead of chaining it (<see cref="AuditJournalDrain"/>).
/// </para>
/// </summary>
public sealed class AuditJournal(AuditJournalOptions options, DatabaseOptions database, IDataProtectionProvider protection, ILogger<AuditJournal> log) : IDisposable
{
    public const string Extension = ".jsonl";
    public const string KeyFile = "journal.key";
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly AutoResetEvent _wake = new(false);
    private readonly List<(byte[] Json, TaskCompletionSource Done)> _queue = [];
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
    private byte[]? _key;

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
        // The line itself (with its position and check) is made where it is written: only there is its position known.
        var json = JsonSerializer.SerializeToUtf8Bytes(content);
        if (!options.FlushBeforeAnswer)
        {
            lock (_file)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                Write([json]);
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
            _queue.Add((json, done));
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
                List<(byte[] Json, TaskCompletionSource Done)> batch;
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
                    lock (_file)
                    {
                        Write(batch.Select(b => b.Json));
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

    /// <summary>Positioned writes straight to the file (no buffer in this process), under the file lock; one write for all the lines.</summary>
    private void Write(IEnumerable<byte[]> entries)
    {
        var segment = Segment();
        using var bytes = new MemoryStream();
        foreach (var json in entries) bytes.Write(Line(_current!, _position + bytes.Length, json));
        RandomAccess.Write(segment, bytes.GetBuffer().AsSpan(0, (int)bytes.Length), _position);
        _position += bytes.Length;
    }

    /// <summary><c>{json}\t{position}\t{check}\n</c>: JSON never holds a raw tab or newline, so the last two tabs end the content.</summary>
    private byte[] Line(string segment, long position, byte[] json)
    {
        var tail = Encoding.ASCII.GetBytes($"\t{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{Convert.ToBase64String(Check(segment, position, json))}\n");
        var line = new byte[json.Length + tail.Length];
        json.CopyTo(line, 0);
        tail.CopyTo(line, json.Length);
        return line;
    }

    private byte[] Check(string segment, long position, ReadOnlySpan<byte> json)
    {
        Open();
        var scope = Encoding.UTF8.GetBytes($"{_id}\n{segment}\n{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        var data = new byte[scope.Length + json.Length];
        scope.CopyTo(data, 0);
        json.CopyTo(data.AsSpan(scope.Length));
        return HMACSHA256.HashData(_key!, data);
    }

    /// <summary>
    /// A line of <paramref name="segment"/> as the drain read it (without its newline): its content and the position
    /// it was written at if its check holds, otherwise why not. The position is the writer's word, covered by the
    /// check; whether it fits where the line was found is the drain's to judge.
    /// </summary>
    public string? Verify(string segment, ReadOnlySpan<byte> line, out ReadOnlySpan<byte> json, out long position)
    {
        json = default;
        position = -1;
        var lastTab = line.LastIndexOf((byte)'\t');
        var firstTab = lastTab > 0 ? line[..lastTab].LastIndexOf((byte)'\t') : -1;
        if (firstTab < 0) return "zonder controlewaarde (een eerdere versie van Regie, of ingevoegd)";
        Span<byte> check = stackalloc byte[64];
        if (!long.TryParse(line[(firstTab + 1)..lastTab], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var claimed)
            || !Convert.TryFromBase64Chars(Encoding.ASCII.GetString(line[(lastTab + 1)..]), check, out var length) || length != 32)
            return "controlewaarde onleesbaar";
        if (!CryptographicOperations.FixedTimeEquals(check[..length], Check(segment, claimed, line[..firstTab])))
            return "controlewaarde klopt niet (gewijzigd, ingevoegd of uit een ander segment)";
        json = line[..firstTab];
        position = claimed;
        return null;
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

    /// <summary>Takes the directory for this process: its lock file, its identity, its key, and (on first write) a new segment.</summary>
    private void Open()
    {
        lock (_open)
        {
            if (_lock is not null) return;
            if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(Directory);
            else
            {
                System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
                Tighten(Directory);
            }
            try
            {
                _lock = new FileStream(System.IO.Path.Combine(Directory, "journal.lock"), OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Het auditjournaal in {Directory} is in gebruik door een ander proces; geef elke server een eigen Audit:Journal:Path.", e);
            }
            // A segment being prepared when the process stopped never held an entry.
            File.Delete(NextPath);
            var idFile = System.IO.Path.Combine(Directory, "journal.id");
            if (!File.Exists(idFile)) WriteNew(idFile, Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")));
            _id = File.ReadAllText(idFile, Encoding.ASCII).Trim();
            _key = LoadKey() ?? CreateKey();
        }
    }

    /// <summary>
    /// The directory and everything in it for the service account only: what an earlier version, a restore or an
    /// operator left with wider rights is narrowed at every start.
    /// </summary>
    private static void Tighten(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? OwnerOnlyDirectory : OwnerOnlyFile);
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    /// <summary>A small file written once, durably, 0600 from the moment it exists.</summary>
    private void WriteNew(string path, byte[] content)
    {
        using (var file = new FileStream(path, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        FlushDirectory(Directory);
    }

    /// <remarks>
    /// The key of the lines' checks is this journal's own: 32 random bytes made with the journal, kept in its directory
    /// (<see cref="KeyFile"/>) protected by ASP.NET Core Data Protection, the key ring of DataProtection:KeysPath that
    /// also protects the sign-in cookies. So it survives restarts as the key ring does, needs nothing shared between
    /// servers (each server has its own journal and its own key, and only that server drains it), and whoever can
    /// write the journal but not read the key ring cannot make a line that passes. A key file that cannot be read any
    /// more (the key ring lost or replaced, the file changed) is set aside and a new key made: the lines waiting under
    /// the old key are then reported by the drain, not chained, and nothing is lost in silence.
    /// </remarks>
    private byte[]? LoadKey()
    {
        var path = System.IO.Path.Combine(Directory, KeyFile);
        if (!File.Exists(path)) return null;
        try
        {
            var key = Convert.FromBase64String(KeyProtector.Unprotect(File.ReadAllText(path, Encoding.ASCII).Trim()));
            if (key.Length == 32) return key;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            log.LogError(e, "Audit journal key in {Directory} cannot be read; a new key is made and lines written under the old one will be reported, not chained", Directory);
        }
        File.Move(path, path + ".onleesbaar-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    private byte[] CreateKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        WriteNew(System.IO.Path.Combine(Directory, KeyFile), Encoding.ASCII.GetBytes(KeyProtector.Protect(Convert.ToBase64String(key))));
        return key;
    }

    private IDataProtector KeyProtector => protection.CreateProtector("Regie.AuditJournal.LineKey");

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
        // Inside a directory only the service account can enter; narrowed before any entry can be in it.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(handle, OwnerOnlyFile);
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
public sealed class AuditJournalDrain(AuditJournal journal, AuditJournalOptions options, DatabaseOptions database, TimeProvider clock, ILogger<AuditJournalDrain> log) : BackgroundService
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
        new(AuditChain.Normalise(clock.GetUtcNow().UtcDateTime), gemeentecode, "systeem", "Auditjournaal", "systeem", null,
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
        return Text.Truncate(text, ExcerptLength);
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
