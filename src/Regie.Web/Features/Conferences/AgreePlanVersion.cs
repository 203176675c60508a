using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Conferences;

/// <summary>The coordinator records "plan version N was agreed at this meeting": a version of the household's current plan.</summary>
public sealed class AgreePlanVersionHandler(RegieDbContext db, ConferenceChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, PlanVersionInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var plan = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId).OrderBy(p => p.ClosedOn != null).ThenByDescending(p => p.StartedOn)
            .Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
        if (plan is null || input.Planversie is not { } number
            || !await db.PlanVersions.AnyAsync(v => v.PlanId == plan.Id && v.Number == number, ct))
            return CommandResult<int>.Invalid(new DomainError(ConferenceRules.PlanVersionUnknownCode, "Planversie", "Kies een versie van het plan van dit huishouden."));
        if (c.AgreePlanVersion(plan.Id, number, changes.Now) is { } refused) return CommandResult<int>.Invalid(refused);
        return await changes.SaveAsync(c, input.Versie, $"planversie {number} akkoord", ct);
    }
}
