using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Issue 23: a received 315/317 keeps its ReferentieAanbieder values, so a provider that uses a reference a second time within its
/// legal domain is refused with retour code 9347 (TR347).
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261207000049_BerichtReferentie")]
public sealed class M0049_BerichtReferentie : Migration
{
    protected override void Up(MigrationBuilder m) => m.AddColumn<string>("Referenties", "IstandaardBerichten", nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("Referenties", "IstandaardBerichten");
}
