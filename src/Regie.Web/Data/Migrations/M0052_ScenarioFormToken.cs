using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 24: a saved scenario keeps the one-time token of the form it was saved from, unique per municipality, so posting the
/// same form twice (a double click) saves one scenario. Scenarios saved before have none (null is not unique-checked).
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000052_ScenarioFormToken")]
public sealed class M0052_ScenarioFormToken : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("FormToken", "Scenarios", nullable: true);
        m.CreateIndex("IX_Scenarios_Gemeentecode_FormToken", "Scenarios", ["Gemeentecode", "FormToken"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Scenarios_Gemeentecode_FormToken", "Scenarios");
        m.DropColumn("FormToken", "Scenarios");
    }
}
