using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<HouseholdAccess> HouseholdAccess => Set<HouseholdAccess>();

    private void ConfigureAccess(ModelBuilder b)
    {
        b.Entity<HouseholdAccess>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.UserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(FileAccessRules.MaximumReasonLength);
            e.Property(x => x.SharedParts).HasMaxLength(200);
            e.Property(x => x.GrantedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.UserId, x.HouseholdId });
            e.HasIndex(x => new { x.HouseholdId, x.GrantedAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
