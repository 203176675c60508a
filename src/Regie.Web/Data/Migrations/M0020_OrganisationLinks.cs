using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Users and API keys point to their organisation by id (the name column stays for display and for
/// older rows); existing rows are linked by name. Additive: nothing is dropped or renamed.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000020_OrganisationLinks")]
public sealed class M0020_OrganisationLinks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("OrganisationId", "AspNetUsers", nullable: true);
        m.AddColumn<Guid>("OrganisationId", "ApiKeys", nullable: true);
        foreach (var table in new[] { "AspNetUsers", "ApiKeys" })
            m.Sql($"""
                UPDATE "{table}" SET "OrganisationId" = (SELECT o."Id" FROM "Organisations" o
                    WHERE o."Gemeentecode" = "{table}"."Gemeentecode" AND o."Name" = "{table}"."Organisation")
                WHERE "Organisation" IS NOT NULL
                """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("OrganisationId", "ApiKeys");
        m.DropColumn("OrganisationId", "AspNetUsers");
    }
}
