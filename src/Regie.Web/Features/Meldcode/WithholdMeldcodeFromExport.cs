using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Meldcode;

/// <summary>What the resident does not get to see at inzage: the whole track, or one entry of it, and why.</summary>
public sealed class WithholdingInput
{
    [Description("De vastlegging die niet wordt verstrekt; leeg is het hele traject.")] public Guid? VastleggingId { get; set; }
    [Required, Description("Waarom dit deel niet wordt verstrekt (UAVG artikel 41), bijvoorbeeld de veiligheid van een kind. De privacy officer ziet de reden; de inwoner niet.")]
    public string? Reden { get; set; }
}

/// <summary>
/// The coordinator withholds a whole track, or one entry, from the resident's inzage export (UAVG art. 41, e.g. the
/// safety of a child), with the reason the municipality must be able to justify; the privacy officer sees it. Nothing of
/// the track changes: the withholding is a row of its own, lifted later by <see cref="LiftMeldcodeWithholdingHandler"/>.
/// </summary>
public sealed class WithholdMeldcodeFromExportHandler(RegieDbContext db, MeldcodeChanges changes, MeldcodeAccessService access, CurrentUser user, AuditLog audit)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid trackId, WithholdingInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!.Select(_ => Guid.Empty);
        if (!MeldcodeWithholdingRules.MayWithhold(await access.FactsAsync(householdId, ct)))
            return CommandResult<Guid>.Forbidden(MeldcodeWithholdingRules.NotCoordinator());
        if (input.VastleggingId is { } entryId && track.Entries.All(e => e.Id != entryId)) return CommandResult<Guid>.NotFound("De vastlegging");

        var errors = new ErrorList();
        var reason = errors.Take(MeldcodeWithholdingRules.Reason(input.Reden));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var same = await db.MeldcodeWithholdings.AnyAsync(w => w.TrackId == trackId && w.EntryId == input.VastleggingId && w.LiftedAt == null, ct);
        errors.Add(MeldcodeWithholdingRules.CheckWithhold(same));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var withholding = MeldcodeWithholding.Of(track, input.VastleggingId, reason!, user.ActorId, user.ActorName, changes.Now);
        db.MeldcodeWithholdings.Add(withholding);
        var result = await db.SaveOrConflictAsync(withholding.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Meldcode, householdId, null,
            input.VastleggingId is { } e ? $"{MeldcodeWithholdingRules.AuditPrefix}: vastlegging {e}" : $"{MeldcodeWithholdingRules.AuditPrefix}: traject {trackId}", ct, AuditActions.Create);
    }
}
