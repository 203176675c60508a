using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>
/// Adds an action with who carries it out: a member, the network, a volunteer, a professional or an organisation. With
/// <c>besluitId</c> it is taken from a decision of one of the household's held conferences, which the action records and the
/// version and timeline name.
/// </summary>
public sealed class AddActionHandler(RegieDbContext db, Assignees.AssigneeQueries assignees, PlanChanges changes, Conferences.ConferenceQueries conferences)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, ActionInput input, CancellationToken ct) =>
        (await AddAsync(householdId, input, ct)).Select(added => added.Versie);

    /// <summary>The new action's id with the plan's new version (the API answers both).</summary>
    public async Task<CommandResult<Api.CreatedVersionAnswer>> AddAsync(Guid householdId, ActionInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!.Select(_ => default(Api.CreatedVersionAnswer)!);
        var colleague = await ColleagueNameAsync(assignees, input, ct);
        var errors = new ErrorList();
        var source = await AddGoalHandler.DecisionAsync(conferences, householdId, input.BesluitId, errors, ct);
        if (work.Plan.AddAction(input.ToFields(), work.Members, colleague, changes.Today, changes.Now, errors, work.Network, await PlanChanges.OrganisationsAsync(db, ct)) is not ({ } action, { } change)
            || errors.HasErrors)
            return CommandResult<Api.CreatedVersionAnswer>.Invalid(errors.Errors);
        db.PlanActions.Add(action);
        if (source is not null)
        {
            action.TakeFrom(source.Id);
            change = $"{change} ({source.Origin})";
        }
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new Api.CreatedVersionAnswer(action.Id, version));
    }

    /// <summary>
    /// The name of the colleague chosen to carry out a professional's action, when they are one of the municipality's
    /// care staff that may be given work (the list the page offers and GET /staff gives): not an administrator.
    /// </summary>
    internal static async Task<string?> ColleagueNameAsync(Assignees.AssigneeQueries assignees, ActionInput input, CancellationToken ct) =>
        Enums.ParseDefined<ActionOwnerKind>(input.Uitvoerder) == ActionOwnerKind.Professional && !string.IsNullOrEmpty(input.MedewerkerId)
            ? (await assignees.ListAsync(Assignees.AssigneeQueries.AssignableRoles, null, ct, only: input.MedewerkerId)).FirstOrDefault()?.Naam
            : null;
}
