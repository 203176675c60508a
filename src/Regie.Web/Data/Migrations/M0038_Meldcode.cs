using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// The Meldcode huiselijk geweld en kindermishandeling: tracks with their dated entries (which the database refuses to
/// update, as it refuses changes to the timeline; retention may still delete them), the parts withheld from a resident's
/// inzage, the safety check of an intake, and the aandachtsfunctionaris flag on staff.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261206000038_Meldcode")]
public sealed class M0038_Meldcode : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("IsAandachtsfunctionaris", "AspNetUsers", nullable: false, defaultValue: false);
        m.AddColumn<string>("SafetyAnswers", "HelpRequests", maxLength: 200, nullable: true);
        m.AddColumn<string>("SafetyJudgement", "HelpRequests", maxLength: 16, nullable: true);
        m.AddColumn<string>("SafetyNote", "HelpRequests", maxLength: 2000, nullable: true);

        m.CreateTable("MeldcodeTracks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            TeamId = t.Column<Guid>(nullable: true),
            RequestId = t.Column<Guid>(nullable: true),
            OpenedOn = t.Column<DateOnly>(nullable: false),
            OpenedAt = t.Column<DateTime>(nullable: false),
            OpenedBy = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Decision = t.Column<string>(maxLength: 24, nullable: true),
            DecidedOn = t.Column<DateOnly>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MeldcodeTracks", x => x.Id));
        m.CreateIndex("IX_MeldcodeTracks_HouseholdId", "MeldcodeTracks", "HouseholdId");
        m.CreateIndex("IX_MeldcodeTracks_Gemeentecode_Status", "MeldcodeTracks", ["Gemeentecode", "Status"]);

        m.CreateTable("MeldcodeTrackPerson", t => new
        {
            TrackId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeldcodeTrackPerson", x => new { x.TrackId, x.PersonId });
            t.ForeignKey("FK_MeldcodeTrackPerson_MeldcodeTracks_TrackId", x => x.TrackId, "MeldcodeTracks", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("MeldcodeEntries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            TrackId = t.Column<Guid>(nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            Step = t.Column<string>(maxLength: 16, nullable: false),
            OccurredOn = t.Column<DateOnly>(nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedBy = t.Column<string>(maxLength: 64, nullable: false),
            RecordedByName = t.Column<string>(maxLength: 200, nullable: false),
            CorrectsEntryId = t.Column<Guid>(nullable: true),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Who = t.Column<string>(maxLength: 200, nullable: true),
            ConsultedWith = t.Column<string>(maxLength: 24, nullable: true),
            ConversationHeld = t.Column<bool>(nullable: true),
            Weighing = t.Column<string>(maxLength: 10500, nullable: true),
            Outcome = t.Column<string>(maxLength: 24, nullable: true),
            Decision = t.Column<string>(maxLength: 24, nullable: true),
            ReportChannel = t.Column<string>(maxLength: 16, nullable: true),
            ReportReference = t.Column<string>(maxLength: 200, nullable: true),
            LinkedGoals = t.Column<string>(maxLength: 740, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeldcodeEntries", x => x.Id);
            t.ForeignKey("FK_MeldcodeEntries_MeldcodeTracks_TrackId", x => x.TrackId, "MeldcodeTracks", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MeldcodeEntries_TrackId", "MeldcodeEntries", "TrackId");

        m.CreateTable("MeldcodeWithholdings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            TrackId = t.Column<Guid>(nullable: false),
            EntryId = t.Column<Guid>(nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            WithheldBy = t.Column<string>(maxLength: 64, nullable: false),
            WithheldByName = t.Column<string>(maxLength: 200, nullable: false),
            WithheldAt = t.Column<DateTime>(nullable: false),
            LiftedAt = t.Column<DateTime>(nullable: true),
            LiftedBy = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_MeldcodeWithholdings", x => x.Id));
        m.CreateIndex("IX_MeldcodeWithholdings_TrackId", "MeldcodeWithholdings", "TrackId");
        m.CreateIndex("IX_MeldcodeWithholdings_Gemeentecode_WithheldAt", "MeldcodeWithholdings", ["Gemeentecode", "WithheldAt"]);

        // An entry is never changed: a correction is a new entry. Retention deletes whole tracks, so only updates are refused.
        if (m.IsNpgsql())
            m.Sql("""
                CREATE TRIGGER "MeldcodeEntries_no_update" BEFORE UPDATE ON "MeldcodeEntries"
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
                """);
        else
            m.Sql("""
                CREATE TRIGGER "MeldcodeEntries_no_update" BEFORE UPDATE ON "MeldcodeEntries"
                BEGIN SELECT RAISE(ABORT, 'table MeldcodeEntries is append-only'); END;
                """);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "MeldcodeWithholdings", "MeldcodeEntries", "MeldcodeTrackPerson", "MeldcodeTracks" }) m.DropTable(table);
        m.DropColumn("SafetyNote", "HelpRequests");
        m.DropColumn("SafetyJudgement", "HelpRequests");
        m.DropColumn("SafetyAnswers", "HelpRequests");
        m.DropColumn("IsAandachtsfunctionaris", "AspNetUsers");
    }
}
