using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<MonitorCostEntry> MonitorCostEntries => Set<MonitorCostEntry>();
    public DbSet<MonitorSnapshot> MonitorSnapshots => Set<MonitorSnapshot>();

    private void ConfigureMonitor(ModelBuilder b)
    {
        b.Entity<MonitorCostEntry>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Payer).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Description).HasMaxLength(MonitorCostEntry.DescriptionMaxLength);
            e.Property(x => x.Fte).HasPrecision(8, 2);
            e.Property(x => x.CostPerFte).HasPrecision(12, 2);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.WithdrawnBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Gemeentecode, x.From });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<MonitorSnapshot>(e =>
        {
            e.HasKey(x => new { x.Gemeentecode, x.Scope });
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Scope).HasMaxLength(40);
            e.Property(x => x.Stamp).HasMaxLength(100);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
