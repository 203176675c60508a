using Microsoft.EntityFrameworkCore;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// The coordinator lifts a withholding: the part goes into the resident's next inzage export. The withholding stays on
/// record with who lifted it when, for the privacy officer.
/// </summary>
public sealed class LiftMeldcodeWithholdingHandler(RegieDbContext db, MeldcodeChanges changes, MeldcodeAccessService access, CurrentUser user, AuditLog audit)
{
    public const string What = "De beperking";

    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid trackId, Guid withholdingId, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!.Select(_ => Guid.Empty);
        if (!MeldcodeWithholdingRules.MayWithhold(await access.FactsAsync(householdId, ct)))
            return CommandResult<Guid>.Forbidden(MeldcodeWithholdingRules.NotCoordinator());
        var withholding = await db.MeldcodeWithholdings.FirstOrDefaultAsync(w => w.Id == withholdingId && w.TrackId == trackId && w.HouseholdId == householdId, ct);
        if (withholding is null) return CommandResult<Guid>.NotFound(What);
        if (withholding.Lift(user.ActorId, changes.Now) is { } refused) return CommandResult<Guid>.Invalid(refused);
        var result = await db.SaveOrConflictAsync(withholding.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Meldcode, householdId, null, $"{MeldcodeWithholdingRules.AuditPrefix} opgeheven: {withholdingId}", ct, AuditActions.Update);
    }
}
