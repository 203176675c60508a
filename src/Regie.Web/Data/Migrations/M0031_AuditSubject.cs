using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The BSN a look-up asked about, in the audit entry itself: the person may not be in Regie, so no person id
/// can name them, and without it neither the privacy officer nor the resident can learn who asked.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000031_AuditSubject")]
public sealed class M0031_AuditSubject : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("SubjectBsn", "AuditEntries", maxLength: 9, nullable: true);
        m.CreateIndex("IX_AuditEntries_SubjectBsn_OccurredAt", "AuditEntries", ["SubjectBsn", "OccurredAt"], filter: "\"SubjectBsn\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_AuditEntries_SubjectBsn_OccurredAt", "AuditEntries");
        m.DropColumn("SubjectBsn", "AuditEntries");
    }
}
