using Microsoft.EntityFrameworkCore;
using Regie.Domain.Safety;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<MeldcodeTrack> MeldcodeTracks => Set<MeldcodeTrack>();
    public DbSet<MeldcodeEntry> MeldcodeEntries => Set<MeldcodeEntry>();
    public DbSet<MeldcodeWithholding> MeldcodeWithholdings => Set<MeldcodeWithholding>();

    private void ConfigureMeldcode(ModelBuilder b)
    {
        b.Entity<MeldcodeTrack>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.OpenedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.HouseholdId);
            // One open track per household (M0040): the second of two openings that race is refused here.
            e.HasIndex(x => x.HouseholdId, "IX_MeldcodeTracks_HouseholdId_Open").IsUnique().HasFilter("\"Status\" = 'Open'");
            e.HasIndex(x => new { x.Gemeentecode, x.Status });
            e.HasMany(x => x.Persons).WithOne().HasForeignKey(p => p.TrackId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Entries).WithOne().HasForeignKey(p => p.TrackId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Persons).HasField("_persons");
            e.Navigation(x => x.Entries).HasField("_entries");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<MeldcodeTrackPerson>(e => e.HasKey(x => new { x.TrackId, x.PersonId }));
        b.Entity<MeldcodeEntry>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RecordedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.RecordedByName).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(MeldcodeRules.TextMaxLength);
            e.Property(x => x.Who).HasMaxLength(MeldcodeRules.ShortTextMaxLength);
            e.Property(x => x.ConsultedWith).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Weighing).HasMaxLength(5 * (Afwegingskader.ReasoningMaxLength + 100));
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.ReportChannel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ReportReference).HasMaxLength(MeldcodeRules.ShortTextMaxLength);
            e.Property(x => x.LinkedGoals).HasMaxLength(20 * 37);
            e.HasIndex(x => x.TrackId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<MeldcodeWithholding>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Reason).HasMaxLength(MeldcodeWithholding.ReasonMaxLength);
            e.Property(x => x.WithheldBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.WithheldByName).HasMaxLength(200);
            e.Property(x => x.LiftedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => x.TrackId);
            e.HasIndex(x => new { x.Gemeentecode, x.WithheldAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
