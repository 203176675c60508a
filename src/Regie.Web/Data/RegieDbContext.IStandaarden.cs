using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<ProviderContract> ProviderContracts => Set<ProviderContract>();
    public DbSet<Toewijzing> Toewijzingen => Set<Toewijzing>();
    public DbSet<IstandaardBericht> IstandaardBerichten => Set<IstandaardBericht>();

    /// <summary>iWmo/iJw: providers' contracts, assignments with their numbers, and the messages sent and received.</summary>
    private void ConfigureIStandaarden(ModelBuilder b)
    {
        b.Entity<ProviderContract>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Framework).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Category).HasMaxLength(2);
            e.Property(x => x.ProductCode).HasMaxLength(ProviderContract.ProductCodeMaxLength);
            e.Property(x => x.CreatedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.OrganisationId, x.Framework, x.Category, x.ProductCode }).IsUnique().HasDatabaseName("IX_ProviderContracts_Product");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Toewijzing>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Framework).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Category).HasMaxLength(2);
            e.Property(x => x.ProductCode).HasMaxLength(ProviderContract.ProductCodeMaxLength);
            e.Property(x => x.Unit).HasMaxLength(2);
            e.Property(x => x.Frequency).HasMaxLength(1);
            e.Property(x => x.RedenWijziging).HasMaxLength(2);
            e.Property(x => x.ChangedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.StopReason).HasMaxLength(2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Gemeentecode, x.Framework, x.Nummer }).IsUnique();
            e.HasIndex(x => x.DecisionProductId).IsUnique();
            e.HasIndex(x => new { x.PersonId, x.ProviderOrganisationId });
            e.HasIndex(x => new { x.Gemeentecode, x.DecidedOn });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<IstandaardBericht>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Soort).HasMaxLength(8);
            e.Property(x => x.Richting).HasConversion<string>().HasMaxLength(4);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Identificatie).HasMaxLength(IstandaardBericht.IdentificatieMaxLength);
            e.Property(x => x.Problemen).HasMaxLength(IstandaardBericht.ProblemenMaxLength);
            e.Property(x => x.FileName).HasMaxLength(IstandaardBericht.FileNameMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            // TR056: a sender's identification is used once. Regie numbers its own messages per municipality; a provider's are
            // unique per provider among the accepted ones (a refused message is kept for the record and does not claim it).
            e.HasIndex(x => new { x.Gemeentecode, x.Identificatie }).IsUnique().HasFilter("\"Richting\" = 'Uit'").HasDatabaseName("IX_IstandaardBerichten_Uit_Identificatie");
            e.HasIndex(x => new { x.Gemeentecode, x.OrganisationId, x.Identificatie }).IsUnique()
                .HasFilter("\"Richting\" = 'In' AND \"Status\" <> 'Afgewezen'").HasDatabaseName("IX_IstandaardBerichten_In_Identificatie");
            e.HasIndex(x => new { x.Gemeentecode, x.Status, x.CreatedAt });
            e.HasIndex(x => x.ApplicationId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
