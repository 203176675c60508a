using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    private void ConfigureInvolvements(ModelBuilder b)
    {
        b.Entity<Organisation>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Telefoon).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(x => x.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(x => x.SignaalpartnerSoort).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.AgbCode).HasMaxLength(Domain.IStandaarden.AgbCode.Length);
            e.HasIndex(x => new { x.Gemeentecode, x.Name }).IsUnique();
            e.HasIndex(x => new { x.Gemeentecode, x.AgbCode }).IsUnique().HasFilter("\"AgbCode\" IS NOT NULL");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Involvement>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Bsn).HasMaxLength(9);
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ContactName).HasMaxLength(Involvement.ContactNameMaxLength);
            e.Property(x => x.ContactPhone).HasMaxLength(Involvement.ContactPhoneMaxLength);
            e.Property(x => x.ContactEmail).HasMaxLength(Involvement.ContactEmailMaxLength);
            e.Property(x => x.EndReason).HasMaxLength(Involvement.EndReasonMaxLength);
            e.Property(x => x.Reason).HasMaxLength(Involvement.ReasonMaxLength);
            e.Property(x => x.RegisteredBy).HasMaxLength(200);
            // The look-up's one query: the active involvements of one BSN.
            e.HasIndex(x => new { x.Gemeentecode, x.Bsn }).HasFilter("\"EndedOn\" IS NULL").HasDatabaseName("IX_Involvements_Bsn_Active");
            e.HasIndex(x => new { x.HouseholdId, x.TeamId });
            e.HasIndex(x => new { x.OrganisationId, x.EndedOn });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Notification>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.UserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength);
            e.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength);
            e.HasIndex(x => new { x.UserId, x.CreatedAt });
            e.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<OutboxMessage>(e =>
        {
            e.Property(x => x.To).HasMaxLength(254);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.AttachmentName).HasMaxLength(OutboxMessage.AttachmentNameMaxLength);
            e.Property(x => x.AttachmentContentType).HasMaxLength(100);
            e.HasIndex(x => x.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
        });
    }
}
