using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<MessageThread> MessageThreads => Set<MessageThread>();
    public DbSet<Message> Messages => Set<Message>();

    private void ConfigureMessages(ModelBuilder b)
    {
        b.Entity<MessageThread>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Subject).HasMaxLength(Domain.Consent.MessageRules.SubjectMaxLength);
            e.Property(x => x.StartedById).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.StartedByName).HasMaxLength(Consent.NameMaxLength);
            // The household's threads (the file) and an organisation's threads (the partner).
            e.HasIndex(x => new { x.HouseholdId, x.LastMessageAt });
            e.HasIndex(x => new { x.OrganisationId, x.LastMessageAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Message>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Body).HasMaxLength(Domain.Consent.MessageRules.BodyMaxLength);
            e.Property(x => x.AuthorId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.AuthorName).HasMaxLength(Consent.NameMaxLength);
            e.HasIndex(x => new { x.ThreadId, x.SentAt });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
