using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Changes a check of the Veilig Verder plan, for instance its next date after a visit.</summary>
public sealed class ChangeSafetyCheckHandler(VeiligVerderChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid checkId, SafetyCheckInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<int>(householdId, ct);
        if (work is null) return failure!;
        if (work.VeiligVerder.Checks.FirstOrDefault(c => c.Id == checkId) is not { } check) return CommandResult<int>.NotFound("Het toezicht");
        var errors = new ErrorList();
        if (work.VeiligVerder.ChangeCheck(work.Plan, check, input.ToFields(), changes.Today, changes.Now, errors) is not { } change)
            return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
