using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Coordination;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<ZrmAssessment> ZrmAssessments => Set<ZrmAssessment>();
    public DbSet<ZrmScore> ZrmScores => Set<ZrmScore>();
    public DbSet<CoordinatorAssignment> CoordinatorAssignments => Set<CoordinatorAssignment>();
    public DbSet<Trajectory> Trajectories => Set<Trajectory>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanAgreement> PlanAgreements => Set<PlanAgreement>();
    public DbSet<PlanEvaluation> PlanEvaluations => Set<PlanEvaluation>();

    private void ConfigurePlans(ModelBuilder b)
    {
        b.Entity<ZrmAssessment>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.AssessorId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.AssessorName).HasMaxLength(200);
            e.HasIndex(x => new { x.HouseholdId, x.AssessedOn });
            e.HasIndex(x => new { x.PersonId, x.AssessedOn });
            e.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Scores).HasField("_scores");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<CoordinatorAssignment>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.UserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.AssignedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.HandoverNote).HasMaxLength(CoordinatorRules.HandoverNoteMaxLength);
            e.HasIndex(x => new { x.HouseholdId, x.From });
            // One current coordinator per household, also under two simultaneous transfers.
            e.HasIndex(x => x.HouseholdId).IsUnique().HasFilter("\"Until\" IS NULL").HasDatabaseName("IX_CoordinatorAssignments_HouseholdId_Current");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Trajectory>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Frameworks).HasMaxLength(100);
            e.Property(x => x.OpenedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ClosedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ClosingReason).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ClosingNote).HasMaxLength(ClosingRules.NoteMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.OpenedOn });
            e.HasIndex(x => new { x.TeamId, x.ClosedOn });
            // One open trajectory per household, also when two workers open one at the same moment.
            e.HasIndex(x => x.HouseholdId).IsUnique().HasFilter("\"ClosedOn\" IS NULL").HasDatabaseName("IX_Trajectories_HouseholdId_Open");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Plan>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Afspraken).HasMaxLength(PlanRules.AfsprakenMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Goals);
            e.Ignore(x => x.Actions);
            e.HasIndex(x => x.TrajectoryId).IsUnique();
            e.HasIndex(x => new { x.HouseholdId, x.StartedOn });
            // At most one active plan per household: the database refuses a second one, also under concurrent saves.
            e.HasIndex(x => x.HouseholdId).IsUnique().HasFilter("\"ClosedOn\" IS NULL").HasDatabaseName("IX_Plans_HouseholdId_Active");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<PlanGoal>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Wat).HasMaxLength(PlanRules.GoalWhatMaxLength);
            e.Property(x => x.MeetbaarResultaat).HasMaxLength(PlanRules.GoalMeasurableMaxLength);
            e.Property(x => x.Wie).HasMaxLength(PlanRules.GoalWhoMaxLength);
            e.Property(x => x.Toelichting).HasMaxLength(PlanRules.GoalExplanationMaxLength);
            e.HasIndex(x => new { x.PlanId, x.Position });
            e.HasIndex(x => new { x.HouseholdId, x.Status, x.Streefdatum });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<PlanAction>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.OwnerKind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Omschrijving).HasMaxLength(PlanRules.ActionDescriptionMaxLength);
            // A member who carries it out is named in full; a typed name keeps to PlanRules.ActionOwnerNameMaxLength.
            e.Property(x => x.OwnerName).HasMaxLength(Domain.Registry.PersonName.FullNameMaxLength);
            e.Property(x => x.OwnerUserId).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.PlanId, x.Position });
            e.HasIndex(x => new { x.HouseholdId, x.DoneOn, x.Deadline });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<PlanVersion>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.SavedById).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.SavedByName).HasMaxLength(200);
            e.Property(x => x.Change).HasMaxLength(1000);
            e.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<PlanAgreement>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.AgreedByName).HasMaxLength(Domain.Registry.PersonName.FullNameMaxLength);
            e.Property(x => x.Wijze).HasMaxLength(16);
            e.Property(x => x.RecordedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.PlanId, x.VersionNumber });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<PlanEvaluation>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Summary).HasMaxLength(PlanRules.EvaluationSummaryMaxLength);
            e.Property(x => x.RecordedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.HasIndex(x => new { x.PlanId, x.HeldOn });
            e.HasIndex(x => new { x.HouseholdId, x.HeldOn });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ZrmScore>(e =>
        {
            e.HasKey(x => new { x.AssessmentId, x.Domain });
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
        });
    }
}
