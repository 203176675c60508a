using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Regie.Domain.Audit;

/// <summary>
/// What an audit entry says; the chain hashes exactly these fields. <paramref name="SubjectBsn"/> is the BSN an
/// entry is about when that is all there is to name the person by (a department's look-up: the person may not be
/// in Regie at all), so the privacy officer and the resident can still find who asked about it.
/// </summary>
public sealed record AuditContent(
    DateTime OccurredAt, string? Gemeentecode, string ActorId, string ActorName, string? Role, string? Organisation,
    string Action, string Resource, Guid? HouseholdId, Guid? PersonId, string? Purpose, string? Detail, string? SubjectBsn = null);

public sealed record ChainedEntry(long Id, AuditContent Content, string PreviousHash, string Hash);

public enum ChainBreakKind
{
    /// <summary>The entry's content no longer matches its hash.</summary>
    Changed,
    /// <summary>The entry does not point at the entry before it: something was removed or inserted.</summary>
    LinkMissing,
    /// <summary>The chain is consistent but differs from a hash kept outside the database: it was rewritten.</summary>
    AnchorDiffers,
    /// <summary>An entry whose hash was kept outside the database is gone: the newest entries were cut off.</summary>
    AnchorMissing,
}

public sealed record ChainBreak(long Id, ChainBreakKind Kind);

/// <summary>
/// An entry's id and hash, written down outside the database (printed by a verify run, kept in
/// the operator's log). Anyone who can write the table can recompute every hash after a change,
/// or cut off the newest entries; neither survives a comparison with a copy kept elsewhere.
/// </summary>
public sealed record ChainAnchor(long Id, string Hash)
{
    public override string ToString() => $"{Id}:{Hash}";

    public static bool TryParse(string? text, out ChainAnchor anchor)
    {
        anchor = new ChainAnchor(0, "");
        var parts = text?.Trim().Split(':');
        if (parts is not [var id, var hash] || !long.TryParse(id, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || hash.Length != 64 || !hash.All(Uri.IsHexDigit)) return false;
        anchor = new ChainAnchor(n, hash.ToLowerInvariant());
        return true;
    }
}

public sealed record ChainReport(long Count, ChainAnchor? Last, ChainBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// The audit trail as a hash chain: each entry's hash covers its content and the previous
/// entry's hash. Changing an entry breaks its own hash; removing one breaks the next link.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Whole milliseconds: both databases store that exactly (PostgreSQL keeps microseconds,
    /// SQLite text keeps ticks), so the time read back hashes the same as the time written.
    /// </summary>
    public static DateTime Normalise(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string ComputeHash(string previousHash, AuditContent c)
    {
        // Length-prefixed fields: no value can be made to look like two others.
        var sb = new StringBuilder(previousHash);
        foreach (var field in new[]
                 {
                     c.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), c.Gemeentecode, c.ActorId, c.ActorName,
                     c.Role, c.Organisation, c.Action, c.Resource, c.HouseholdId?.ToString("N"), c.PersonId?.ToString("N"), c.Purpose, c.Detail,
                 })
        {
            sb.Append('|');
            if (field is null) sb.Append('-');
            else sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }
        // Added later than the other fields: hashed only when present, so every entry written before keeps its hash.
        if (c.SubjectBsn is { } bsn) sb.Append("|bsn ").Append(bsn.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(bsn);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Walks the chain in id order; returns the first break, or null when it is intact.</summary>
    public static ChainBreak? Verify(IEnumerable<ChainedEntry> entriesInIdOrder, out long count)
    {
        var report = Check(entriesInIdOrder);
        count = report.Count;
        return report.Break;
    }

    /// <summary>
    /// Walks the chain in id order, one entry at a time (it may hold millions), stopping at the
    /// first break; with an anchor, also checks that the anchored entry is still there, unchanged.
    /// </summary>
    public static ChainReport Check(IEnumerable<ChainedEntry> entriesInIdOrder, ChainAnchor? anchor = null)
    {
        long count = 0;
        var previous = Genesis;
        ChainAnchor? last = null;
        var anchorSeen = false;
        foreach (var e in entriesInIdOrder)
        {
            count++;
            if (e.PreviousHash != previous) return new ChainReport(count, last, new ChainBreak(e.Id, ChainBreakKind.LinkMissing));
            if (ComputeHash(e.PreviousHash, e.Content) != e.Hash) return new ChainReport(count, last, new ChainBreak(e.Id, ChainBreakKind.Changed));
            if (anchor is not null && e.Id == anchor.Id)
            {
                if (e.Hash != anchor.Hash) return new ChainReport(count, last, new ChainBreak(e.Id, ChainBreakKind.AnchorDiffers));
                anchorSeen = true;
            }
            previous = e.Hash;
            last = new ChainAnchor(e.Id, e.Hash);
        }
        if (anchor is not null && !anchorSeen) return new ChainReport(count, last, new ChainBreak(anchor.Id, ChainBreakKind.AnchorMissing));
        return new ChainReport(count, last, null);
    }
}
