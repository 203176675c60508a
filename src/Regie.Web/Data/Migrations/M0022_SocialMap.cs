using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The social map in the shape of Open Referral HSDS 3.0: one table per HSDS table Regie searches on,
/// one for the other HSDS tables, and the municipality's postcode-area centres for distances (ADR 0006).
/// Keys are the HSDS ids per municipality; links between HSDS records are plain columns without foreign
/// keys, because HSDS data from elsewhere may point at records it does not contain.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000022_SocialMap")]
public sealed class M0022_SocialMap : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("HsdsOrganizations", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            AlternateName = t.Column<string>(maxLength: 200, nullable: true),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Website = t.Column<string>(maxLength: 1000, nullable: true),
            ParentOrganizationId = t.Column<Guid>(nullable: true),
            OrganisationId = t.Column<Guid>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_HsdsOrganizations", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsOrganizations_OrganisationId", "HsdsOrganizations", "OrganisationId");

        m.CreateTable("HsdsServices", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            ProgramId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            AlternateName = t.Column<string>(maxLength: 200, nullable: true),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Url = t.Column<string>(maxLength: 1000, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            Status = t.Column<string>(maxLength: 24, nullable: false),
            ApplicationProcess = t.Column<string>(maxLength: 4000, nullable: true),
            FeesDescription = t.Column<string>(maxLength: 4000, nullable: true),
            EligibilityDescription = t.Column<string>(maxLength: 4000, nullable: true),
            MinimumAge = t.Column<double>(nullable: true),
            MaximumAge = t.Column<double>(nullable: true),
            LastModified = t.Column<string>(maxLength: 40, nullable: true),
            Kind = t.Column<string>(maxLength: 16, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_HsdsServices", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsServices_Gemeentecode_Status_Kind", "HsdsServices", ["Gemeentecode", "Status", "Kind"]);
        m.CreateIndex("IX_HsdsServices_Gemeentecode_OrganizationId", "HsdsServices", ["Gemeentecode", "OrganizationId"]);

        m.CreateTable("HsdsLocations", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            LocationType = t.Column<string>(maxLength: 16, nullable: false),
            OrganizationId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: true),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Latitude = t.Column<double>(nullable: true),
            Longitude = t.Column<double>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsLocations", x => new { x.Gemeentecode, x.Id }));

        m.CreateTable("HsdsServiceAtLocations", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            ServiceId = t.Column<Guid>(nullable: true),
            LocationId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsServiceAtLocations", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsServiceAtLocations_Gemeentecode_ServiceId", "HsdsServiceAtLocations", ["Gemeentecode", "ServiceId"]);

        m.CreateTable("HsdsAddresses", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            LocationId = t.Column<Guid>(nullable: true),
            Address1 = t.Column<string>(maxLength: 200, nullable: true),
            City = t.Column<string>(maxLength: 100, nullable: true),
            PostalCode = t.Column<string>(maxLength: 20, nullable: true),
            Country = t.Column<string>(maxLength: 2, nullable: true),
            AddressType = t.Column<string>(maxLength: 16, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsAddresses", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsAddresses_Gemeentecode_LocationId", "HsdsAddresses", ["Gemeentecode", "LocationId"]);

        m.CreateTable("HsdsPhones", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            LocationId = t.Column<Guid>(nullable: true),
            ServiceId = t.Column<Guid>(nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            ContactId = t.Column<Guid>(nullable: true),
            ServiceAtLocationId = t.Column<Guid>(nullable: true),
            Number = t.Column<string>(maxLength: 50, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_HsdsPhones", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsPhones_Gemeentecode_ServiceId", "HsdsPhones", ["Gemeentecode", "ServiceId"]);

        m.CreateTable("HsdsContacts", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            OrganizationId = t.Column<Guid>(nullable: true),
            ServiceId = t.Column<Guid>(nullable: true),
            ServiceAtLocationId = t.Column<Guid>(nullable: true),
            LocationId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsContacts", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsContacts_Gemeentecode_ServiceId", "HsdsContacts", ["Gemeentecode", "ServiceId"]);

        m.CreateTable("HsdsSchedules", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            ServiceId = t.Column<Guid>(nullable: true),
            LocationId = t.Column<Guid>(nullable: true),
            ServiceAtLocationId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsSchedules", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsSchedules_Gemeentecode_ServiceId", "HsdsSchedules", ["Gemeentecode", "ServiceId"]);

        m.CreateTable("HsdsTaxonomies", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsTaxonomies", x => new { x.Gemeentecode, x.Id }));

        m.CreateTable("HsdsTaxonomyTerms", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            Code = t.Column<string>(maxLength: 100, nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            ParentId = t.Column<Guid>(nullable: true),
            TaxonomyId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsTaxonomyTerms", x => new { x.Gemeentecode, x.Id }));

        m.CreateTable("HsdsAttributes", t => new
        {
            Gemeentecode = Code(t),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
            LinkId = t.Column<Guid>(nullable: true),
            TaxonomyTermId = t.Column<Guid>(nullable: true),
            LinkType = t.Column<string>(maxLength: 100, nullable: true),
            LinkEntity = t.Column<string>(maxLength: 100, nullable: true),
            Value = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsAttributes", x => new { x.Gemeentecode, x.Id }));
        m.CreateIndex("IX_HsdsAttributes_Gemeentecode_TaxonomyTermId_LinkId", "HsdsAttributes", ["Gemeentecode", "TaxonomyTermId", "LinkId"]);
        m.CreateIndex("IX_HsdsAttributes_Gemeentecode_LinkId", "HsdsAttributes", ["Gemeentecode", "LinkId"]);

        m.CreateTable("HsdsRecords", t => new
        {
            Gemeentecode = Code(t),
            Table = t.Column<string>(maxLength: 40, nullable: false),
            Id = t.Column<Guid>(nullable: false),
            Extra = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_HsdsRecords", x => new { x.Gemeentecode, x.Table, x.Id }));

        m.CreateTable("PostcodeAreas", t => new
        {
            Gemeentecode = Code(t),
            Pc4 = t.Column<string>(maxLength: 4, nullable: false),
            Latitude = t.Column<double>(nullable: false),
            Longitude = t.Column<double>(nullable: false),
            Naam = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_PostcodeAreas", x => new { x.Gemeentecode, x.Pc4 }));
    }

    private static OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> Code(ColumnsBuilder t) =>
        t.Column<string>(maxLength: 4, nullable: false);

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "PostcodeAreas", "HsdsRecords", "HsdsAttributes", "HsdsTaxonomyTerms", "HsdsTaxonomies", "HsdsSchedules",
                     "HsdsContacts", "HsdsPhones", "HsdsAddresses", "HsdsServiceAtLocations", "HsdsLocations", "HsdsServices", "HsdsOrganizations" })
            m.DropTable(table);
    }
}
