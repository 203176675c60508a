using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Retention: anonymisation marks, a log of retention runs, and timeline triggers that let an
/// open retention run (and only that) rewrite event texts. Deleting events stays impossible.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000004_Retention")]
public sealed class M0004_Retention : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("AnonymisedAt", "Persons", nullable: true);
        m.AddColumn<DateTime>("AnonymisedAt", "Households", nullable: true);
        m.CreateTable("RetentionRuns", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            StartedAt = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            DryRun = t.Column<bool>(nullable: false),
            Households = t.Column<int>(nullable: false),
            Persons = t.Column<int>(nullable: false),
            Events = t.Column<int>(nullable: false),
            StartedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_RetentionRuns", x => x.Id));

        if (m.IsNpgsql())
        {
            // Another transaction cannot see the run's uncommitted row, so it stays refused.
            m.Sql("""
                CREATE FUNCTION regie_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE'
                       AND EXISTS (SELECT 1 FROM "RetentionRuns" WHERE "FinishedAt" IS NULL)
                       AND NEW."Id" = OLD."Id" AND NEW."Type" = OLD."Type" AND NEW."OccurredAt" = OLD."OccurredAt"
                       AND NEW."HouseholdId" = OLD."HouseholdId" AND NEW."ActorId" = OLD."ActorId" THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
                END $$;
                """);
            m.Sql("""DROP TRIGGER "HouseholdEvents_append_only" ON "HouseholdEvents";""");
            m.Sql("""
                CREATE TRIGGER "HouseholdEvents_append_only" BEFORE UPDATE OR DELETE ON "HouseholdEvents"
                FOR EACH ROW EXECUTE FUNCTION regie_events_guard();
                """);
        }
        else
        {
            m.Sql("""DROP TRIGGER "HouseholdEvents_no_update";""");
            m.Sql("""
                CREATE TRIGGER "HouseholdEvents_no_update" BEFORE UPDATE ON "HouseholdEvents"
                WHEN NOT EXISTS (SELECT 1 FROM "RetentionRuns" WHERE "FinishedAt" IS NULL)
                  OR NEW."Id" <> OLD."Id" OR NEW."Type" <> OLD."Type" OR NEW."OccurredAt" <> OLD."OccurredAt"
                  OR NEW."HouseholdId" <> OLD."HouseholdId" OR NEW."ActorId" <> OLD."ActorId"
                BEGIN SELECT RAISE(ABORT, 'table HouseholdEvents is append-only'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsNpgsql())
        {
            m.Sql("""DROP TRIGGER "HouseholdEvents_append_only" ON "HouseholdEvents";""");
            m.Sql("""CREATE TRIGGER "HouseholdEvents_append_only" BEFORE UPDATE OR DELETE ON "HouseholdEvents" FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();""");
            m.Sql("DROP FUNCTION regie_events_guard();");
        }
        else
        {
            m.Sql("""DROP TRIGGER "HouseholdEvents_no_update";""");
            m.Sql("""CREATE TRIGGER "HouseholdEvents_no_update" BEFORE UPDATE ON "HouseholdEvents" BEGIN SELECT RAISE(ABORT, 'table HouseholdEvents is append-only'); END;""");
        }
        m.DropTable("RetentionRuns");
        m.DropColumn("AnonymisedAt", "Households");
        m.DropColumn("AnonymisedAt", "Persons");
    }
}
