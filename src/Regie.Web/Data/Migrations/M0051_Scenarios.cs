using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 24: saved scenarios — the assumptions, seed, runs, data date and result of a Monte Carlo comparison of ways of
/// organising, so a council report can be reproduced. Figures only, per municipality.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000051_Scenarios")]
public sealed class M0051_Scenarios : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Scenarios", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Name = t.Column<string>(maxLength: 120, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: true),
            Models = t.Column<string>(maxLength: 400, nullable: false),
            ParametersJson = t.Column<string>(nullable: false),
            Seed = t.Column<int>(nullable: false),
            Runs = t.Column<int>(nullable: false),
            DataDate = t.Column<DateOnly>(nullable: false),
            ResultJson = t.Column<string>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedByName = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Scenarios", x => x.Id));
        m.CreateIndex("IX_Scenarios_Gemeentecode_CreatedAt", "Scenarios", ["Gemeentecode", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Scenarios");
}
