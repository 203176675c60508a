using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<HouseholdEvent> HouseholdEvents => Set<HouseholdEvent>();

    private void ConfigureRegistry(ModelBuilder b)
    {
        b.Entity<Person>(e =>
        {
            e.Property(p => p.Gemeentecode).HasMaxLength(4);
            e.Property(p => p.Bsn).HasMaxLength(9);
            e.Property(p => p.Voornamen).HasMaxLength(PersonName.MaxPartLength);
            e.Property(p => p.Voorvoegsel).HasMaxLength(PersonName.VoorvoegselMaxLength);
            e.Property(p => p.Achternaam).HasMaxLength(PersonName.MaxPartLength);
            e.Property(p => p.ZoekNaam).HasMaxLength(200);
            e.Property(p => p.ZoekVoornamen).HasMaxLength(400);
            e.Property(p => p.Telefoon).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(p => p.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.Gemeentecode, p.Bsn }).IsUnique();
            // PostgreSQL finds the ids for "Jan Jansen" from the index alone (first names and id included); SQLite ignores INCLUDE.
            e.HasIndex(p => new { p.Gemeentecode, p.ZoekNaam, p.Geboortedatum }).IncludeProperties(p => new { p.ZoekVoornamen, p.Id });
            e.HasIndex(p => new { p.Gemeentecode, p.Geboortedatum });
            e.Ignore(p => p.Name);
            e.HasQueryFilter(p => p.Gemeentecode == Gemeentecode);
        });

        b.Entity<Household>(e =>
        {
            e.Property(h => h.Gemeentecode).HasMaxLength(4);
            e.Property(h => h.Naam).HasMaxLength(Household.NaamMaxLength);
            e.Property(h => h.Straat).HasMaxLength(Address.StraatMaxLength);
            e.Property(h => h.Huisletter).HasMaxLength(1);
            e.Property(h => h.Toevoeging).HasMaxLength(4);
            e.Property(h => h.Postcode).HasMaxLength(6);
            e.Property(h => h.Woonplaats).HasMaxLength(Address.WoonplaatsMaxLength);
            e.Property(h => h.Wijk).HasMaxLength(Address.WijkMaxLength);
            e.Property(h => h.Buurt).HasMaxLength(Address.BuurtMaxLength);
            e.Property(h => h.Version).IsConcurrencyToken();
            e.HasIndex(h => new { h.Gemeentecode, h.Postcode, h.Huisnummer });
            e.HasIndex(h => h.ResponsibleTeamId);
            e.Property(h => h.CoordinatorId).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(h => h.CoordinatorId);
            e.Ignore(h => h.Address);
            e.Navigation(h => h.Members).HasField("_members");
            e.HasQueryFilter(h => h.Gemeentecode == Gemeentecode);
        });

        b.Entity<HouseholdMember>(e =>
        {
            e.Property(m => m.Gemeentecode).HasMaxLength(4);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.HasOne(m => m.Household).WithMany(h => h.Members).HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            // The database itself refuses a second current household for one person.
            e.HasIndex(m => m.PersonId).IsUnique().HasFilter("\"Until\" IS NULL").HasDatabaseName("IX_HouseholdMembers_PersonId_Current");
            e.HasIndex(m => new { m.PersonId, m.From });
            e.HasIndex(m => m.HouseholdId);
            e.HasQueryFilter(m => m.Gemeentecode == Gemeentecode);
        });

        b.Entity<HouseholdEvent>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.ActorId).HasMaxLength(HouseholdEvent.ActorIdMaxLength);
            e.Property(x => x.ActorName).HasMaxLength(HouseholdEvent.ActorNameMaxLength);
            e.Property(x => x.Summary).HasMaxLength(HouseholdEvent.SummaryMaxLength);
            e.HasIndex(x => new { x.HouseholdId, x.Id });
            e.HasIndex(x => new { x.Gemeentecode, x.Type, x.OccurredAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
