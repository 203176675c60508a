using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>
/// Adds a SMART goal to the active plan; with <c>besluitId</c> it is taken from a decision of one of the household's held
/// conferences, which the goal records and the version and timeline name ("uit besluit van het rondetafelgesprek van …").
/// </summary>
public sealed class AddGoalHandler(RegieDbContext db, PlanChanges changes, Conferences.ConferenceQueries conferences)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, GoalInput input, CancellationToken ct) =>
        (await AddAsync(householdId, input, ct)).Select(added => added.Versie);

    /// <summary>The new goal's id with the plan's new version (the API answers both).</summary>
    public async Task<CommandResult<Api.CreatedVersionAnswer>> AddAsync(Guid householdId, GoalInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!.Select(_ => default(Api.CreatedVersionAnswer)!);
        var errors = new ErrorList();
        var source = await DecisionAsync(conferences, householdId, input.BesluitId, errors, ct);
        if (work.Plan.AddGoal(input.ToFields(), work.Members, changes.Today, changes.Now, errors) is not ({ } goal, { } change) || errors.HasErrors)
            return CommandResult<Api.CreatedVersionAnswer>.Invalid(errors.Errors);
        db.PlanGoals.Add(goal);
        if (source is not null)
        {
            goal.TakeFrom(source.Id);
            change = $"{change} ({source.Origin})";
        }
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new Api.CreatedVersionAnswer(goal.Id, version));
    }

    /// <summary>The decision a new goal or action is taken from, when one is named; an id that is not one of this household's held conferences' decisions is an error.</summary>
    internal static async Task<Conferences.DecisionSource?> DecisionAsync(Conferences.ConferenceQueries conferences, Guid householdId, Guid? decisionId,
        ErrorList errors, CancellationToken ct)
    {
        if (decisionId is not { } id) return null;
        var source = await conferences.DecisionAsync(householdId, id, ct);
        if (source is null) errors.Add(Domain.Care.ConferenceRules.DecisionUnknown());
        return source;
    }
}
