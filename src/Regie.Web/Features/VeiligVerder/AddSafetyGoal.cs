using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Adds a safety goal to the Veilig Verder plan: what must be safe, for whom, by when.</summary>
public sealed class AddSafetyGoalHandler(RegieDbContext db, VeiligVerderChanges changes)
{
    public async Task<CommandResult<CreatedVersionAnswer>> HandleAsync(Guid householdId, SafetyGoalInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<CreatedVersionAnswer>(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        if (work.VeiligVerder.AddGoal(work.Plan, input.ToFields(), work.Members, changes.Today, changes.Now, errors) is not ({ } goal, { } change))
            return CommandResult<CreatedVersionAnswer>.Invalid(errors.Errors);
        db.SafetyGoals.Add(goal);
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new CreatedVersionAnswer(goal.Id, version));
    }
}
