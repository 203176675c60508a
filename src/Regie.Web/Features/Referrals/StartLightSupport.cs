using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Referrals;

public sealed class LightSupportInput
{
    [Required, Description("Het doel in het actieve plan waarvoor de ondersteuning is.")]
    public Guid? DoelId { get; set; }
    [Description("Leeg: het hele huishouden.")]
    public Guid? PersoonId { get; set; }
    [Required] public string? Omschrijving { get; set; }
    [OneOf(typeof(LightSupportKind))] public string? Soort { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg: vandaag.")]
    public string? Startdatum { get; set; }
    [Required, Description("De geplande einddatum, jjjj-mm-dd (of dd-mm-jjjj); binnen de maximale duur die de gemeente toestaat.")]
    public string? Einddatum { get; set; }
    /// <summary>A team member who delivers it, or else an organisation.</summary>
    [Description("Wie de ondersteuning geeft (GET /api/v1/staff); zonder medewerkerId is organisatieId verplicht.")]
    public string? MedewerkerId { get; set; }
    [Description("De organisatie die de ondersteuning geeft (GET /api/v1/organisations), als geen medewerker dat doet.")]
    public Guid? OrganisatieId { get; set; }
    public Guid? DienstId { get; set; }
}

/// <summary>
/// Light support without a decision (the Utrecht model): where the municipality allows it the coordinator starts it
/// at once from a plan goal; above the municipality's kinds or maximum duration it is refused and needs a decision.
/// </summary>
public sealed class StartLightSupportHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    LightSupportQueries queries, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, LightSupportInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var plan = await db.Plans.AsNoTracking().Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null)
            return CommandResult<Guid>.Invalid(Regie.Domain.Care.PlanRules.NoActivePlan());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var settings = (await queries.SettingsAsync(ct)).Rules;
        var errors = new ErrorList();
        // Not allowed at all: that is the whole answer, whatever else was filled in.
        LightSupportRules.CheckStart(settings, null, today, today, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        if (input.DoelId is not { } goalId || !await db.PlanGoals.AnyAsync(Plan.GoalIn(plan.Id, goalId), ct))
        {
            goalId = default;
            errors.Add(LightSupportRules.GoalNotFound());
        }
        if (input.PersoonId is { } personId && !(await PlanVersions.CurrentMembersAsync(db, householdId, ct)).ContainsKey(personId))
            errors.Add(LightSupportRules.PersonNotMember());
        var planned = LightSupportRules.ReadStart(input.Omschrijving, input.Soort, input.Startdatum, input.Einddatum, today, errors);
        var deliverer = await DelivererAsync(input, errors, ct);
        LightSupportRules.CheckLimits(settings, planned, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var (start, end) = (planned.Start, planned.PlannedEnd);
        var support = LightSupport.Start(household.Gemeentecode, householdId, plan.Id, goalId, input.PersoonId, planned.Description!, planned.Kind, start, end, deliverer!,
            input.DienstId, user.ActorId, clock.GetUtcNow().UtcDateTime);
        db.LightSupports.Add(support);
        timeline.Record(household, EventTypes.SupportStarted, $"Lichte ondersteuning gestart: {Short(support.Description)} (door {deliverer!.Name}, tot {DutchDate.Format(end)})",
            effectiveDate: start, personId: input.PersoonId,
            data: new { interventie = support.Id, aanbieder = deliverer.Name, eind = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var result = await db.SaveOrConflictAsync(support.Id, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, householdId, input.PersoonId, $"lichte ondersteuning gestart: {Short(support.Description)}", ct, AuditActions.Create);
    }

    /// <summary>A team member of this municipality, or else an organisation; one of the two is required.</summary>
    private async Task<LightSupport.Deliverer?> DelivererAsync(LightSupportInput input, ErrorList errors, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(input.MedewerkerId))
        {
            var name = await db.Users.Where(u => u.Id == input.MedewerkerId && u.Gemeentecode == user.Gemeentecode).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (name is not null) return new LightSupport.Deliverer(input.MedewerkerId, null, name);
        }
        else if (input.OrganisatieId is { } org)
        {
            var name = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (name is not null) return new LightSupport.Deliverer(null, org, name);
        }
        errors.Add(LightSupportRules.DelivererMissing(!string.IsNullOrEmpty(input.MedewerkerId), input.OrganisatieId is not null));
        return null;
    }

    internal static string Short(string s) => Text.Short(s);
}
