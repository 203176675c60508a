using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 22: vroegsignalering. Signals of payment arrears from signal partners (organisations get their DDAS partner kind), one
/// open vroegsignaalzaak per household (filtered unique index), its contact attempts, and the municipality's settings: contact
/// term, retention and who delivers the DDAS report.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000047_Vroegsignalering")]
public sealed class M0047_Vroegsignalering : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("SignaalpartnerSoort", "Organisations", maxLength: 24, nullable: true);

        m.CreateTable("Vroegsignalen", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            PartnerOrganisationId = t.Column<Guid>(nullable: false),
            PartnerName = t.Column<string>(maxLength: 200, nullable: false),
            PartnerSoort = t.Column<string>(maxLength: 24, nullable: false),
            Kenmerk = t.Column<string>(maxLength: 100, nullable: true),
            Bsn = t.Column<string>(maxLength: 9, nullable: true),
            Voorletters = t.Column<string>(maxLength: 20, nullable: true),
            Voorvoegsel = t.Column<string>(maxLength: 20, nullable: true),
            Achternaam = t.Column<string>(maxLength: 200, nullable: true),
            Geboortedatum = t.Column<DateOnly>(nullable: true),
            Straat = t.Column<string>(maxLength: 200, nullable: true),
            Postcode = t.Column<string>(maxLength: 6, nullable: true),
            Huisnummer = t.Column<int>(nullable: true),
            Huisnummertoevoeging = t.Column<string>(maxLength: 4, nullable: true),
            Woonplaats = t.Column<string>(maxLength: 80, nullable: true),
            Telefoon = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Bedrag = t.Column<decimal>(precision: 12, scale: 2, nullable: false),
            MaandenAchterstand = t.Column<int>(nullable: false),
            Signaaldatum = t.Column<DateOnly>(nullable: false),
            Ontstaansdatum = t.Column<DateOnly>(nullable: true),
            Crisis = t.Column<bool>(nullable: false),
            WarmeOverdracht = t.Column<bool>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            ReceivedOn = t.Column<DateOnly>(nullable: false),
            Via = t.Column<string>(maxLength: 8, nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            HouseholdId = t.Column<Guid>(nullable: true),
            ZaakId = t.Column<Guid>(nullable: true),
            MatchedAt = t.Column<DateTime>(nullable: true),
            MatchedHow = t.Column<string>(maxLength: 16, nullable: true),
            MatchedBy = t.Column<string>(maxLength: 64, nullable: true),
            Status = t.Column<string>(maxLength: 24, nullable: false),
            AnonymisedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Vroegsignalen", x => x.Id));
        m.CreateIndex("IX_Vroegsignalen_PartnerOrganisationId_Kenmerk", "Vroegsignalen", ["PartnerOrganisationId", "Kenmerk"], unique: true, filter: "\"Kenmerk\" IS NOT NULL");
        m.CreateIndex("IX_Vroegsignalen_Gemeentecode_ReceivedOn", "Vroegsignalen", ["Gemeentecode", "ReceivedOn"]);
        m.CreateIndex("IX_Vroegsignalen_ZaakId", "Vroegsignalen", "ZaakId");
        m.CreateIndex("IX_Vroegsignalen_Bsn", "Vroegsignalen", "Bsn", filter: "\"Bsn\" IS NOT NULL");

        m.CreateTable("Vroegsignaalzaken", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: true),
            OpenedOn = t.Column<DateOnly>(nullable: false),
            OpenedAt = t.Column<DateTime>(nullable: false),
            MatchedOn = t.Column<DateOnly>(nullable: false),
            Crisis = t.Column<bool>(nullable: false),
            DeadlineOn = t.Column<DateOnly>(nullable: false),
            HouseholdAlreadyHelped = t.Column<bool>(nullable: false),
            OpgepaktOn = t.Column<DateOnly>(nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            ClosedBy = t.Column<string>(maxLength: 64, nullable: true),
            ClosedByName = t.Column<string>(maxLength: 200, nullable: true),
            Resultaat = t.Column<string>(maxLength: 32, nullable: true),
            ClosingNote = t.Column<string>(maxLength: 500, nullable: true),
            RequestId = t.Column<Guid>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Vroegsignaalzaken", x => x.Id));
        m.CreateIndex("IX_Vroegsignaalzaken_HouseholdId_Open", "Vroegsignaalzaken", "HouseholdId", unique: true, filter: "\"ClosedOn\" IS NULL");
        m.CreateIndex("IX_Vroegsignaalzaken_Gemeentecode_ClosedOn_DeadlineOn", "Vroegsignaalzaken", ["Gemeentecode", "ClosedOn", "DeadlineOn"]);

        m.CreateTable("Contactpogingen", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ZaakId = t.Column<Guid>(nullable: false),
            Soort = t.Column<string>(maxLength: 16, nullable: false),
            Datum = t.Column<DateOnly>(nullable: false),
            Dagdeel = t.Column<string>(maxLength: 8, nullable: false),
            Bereikt = t.Column<bool>(nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: true),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
            RecordedByName = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Contactpogingen", x => x.Id));
        m.CreateIndex("IX_Contactpogingen_ZaakId", "Contactpogingen", "ZaakId");

        m.CreateTable("VroegsignaleringSettings", t => new
        {
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            TermDays = t.Column<int>(nullable: false),
            UrgentWorkingDays = t.Column<int>(nullable: false),
            RetentionMonths = t.Column<int>(nullable: false),
            UitvoerderOrganisationId = t.Column<Guid>(nullable: true),
            CodeGegevensleverancier = t.Column<string>(maxLength: 200, nullable: true),
            LeverancierNaam = t.Column<string>(maxLength: 200, nullable: true),
            KvkNummer = t.Column<string>(maxLength: 8, nullable: true),
            ContactNaam = t.Column<string>(maxLength: 200, nullable: true),
            ContactTelefoon = t.Column<string>(maxLength: 30, nullable: true),
            ContactEmail = t.Column<string>(maxLength: 254, nullable: true),
            ContactFunctie = t.Column<string>(maxLength: 200, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_VroegsignaleringSettings", x => x.Gemeentecode));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("VroegsignaleringSettings");
        m.DropTable("Contactpogingen");
        m.DropTable("Vroegsignaalzaken");
        m.DropTable("Vroegsignalen");
        m.DropColumn("SignaalpartnerSoort", "Organisations");
    }
}
