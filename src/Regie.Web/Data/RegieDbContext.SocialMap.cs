using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<HsdsOrganization> HsdsOrganizations => Set<HsdsOrganization>();
    public DbSet<HsdsService> HsdsServices => Set<HsdsService>();
    public DbSet<HsdsLocation> HsdsLocations => Set<HsdsLocation>();
    public DbSet<HsdsServiceAtLocation> HsdsServiceAtLocations => Set<HsdsServiceAtLocation>();
    public DbSet<HsdsAddress> HsdsAddresses => Set<HsdsAddress>();
    public DbSet<HsdsPhone> HsdsPhones => Set<HsdsPhone>();
    public DbSet<HsdsContact> HsdsContacts => Set<HsdsContact>();
    public DbSet<HsdsSchedule> HsdsSchedules => Set<HsdsSchedule>();
    public DbSet<HsdsTaxonomy> HsdsTaxonomies => Set<HsdsTaxonomy>();
    public DbSet<HsdsTaxonomyTerm> HsdsTaxonomyTerms => Set<HsdsTaxonomyTerm>();
    public DbSet<HsdsAttribute> HsdsAttributes => Set<HsdsAttribute>();
    public DbSet<HsdsRecord> HsdsRecords => Set<HsdsRecord>();
    public DbSet<PostcodeArea> PostcodeAreas => Set<PostcodeArea>();

    private void ConfigureSocialMap(ModelBuilder b)
    {
        // Text sizes: HSDS sets no limits; these hold the longest texts of the official examples many times over.
        const int Short = 200, Url = 1000, Text = 4000;

        void Hsds<T>(EntityTypeBuilder<T> e) where T : HsdsEntity
        {
            e.HasKey(x => new { x.Gemeentecode, x.Id });
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        }

        b.Entity<HsdsOrganization>(e =>
        {
            Hsds(e);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.AlternateName).HasMaxLength(Short);
            e.Property(x => x.Description).HasMaxLength(Text);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Website).HasMaxLength(Url);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.OrganisationId);
        });
        b.Entity<HsdsService>(e =>
        {
            Hsds(e);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.AlternateName).HasMaxLength(Short);
            e.Property(x => x.Description).HasMaxLength(Text);
            e.Property(x => x.Url).HasMaxLength(Url);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Status).HasMaxLength(24);
            e.Property(x => x.ApplicationProcess).HasMaxLength(Text);
            e.Property(x => x.FeesDescription).HasMaxLength(Text);
            e.Property(x => x.EligibilityDescription).HasMaxLength(Text);
            e.Property(x => x.LastModified).HasMaxLength(40);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Gemeentecode, x.Status, x.Kind });
            e.HasIndex(x => new { x.Gemeentecode, x.OrganizationId });
        });
        b.Entity<HsdsLocation>(e =>
        {
            Hsds(e);
            e.Property(x => x.LocationType).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.Description).HasMaxLength(Text);
        });
        b.Entity<HsdsServiceAtLocation>(e =>
        {
            Hsds(e);
            e.Property(x => x.Description).HasMaxLength(Text);
            e.HasIndex(x => new { x.Gemeentecode, x.ServiceId });
        });
        b.Entity<HsdsAddress>(e =>
        {
            Hsds(e);
            e.Property(x => x.Address1).HasMaxLength(Short);
            e.Property(x => x.City).HasMaxLength(100);
            e.Property(x => x.PostalCode).HasMaxLength(20);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.AddressType).HasMaxLength(16);
            e.HasIndex(x => new { x.Gemeentecode, x.LocationId });
        });
        b.Entity<HsdsPhone>(e =>
        {
            Hsds(e);
            e.Property(x => x.Number).HasMaxLength(50);
            e.HasIndex(x => new { x.Gemeentecode, x.ServiceId });
        });
        b.Entity<HsdsContact>(e =>
        {
            Hsds(e);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => new { x.Gemeentecode, x.ServiceId });
        });
        b.Entity<HsdsSchedule>(e =>
        {
            Hsds(e);
            e.Property(x => x.Description).HasMaxLength(Text);
            e.HasIndex(x => new { x.Gemeentecode, x.ServiceId });
        });
        b.Entity<HsdsTaxonomy>(e =>
        {
            Hsds(e);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.Description).HasMaxLength(Text);
        });
        b.Entity<HsdsTaxonomyTerm>(e =>
        {
            Hsds(e);
            e.Property(x => x.Code).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(Short);
            e.Property(x => x.Description).HasMaxLength(Text);
        });
        b.Entity<HsdsAttribute>(e =>
        {
            Hsds(e);
            e.Property(x => x.LinkType).HasMaxLength(100);
            e.Property(x => x.LinkEntity).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(Short);
            // The search's filter: which services carry a given term (a life domain, a kind).
            e.HasIndex(x => new { x.Gemeentecode, x.TaxonomyTermId, x.LinkId });
            e.HasIndex(x => new { x.Gemeentecode, x.LinkId });
        });
        b.Entity<HsdsRecord>(e =>
        {
            e.HasKey(x => new { x.Gemeentecode, x.Table, x.Id });
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Table).HasMaxLength(40);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<PostcodeArea>(e =>
        {
            e.HasKey(x => new { x.Gemeentecode, x.Pc4 });
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Pc4).HasMaxLength(4);
            e.Property(x => x.Naam).HasMaxLength(100);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
