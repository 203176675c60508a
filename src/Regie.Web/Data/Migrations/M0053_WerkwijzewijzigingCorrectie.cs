using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 24: a recorded change of working practice can be corrected (under a version, so a stale form is refused) and withdrawn
/// with a reason; a withdrawn change stays in the table and is no longer evaluated. Existing rows start at version 1.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000053_WerkwijzewijzigingCorrectie")]
public sealed class M0053_WerkwijzewijzigingCorrectie : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("Version", "Werkwijzewijzigingen", nullable: false, defaultValue: 1);
        m.AddColumn<string>("CorrectedBy", "Werkwijzewijzigingen", maxLength: 200, nullable: true);
        m.AddColumn<DateTime>("CorrectedAt", "Werkwijzewijzigingen", nullable: true);
        m.AddColumn<DateTime>("WithdrawnAt", "Werkwijzewijzigingen", nullable: true);
        m.AddColumn<string>("WithdrawnBy", "Werkwijzewijzigingen", maxLength: 200, nullable: true);
        m.AddColumn<string>("WithdrawalReason", "Werkwijzewijzigingen", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var column in new[] { "WithdrawalReason", "WithdrawnBy", "WithdrawnAt", "CorrectedAt", "CorrectedBy", "Version" })
            m.DropColumn(column, "Werkwijzewijzigingen");
    }
}
