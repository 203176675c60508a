using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

/// <summary>Records that the household agreed with the version of the plan they saw: who, when and how.</summary>
public sealed class RecordAgreementHandler(RegieDbContext db, CurrentUser user, PlanChanges changes, AuditLog audit, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, AgreementInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        var fields = new AgreementFields(input.PersoonId, input.Datum, input.Wijze);
        if (work.Plan.RecordAgreement(fields, work.Members, input.Versie, changes.Today, user.ActorId, changes.Now, errors) is not { } agreement)
            return CommandResult<int>.Invalid(errors.Errors);
        // The agreement is for the version the household saw; a plan changed meanwhile must be agreed again.
        if (work.Plan.Version != input.Versie) return CommandResult<int>.Conflict();
        db.PlanAgreements.Add(agreement);
        timeline.Record(work.Household, EventTypes.PlanAgreed, $"{agreement.AgreedByName} ging akkoord met versie {input.Versie} van het plan", effectiveDate: agreement.AgreedOn,
            personId: input.PersoonId, data: new { plan = work.Plan.Id, versie = input.Versie, wijze = input.Wijze });
        var result = await db.SaveOrConflictAsync(input.Versie, ct);
        return await audit.AfterAsync(result, AuditResources.Plan, householdId, input.PersoonId, $"akkoord op versie {input.Versie}", ct);
    }
}
