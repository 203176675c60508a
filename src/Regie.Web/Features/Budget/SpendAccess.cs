using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>Who sees a spend and who may take a step on it; the use cases load their spend through here.</summary>
public sealed class SpendAccess(RegieDbContext db, FileAccessService access, CurrentUser user, BudgetSettings settings)
{
    public BudgetActor Actor => new(user.ActorId, user.ActorName);

    /// <summary>The household's team sees its spends with the file; the team lead and the municipality see what they decide on.</summary>
    public async Task<bool> MaySeeAsync(Spend spend, CancellationToken ct) =>
        user.IsSystem || user.Role == Roles.Beleid || (user.Role == Roles.Teamleider && spend.TeamId == user.TeamId) || await access.CanOpenAsync(spend.HouseholdId, ct);

    private async Task<bool> MayActForTeamAsync(Spend spend, CancellationToken ct) =>
        user.IsSystem || (user.Role is Roles.Professional or Roles.Teamleider && spend.TeamId == user.TeamId && await access.CanOpenAsync(spend.HouseholdId, ct));

    /// <summary>
    /// The spend a team lead or the municipality decides on, or why not. A step the spend's status refuses answers
    /// before the team lead's team is checked, as it always did; the entity checks the step again when it is taken.
    /// </summary>
    public async Task<(Spend? Spend, CommandResult<SpendStatus>? Refused)> ForDecisionAsync(Guid spendId, int version, SpendAction action, CancellationToken ct)
    {
        var spend = await db.Spends.FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MaySeeAsync(spend, ct)) return (null, CommandResult<SpendStatus>.NotFound("De uitgave"));
        if (!user.IsSystem && user.Role is not (Roles.Teamleider or Roles.Beleid)) return (null, CommandResult<SpendStatus>.Forbidden());
        if (spend.Version != version) return (null, CommandResult<SpendStatus>.Conflict());
        if (SpendRules.CheckStep(spend.Status, action) is { } refused) return (null, CommandResult<SpendStatus>.Invalid(refused));
        if (user.Role == Roles.Teamleider && spend.TeamId != user.TeamId) return (null, CommandResult<SpendStatus>.NotFound("De uitgave"));
        return (spend, null);
    }

    /// <summary>The spend the holding team pays or cancels, or why not.</summary>
    public async Task<(Spend? Spend, CommandResult<SpendStatus>? Refused)> ForTeamAsync(Guid spendId, int version, CancellationToken ct)
    {
        var spend = await db.Spends.FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MayActForTeamAsync(spend, ct)) return (null, CommandResult<SpendStatus>.NotFound("De uitgave"));
        if (spend.Version != version) return (null, CommandResult<SpendStatus>.Conflict());
        return (spend, null);
    }

    /// <summary>The user as decider; a team lead's own mandate is looked up only when they approve.</summary>
    public async Task<SpendDecider> DeciderAsync(SpendAction action, CancellationToken ct)
    {
        if (user.Role == Roles.Teamleider)
            return new SpendDecider(Actor, SpendDeciderRole.TeamLead, action == SpendAction.Approve ? await settings.MandateOfAsync(user.ActorId, user.Role, ct) : null);
        return new SpendDecider(Actor, user.Role == Roles.Beleid ? SpendDeciderRole.Municipality : SpendDeciderRole.System);
    }
}
