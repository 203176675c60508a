using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<AuditJournalCheckpoint> AuditJournalCheckpoints => Set<AuditJournalCheckpoint>();

    private static void ConfigureAuditJournal(ModelBuilder b) =>
        b.Entity<AuditJournalCheckpoint>(e =>
        {
            e.HasKey(x => x.Journal);
            e.Property(x => x.Journal).HasMaxLength(64);
            e.Property(x => x.Segment).HasMaxLength(64);
        });
}

/// <summary>How far a server's audit journal has been moved into the chained trail; written in the same transaction as the entries.</summary>
public sealed class AuditJournalCheckpoint
{
    public required string Journal { get; set; }
    public required string Segment { get; set; }
    public long Offset { get; set; }
    public DateTime UpdatedAt { get; set; }
}
