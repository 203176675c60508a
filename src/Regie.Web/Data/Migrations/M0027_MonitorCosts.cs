using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>The monitor's cost entries: team staff, overhead and advice, with their period.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000027_MonitorCosts")]
public sealed class M0027_MonitorCosts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("MonitorCostEntries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            TeamId = t.Column<Guid>(nullable: true),
            Payer = t.Column<string>(maxLength: 24, nullable: true),
            Description = t.Column<string>(maxLength: 200, nullable: false),
            Fte = t.Column<decimal>(precision: 8, scale: 2, nullable: true),
            CostPerFte = t.Column<decimal>(precision: 12, scale: 2, nullable: true),
            Amount = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            From = t.Column<DateOnly>(nullable: false),
            To = t.Column<DateOnly>(nullable: false),
            RecordedBy = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            WithdrawnAt = t.Column<DateTime>(nullable: true),
            WithdrawnBy = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_MonitorCostEntries", x => x.Id));
        m.CreateIndex("IX_MonitorCostEntries_Gemeentecode_From", "MonitorCostEntries", ["Gemeentecode", "From"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("MonitorCostEntries");
}
