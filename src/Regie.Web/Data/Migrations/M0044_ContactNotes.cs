using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 21: contact notes (klantcontacten) of a household — a home visit, a phone call, at the office or digital — each with
/// its versions in a table of their own, so a change adds a version and never overwrites one; a withdrawn note keeps who, when and why.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000044_ContactNotes")]
public sealed class M0044_ContactNotes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ContactNotes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedByName = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            WithdrawnAt = t.Column<DateTime>(nullable: true),
            WithdrawnBy = t.Column<string>(maxLength: 64, nullable: true),
            WithdrawnByName = t.Column<string>(maxLength: 200, nullable: true),
            WithdrawReason = t.Column<string>(maxLength: 500, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ContactNotes", x => x.Id));
        m.CreateIndex("IX_ContactNotes_HouseholdId_Date", "ContactNotes", ["HouseholdId", "Date"]);

        m.CreateTable("ContactNoteVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ContactNoteId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            PersonIds = t.Column<string>(maxLength: 1110, nullable: false),
            Others = t.Column<string>(maxLength: 300, nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
            Reason = t.Column<string>(maxLength: 500, nullable: true),
            AuthorId = t.Column<string>(maxLength: 64, nullable: false),
            AuthorName = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ContactNoteVersions", x => x.Id));
        m.CreateIndex("IX_ContactNoteVersions_ContactNoteId_Number", "ContactNoteVersions", ["ContactNoteId", "Number"], unique: true);
        m.CreateIndex("IX_ContactNoteVersions_HouseholdId", "ContactNoteVersions", "HouseholdId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ContactNoteVersions");
        m.DropTable("ContactNotes");
    }
}
