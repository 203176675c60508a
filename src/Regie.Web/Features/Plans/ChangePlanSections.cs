using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>Changes the plan's own sections — what goes well, the concerns, earlier help — as one new version of the plan.</summary>
public sealed class ChangePlanSectionsHandler(PlanChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, PlanSectionsInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        var change = work.Plan.ChangeSections(input.ToFields(), errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        // Nothing changed: no new version, the one the user saw stays current (unless it is stale).
        if (change is null) return work.Plan.Version == input.Versie ? CommandResult<int>.Ok(input.Versie) : CommandResult<int>.Conflict();
        return await changes.SaveAsync(work, input.Versie, change, ct);
    }
}

/// <summary>
/// "Vul aan uit het dossier": the earlier help the file already knows — closed trajectories, referrals that are over
/// (finished, declined or withdrawn) and involvements that ended — as text for the plan's section, to be read and edited before it is saved. Only for a page that read the plan
/// (and so checked access) first; the involvements are those the household page shows this user.
/// </summary>
public sealed class EarlierHelpSuggestion(RegieDbContext db, Involvements.HouseholdInvolvements involvements)
{
    public async Task<string?> ForHouseholdAsync(Guid householdId, Guid currentTrajectoryId, CancellationToken ct)
    {
        var lines = new List<string>();
        var trajectories = await db.Trajectories.AsNoTracking()
            .Where(t => t.HouseholdId == householdId && t.Id != currentTrajectoryId && t.ClosedOn != null)
            .OrderBy(t => t.OpenedOn).Select(t => new { t.OpenedOn, t.ClosedOn, t.ClosingReason }).ToListAsync(ct);
        lines.AddRange(trajectories.Select(t => $"Traject van {DutchDate.Format(t.OpenedOn)} tot {DutchDate.Format(t.ClosedOn)}"
            + (t.ClosingReason is { } r ? $" ({ClosingReasons.Label(r).ToLowerInvariant()})" : "")));
        // Earlier help is help that is over: a referral still sent, accepted or started is current help, not earlier help.
        var over = Enum.GetValues<ReferralStatus>().Where(ReferralRules.IsFinal).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.HouseholdId == householdId && over.Contains(r.Status)).OrderBy(r => r.SentAt)
            .Select(r => new { r.ProviderName, r.ServiceName, r.SentAt, r.Status }).ToListAsync(ct);
        lines.AddRange(referrals.Select(r => $"Verwijzing naar {r.ProviderName}" + (r.ServiceName is null ? "" : $" ({r.ServiceName})")
            + $", {DutchDate.Format(DateOnly.FromDateTime(r.SentAt))}: {ReferralRules.Label(r.Status).ToLowerInvariant()}"));
        lines.AddRange((await involvements.ForHouseholdAsync(householdId, ct)).Where(p => p.BeeindigdOp is not null)
            .Select(p => $"{p.Naam} was betrokken bij {string.Join(", ", p.Voor)} van {DutchDate.Format(p.Sinds)} tot {DutchDate.Format(p.BeeindigdOp)}"));
        return lines.Count == 0 ? null : string.Join("\n", lines.Select(l => "- " + l));
    }
}
