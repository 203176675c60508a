using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Adds a SMART goal to the active plan.</summary>
public sealed class AddGoalHandler(RegieDbContext db, PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, GoalInput input, CancellationToken ct) =>
        (await AddAsync(householdId, input, ct)).Select(added => added.Versie);

    /// <summary>The new goal's id with the plan's new version (the API answers both).</summary>
    public async Task<CommandResult<Api.CreatedVersionAnswer>> AddAsync(Guid householdId, GoalInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!.Select(_ => default(Api.CreatedVersionAnswer)!);
        var errors = new ErrorList();
        if (work.Plan.AddGoal(input.ToFields(), work.Members, changes.Today, changes.Now, errors) is not ({ } goal, { } change))
            return CommandResult<Api.CreatedVersionAnswer>.Invalid(errors.Errors);
        db.PlanGoals.Add(goal);
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new Api.CreatedVersionAnswer(goal.Id, version));
    }
}
