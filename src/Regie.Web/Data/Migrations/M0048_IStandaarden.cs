using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 23: iWmo/iJw. Providers get their AGB code (unique per municipality) and their contract per product category; a granted
/// product for a provider becomes a toewijzing with its number (unique per municipality and framework, TR332); the messages sent
/// (301) and received (305, 307, 315, 317) are kept with their status, a received identification used once per provider (TR056).
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000048_IStandaarden")]
public sealed class M0048_IStandaarden : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("AgbCode", "Organisations", maxLength: 8, nullable: true);
        m.CreateIndex("IX_Organisations_Gemeentecode_AgbCode", "Organisations", ["Gemeentecode", "AgbCode"], unique: true, filter: "\"AgbCode\" IS NOT NULL");

        m.CreateTable("ProviderContracts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Framework = t.Column<string>(maxLength: 16, nullable: false),
            Category = t.Column<string>(maxLength: 2, nullable: false),
            ProductCode = t.Column<string>(maxLength: 5, nullable: true),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ProviderContracts", x => x.Id));
        m.CreateIndex("IX_ProviderContracts_Product", "ProviderContracts",
            ["OrganisationId", "Framework", "Category", "ProductCode"], unique: true);

        m.CreateTable("Toewijzingen", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Nummer = t.Column<int>(nullable: false),
            Framework = t.Column<string>(maxLength: 16, nullable: false),
            DecisionId = t.Column<Guid>(nullable: false),
            DecisionProductId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: true),
            ProviderOrganisationId = t.Column<Guid>(nullable: false),
            Category = t.Column<string>(maxLength: 2, nullable: false),
            ProductCode = t.Column<string>(maxLength: 5, nullable: true),
            Volume = t.Column<int>(nullable: false),
            Unit = t.Column<string>(maxLength: 2, nullable: false),
            Frequency = t.Column<string>(maxLength: 1, nullable: false),
            Ingangsdatum = t.Column<DateOnly>(nullable: false),
            Einddatum = t.Column<DateOnly>(nullable: false),
            AssignedAt = t.Column<DateTime>(nullable: false),
            DecidedOn = t.Column<DateOnly>(nullable: false),
            RedenWijziging = t.Column<string>(maxLength: 2, nullable: true),
            ChangedBy = t.Column<string>(maxLength: 64, nullable: true),
            StartedOn = t.Column<DateOnly>(nullable: true),
            StoppedOn = t.Column<DateOnly>(nullable: true),
            StopReason = t.Column<string>(maxLength: 2, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Toewijzingen", x => x.Id));
        m.CreateIndex("IX_Toewijzingen_Gemeentecode_Framework_Nummer", "Toewijzingen", ["Gemeentecode", "Framework", "Nummer"], unique: true);
        m.CreateIndex("IX_Toewijzingen_DecisionProductId", "Toewijzingen", "DecisionProductId", unique: true);
        m.CreateIndex("IX_Toewijzingen_PersonId_ProviderOrganisationId", "Toewijzingen", ["PersonId", "ProviderOrganisationId"]);
        m.CreateIndex("IX_Toewijzingen_Gemeentecode_DecidedOn", "Toewijzingen", ["Gemeentecode", "DecidedOn"]);

        m.CreateTable("IstandaardBerichten", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Soort = t.Column<string>(maxLength: 8, nullable: false),
            Richting = t.Column<string>(maxLength: 4, nullable: false),
            Status = t.Column<string>(maxLength: 12, nullable: false),
            OrganisationId = t.Column<Guid>(nullable: false),
            Identificatie = t.Column<string>(maxLength: 12, nullable: false),
            Dagtekening = t.Column<DateOnly>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            HouseholdId = t.Column<Guid>(nullable: true),
            DecisionId = t.Column<Guid>(nullable: true),
            ApplicationId = t.Column<Guid>(nullable: true),
            Xml = t.Column<string>(nullable: true),
            Problemen = t.Column<string>(maxLength: 8000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            FileName = t.Column<string>(maxLength: 120, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_IstandaardBerichten", x => x.Id));
        m.CreateIndex("IX_IstandaardBerichten_Uit_Identificatie", "IstandaardBerichten", ["Gemeentecode", "Identificatie"], unique: true,
            filter: "\"Richting\" = 'Uit'");
        m.CreateIndex("IX_IstandaardBerichten_In_Identificatie", "IstandaardBerichten", ["Gemeentecode", "OrganisationId", "Identificatie"], unique: true,
            filter: "\"Richting\" = 'In' AND \"Status\" <> 'Afgewezen'");
        m.CreateIndex("IX_IstandaardBerichten_Gemeentecode_Status_CreatedAt", "IstandaardBerichten", ["Gemeentecode", "Status", "CreatedAt"]);
        m.CreateIndex("IX_IstandaardBerichten_ApplicationId", "IstandaardBerichten", "ApplicationId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("IstandaardBerichten");
        m.DropTable("Toewijzingen");
        m.DropTable("ProviderContracts");
        m.DropIndex("IX_Organisations_Gemeentecode_AgbCode", "Organisations");
        m.DropColumn("AgbCode", "Organisations");
    }
}
