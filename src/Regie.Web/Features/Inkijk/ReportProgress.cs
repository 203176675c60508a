using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Inkijk;

public sealed class ProgressInput
{
    [Required, Description("Wat er gedaan is; verplicht, maximaal 1000 tekens.")] public string? Voortgang { get; set; }
    [Description("true: de actie is gedaan (vandaag). Een actie die al gedaan is, blijft zoals zij was.")] public bool Gedaan { get; set; }
}

/// <summary>
/// A partner reports progress on one of its own actions in the household's plan, seen through inkijk: the note goes on the
/// action and on the household's timeline; marking it done is a new version of the plan, as when the coordinator does it.
/// An action of another organisation or of another household reads as not found.
/// </summary>
public sealed class ReportProgressHandler(RegieDbContext db, InkijkAccess access, InkijkQueries queries, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    PlanChanges changes)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid actionId, ProgressInput input, CancellationToken ct)
    {
        if (await access.OrganisationAsync(ct) is not { } organisation || !await access.MayAsync(organisation.Id, householdId, ConsentScope.Inkijk, ct))
        {
            await audit.RecordAsync(AuditActions.Denied, AuditResources.Plan, householdId, detail: "inkijk: voortgang", ct: ct);
            return CommandResult<Guid>.NotFound("Het huishouden");
        }
        var plan = await db.Plans.Where(Plan.Active).FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null || !(await queries.OwnActionsAsync(plan.Id, organisation, ct)).Any(a => a.Id == actionId))
        {
            await audit.RecordAsync(AuditActions.Denied, AuditResources.Plan, householdId, detail: $"inkijk: voortgang op actie {actionId}", ct: ct);
            return CommandResult<Guid>.NotFound("De actie");
        }
        plan.Load(await db.PlanGoals.Where(g => g.PlanId == plan.Id).ToListAsync(ct), await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(ct));
        var action = plan.Action(actionId)!;

        var errors = new ErrorList();
        var note = InkijkRules.CheckProgress(input.Voortgang, errors);
        var change = input.Gedaan && !errors.HasErrors ? plan.CompleteAction(action, changes.Today, errors) : null;
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var progress = ActionProgress.Report(action, organisation.Id, note!, input.Gedaan, user.ActorId, user.ActorName, changes.Now);
        db.ActionProgress.Add(progress);
        timeline.Record(household, EventTypes.ActionProgressReported, $"Voortgang van {organisation.Name} op actie '{Text.Short(action.Omschrijving)}': {note}",
            data: new { plan = plan.Id, actie = action.Id, organisatie = organisation.Id });
        if (change is null)
        {
            var saved = await db.SaveOrConflictAsync(progress.Id, ct);
            return await audit.AfterAsync(saved, AuditResources.Plan, householdId, null, $"voortgang op actie door {organisation.Name}", ct, AuditActions.Create);
        }
        // Done: one new version of the plan, saved with the progress and its timeline entry, audited as a plan change.
        var work = await changes.WorkForAsync(household, plan, ct);
        return (await changes.SaveAsync(work, plan.Version, change, ct)).Select(_ => progress.Id);
    }
}
