using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// Applies <see cref="MeldcodeAccess"/> to the signed-in user and one household. Asked by every query and use case of the
/// Meldcode after (never instead of) <see cref="FileAccessService"/>: who may not open the file cannot read its track either.
/// The aandachtsfunctionaris flag is read from the database on each request, so taking it away works at once.
/// </summary>
public sealed class MeldcodeAccessService(RegieDbContext db, FileAccessService files, CurrentUser user, AuditLog audit)
{
    private readonly Dictionary<Guid, MeldcodeAccessFacts> _facts = [];

    public async Task<MeldcodeAccessFacts> FactsAsync(Guid householdId, CancellationToken ct)
    {
        if (_facts.TryGetValue(householdId, out var known)) return known;
        var level = await files.DecideAsync(householdId, ct);
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new { h.CoordinatorId, h.ResponsibleTeamId }).FirstOrDefaultAsync(ct);
        if (household is null || level == FileAccessLevel.Denied || user.IsSystem)
            return new MeldcodeAccessFacts(null, false, false, false, false);
        var holdingTeam = MeldcodeAccess.HoldingTeam(household.ResponsibleTeamId, await db.MeldcodeTracks.AsNoTracking()
            .Where(t => t.HouseholdId == householdId && t.TeamId != null).OrderBy(t => t.OpenedAt).Select(t => t.TeamId).FirstOrDefaultAsync(ct));
        var userId = user.ActorId;
        var isAandachtsfunctionaris = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsAandachtsfunctionaris, ct);
        var facts = new MeldcodeAccessFacts(user.Role, household.CoordinatorId == userId, isAandachtsfunctionaris,
            MeldcodeAccess.InHoldingTeam(holdingTeam, user.TeamId), level == FileAccessLevel.Emergency);
        _facts[householdId] = facts;
        return facts;
    }

    public async Task<bool> MayReadAsync(Guid householdId, CancellationToken ct) => MeldcodeAccess.MayRead(await FactsAsync(householdId, ct));

    public async Task<bool> MayWorkAsync(Guid householdId, CancellationToken ct) => MeldcodeAccess.MayWork(await FactsAsync(householdId, ct));

    /// <summary>
    /// The answer to who may not read the track: "not found", as if there were none, and the refusal on record as every
    /// refused read is (action denied, resource meldcode).
    /// </summary>
    public async Task<CommandResult<T>> RefusedAsync<T>(Guid householdId, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Denied, AuditResources.Meldcode, householdId, detail: "meldcodetraject", ct: ct);
        return CommandResult<T>.NotFound("Het meldcodetraject");
    }

    /// <summary>Any care worker who may change the file records signals (step 1), even without reading the track.</summary>
    public Task<bool> MayRecordSignalsAsync(Guid householdId, CancellationToken ct) => files.MayAsync(householdId, FileWork.Change, ct);
}
