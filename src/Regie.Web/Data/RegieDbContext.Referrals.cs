using Microsoft.EntityFrameworkCore;
using Regie.Domain.Referrals;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralStep> ReferralSteps => Set<ReferralStep>();
    public DbSet<LightSupport> LightSupports => Set<LightSupport>();
    public DbSet<LightSupportConfiguration> LightSupportConfigurations => Set<LightSupportConfiguration>();

    private void ConfigureReferrals(ModelBuilder b)
    {
        b.Entity<Referral>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ProviderName).HasMaxLength(ReferralRules.ProviderNameMaxLength);
            e.Property(x => x.ServiceName).HasMaxLength(ReferralRules.ServiceNameMaxLength);
            e.Property(x => x.ServiceKind).HasMaxLength(16);
            e.Property(x => x.Question).HasMaxLength(ReferralRules.QuestionMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.DeclineReason).HasMaxLength(ReferralRules.DeclineReasonMaxLength);
            e.Property(x => x.Feedback).HasMaxLength(ReferralRules.FeedbackMaxLength);
            e.Property(x => x.ReferrerId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ReferrerName).HasMaxLength(200);
            e.Property(x => x.ReferrerEmployerKind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.HouseholdId, x.SentAt });
            // The provider's incoming list, and the overdue look-ups by status and follow-up date.
            e.HasIndex(x => new { x.ProviderOrganisationId, x.Status });
            e.HasIndex(x => new { x.Gemeentecode, x.Status, x.FollowUpOn });
            e.HasIndex(x => new { x.Gemeentecode, x.SentAt });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ReferralStep>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ById).HasMaxLength(ReferralStep.ByIdMaxLength);
            e.Property(x => x.ByName).HasMaxLength(ReferralStep.ByNameMaxLength);
            e.Property(x => x.ByOrganisation).HasMaxLength(ReferralStep.ByOrganisationMaxLength);
            e.Property(x => x.Note).HasMaxLength(ReferralStep.NoteMaxLength);
            e.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ReferralId, x.At });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<LightSupport>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Description).HasMaxLength(LightSupportRules.DescriptionMaxLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.DeliveredByUserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.DeliveredByName).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(LightSupportRules.OutcomeMaxLength);
            e.Property(x => x.StartedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.StartOn });
            e.HasIndex(x => x.PlanId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<LightSupportConfiguration>(e =>
        {
            e.HasKey(x => x.Gemeentecode);
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kinds).HasMaxLength(200);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
