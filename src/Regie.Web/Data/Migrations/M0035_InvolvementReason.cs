using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// A registration states why the organisation is involved (kept with it and on the audit trail, so registering is
/// never a free look-up), and a match for the coordinator names the household it is about, for a link in the inbox.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261205000035_InvolvementReason")]
public sealed class M0035_InvolvementReason : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Reason", "Involvements", maxLength: 500, nullable: true);
        m.AddColumn<Guid>("HouseholdId", "Notifications", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("HouseholdId", "Notifications");
        m.DropColumn("Reason", "Involvements");
    }
}
