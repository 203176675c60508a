using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>Trajectories: the periods in which a team works with a household, each opened and closed once.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000007_Trajectories")]
public sealed class M0007_Trajectories : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Trajectories", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            TeamId = t.Column<Guid>(nullable: true),
            RequestId = t.Column<Guid>(nullable: true),
            Frameworks = t.Column<string>(maxLength: 100, nullable: true),
            OpenedOn = t.Column<DateOnly>(nullable: false),
            OpenedBy = t.Column<string>(maxLength: 64, nullable: false),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            ClosingReason = t.Column<string>(maxLength: 40, nullable: true),
            ClosingNote = t.Column<string>(maxLength: 4000, nullable: true),
            ClosedBy = t.Column<string>(maxLength: 64, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Trajectories", x => x.Id));
        m.CreateIndex("IX_Trajectories_HouseholdId_OpenedOn", "Trajectories", ["HouseholdId", "OpenedOn"]);
        m.CreateIndex("IX_Trajectories_TeamId_ClosedOn", "Trajectories", ["TeamId", "ClosedOn"]);
        m.CreateIndex("IX_Trajectories_HouseholdId_Open", "Trajectories", "HouseholdId", unique: true, filter: "\"ClosedOn\" IS NULL");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Trajectories");
}
