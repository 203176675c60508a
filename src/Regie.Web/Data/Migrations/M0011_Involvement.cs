using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>Who else is involved: organisations, the involvement register, in-app notifications and the e-mail outbox.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000011_Involvement")]
public sealed class M0011_Involvement : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Organisations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Telefoon = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Organisations", x => x.Id));
        m.CreateIndex("IX_Organisations_Gemeentecode_Name", "Organisations", ["Gemeentecode", "Name"], unique: true);

        m.CreateTable("Involvements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Bsn = t.Column<string>(maxLength: 9, nullable: false),
            OrganisationId = t.Column<Guid>(nullable: true),
            TeamId = t.Column<Guid>(nullable: true),
            HouseholdId = t.Column<Guid>(nullable: true),
            Domain = t.Column<string>(maxLength: 32, nullable: true),
            ContactName = t.Column<string>(maxLength: 200, nullable: false),
            ContactPhone = t.Column<string>(maxLength: 30, nullable: true),
            ContactEmail = t.Column<string>(maxLength: 254, nullable: true),
            StartedOn = t.Column<DateOnly>(nullable: false),
            ExpiresOn = t.Column<DateOnly>(nullable: false),
            EndedOn = t.Column<DateOnly>(nullable: true),
            EndReason = t.Column<string>(maxLength: 200, nullable: true),
            RegisteredBy = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Involvements", x => x.Id));
        m.CreateIndex("IX_Involvements_Bsn_Active", "Involvements", ["Gemeentecode", "Bsn"], filter: "\"EndedOn\" IS NULL");
        m.CreateIndex("IX_Involvements_HouseholdId_TeamId", "Involvements", ["HouseholdId", "TeamId"]);
        m.CreateIndex("IX_Involvements_OrganisationId_EndedOn", "Involvements", ["OrganisationId", "EndedOn"]);

        m.CreateTable("Notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            UserId = t.Column<string>(maxLength: 64, nullable: true),
            OrganisationId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(maxLength: 2000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Notifications", x => x.Id));
        m.CreateIndex("IX_Notifications_UserId_CreatedAt", "Notifications", ["UserId", "CreatedAt"]);
        m.CreateIndex("IX_Notifications_OrganisationId_CreatedAt", "Notifications", ["OrganisationId", "CreatedAt"]);

        m.CreateTable("OutboxMessages", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            To = t.Column<string>(maxLength: 254, nullable: false),
            Subject = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));
        m.CreateIndex("IX_OutboxMessages_Pending", "OutboxMessages", "NextAttemptAt", filter: "\"SentAt\" IS NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "OutboxMessages", "Notifications", "Involvements", "Organisations" }) m.DropTable(table);
    }
}
