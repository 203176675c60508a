using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>Where each server's local audit journal stands in the chained trail (ADR 0011).</summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000030_AuditJournal")]
public sealed class M0030_AuditJournal : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("AuditJournalCheckpoints", t => new
        {
            Journal = t.Column<string>(maxLength: 64, nullable: false),
            Segment = t.Column<string>(maxLength: 64, nullable: false),
            Offset = t.Column<long>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditJournalCheckpoints", x => x.Journal));

    protected override void Down(MigrationBuilder m) => m.DropTable("AuditJournalCheckpoints");
}
