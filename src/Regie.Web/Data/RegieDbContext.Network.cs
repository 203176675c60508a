using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<NetworkMember> NetworkMembers => Set<NetworkMember>();

    /// <summary>The household's network, and what the plan gained with it: its own sections and actions carried out by a network member.</summary>
    private void ConfigureNetwork(ModelBuilder b)
    {
        b.Entity<NetworkMember>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Name).HasMaxLength(NetworkRules.NameMaxLength);
            e.Property(x => x.Relation).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Phone).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(x => x.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(x => x.RoleInPlan).HasMaxLength(NetworkRules.RoleMaxLength);
            e.Property(x => x.ConsentByName).HasMaxLength(Domain.Registry.PersonName.FullNameMaxLength);
            e.Property(x => x.EndedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsCurrent);
            e.Ignore(x => x.Content);
            e.HasIndex(x => new { x.HouseholdId, x.Until });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Plan>(e =>
        {
            e.Property(x => x.Strengths).HasMaxLength(PlanSectionRules.StrengthsMaxLength);
            e.Property(x => x.EarlierHelp).HasMaxLength(PlanSectionRules.EarlierHelpMaxLength);
            e.Ignore(x => x.Concerns);
            e.Ignore(x => x.Sections);
        });

        b.Entity<PlanAction>(e => e.HasIndex(x => x.NetworkMemberId));
    }
}
