using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The household timeline: an append-only event table. Triggers make the database itself
/// refuse UPDATE and DELETE, so no code path (or SQL console) rewrites history unnoticed.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000002_HouseholdTimeline")]
public sealed class M0002_HouseholdTimeline : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("HouseholdEvents", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            Type = t.Column<string>(maxLength: 64, nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            EffectiveDate = t.Column<DateOnly>(nullable: false),
            ActorId = t.Column<string>(maxLength: 64, nullable: false),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 1000, nullable: false),
            Data = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HouseholdEvents", x => x.Id));
        m.CreateIndex("IX_HouseholdEvents_HouseholdId_Id", "HouseholdEvents", ["HouseholdId", "Id"]);
        m.CreateIndex("IX_HouseholdEvents_Gemeentecode_Type_OccurredAt", "HouseholdEvents", ["Gemeentecode", "Type", "OccurredAt"]);

        if (m.IsNpgsql())
        {
            m.Sql("""
                CREATE FUNCTION regie_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
                END $$;
                """);
            m.Sql("""
                CREATE TRIGGER "HouseholdEvents_append_only" BEFORE UPDATE OR DELETE ON "HouseholdEvents"
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
                """);
        }
        else
        {
            m.Sql("""
                CREATE TRIGGER "HouseholdEvents_no_update" BEFORE UPDATE ON "HouseholdEvents"
                BEGIN SELECT RAISE(ABORT, 'table HouseholdEvents is append-only'); END;
                """);
            m.Sql("""
                CREATE TRIGGER "HouseholdEvents_no_delete" BEFORE DELETE ON "HouseholdEvents"
                BEGIN SELECT RAISE(ABORT, 'table HouseholdEvents is append-only'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("HouseholdEvents");
        if (m.IsNpgsql()) m.Sql("DROP FUNCTION regie_refuse_change();");
    }
}

internal static class MigrationBuilderExtensions
{
    public static bool IsNpgsql(this MigrationBuilder m) => m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
