using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>Requests for help with their intake screen and triage decision, and the municipality's triage table with its history.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000010_Requests")]
public sealed class M0010_Requests : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("TriageConfigurations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Model = t.Column<string>(maxLength: 24, nullable: false),
            ConcernThreshold = t.Column<int>(nullable: false),
            MinDomains = t.Column<int>(nullable: false),
            Routes = t.Column<string>(maxLength: 600, nullable: false),
            ValidFrom = t.Column<DateTime>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TriageConfigurations", x => x.Id));
        m.CreateIndex("IX_TriageConfigurations_Gemeentecode_ValidFrom", "TriageConfigurations", ["Gemeentecode", "ValidFrom"]);

        m.CreateTable("HelpRequests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            SourceDetail = t.Column<string>(maxLength: 200, nullable: true),
            Description = t.Column<string>(maxLength: 2000, nullable: false),
            ReceivedOn = t.Column<DateOnly>(nullable: false),
            Maatwerk = t.Column<bool>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            RegisteredBy = t.Column<string>(maxLength: 64, nullable: false),
            RegisteredAt = t.Column<DateTime>(nullable: false),
            IntakeOn = t.Column<DateOnly>(nullable: true),
            IntakeBy = t.Column<string>(maxLength: 64, nullable: true),
            CaseClass = t.Column<string>(maxLength: 16, nullable: true),
            ModelAtIntake = t.Column<string>(maxLength: 24, nullable: true),
            SuggestedRoute = t.Column<string>(maxLength: 24, nullable: true),
            Suggestion = t.Column<string>(maxLength: 1000, nullable: true),
            DecidedRoute = t.Column<string>(maxLength: 24, nullable: true),
            DecisionReason = t.Column<string>(maxLength: 2000, nullable: true),
            DecidedBy = t.Column<string>(maxLength: 64, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            TrajectoryId = t.Column<Guid>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_HelpRequests", x => x.Id));
        m.CreateIndex("IX_HelpRequests_HouseholdId_ReceivedOn", "HelpRequests", ["HouseholdId", "ReceivedOn"]);
        m.CreateIndex("IX_HelpRequests_Gemeentecode_Status_ReceivedOn", "HelpRequests", ["Gemeentecode", "Status", "ReceivedOn"]);

        m.CreateTable("HelpRequestPerson", t => new
        {
            RequestId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_HelpRequestPerson", x => new { x.RequestId, x.PersonId });
            t.ForeignKey("FK_HelpRequestPerson_HelpRequests_RequestId", x => x.RequestId, "HelpRequests", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("HelpRequestScore", t => new
        {
            RequestId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Domain = t.Column<string>(maxLength: 32, nullable: false),
            Score = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_HelpRequestScore", x => new { x.RequestId, x.PersonId, x.Domain });
            t.ForeignKey("FK_HelpRequestScore_HelpRequests_RequestId", x => x.RequestId, "HelpRequests", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "HelpRequestScore", "HelpRequestPerson", "HelpRequests", "TriageConfigurations" }) m.DropTable(table);
    }
}
