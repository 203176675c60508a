using Microsoft.AspNetCore.DataProtection;
using Regie.Domain.Audit;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Audit;

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
public sealed partial class AuditJournal(AuditJournalOptions options, DatabaseOptions database, IDataProtectionProvider protection, ILogger<AuditJournal> log) : IDisposable
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
        })
        { IsBackground = true, Name = "Regie audit journal" };
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

    /// <summary>A full segment is flushed before it is closed: after that no flush can reach it.</summary>
    private void RotateIfFull()
    {
        if (_position < options.SegmentBytes || _segment is null) return;
        RandomAccess.FlushToDisk(_segment);
        _dirty = false;
        Rotate();
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
