using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// PostgreSQL tells every server which BSNs' involvements changed, so the look-up's copy of the register
/// in memory stays current (ADR 0011). Statement triggers with transition tables: one notification per
/// statement, and "*" (load everything again) for a statement that changes more than 500 persons, such
/// as an import or the nightly expiry. A rename of an organisation or team changes many answers: "*" too.
/// SQLite has no such channel and no copy: its look-up always reads the database.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000029_LookupRegisterNotify")]
public sealed class M0029_LookupRegisterNotify : Migration
{
    private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

    protected override void Up(MigrationBuilder m)
    {
        if (!m.IsNpgsql()) return;
        m.Sql("""
            CREATE FUNCTION regie_notify_register() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE payload text;
            BEGIN
                SELECT CASE WHEN count(*) > 500 THEN '*' ELSE string_agg(k, ',') END INTO payload
                FROM (SELECT DISTINCT "Gemeentecode" || ' ' || "Bsn" AS k FROM changed) c;
                IF payload IS NOT NULL THEN PERFORM pg_notify('regie_register', payload); END IF;
                RETURN NULL;
            END $$;
            """);
        // A transition table has one name per trigger, so each event gets its own trigger and its own view of "changed".
        foreach (var e in Events)
        {
            var table = e == "DELETE" ? "OLD" : "NEW";
            m.Sql($"""
                CREATE TRIGGER "Involvements_notify_{e.ToLowerInvariant()}" AFTER {e} ON "Involvements"
                REFERENCING {table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION regie_notify_register();
                """);
        }
        m.Sql("""
            CREATE FUNCTION regie_notify_register_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."Name" IS DISTINCT FROM OLD."Name" THEN PERFORM pg_notify('regie_register', '*'); END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER "Organisations_notify_rename" AFTER UPDATE OF "Name" ON "Organisations" FOR EACH ROW EXECUTE FUNCTION regie_notify_register_renamed();
            CREATE TRIGGER "Teams_notify_rename" AFTER UPDATE OF "Name" ON "Teams" FOR EACH ROW EXECUTE FUNCTION regie_notify_register_renamed();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (!m.IsNpgsql()) return;
        foreach (var e in Events) m.Sql($"""DROP TRIGGER "Involvements_notify_{e.ToLowerInvariant()}" ON "Involvements";""");
        m.Sql("""
            DROP TRIGGER "Organisations_notify_rename" ON "Organisations";
            DROP TRIGGER "Teams_notify_rename" ON "Teams";
            DROP FUNCTION regie_notify_register_renamed();
            DROP FUNCTION regie_notify_register();
            """);
    }
}
