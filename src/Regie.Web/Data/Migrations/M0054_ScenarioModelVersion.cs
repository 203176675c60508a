using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 24: a saved scenario keeps the version of the model it was computed with, so a council report names the model that
/// produced it and a recompute that differs says why. Scenarios saved before were computed with version 1.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000054_ScenarioModelVersion")]
public sealed class M0054_ScenarioModelVersion : Migration
{
    protected override void Up(MigrationBuilder m) => m.AddColumn<int>("ModelVersion", "Scenarios", nullable: false, defaultValue: 1);

    protected override void Down(MigrationBuilder m) => m.DropColumn("ModelVersion", "Scenarios");
}
