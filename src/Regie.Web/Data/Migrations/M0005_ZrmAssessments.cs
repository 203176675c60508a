using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>ZRM assessments: one row per person per day, one score row per assessed life domain.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000005_ZrmAssessments")]
public sealed class M0005_ZrmAssessments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ZrmAssessments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            AssessedOn = t.Column<DateOnly>(nullable: false),
            AssessorId = t.Column<string>(maxLength: 64, nullable: false),
            AssessorName = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ZrmAssessments", x => x.Id));
        m.CreateIndex("IX_ZrmAssessments_HouseholdId_AssessedOn", "ZrmAssessments", ["HouseholdId", "AssessedOn"]);
        m.CreateIndex("IX_ZrmAssessments_PersonId_AssessedOn", "ZrmAssessments", ["PersonId", "AssessedOn"]);

        m.CreateTable("ZrmScores", t => new
        {
            AssessmentId = t.Column<Guid>(nullable: false),
            Domain = t.Column<string>(maxLength: 32, nullable: false),
            Score = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ZrmScores", x => new { x.AssessmentId, x.Domain });
            t.ForeignKey("FK_ZrmScores_ZrmAssessments_AssessmentId", x => x.AssessmentId, "ZrmAssessments", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ZrmScores");
        m.DropTable("ZrmAssessments");
    }
}
