using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 21: a household's case conferences with their invitees (attendance per invitee) and decisions; an optional attachment
/// on an outbox message so an invitation carries its calendar file; and the documents of a household's file, their content in
/// a table of its own so listing them never loads it.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000043_ConferencesAndDocuments")]
public sealed class M0043_ConferencesAndDocuments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Conferences", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            EndsAt = t.Column<DateTime>(nullable: false),
            Place = t.Column<string>(maxLength: 300, nullable: true),
            Link = t.Column<string>(maxLength: 500, nullable: true),
            OrganiserId = t.Column<string>(maxLength: 64, nullable: false),
            OrganiserName = t.Column<string>(maxLength: 200, nullable: false),
            Sequence = t.Column<int>(nullable: false),
            Minutes = t.Column<string>(maxLength: 20000, nullable: true),
            CancelReason = t.Column<string>(maxLength: 500, nullable: true),
            AgreedPlanId = t.Column<Guid>(nullable: true),
            AgreedPlanVersion = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Conferences", x => x.Id));
        m.CreateIndex("IX_Conferences_HouseholdId_StartsAt", "Conferences", ["HouseholdId", "StartsAt"]);

        m.CreateTable("ConferenceInvitees", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ConferenceId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            ReferenceId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Attendance = t.Column<string>(maxLength: 16, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ConferenceInvitees", x => x.Id));
        m.CreateIndex("IX_ConferenceInvitees_ConferenceId_Position", "ConferenceInvitees", ["ConferenceId", "Position"]);
        m.CreateIndex("IX_ConferenceInvitees_HouseholdId", "ConferenceInvitees", "HouseholdId");

        m.CreateTable("ConferenceDecisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ConferenceId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 1000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ConferenceDecisions", x => x.Id));
        m.CreateIndex("IX_ConferenceDecisions_ConferenceId_Position", "ConferenceDecisions", ["ConferenceId", "Position"]);
        m.CreateIndex("IX_ConferenceDecisions_HouseholdId", "ConferenceDecisions", "HouseholdId");

        m.CreateTable("Documents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            GoalId = t.Column<Guid>(nullable: true),
            ConferenceId = t.Column<Guid>(nullable: true),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            Type = t.Column<string>(maxLength: 16, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: true),
            UploadedBy = t.Column<string>(maxLength: 64, nullable: false),
            UploadedByName = t.Column<string>(maxLength: 200, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            WithdrawnAt = t.Column<DateTime>(nullable: true),
            WithdrawnBy = t.Column<string>(maxLength: 64, nullable: true),
            WithdrawReason = t.Column<string>(maxLength: 500, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Documents", x => x.Id));
        m.CreateIndex("IX_Documents_HouseholdId_UploadedAt", "Documents", ["HouseholdId", "UploadedAt"]);

        m.CreateTable("DocumentContents", t => new
        {
            DocumentId = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocumentContents", x => x.DocumentId));
        m.CreateIndex("IX_DocumentContents_HouseholdId", "DocumentContents", "HouseholdId");

        m.AddColumn<string>("AttachmentName", "OutboxMessages", maxLength: 200, nullable: true);
        m.AddColumn<string>("AttachmentContentType", "OutboxMessages", maxLength: 100, nullable: true);
        m.AddColumn<byte[]>("AttachmentContent", "OutboxMessages", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("AttachmentContent", "OutboxMessages");
        m.DropColumn("AttachmentContentType", "OutboxMessages");
        m.DropColumn("AttachmentName", "OutboxMessages");
        foreach (var table in new[] { "DocumentContents", "Documents", "ConferenceDecisions", "ConferenceInvitees", "Conferences" }) m.DropTable(table);
    }
}
