using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Conference> Conferences => Set<Conference>();
    public DbSet<ConferenceInvitee> ConferenceInvitees => Set<ConferenceInvitee>();
    public DbSet<ConferenceDecision> ConferenceDecisions => Set<ConferenceDecision>();

    private void ConfigureConferences(ModelBuilder b)
    {
        b.Entity<Conference>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Place).HasMaxLength(ConferenceRules.PlaceMaxLength);
            e.Property(x => x.Link).HasMaxLength(ConferenceRules.LinkMaxLength);
            e.Property(x => x.OrganiserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.OrganiserName).HasMaxLength(ConferenceRules.NameMaxLength);
            e.Property(x => x.Minutes).HasMaxLength(ConferenceRules.MinutesMaxLength);
            e.Property(x => x.CancelReason).HasMaxLength(ConferenceRules.ReasonMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Invitees);
            e.Ignore(x => x.Decisions);
            e.HasIndex(x => new { x.HouseholdId, x.StartsAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ConferenceInvitee>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            // A member or network member is named in full; a typed name keeps to ConferenceRules.NameMaxLength.
            e.Property(x => x.Name).HasMaxLength(Domain.Registry.PersonName.FullNameMaxLength);
            e.Property(x => x.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.ConferenceId, x.Position });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ConferenceDecision>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Text).HasMaxLength(ConferenceRules.DecisionMaxLength);
            e.HasIndex(x => new { x.ConferenceId, x.Position });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        // What the plan took from a decision (M0046).
        b.Entity<PlanGoal>(e => e.HasIndex(x => x.DecisionId));
        b.Entity<PlanAction>(e => e.HasIndex(x => x.DecisionId));
    }
}
