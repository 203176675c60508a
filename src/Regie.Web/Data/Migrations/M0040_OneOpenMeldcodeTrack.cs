using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// A household has at most one open Meldcode track: new signals join it (the rule in MeldcodeChanges), and this filtered unique
/// index refuses the second of two openings that race, which the save turns into a conflict.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261206000040_OneOpenMeldcodeTrack")]
public sealed class M0040_OneOpenMeldcodeTrack : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_MeldcodeTracks_HouseholdId_Open", "MeldcodeTracks", "HouseholdId", unique: true, filter: "\"Status\" = 'Open'");

    protected override void Down(MigrationBuilder m) => m.DropIndex("IX_MeldcodeTracks_HouseholdId_Open", "MeldcodeTracks");
}
