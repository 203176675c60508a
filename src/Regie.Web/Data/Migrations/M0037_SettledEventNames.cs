using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The stored names of the timeline settled (ADR 0013): two event types that were not "subject.what-happened"
/// get that form, and the Data keys written in PascalCase get the lowerCamelCase of all the others. The events are
/// append-only, so the guard is lifted for these statements only, inside the migration's transaction. The audit trail
/// is not touched: it is hash-chained, and its former names are read as today's instead (AuditResources.Current).
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261206000037_SettledEventNames")]
public sealed class M0037_SettledEventNames : Migration
{
    private static readonly (string From, string To)[] Types =
    [
        ("request.intake", "request.screened"),
        ("access.emergency", "access.emergency-granted"),
    ];

    /// <summary>
    /// Keys as the serializer wrote them, with the quote and colon around them: outside a JSON string a quote is
    /// never escaped and inside one it always is, so these patterns match keys only, never a value.
    /// </summary>
    private static readonly (string Type, string From, string To)[] Keys =
    [
        ("household.created", "\"Wijk\":", "\"wijk\":"),
        ("household.created", "\"Buurt\":", "\"buurt\":"),
        ("person.corrected", "\"Bsn\":", "\"bsn\":"),
        ("person.corrected", "\"Voornamen\":", "\"voornamen\":"),
        ("person.corrected", "\"Voorvoegsel\":", "\"voorvoegsel\":"),
        ("person.corrected", "\"Achternaam\":", "\"achternaam\":"),
    ];

    protected override void Up(MigrationBuilder m) =>
        Rewrite(m, Types, Keys);

    protected override void Down(MigrationBuilder m) =>
        Rewrite(m, [.. Types.Select(t => (t.To, t.From))], [.. Keys.Select(k => (k.Type, k.To, k.From))]);

    private static void Rewrite(MigrationBuilder m, (string From, string To)[] types, (string Type, string From, string To)[] keys)
    {
        LiftGuard(m);
        foreach (var (from, to) in types)
            m.Sql($"""UPDATE "HouseholdEvents" SET "Type" = '{to}' WHERE "Type" = '{from}';""");
        foreach (var (type, from, to) in keys)
            m.Sql($"""UPDATE "HouseholdEvents" SET "Data" = replace("Data", '{from}', '{to}') WHERE "Type" = '{type}' AND "Data" IS NOT NULL;""");
        RestoreGuard(m);
    }

    private static void LiftGuard(MigrationBuilder m)
    {
        if (m.IsNpgsql()) m.Sql("""ALTER TABLE "HouseholdEvents" DISABLE TRIGGER "HouseholdEvents_append_only";""");
        else m.Sql("""DROP TRIGGER "HouseholdEvents_no_update";""");
    }

    /// <summary>The guard exactly as M0004 left it.</summary>
    private static void RestoreGuard(MigrationBuilder m)
    {
        if (m.IsNpgsql())
        {
            m.Sql("""ALTER TABLE "HouseholdEvents" ENABLE TRIGGER "HouseholdEvents_append_only";""");
            return;
        }
        m.Sql("""
            CREATE TRIGGER "HouseholdEvents_no_update" BEFORE UPDATE ON "HouseholdEvents"
            WHEN NOT EXISTS (SELECT 1 FROM "RetentionRuns" WHERE "FinishedAt" IS NULL)
              OR NEW."Id" <> OLD."Id" OR NEW."Type" <> OLD."Type" OR NEW."OccurredAt" <> OLD."OccurredAt"
              OR NEW."HouseholdId" <> OLD."HouseholdId" OR NEW."ActorId" <> OLD."ActorId"
            BEGIN SELECT RAISE(ABORT, 'table HouseholdEvents is append-only'); END;
            """);
    }
}
