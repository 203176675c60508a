using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<VeiligVerderPlan> VeiligVerderPlans => Set<VeiligVerderPlan>();
    public DbSet<SafetyGoal> SafetyGoals => Set<SafetyGoal>();
    public DbSet<SafetyArrangement> SafetyArrangements => Set<SafetyArrangement>();
    public DbSet<SafetyCheck> SafetyChecks => Set<SafetyCheck>();
    public DbSet<VeiligVerderAgreement> VeiligVerderAgreements => Set<VeiligVerderAgreement>();

    private void ConfigureVeiligVerder(ModelBuilder b)
    {
        b.Entity<VeiligVerderPlan>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.StartedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Goals);
            e.Ignore(x => x.Arrangements);
            e.Ignore(x => x.Checks);
            // One Veilig Verder plan per household plan, also when two workers start one at the same moment.
            e.HasIndex(x => x.PlanId).IsUnique();
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<SafetyGoal>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Wat).HasMaxLength(VeiligVerderRules.GoalWhatMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.VeiligVerderPlanId, x.Position });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<SafetyArrangement>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ActorName).HasMaxLength(VeiligVerderRules.ActorNameMaxLength);
            e.Property(x => x.Wat).HasMaxLength(VeiligVerderRules.ArrangementWhatMaxLength);
            e.Property(x => x.Signaal).HasMaxLength(VeiligVerderRules.ArrangementSignalMaxLength);
            e.HasIndex(x => new { x.VeiligVerderPlanId, x.Position });
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<SafetyCheck>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Who).HasMaxLength(VeiligVerderRules.CheckWhoMaxLength);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Unit).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(x => new { x.VeiligVerderPlanId, x.Position });
            e.HasIndex(x => new { x.HouseholdId, x.NextOn });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<VeiligVerderAgreement>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.AgreedByName).HasMaxLength(200);
            e.Property(x => x.Wijze).HasMaxLength(16);
            e.Property(x => x.RecordedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.VeiligVerderPlanId, x.VersionNumber });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
