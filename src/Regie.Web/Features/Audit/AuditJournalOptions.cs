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
