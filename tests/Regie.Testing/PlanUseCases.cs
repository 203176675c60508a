using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Testing;

/// <summary>The plan's use cases and reads for tests that arrange a plan, each resolved as the pages and the API resolve them.</summary>
public sealed class PlanUseCases(IServiceProvider services)
{
    private PlanQueries queries => services.GetRequiredService<PlanQueries>();

    public Task<PlanView?> CurrentAsync(Guid householdId, CancellationToken ct, bool audited = true) => queries.CurrentAsync(householdId, ct, audited);

    public Task<(IReadOnlyDictionary<Guid, string> Members, IReadOnlyList<(string Id, string Name)> Colleagues)> OwnerOptionsAsync(Guid householdId, CancellationToken ct) =>
        queries.OwnerOptionsAsync(householdId, ct);

    public Task<CommandResult<Guid>> StartAsync(Guid householdId, CancellationToken ct) => Use<StartPlanHandler>().HandleAsync(householdId, ct);
    public Task<CommandResult<int>> UpdatePlanAsync(Guid householdId, PlanInput input, CancellationToken ct) => Use<UpdatePlanHandler>().HandleAsync(householdId, input, ct);
    public Task<CommandResult<int>> AddGoalAsync(Guid householdId, GoalInput input, CancellationToken ct) => Use<AddGoalHandler>().HandleAsync(householdId, input, ct);

    public Task<CommandResult<int>> UpdateGoalAsync(Guid householdId, Guid goalId, GoalInput input, CancellationToken ct) =>
        Use<ChangeGoalHandler>().HandleAsync(householdId, goalId, input, ct);

    public Task<CommandResult<int>> AddActionAsync(Guid householdId, ActionInput input, CancellationToken ct) => Use<AddActionHandler>().HandleAsync(householdId, input, ct);

    public Task<CommandResult<int>> UpdateActionAsync(Guid householdId, Guid actionId, ActionInput input, CancellationToken ct) =>
        Use<ChangeActionHandler>().HandleAsync(householdId, actionId, input, ct);

    public Task<CommandResult<int>> RecordAgreementAsync(Guid householdId, AgreementInput input, CancellationToken ct) =>
        Use<RecordAgreementHandler>().HandleAsync(householdId, input, ct);

    public Task<CommandResult<int>> CompleteActionAsync(Guid householdId, Guid actionId, VersionInput input, CancellationToken ct) =>
        Use<CompleteActionHandler>().HandleAsync(householdId, actionId, input, ct);

    public Task<CommandResult<int>> RecordEvaluationAsync(Guid householdId, EvaluationInput input, CancellationToken ct) =>
        Use<RecordEvaluationHandler>().HandleAsync(householdId, input, ct);

    private T Use<T>() where T : notnull => services.GetRequiredService<T>();
}
