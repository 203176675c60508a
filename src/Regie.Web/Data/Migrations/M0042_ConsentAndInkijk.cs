using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The household's consent per organisation (scopes, given on, by whom, revoked with a date; every consent kept) and the
/// partners' progress reports on their own actions in the plan, which they see through inkijk.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000042_ConsentAndInkijk")]
public sealed class M0042_ConsentAndInkijk : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Consents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Scopes = t.Column<string>(maxLength: 200, nullable: false),
            GivenOn = t.Column<DateOnly>(nullable: false),
            GivenByPersonId = t.Column<Guid>(nullable: false),
            GivenByName = t.Column<string>(maxLength: 200, nullable: false),
            RecordedById = t.Column<string>(maxLength: 64, nullable: false),
            RecordedByName = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RevokedOn = t.Column<DateOnly>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
            RevokedById = t.Column<string>(maxLength: 64, nullable: true),
            RevokedByName = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Consents", x => x.Id));
        m.CreateIndex("IX_Consents_HouseholdId_OrganisationId", "Consents", ["HouseholdId", "OrganisationId"]);
        m.CreateIndex("IX_Consents_OrganisationId_Active", "Consents", "OrganisationId", filter: "\"RevokedOn\" IS NULL");

        m.CreateTable("ActionProgress", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            ActionId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Note = t.Column<string>(maxLength: 1000, nullable: false),
            MarkedDone = t.Column<bool>(nullable: false),
            ReportedById = t.Column<string>(maxLength: 64, nullable: false),
            ReportedByName = t.Column<string>(maxLength: 200, nullable: false),
            ReportedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ActionProgress", x => x.Id));
        m.CreateIndex("IX_ActionProgress_ActionId_ReportedAt", "ActionProgress", ["ActionId", "ReportedAt"]);
        m.CreateIndex("IX_ActionProgress_HouseholdId", "ActionProgress", "HouseholdId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ActionProgress");
        m.DropTable("Consents");
    }
}
