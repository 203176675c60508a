using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    private void ConfigureAccounts(ModelBuilder b)
    {
        b.Entity<RegieUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Gemeentecode).HasMaxLength(4);
            e.Property(u => u.Organisation).HasMaxLength(200);
            e.Property(u => u.EmployerKind).HasConversion<string>().HasMaxLength(24);
        });

        b.Entity<Municipality>(e =>
        {
            e.HasKey(m => m.Code);
            e.Property(m => m.Code).HasMaxLength(4);
            e.Property(m => m.Name).HasMaxLength(200);
        });

        b.Entity<Team>(e =>
        {
            e.Property(t => t.Gemeentecode).HasMaxLength(4);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Wijk).HasMaxLength(100);
            e.Property(t => t.Telefoon).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(t => t.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.HasIndex(t => t.Gemeentecode);
            e.HasQueryFilter(t => t.Gemeentecode == Gemeentecode);
        });

        b.Entity<ApiKey>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Organisation).HasMaxLength(ApiKey.OrganisationMaxLength);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
    }
}
