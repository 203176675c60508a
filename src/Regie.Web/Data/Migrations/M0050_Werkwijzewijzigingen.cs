using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>Issue 24: the changes of working practice some teams made, recorded by the policy officer to evaluate them against the others.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000050_Werkwijzewijzigingen")]
public sealed class M0050_Werkwijzewijzigingen : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Werkwijzewijzigingen", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: true),
            TeamIds = t.Column<string>(maxLength: 2000, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Werkwijzewijzigingen", x => x.Id));
        m.CreateIndex("IX_Werkwijzewijzigingen_Gemeentecode_Date", "Werkwijzewijzigingen", ["Gemeentecode", "Date"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Werkwijzewijzigingen");
}
