using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The household's consent per organisation (scopes, given on, by whom, revoked with a date; every consent kept) and the
/// partners' progress reports on their own actions in the plan, which they see through inkijk; the message threads between
/// the file's team and an involved organisation with consent for messages.
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

        m.CreateTable("MessageThreads", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Subject = t.Column<string>(maxLength: 200, nullable: false),
            StartedById = t.Column<string>(maxLength: 64, nullable: false),
            StartedByName = t.Column<string>(maxLength: 200, nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            LastMessageAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MessageThreads", x => x.Id));
        m.CreateIndex("IX_MessageThreads_HouseholdId_LastMessageAt", "MessageThreads", ["HouseholdId", "LastMessageAt"]);
        m.CreateIndex("IX_MessageThreads_OrganisationId_LastMessageAt", "MessageThreads", ["OrganisationId", "LastMessageAt"]);

        m.CreateTable("Messages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ThreadId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            AuthorId = t.Column<string>(maxLength: 64, nullable: false),
            AuthorName = t.Column<string>(maxLength: 200, nullable: false),
            AuthorOrganisationId = t.Column<Guid>(nullable: true),
            SentAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Messages", x => x.Id));
        m.CreateIndex("IX_Messages_ThreadId_SentAt", "Messages", ["ThreadId", "SentAt"]);
        m.CreateIndex("IX_Messages_HouseholdId", "Messages", "HouseholdId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("Messages");
        m.DropTable("MessageThreads");
        m.DropTable("ActionProgress");
        m.DropTable("Consents");
    }
}
