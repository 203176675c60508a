using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

/// <summary>Adds an action with who carries it out: a member, the network, a volunteer, a professional or an organisation.</summary>
public sealed class AddActionHandler(RegieDbContext db, CurrentUser user, PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, ActionInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        var colleague = await ColleagueNameAsync(db, user, input, ct);
        var errors = new ErrorList();
        if (work.Plan.AddAction(input.ToFields(), work.Members, colleague, changes.Today, changes.Now, errors) is not ({ } action, { } change))
            return CommandResult<int>.Invalid(errors.Errors);
        db.PlanActions.Add(action);
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }

    /// <summary>The name of the colleague chosen to carry out a professional's action, when they work in this municipality.</summary>
    internal static async Task<string?> ColleagueNameAsync(RegieDbContext db, CurrentUser user, ActionInput input, CancellationToken ct) =>
        Enums.ParseDefined<ActionOwnerKind>(input.Uitvoerder) == ActionOwnerKind.Professional && !string.IsNullOrEmpty(input.MedewerkerId)
            ? await db.Users.Where(u => u.Id == input.MedewerkerId && u.Gemeentecode == user.Gemeentecode).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
}
