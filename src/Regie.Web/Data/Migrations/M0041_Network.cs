using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// One plan with everyone (issue 21): the household's network with its consent, the plan's own sections (what goes well,
/// the concerns, earlier help) and an action carried out by a network member.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000041_Network")]
public sealed class M0041_Network : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("NetworkMembers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Relation = t.Column<string>(maxLength: 16, nullable: false),
            Phone = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            RoleInPlan = t.Column<string>(maxLength: 500, nullable: false),
            ConsentOn = t.Column<DateOnly>(nullable: false),
            ConsentBy = t.Column<Guid>(nullable: false),
            ConsentByName = t.Column<string>(maxLength: 200, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            Until = t.Column<DateOnly>(nullable: true),
            EndedBy = t.Column<string>(maxLength: 64, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_NetworkMembers", x => x.Id));
        m.CreateIndex("IX_NetworkMembers_HouseholdId_Until", "NetworkMembers", ["HouseholdId", "Until"]);

        m.AddColumn<string>("Strengths", "Plans", maxLength: 4000, nullable: true);
        m.AddColumn<string>("ConcernsJson", "Plans", nullable: true);
        m.AddColumn<string>("EarlierHelp", "Plans", maxLength: 4000, nullable: true);

        m.AddColumn<Guid>("NetworkMemberId", "PlanActions", nullable: true);
        m.CreateIndex("IX_PlanActions_NetworkMemberId", "PlanActions", "NetworkMemberId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_PlanActions_NetworkMemberId", "PlanActions");
        m.DropColumn("NetworkMemberId", "PlanActions");
        m.DropColumn("EarlierHelp", "Plans");
        m.DropColumn("ConcernsJson", "Plans");
        m.DropColumn("Strengths", "Plans");
        m.DropTable("NetworkMembers");
    }
}
