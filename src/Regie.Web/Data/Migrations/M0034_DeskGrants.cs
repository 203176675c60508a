using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The desk's grant from registering a household was an open-ended "added" grant, so a consultant kept the file
/// after routing it to a team. Such grants become desk grants (which open nothing once a team holds the file),
/// end after eight weeks, and end now where a team already holds the household.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261205000034_DeskGrants")]
public sealed class M0034_DeskGrants : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        var end = m.IsNpgsql() ? "\"GrantedAt\" + interval '56 days'" : "datetime(\"GrantedAt\", '+56 days')";
        m.Sql($"""
            UPDATE "HouseholdAccess" SET "Kind" = 'loket', "ExpiresAt" = COALESCE("ExpiresAt", {end})
            WHERE "Kind" = 'toegevoegd' AND "Reason" = 'Heeft het huishouden geregistreerd';
            """);
        m.Sql("""
            UPDATE "HouseholdAccess" SET "RevokedAt" = CURRENT_TIMESTAMP
            WHERE "Kind" = 'loket' AND "RevokedAt" IS NULL
              AND EXISTS (SELECT 1 FROM "Households" h WHERE h."Id" = "HouseholdAccess"."HouseholdId" AND h."ResponsibleTeamId" IS NOT NULL);
            """);
    }

    protected override void Down(MigrationBuilder m) =>
        m.Sql("""UPDATE "HouseholdAccess" SET "Kind" = 'toegevoegd' WHERE "Kind" = 'loket';""");
}
