using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    private void ConfigureDocuments(ModelBuilder b)
    {
        b.Entity<Document>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.FileName).HasMaxLength(DocumentRules.FileNameMaxLength);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Description).HasMaxLength(DocumentRules.DescriptionMaxLength);
            e.Property(x => x.UploadedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.UploadedByName).HasMaxLength(200);
            e.Property(x => x.WithdrawnBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.WithdrawReason).HasMaxLength(DocumentRules.ReasonMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.UploadedAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<DocumentContent>(e =>
        {
            e.HasKey(x => x.DocumentId);
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
