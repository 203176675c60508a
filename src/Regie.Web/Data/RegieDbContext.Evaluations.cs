using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Werkwijzewijziging> Werkwijzewijzigingen => Set<Werkwijzewijziging>();

    private void ConfigureEvaluations(ModelBuilder b) => b.Entity<Werkwijzewijziging>(e =>
    {
        e.Property(x => x.Gemeentecode).HasMaxLength(4);
        e.Property(x => x.Title).HasMaxLength(Domain.Models.EvaluationRules.TitleMaxLength);
        e.Property(x => x.Description).HasMaxLength(Domain.Models.EvaluationRules.DescriptionMaxLength);
        e.Property(x => x.TeamIds).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.CorrectedBy).HasMaxLength(200);
        e.Property(x => x.WithdrawnBy).HasMaxLength(200);
        e.Property(x => x.WithdrawalReason).HasMaxLength(Domain.Models.EvaluationRules.WithdrawalReasonMaxLength);
        e.Ignore(x => x.Teams);
        e.HasIndex(x => new { x.Gemeentecode, x.Date });
        e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
    });
}
