using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>The plan: goals, actions, versions, the household's agreement and evaluations.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000009_Plans")]
public sealed class M0009_Plans : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Plans", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            TrajectoryId = t.Column<Guid>(nullable: false),
            Afspraken = t.Column<string>(maxLength: 4000, nullable: true),
            NextEvaluationOn = t.Column<DateOnly>(nullable: true),
            StartedOn = t.Column<DateOnly>(nullable: false),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Plans", x => x.Id));
        m.CreateIndex("IX_Plans_TrajectoryId", "Plans", "TrajectoryId", unique: true);
        m.CreateIndex("IX_Plans_HouseholdId_StartedOn", "Plans", ["HouseholdId", "StartedOn"]);
        m.CreateIndex("IX_Plans_HouseholdId_Active", "Plans", "HouseholdId", unique: true, filter: "\"ClosedOn\" IS NULL");

        m.CreateTable("PlanGoals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Domain = t.Column<string>(maxLength: 32, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            Wat = t.Column<string>(maxLength: 1000, nullable: false),
            MeetbaarResultaat = t.Column<string>(maxLength: 1000, nullable: false),
            Streefdatum = t.Column<DateOnly>(nullable: false),
            Wie = t.Column<string>(maxLength: 200, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            StatusChangedOn = t.Column<DateOnly>(nullable: false),
            Toelichting = t.Column<string>(maxLength: 2000, nullable: true),
            Position = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanGoals", x => x.Id));
        m.CreateIndex("IX_PlanGoals_PlanId_Position", "PlanGoals", ["PlanId", "Position"]);
        m.CreateIndex("IX_PlanGoals_HouseholdId_Status_Streefdatum", "PlanGoals", ["HouseholdId", "Status", "Streefdatum"]);

        m.CreateTable("PlanActions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            GoalId = t.Column<Guid>(nullable: true),
            Omschrijving = t.Column<string>(maxLength: 1000, nullable: false),
            OwnerKind = t.Column<string>(maxLength: 16, nullable: false),
            OwnerName = t.Column<string>(maxLength: 200, nullable: false),
            OwnerPersonId = t.Column<Guid>(nullable: true),
            OwnerUserId = t.Column<string>(maxLength: 64, nullable: true),
            Deadline = t.Column<DateOnly>(nullable: true),
            DoneOn = t.Column<DateOnly>(nullable: true),
            Position = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanActions", x => x.Id));
        m.CreateIndex("IX_PlanActions_PlanId_Position", "PlanActions", ["PlanId", "Position"]);
        m.CreateIndex("IX_PlanActions_HouseholdId_DoneOn_Deadline", "PlanActions", ["HouseholdId", "DoneOn", "Deadline"]);

        m.CreateTable("PlanVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            SavedAt = t.Column<DateTime>(nullable: false),
            SavedById = t.Column<string>(maxLength: 64, nullable: false),
            SavedByName = t.Column<string>(maxLength: 200, nullable: false),
            Change = t.Column<string>(maxLength: 1000, nullable: false),
            Snapshot = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanVersions", x => x.Id));
        m.CreateIndex("IX_PlanVersions_PlanId_Number", "PlanVersions", ["PlanId", "Number"], unique: true);

        m.CreateTable("PlanAgreements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            VersionNumber = t.Column<int>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            AgreedByName = t.Column<string>(maxLength: 200, nullable: false),
            AgreedOn = t.Column<DateOnly>(nullable: false),
            Wijze = t.Column<string>(maxLength: 16, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanAgreements", x => x.Id));
        m.CreateIndex("IX_PlanAgreements_PlanId_VersionNumber", "PlanAgreements", ["PlanId", "VersionNumber"]);

        m.CreateTable("PlanEvaluations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            HeldOn = t.Column<DateOnly>(nullable: false),
            Summary = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanEvaluations", x => x.Id));
        m.CreateIndex("IX_PlanEvaluations_PlanId_HeldOn", "PlanEvaluations", ["PlanId", "HeldOn"]);
        m.CreateIndex("IX_PlanEvaluations_HouseholdId_HeldOn", "PlanEvaluations", ["HouseholdId", "HeldOn"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "PlanEvaluations", "PlanAgreements", "PlanVersions", "PlanActions", "PlanGoals", "Plans" }) m.DropTable(table);
    }
}
