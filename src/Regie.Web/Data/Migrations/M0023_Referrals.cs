using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// Closed-loop referrals with their steps, light support without a decision, and the municipality's rules for
/// it. Referrals point at the provider organisation by foreign key, at the social-map service by id only:
/// the social map may be imported again.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261122000023_Referrals")]
public sealed class M0023_Referrals : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Referrals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            GoalId = t.Column<Guid>(nullable: true),
            ProviderOrganisationId = t.Column<Guid>(nullable: true),
            ProviderName = t.Column<string>(maxLength: 200, nullable: false),
            ServiceId = t.Column<Guid>(nullable: true),
            ServiceName = t.Column<string>(maxLength: 200, nullable: true),
            ServiceKind = t.Column<string>(maxLength: 16, nullable: true),
            Question = t.Column<string>(maxLength: 4000, nullable: false),
            Consent = t.Column<bool>(nullable: false),
            FollowUpOn = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            StatusChangedAt = t.Column<DateTime>(nullable: false),
            DeclineReason = t.Column<string>(maxLength: 2000, nullable: true),
            Feedback = t.Column<string>(maxLength: 4000, nullable: true),
            TeamId = t.Column<Guid>(nullable: true),
            ReferrerId = t.Column<string>(maxLength: 64, nullable: false),
            ReferrerName = t.Column<string>(maxLength: 200, nullable: false),
            ReferrerEmployerKind = t.Column<string>(maxLength: 24, nullable: true),
            ReferrerEmployerOrganisationId = t.Column<Guid>(nullable: true),
            OwnEmployer = t.Column<bool>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Referrals", x => x.Id);
            t.ForeignKey("FK_Referrals_Organisations_ProviderOrganisationId", x => x.ProviderOrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Referrals_HouseholdId_SentAt", "Referrals", ["HouseholdId", "SentAt"]);
        m.CreateIndex("IX_Referrals_ProviderOrganisationId_Status", "Referrals", ["ProviderOrganisationId", "Status"]);
        m.CreateIndex("IX_Referrals_Gemeentecode_Status_FollowUpOn", "Referrals", ["Gemeentecode", "Status", "FollowUpOn"]);
        m.CreateIndex("IX_Referrals_Gemeentecode_SentAt", "Referrals", ["Gemeentecode", "SentAt"]);

        m.CreateTable("ReferralSteps", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            ReferralId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ById = t.Column<string>(maxLength: 64, nullable: false),
            ByName = t.Column<string>(maxLength: 200, nullable: false),
            ByOrganisation = t.Column<string>(maxLength: 200, nullable: true),
            Note = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReferralSteps", x => x.Id);
            t.ForeignKey("FK_ReferralSteps_Referrals_ReferralId", x => x.ReferralId, "Referrals", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReferralSteps_ReferralId_At", "ReferralSteps", ["ReferralId", "At"]);

        m.CreateTable("LightSupports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            HouseholdId = t.Column<Guid>(nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            GoalId = t.Column<Guid>(nullable: true),
            PersonId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 1000, nullable: false),
            Kind = t.Column<string>(maxLength: 24, nullable: true),
            StartOn = t.Column<DateOnly>(nullable: false),
            PlannedEndOn = t.Column<DateOnly>(nullable: false),
            DeliveredByUserId = t.Column<string>(maxLength: 64, nullable: true),
            DeliveredByOrganisationId = t.Column<Guid>(nullable: true),
            DeliveredByName = t.Column<string>(maxLength: 200, nullable: false),
            ServiceId = t.Column<Guid>(nullable: true),
            EndedOn = t.Column<DateOnly>(nullable: true),
            Outcome = t.Column<string>(maxLength: 2000, nullable: true),
            StartedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_LightSupports", x => x.Id));
        m.CreateIndex("IX_LightSupports_HouseholdId_StartOn", "LightSupports", ["HouseholdId", "StartOn"]);
        m.CreateIndex("IX_LightSupports_PlanId", "LightSupports", "PlanId");

        m.CreateTable("LightSupportConfigurations", t => new
        {
            Gemeentecode = t.Column<string>(maxLength: 4, nullable: false),
            Allowed = t.Column<bool>(nullable: false),
            MaxWeeks = t.Column<int>(nullable: false),
            Kinds = t.Column<string>(maxLength: 200, nullable: false),
            FollowUpDays = t.Column<int>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 200, nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_LightSupportConfigurations", x => x.Gemeentecode));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "LightSupportConfigurations", "LightSupports", "ReferralSteps", "Referrals" }) m.DropTable(table);
    }
}
