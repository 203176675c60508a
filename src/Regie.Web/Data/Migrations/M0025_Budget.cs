using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The integral budget (ADR 0009): budgets per team and year, the ledger of every money movement
/// (append-only: triggers refuse UPDATE and DELETE, like the timeline), spends with their approvals and
/// comparisons, and the mandate and tariff tables whose history is kept as rows.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000025_Budget")]
public sealed class M0025_Budget : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("TeamBudgets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            TeamId = t.Column<Guid>(nullable: false),
            Year = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TeamBudgets", x => x.Id));
        m.CreateIndex("IX_TeamBudgets_Gemeentecode_TeamId_Year", "TeamBudgets", ["Gemeentecode", "TeamId", "Year"], unique: true);

        m.CreateTable("BudgetEntries", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            BudgetId = t.Column<Guid>(nullable: false),
            TeamId = t.Column<Guid>(nullable: false),
            Year = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Framework = t.Column<string>(maxLength: 24, nullable: true),
            Amount = t.Column<decimal>(precision: 14, scale: 2, nullable: false),
            SpendId = t.Column<Guid>(nullable: true),
            Domain = t.Column<string>(maxLength: 32, nullable: true),
            CounterpartTeamId = t.Column<Guid>(nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            BookedOn = t.Column<DateOnly>(nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            ActorId = t.Column<string>(maxLength: 64, nullable: false),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_BudgetEntries", x => x.Id));
        m.CreateIndex("IX_BudgetEntries_BudgetId_Id", "BudgetEntries", ["BudgetId", "Id"]);
        m.CreateIndex("IX_BudgetEntries_Gemeentecode_Year_BookedOn", "BudgetEntries", ["Gemeentecode", "Year", "BookedOn"]);
        m.CreateIndex("IX_BudgetEntries_SpendId", "BudgetEntries", "SpendId");

        m.CreateTable("Spends", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            TeamId = t.Column<Guid>(nullable: false),
            BudgetId = t.Column<Guid>(nullable: false),
            GoalId = t.Column<Guid>(nullable: false),
            Domain = t.Column<string>(maxLength: 32, nullable: false),
            Kind = t.Column<string>(maxLength: 24, nullable: false),
            Description = t.Column<string>(maxLength: 200, nullable: false),
            Justification = t.Column<string>(maxLength: 2000, nullable: false),
            Amount = t.Column<decimal>(precision: 14, scale: 2, nullable: false),
            Frameworks = t.Column<string>(maxLength: 100, nullable: false),
            SuggestedFrameworks = t.Column<string>(maxLength: 100, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Level = t.Column<string>(maxLength: 16, nullable: false),
            RequestedBy = t.Column<string>(maxLength: 64, nullable: false),
            RequestedByName = t.Column<string>(maxLength: 200, nullable: false),
            RequestedAt = t.Column<DateTime>(nullable: false),
            DecidedBy = t.Column<string>(maxLength: 64, nullable: true),
            DecidedByName = t.Column<string>(maxLength: 200, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecisionReason = t.Column<string>(maxLength: 1000, nullable: true),
            PaidAmount = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            PaidOn = t.Column<DateOnly>(nullable: true),
            Payee = t.Column<string>(maxLength: 200, nullable: true),
            CancelReason = t.Column<string>(maxLength: 1000, nullable: true),
            Comparison = t.Column<string>(maxLength: 8000, nullable: true),
            AvoidedEstimate = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Spends", x => x.Id));
        m.CreateIndex("IX_Spends_HouseholdId_RequestedAt", "Spends", ["HouseholdId", "RequestedAt"]);
        m.CreateIndex("IX_Spends_Gemeentecode_Status_Level", "Spends", ["Gemeentecode", "Status", "Level"]);
        m.CreateIndex("IX_Spends_BudgetId_Status", "Spends", ["BudgetId", "Status"]);

        m.CreateTable("SpendMandates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: true),
            UserId = t.Column<string>(maxLength: 64, nullable: true),
            Limit = t.Column<decimal>(precision: 14, scale: 2, nullable: true),
            ValidFrom = t.Column<DateTime>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SpendMandates", x => x.Id));
        m.CreateIndex("IX_SpendMandates_Gemeentecode_ValidFrom", "SpendMandates", ["Gemeentecode", "ValidFrom"]);

        m.CreateTable("Tariffs", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Unit = t.Column<string>(maxLength: 100, nullable: false),
            Amount = t.Column<decimal>(precision: 14, scale: 2, nullable: false),
            Source = t.Column<string>(maxLength: 400, nullable: false),
            ValidFrom = t.Column<DateTime>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Tariffs", x => x.Id));
        m.CreateIndex("IX_Tariffs_Gemeentecode_Code_ValidFrom", "Tariffs", ["Gemeentecode", "Code", "ValidFrom"]);

        if (m.IsNpgsql())
        {
            // The function M0002 made for the timeline: refuses every change with the table's name.
            m.Sql("""
                CREATE TRIGGER "BudgetEntries_append_only" BEFORE UPDATE OR DELETE ON "BudgetEntries"
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
                """);
        }
        else
        {
            m.Sql("""
                CREATE TRIGGER "BudgetEntries_no_update" BEFORE UPDATE ON "BudgetEntries"
                BEGIN SELECT RAISE(ABORT, 'table BudgetEntries is append-only'); END;
                """);
            m.Sql("""
                CREATE TRIGGER "BudgetEntries_no_delete" BEFORE DELETE ON "BudgetEntries"
                BEGIN SELECT RAISE(ABORT, 'table BudgetEntries is append-only'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Tariffs", "SpendMandates", "Spends", "BudgetEntries", "TeamBudgets" })
            m.DropTable(table);
    }
}
