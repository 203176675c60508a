using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Team members' employer (municipality, the team's own organisation, or a provider that seconds them),
/// so referrals and decisions towards one's own employer can be marked. Additive and nullable: existing
/// accounts stay valid until the municipality fills it in.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000021_Employment")]
public sealed class M0021_Employment : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("EmployerKind", "AspNetUsers", maxLength: 24, nullable: true);
        m.AddColumn<Guid>("EmployerOrganisationId", "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("EmployerOrganisationId", "AspNetUsers");
        m.DropColumn("EmployerKind", "AspNetUsers");
    }
}
