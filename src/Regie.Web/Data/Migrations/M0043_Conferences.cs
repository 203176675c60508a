using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Case conferences (issue 21): a household's conferences with their invitees (attendance per invitee) and decisions, and an
/// optional attachment on an outbox message so an invitation carries its calendar file.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000043_Conferences")]
public sealed class M0043_Conferences : Migration
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

        m.AddColumn<string>("AttachmentName", "OutboxMessages", maxLength: 200, nullable: true);
        m.AddColumn<string>("AttachmentContentType", "OutboxMessages", maxLength: 100, nullable: true);
        m.AddColumn<byte[]>("AttachmentContent", "OutboxMessages", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("AttachmentContent", "OutboxMessages");
        m.DropColumn("AttachmentContentType", "OutboxMessages");
        m.DropColumn("AttachmentName", "OutboxMessages");
        foreach (var table in new[] { "ConferenceDecisions", "ConferenceInvitees", "Conferences" }) m.DropTable(table);
    }
}
