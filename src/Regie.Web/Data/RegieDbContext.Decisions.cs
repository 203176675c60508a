using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<ProvisionApplication> ProvisionApplications => Set<ProvisionApplication>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionProduct> DecisionProducts => Set<DecisionProduct>();
    public DbSet<DecisionTermSettings> DecisionTermSettings => Set<DecisionTermSettings>();

    private void ConfigureDecisions(ModelBuilder b)
    {
        b.Entity<ProvisionApplication>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Framework).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Requested).HasMaxLength(ProvisionApplication.RequestedMaxLength);
            e.Property(x => x.ExtensionReason).HasMaxLength(ProvisionApplication.ExtensionReasonMaxLength);
            e.Property(x => x.WithdrawnReason).HasMaxLength(ProvisionApplication.WithdrawnReasonMaxLength);
            e.Property(x => x.HandlerUserId).HasMaxLength(ProvisionApplication.UserIdMaxLength);
            e.Property(x => x.CreatedBy).HasMaxLength(ProvisionApplication.UserIdMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            // The worklist: open applications of the municipality by status; a household's and a person's applications.
            e.HasIndex(x => new { x.Gemeentecode, x.Status });
            e.HasIndex(x => x.HouseholdId);
            e.HasIndex(x => x.PersonId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<Decision>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Framework).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reasoning).HasMaxLength(Decision.ReasoningMaxLength);
            e.Property(x => x.DecidedById).HasMaxLength(ProvisionApplication.UserIdMaxLength);
            e.Property(x => x.DecidedByName).HasMaxLength(Decision.DecidedByNameMaxLength);
            e.Property(x => x.EstimatedCost).HasPrecision(12, 2);
            // One beschikking per application, also when two consulents decide at the same moment.
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.HouseholdId);
            e.HasMany(x => x.Products).WithOne().HasForeignKey(p => p.DecisionId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<DecisionProduct>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Category).HasMaxLength(4);
            e.Property(x => x.Description).HasMaxLength(DecisionProduct.DescriptionMaxLength);
            e.Property(x => x.Unit).HasMaxLength(4);
            e.Property(x => x.Frequency).HasMaxLength(4);
            e.Property(x => x.EstimatedCost).HasPrecision(12, 2);
            e.HasIndex(x => new { x.DecisionId, x.Position });
            e.HasIndex(x => x.ProviderOrganisationId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<DecisionTermSettings>(e =>
        {
            e.HasKey(x => x.Gemeentecode);
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ChangedBy).HasMaxLength(Data.DecisionTermSettings.ChangedByMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
