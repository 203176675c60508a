using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Records that the household agreed with the version of the Veilig Verder plan they saw: who, when and how.</summary>
public sealed class RecordVeiligVerderAgreementHandler(RegieDbContext db, CurrentUser user, VeiligVerderChanges changes, AuditLog audit)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, VeiligVerderAgreementInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<int>(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        var fields = new AgreementFields(input.PersoonId, input.Datum, input.Wijze);
        if (work.VeiligVerder.RecordAgreement(work.Plan, fields, work.Members, changes.Today, user.ActorId, changes.Now, errors) is not { } agreement)
            return CommandResult<int>.Invalid(errors.Errors);
        // The agreement is for the version the household saw; a plan changed meanwhile must be agreed again.
        if (work.VeiligVerder.Version != input.Versie) return CommandResult<int>.Conflict();
        db.VeiligVerderAgreements.Add(agreement);
        var result = await db.SaveOrConflictAsync(input.Versie, ct);
        return await audit.AfterAsync(result, AuditResources.SafetyPlan, householdId, input.PersoonId, $"akkoord op versie {input.Versie} van het Veilig Verder-plan", ct);
    }
}
