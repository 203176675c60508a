using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>One coordinator (regisseur) per household, with the history of transfers and their handover notes.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000006_Coordinator")]
public sealed class M0006_Coordinator : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("CoordinatorId", "Households", maxLength: 64, nullable: true);
        m.CreateIndex("IX_Households_CoordinatorId", "Households", "CoordinatorId");
        m.CreateTable("CoordinatorAssignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(maxLength: 64, nullable: false),
            From = t.Column<DateTime>(nullable: false),
            Until = t.Column<DateTime>(nullable: true),
            HandoverNote = t.Column<string>(maxLength: 4000, nullable: true),
            AssignedBy = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CoordinatorAssignments", x => x.Id));
        m.CreateIndex("IX_CoordinatorAssignments_HouseholdId_From", "CoordinatorAssignments", ["HouseholdId", "From"]);
        m.CreateIndex("IX_CoordinatorAssignments_HouseholdId_Current", "CoordinatorAssignments", "HouseholdId", unique: true, filter: "\"Until\" IS NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("CoordinatorAssignments");
        m.DropIndex("IX_Households_CoordinatorId", "Households");
        m.DropColumn("CoordinatorId", "Households");
    }
}
