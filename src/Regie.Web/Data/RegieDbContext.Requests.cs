using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<TriageConfiguration> TriageConfigurations => Set<TriageConfiguration>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();

    private void ConfigureRequests(ModelBuilder b)
    {
        b.Entity<TriageConfiguration>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Model).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Routes).HasMaxLength(600);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Gemeentecode, x.ValidFrom });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<HelpRequest>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SourceDetail).HasMaxLength(HelpRequest.SourceDetailMaxLength);
            e.Property(x => x.Description).HasMaxLength(HelpRequest.DescriptionMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RegisteredBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.IntakeBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.CaseClass).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ModelAtIntake).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.SuggestedRoute).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Suggestion).HasMaxLength(HelpRequest.SuggestionMaxLength);
            e.Property(x => x.DecidedRoute).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.DecisionReason).HasMaxLength(HelpRequest.DecisionReasonMaxLength);
            e.Property(x => x.DecidedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.SafetyAnswers).HasMaxLength(200);
            e.Property(x => x.SafetyJudgement).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SafetyNote).HasMaxLength(Domain.Safety.SafetyCheck.ToelichtingMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.ReceivedOn });
            e.HasIndex(x => new { x.Gemeentecode, x.Status, x.ReceivedOn });
            e.HasMany(x => x.Persons).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Scores).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Persons).HasField("_persons");
            e.Navigation(x => x.Scores).HasField("_scores");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
        b.Entity<HelpRequestPerson>(e => e.HasKey(x => new { x.RequestId, x.PersonId }));
        b.Entity<HelpRequestScore>(e =>
        {
            e.HasKey(x => new { x.RequestId, x.PersonId, x.Domain });
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
        });
    }
}
