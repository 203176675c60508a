using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>Need-to-know access (responsible team, grants, break the glass), the audit trail and API keys.</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000003_AccessAndAudit")]
public sealed class M0003_AccessAndAudit : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Organisation", "AspNetUsers", maxLength: 200, nullable: true);
        m.AddColumn<Guid>("ResponsibleTeamId", "Households", nullable: true);
        m.CreateIndex("IX_Households_ResponsibleTeamId", "Households", "ResponsibleTeamId");

        m.CreateTable("HouseholdAccess", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(maxLength: 64, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: true),
            SharedParts = t.Column<string>(maxLength: 200, nullable: true),
            GrantedBy = t.Column<string>(maxLength: 64, nullable: false),
            GrantedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HouseholdAccess", x => x.Id));
        m.CreateIndex("IX_HouseholdAccess_UserId_HouseholdId", "HouseholdAccess", ["UserId", "HouseholdId"]);
        m.CreateIndex("IX_HouseholdAccess_HouseholdId_GrantedAt", "HouseholdAccess", ["HouseholdId", "GrantedAt"]);

        m.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            OccurredAt = t.Column<DateTime>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: true),
            ActorId = t.Column<string>(maxLength: 64, nullable: false),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: true),
            Organisation = t.Column<string>(maxLength: 200, nullable: true),
            Action = t.Column<string>(maxLength: 32, nullable: false),
            Resource = t.Column<string>(maxLength: 32, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: true),
            PersonId = t.Column<Guid>(nullable: true),
            Purpose = t.Column<string>(maxLength: 1000, nullable: true),
            Detail = t.Column<string>(maxLength: 2000, nullable: true),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_PersonId_OccurredAt", "AuditEntries", ["PersonId", "OccurredAt"]);
        m.CreateIndex("IX_AuditEntries_HouseholdId_OccurredAt", "AuditEntries", ["HouseholdId", "OccurredAt"]);
        m.CreateIndex("IX_AuditEntries_ActorId_OccurredAt", "AuditEntries", ["ActorId", "OccurredAt"]);

        m.CreateTable("ApiKeys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Organisation = t.Column<string>(maxLength: 200, nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: false),
            Prefix = t.Column<string>(maxLength: 16, nullable: false),
            SecretHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ApiKeys", x => x.Id));
        m.CreateIndex("IX_ApiKeys_Prefix", "ApiKeys", "Prefix", unique: true);

        // The audit trail is append-only in the database too; the hash chain detects what a superuser does anyway.
        if (m.IsNpgsql())
            m.Sql("""
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
                """);
        else
        {
            m.Sql("""CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'table AuditEntries is append-only'); END;""");
            m.Sql("""CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'table AuditEntries is append-only'); END;""");
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ApiKeys");
        m.DropTable("AuditEntries");
        m.DropTable("HouseholdAccess");
        m.DropIndex("IX_Households_ResponsibleTeamId", "Households");
        m.DropColumn("ResponsibleTeamId", "Households");
        m.DropColumn("Organisation", "AspNetUsers");
    }
}
