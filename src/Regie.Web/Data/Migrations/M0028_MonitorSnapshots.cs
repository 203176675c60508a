using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>The monitor's precomputed figures per scope, so its pages answer at once at any size (ADR 0010).</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000028_MonitorSnapshots")]
public sealed class M0028_MonitorSnapshots : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("MonitorSnapshots", t => new
        {
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Scope = t.Column<string>(maxLength: 40, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            To = t.Column<DateOnly>(nullable: false),
            ComputedAt = t.Column<DateTime>(nullable: false),
            Stamp = t.Column<string>(maxLength: 100, nullable: false),
            Figures = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MonitorSnapshots", x => new { x.Gemeentecode, x.Scope }));

    protected override void Down(MigrationBuilder m) => m.DropTable("MonitorSnapshots");
}
