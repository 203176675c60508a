using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Changes a safety agreement of the Veilig Verder plan.</summary>
public sealed class ChangeSafetyAgreementHandler(VeiligVerderChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid agreementId, SafetyAgreementInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<int>(householdId, ct);
        if (work is null) return failure!;
        if (work.VeiligVerder.Arrangements.FirstOrDefault(a => a.Id == agreementId) is not { } arrangement) return CommandResult<int>.NotFound("De veiligheidsafspraak");
        var errors = new ErrorList();
        if (work.VeiligVerder.ChangeArrangement(work.Plan, arrangement, input.ToFields(), work.Members, changes.Now, errors) is not { } change)
            return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
