using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

/// <summary>Records an evaluation with the household, the next evaluation date and, when given, the household's mark for the help.</summary>
public sealed class RecordEvaluationHandler(RegieDbContext db, CurrentUser user, PlanChanges changes, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, EvaluationInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        var fields = new EvaluationFields(input.Datum, input.Samenvatting, input.VolgendeEvaluatie, input.Cijfer);
        if (work.Plan.RecordEvaluation(fields, changes.Today, user.ActorId, changes.Now, errors) is not ({ } evaluation, var rating, { } change))
            return CommandResult<int>.Invalid(errors.Errors);
        // The monitor's "better support" counts these marks; the household gives it, the worker only records it.
        if (rating is { } mark)
            timeline.Record(work.Household, EventTypes.ResidentRated, $"Het huishouden gaf de hulp een {mark}", effectiveDate: evaluation.HeldOn,
                data: new { cijfer = mark, moment = "evaluatie" });
        db.PlanEvaluations.Add(evaluation);
        timeline.Record(work.Household, EventTypes.PlanEvaluated, "Plan geëvalueerd", effectiveDate: evaluation.HeldOn, data: new { plan = work.Plan.Id });
        return await changes.SaveAsync(work, input.Versie, change, ct, timelineEvent: false);
    }
}
