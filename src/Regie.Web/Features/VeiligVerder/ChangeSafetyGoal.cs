using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Changes a safety goal of the Veilig Verder plan, or records that it was reached or not.</summary>
public sealed class ChangeSafetyGoalHandler(VeiligVerderChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid goalId, SafetyGoalInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<int>(householdId, ct);
        if (work is null) return failure!;
        // Only this household's annex's goals: an id of another household or municipality is not found.
        if (work.VeiligVerder.Goals.FirstOrDefault(g => g.Id == goalId) is not { } goal) return CommandResult<int>.NotFound("Het veiligheidsdoel");
        var errors = new ErrorList();
        if (work.VeiligVerder.ChangeGoal(work.Plan, goal, input.ToFields(), work.Members, changes.Today, changes.Now, errors) is not { } change)
            return CommandResult<int>.Invalid(errors.Errors);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}
