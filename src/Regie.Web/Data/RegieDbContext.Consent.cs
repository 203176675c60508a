using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ActionProgress> ActionProgress => Set<ActionProgress>();

    private void ConfigureConsent(ModelBuilder b)
    {
        b.Entity<Consent>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Scopes).HasMaxLength(Consent.ScopesMaxLength);
            e.Property(x => x.GivenByName).HasMaxLength(Domain.Registry.PersonName.FullNameMaxLength);
            e.Property(x => x.RecordedById).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.RecordedByName).HasMaxLength(Consent.NameMaxLength);
            e.Property(x => x.RevokedById).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.RevokedByName).HasMaxLength(Consent.NameMaxLength);
            e.Ignore(x => x.ScopeList);
            // The household's consents (the coordinator's page) and an organisation's active ones (every inkijk request).
            e.HasIndex(x => new { x.HouseholdId, x.OrganisationId });
            e.HasIndex(x => x.OrganisationId).HasFilter("\"RevokedOn\" IS NULL").HasDatabaseName("IX_Consents_OrganisationId_Active");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ActionProgress>(e =>
        {
            e.ToTable("ActionProgress");
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Note).HasMaxLength(Domain.Consent.InkijkRules.ProgressMaxLength);
            e.Property(x => x.ReportedById).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ReportedByName).HasMaxLength(Consent.NameMaxLength);
            e.HasIndex(x => new { x.ActionId, x.ReportedAt });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
