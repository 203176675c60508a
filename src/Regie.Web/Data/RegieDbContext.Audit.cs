using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    private void ConfigureAudit(ModelBuilder b)
    {
        // No municipality filter on the audit trail: the privacy officer's queries filter explicitly,
        // and `audit verify` must see the whole chain.
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ActorId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Organisation).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Resource).HasMaxLength(32);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.Property(x => x.SubjectBsn).HasMaxLength(9);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.PersonId, x.OccurredAt });
            e.HasIndex(x => new { x.HouseholdId, x.OccurredAt });
            e.HasIndex(x => new { x.ActorId, x.OccurredAt });
            // Only look-ups carry it: the index holds just those rows.
            e.HasIndex(x => new { x.SubjectBsn, x.OccurredAt }).HasFilter("\"SubjectBsn\" IS NOT NULL");
        });

        b.Entity<RetentionRun>(e => e.Property(x => x.StartedBy).HasMaxLength(200));
    }
}
