using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Registry;
using Regie.Web.Infrastructure;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext(DbContextOptions<RegieDbContext> options, ICurrentMunicipality municipality)
    : IdentityDbContext<RegieUser, IdentityRole, string>(options)
{
    /// <summary>
    /// Read by the query filters on every residents' table, per context instance: one
    /// municipality never sees another's residents, also not through a forgotten Where.
    /// </summary>
    public string? Gemeentecode => municipality.Gemeentecode;

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<HouseholdEvent> HouseholdEvents => Set<HouseholdEvent>();
    public DbSet<HouseholdAccess> HouseholdAccess => Set<HouseholdAccess>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

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
            e.Property(h => h.CoordinatorId).HasMaxLength(64);
            e.HasIndex(h => h.CoordinatorId);
            e.Ignore(h => h.Address);
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

        b.Entity<HouseholdAccess>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(FileAccessRules.MaximumReasonLength);
            e.Property(x => x.SharedParts).HasMaxLength(200);
            e.Property(x => x.GrantedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.UserId, x.HouseholdId });
            e.HasIndex(x => new { x.HouseholdId, x.GrantedAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        // No municipality filter on the audit trail: the privacy officer's queries filter explicitly,
        // and `audit verify` must see the whole chain.
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Organisation).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Resource).HasMaxLength(32);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.Property(x => x.SubjectBsn).HasMaxLength(9);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.PersonId, x.OccurredAt });
            e.HasIndex(x => new { x.HouseholdId, x.OccurredAt });
            e.HasIndex(x => new { x.ActorId, x.OccurredAt });
            // Only look-ups carry it: the index holds just those rows.
            e.HasIndex(x => new { x.SubjectBsn, x.OccurredAt }).HasFilter("\"SubjectBsn\" IS NOT NULL");
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

        b.Entity<RetentionRun>(e => e.Property(x => x.StartedBy).HasMaxLength(200));

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

        // Later areas keep their sets and mapping in their own partial file (RegieDbContext.<Area>.cs),
        // one call each here, so parallel work on areas does not collide in this file.
        ConfigureAreas(b);
    }

    private void ConfigureAreas(ModelBuilder b)
    {
        _ = b;
        ConfigureSocialMap(b);
        ConfigureReferrals(b);
        ConfigureDecisions(b);
        ConfigureMonitor(b);
        ConfigureAuditJournal(b);
        ConfigureBudget(b);
        ConfigurePlans(b);
        ConfigureInvolvements(b);
        ConfigureRequests(b);
        ConfigureMeldcode(b);
        ConfigureVeiligVerder(b);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            // Events are facts: the database triggers refuse changes too, this gives the clearer error first.
            if (entry.Entity is HouseholdEvent or AuditEntry or BudgetEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} rows are immutable.");

            // Optimistic concurrency: the UPDATE matches the version that was read, and bumps it,
            // so a second save of the same stale version affects no row and fails.
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
                entry.Property(version.Name).CurrentValue = (int)entry.Property(version.Name).OriginalValue! + 1;
        }
    }
}
