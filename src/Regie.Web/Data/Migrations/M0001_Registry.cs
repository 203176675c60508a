using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Accounts, municipalities, teams and the household registry. Hand-written (see
/// docs/decisions/0002-hand-written-migrations.md): column types are left to each provider's
/// type mapping, so one migration serves SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000001_Registry")]
public sealed class M0001_Registry : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            TeamId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);

        m.CreateTable("Municipalities", t => new
        {
            Code = t.Column<string>(maxLength: 4, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Municipalities", x => x.Code));

        m.CreateTable("Teams", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Wijk = t.Column<string>(maxLength: 100, nullable: true),
            Telefoon = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Teams", x => x.Id));
        m.CreateIndex("IX_Teams_Gemeentecode", "Teams", "Gemeentecode");

        m.CreateTable("Persons", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Bsn = t.Column<string>(maxLength: 9, nullable: true),
            Voornamen = t.Column<string>(maxLength: 200, nullable: false),
            Voorvoegsel = t.Column<string>(maxLength: 20, nullable: true),
            Achternaam = t.Column<string>(maxLength: 200, nullable: false),
            ZoekNaam = t.Column<string>(maxLength: 200, nullable: false),
            ZoekVoornamen = t.Column<string>(maxLength: 400, nullable: false),
            Geboortedatum = t.Column<DateOnly>(nullable: false),
            Telefoon = t.Column<string>(maxLength: 30, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Persons", x => x.Id));
        m.CreateIndex("IX_Persons_Gemeentecode_Bsn", "Persons", ["Gemeentecode", "Bsn"], unique: true);
        m.CreateIndex("IX_Persons_Gemeentecode_ZoekNaam_Geboortedatum", "Persons", ["Gemeentecode", "ZoekNaam", "Geboortedatum"])
            .Annotation("Npgsql:IndexInclude", new[] { "ZoekVoornamen", "Id" });
        m.CreateIndex("IX_Persons_Gemeentecode_Geboortedatum", "Persons", ["Gemeentecode", "Geboortedatum"]);

        m.CreateTable("Households", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Naam = t.Column<string>(maxLength: 200, nullable: false),
            Straat = t.Column<string>(maxLength: 200, nullable: true),
            Huisnummer = t.Column<int>(nullable: false),
            Huisletter = t.Column<string>(maxLength: 1, nullable: true),
            Toevoeging = t.Column<string>(maxLength: 4, nullable: true),
            Postcode = t.Column<string>(maxLength: 6, nullable: false),
            Woonplaats = t.Column<string>(maxLength: 100, nullable: false),
            Wijk = t.Column<string>(maxLength: 100, nullable: true),
            Buurt = t.Column<string>(maxLength: 100, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Households", x => x.Id));
        m.CreateIndex("IX_Households_Gemeentecode_Postcode_Huisnummer", "Households", ["Gemeentecode", "Postcode", "Huisnummer"]);

        m.CreateTable("HouseholdMembers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 16, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            Until = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_HouseholdMembers", x => x.Id);
            t.ForeignKey("FK_HouseholdMembers_Households_HouseholdId", x => x.HouseholdId, "Households", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_HouseholdMembers_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_HouseholdMembers_HouseholdId", "HouseholdMembers", "HouseholdId");
        m.CreateIndex("IX_HouseholdMembers_PersonId_From", "HouseholdMembers", ["PersonId", "From"]);
        m.CreateIndex("IX_HouseholdMembers_PersonId_Current", "HouseholdMembers", "PersonId", unique: true, filter: "\"Until\" IS NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "HouseholdMembers", "Households", "Persons", "Teams", "Municipalities",
                     "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles" })
            m.DropTable(table);
    }
}
