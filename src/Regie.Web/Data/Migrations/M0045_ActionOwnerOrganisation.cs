using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// An organisation's action belongs to the organisation by id, no longer by the name typed on it: the inkijk shows a partner
/// the actions that are its own. Existing actions whose name is exactly one organisation's of the municipality (ignoring
/// case and outer spaces) are linked to it. And the columns that keep a member's full name hold the longest one.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000045_ActionOwnerOrganisation")]
public sealed class M0045_ActionOwnerOrganisation : Migration
{
    private static readonly (string Table, string Column, int Before)[] FullNames =
    [
        ("PlanActions", "OwnerName", 200), ("PlanAgreements", "AgreedByName", 200), ("Consents", "GivenByName", 200),
        ("NetworkMembers", "ConsentByName", 200), ("ConferenceInvitees", "Name", 200),
    ];

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("OwnerOrganisationId", "PlanActions", nullable: true);
        m.Sql("""
            UPDATE "PlanActions" SET "OwnerOrganisationId" = (
                SELECT o."Id" FROM "Organisations" o
                WHERE o."Gemeentecode" = "PlanActions"."Gemeentecode" AND lower(trim(o."Name")) = lower(trim("PlanActions"."OwnerName")))
            WHERE "OwnerKind" = 'Organisatie' AND (
                SELECT count(*) FROM "Organisations" o
                WHERE o."Gemeentecode" = "PlanActions"."Gemeentecode" AND lower(trim(o."Name")) = lower(trim("PlanActions"."OwnerName"))) = 1;
            """);
        // SQLite keeps no length on text, so only PostgreSQL's columns change (and SQLite's tables are not rebuilt for nothing).
        if (!m.IsNpgsql()) return;
        foreach (var (table, column, before) in FullNames)
            m.AlterColumn<string>(column, table, maxLength: Domain.Registry.PersonName.FullNameMaxLength, nullable: false,
                oldMaxLength: before, oldType: null, oldNullable: false);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsNpgsql())
            foreach (var (table, column, before) in FullNames)
                m.AlterColumn<string>(column, table, maxLength: before, nullable: false, oldMaxLength: Domain.Registry.PersonName.FullNameMaxLength, oldNullable: false);
        m.DropColumn("OwnerOrganisationId", "PlanActions");
    }
}
