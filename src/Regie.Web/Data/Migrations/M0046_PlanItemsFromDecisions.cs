using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 21: a goal or action the coordinator took into the plan from a decision of a case conference records that decision,
/// so the conference shows what became of its decisions and the plan where its goals and actions came from.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000046_PlanItemsFromDecisions")]
public sealed class M0046_PlanItemsFromDecisions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("DecisionId", "PlanGoals", nullable: true);
        m.AddColumn<Guid>("DecisionId", "PlanActions", nullable: true);
        m.CreateIndex("IX_PlanGoals_DecisionId", "PlanGoals", "DecisionId");
        m.CreateIndex("IX_PlanActions_DecisionId", "PlanActions", "DecisionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_PlanActions_DecisionId", "PlanActions");
        m.DropIndex("IX_PlanGoals_DecisionId", "PlanGoals");
        m.DropColumn("DecisionId", "PlanActions");
        m.DropColumn("DecisionId", "PlanGoals");
    }
}
