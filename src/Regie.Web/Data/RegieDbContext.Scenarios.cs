using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Scenario> Scenarios => Set<Scenario>();

    /// <summary>Saved scenarios of the policy officer (issue 24): figures only, per municipality.</summary>
    private void ConfigureScenarios(ModelBuilder b)
    {
        b.Entity<Scenario>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Name).HasMaxLength(Scenario.NameMaxLength);
            e.Property(x => x.Description).HasMaxLength(Scenario.DescriptionMaxLength);
            e.Property(x => x.Models).HasMaxLength(400);
            e.Property(x => x.CreatedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.CreatedByName).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Gemeentecode, x.CreatedAt });
            e.HasIndex(x => new { x.Gemeentecode, x.FormToken }).IsUnique();
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
