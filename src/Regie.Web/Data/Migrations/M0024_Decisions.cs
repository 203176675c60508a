using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>Applications for custom provisions, their beschikkingen with decided products, and the municipality's legal terms.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000024_Decisions")]
public sealed class M0024_Decisions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ProvisionApplications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: true),
            Framework = t.Column<string>(maxLength: 24, nullable: false),
            GoalId = t.Column<Guid>(nullable: true),
            Requested = t.Column<string>(maxLength: 1000, nullable: false),
            ReportedOn = t.Column<DateOnly>(nullable: true),
            InvestigationDueOn = t.Column<DateOnly>(nullable: true),
            InvestigationDoneOn = t.Column<DateOnly>(nullable: true),
            AppliedOn = t.Column<DateOnly>(nullable: true),
            DecisionDueOn = t.Column<DateOnly>(nullable: true),
            ExtensionWeeks = t.Column<int>(nullable: false),
            ExtensionReason = t.Column<string>(maxLength: 1000, nullable: true),
            ExtendedOn = t.Column<DateOnly>(nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            HandlerUserId = t.Column<string>(maxLength: 64, nullable: true),
            WithdrawnOn = t.Column<DateOnly>(nullable: true),
            WithdrawnReason = t.Column<string>(maxLength: 1000, nullable: true),
            DecidedInTime = t.Column<bool>(nullable: true),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ProvisionApplications", x => x.Id));
        m.CreateIndex("IX_ProvisionApplications_Gemeentecode_Status", "ProvisionApplications", ["Gemeentecode", "Status"]);
        m.CreateIndex("IX_ProvisionApplications_HouseholdId", "ProvisionApplications", "HouseholdId");
        m.CreateIndex("IX_ProvisionApplications_PersonId", "ProvisionApplications", "PersonId");

        m.CreateTable("Decisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: true),
            Framework = t.Column<string>(maxLength: 24, nullable: false),
            Outcome = t.Column<string>(maxLength: 16, nullable: false),
            DecidedOn = t.Column<DateOnly>(nullable: false),
            Reasoning = t.Column<string>(maxLength: 4000, nullable: false),
            DecidedById = t.Column<string>(maxLength: 64, nullable: false),
            DecidedByName = t.Column<string>(maxLength: 200, nullable: false),
            OwnEmployer = t.Column<bool>(nullable: false),
            EstimatedCost = t.Column<decimal>(precision: 12, scale: 2, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Decisions", x => x.Id));
        m.CreateIndex("IX_Decisions_ApplicationId", "Decisions", "ApplicationId", unique: true);
        m.CreateIndex("IX_Decisions_HouseholdId", "Decisions", "HouseholdId");

        m.CreateTable("DecisionProducts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            DecisionId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Category = t.Column<string>(maxLength: 4, nullable: true),
            Description = t.Column<string>(maxLength: 200, nullable: true),
            Volume = t.Column<int>(nullable: false),
            Unit = t.Column<string>(maxLength: 4, nullable: false),
            Frequency = t.Column<string>(maxLength: 4, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            To = t.Column<DateOnly>(nullable: false),
            ProviderOrganisationId = t.Column<Guid>(nullable: true),
            OwnEmployer = t.Column<bool>(nullable: false),
            EstimatedCost = t.Column<decimal>(precision: 12, scale: 2, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DecisionProducts", x => x.Id);
            t.ForeignKey("FK_DecisionProducts_Decisions_DecisionId", x => x.DecisionId, "Decisions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DecisionProducts_DecisionId_Position", "DecisionProducts", ["DecisionId", "Position"]);
        m.CreateIndex("IX_DecisionProducts_ProviderOrganisationId", "DecisionProducts", "ProviderOrganisationId");

        m.CreateTable("DecisionTermSettings", t => new
        {
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            WmoInvestigationWeeks = t.Column<int>(nullable: false),
            WmoDecisionWeeks = t.Column<int>(nullable: false),
            JeugdwetWeeks = t.Column<int>(nullable: false),
            ParticipatiewetWeeks = t.Column<int>(nullable: false),
            WgsWeeks = t.Column<int>(nullable: false),
            MaxExtensionWeeks = t.Column<int>(nullable: false),
            DueSoonDays = t.Column<int>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 200, nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DecisionTermSettings", x => x.Gemeentecode));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "DecisionTermSettings", "DecisionProducts", "Decisions", "ProvisionApplications" }) m.DropTable(table);
    }
}
