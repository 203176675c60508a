using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The Veilig Verder plan, the safety annex to the household plan: one per plan, with its safety goals, its agreements on who
/// does what when danger returns, the checks that keep watch, and the household's agreement with a version.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261206000039_VeiligVerder")]
public sealed class M0039_VeiligVerder : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("VeiligVerderPlans", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            StartedOn = t.Column<DateOnly>(nullable: false),
            StartedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_VeiligVerderPlans", x => x.Id));
        m.CreateIndex("IX_VeiligVerderPlans_PlanId", "VeiligVerderPlans", "PlanId", unique: true);
        m.CreateIndex("IX_VeiligVerderPlans_HouseholdId", "VeiligVerderPlans", "HouseholdId");

        m.CreateTable("SafetyGoals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            VeiligVerderPlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Wat = t.Column<string>(maxLength: 1000, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            Streefdatum = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Position = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SafetyGoals", x => x.Id));
        m.CreateIndex("IX_SafetyGoals_VeiligVerderPlanId_Position", "SafetyGoals", ["VeiligVerderPlanId", "Position"]);
        m.CreateIndex("IX_SafetyGoals_HouseholdId", "SafetyGoals", "HouseholdId");

        m.CreateTable("SafetyArrangements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            VeiligVerderPlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            ActorKind = t.Column<string>(maxLength: 16, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
            Wat = t.Column<string>(maxLength: 1000, nullable: false),
            Signaal = t.Column<string>(maxLength: 1000, nullable: false),
            Position = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SafetyArrangements", x => x.Id));
        m.CreateIndex("IX_SafetyArrangements_VeiligVerderPlanId_Position", "SafetyArrangements", ["VeiligVerderPlanId", "Position"]);
        m.CreateIndex("IX_SafetyArrangements_HouseholdId", "SafetyArrangements", "HouseholdId");

        m.CreateTable("SafetyChecks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            VeiligVerderPlanId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Who = t.Column<string>(maxLength: 200, nullable: false),
            Method = t.Column<string>(maxLength: 24, nullable: false),
            Every = t.Column<int>(nullable: false),
            Unit = t.Column<string>(maxLength: 8, nullable: false),
            NextOn = t.Column<DateOnly>(nullable: false),
            Position = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SafetyChecks", x => x.Id));
        m.CreateIndex("IX_SafetyChecks_VeiligVerderPlanId_Position", "SafetyChecks", ["VeiligVerderPlanId", "Position"]);
        m.CreateIndex("IX_SafetyChecks_HouseholdId_NextOn", "SafetyChecks", ["HouseholdId", "NextOn"]);

        m.CreateTable("VeiligVerderAgreements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            VeiligVerderPlanId = t.Column<Guid>(nullable: false),
            VersionNumber = t.Column<int>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            AgreedByName = t.Column<string>(maxLength: 200, nullable: false),
            AgreedOn = t.Column<DateOnly>(nullable: false),
            Wijze = t.Column<string>(maxLength: 16, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_VeiligVerderAgreements", x => x.Id));
        m.CreateIndex("IX_VeiligVerderAgreements_VeiligVerderPlanId_VersionNumber", "VeiligVerderAgreements", ["VeiligVerderPlanId", "VersionNumber"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "VeiligVerderAgreements", "SafetyChecks", "SafetyArrangements", "SafetyGoals", "VeiligVerderPlans" }) m.DropTable(table);
    }
}
