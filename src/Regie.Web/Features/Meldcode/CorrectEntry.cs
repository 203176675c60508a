using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// A correction of an entry: entries are never changed, so the correction is a new entry of the same step that points to
/// the one it corrects. The corrected entry stays and shows as corrected.
/// </summary>
public sealed class CorrectMeldcodeEntryHandler(RegieDbContext db, MeldcodeChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid trackId, Guid entryId, CorrectionInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!;
        if (track.Entries.FirstOrDefault(e => e.Id == entryId) is not { } original) return CommandResult<int>.NotFound("De vastlegging");
        var errors = new ErrorList();
        var today = changes.Today;
        var fields = original.Step switch
        {
            MeldcodeStep.Signalen when input.Signalen is { } s => RecordSignalsHandler.Fields(s, today, errors, entryId),
            MeldcodeStep.Overleg when input.Overleg is { } o => RecordConsultationHandler.Fields(o, today, errors, entryId),
            MeldcodeStep.Gesprek when input.Gesprek is { } g => RecordConversationHandler.Fields(g, today, errors, entryId),
            MeldcodeStep.Weging when input.Weging is { } w => RecordWeighingHandler.Fields(w, today, errors, entryId),
            MeldcodeStep.Besluit when input.Besluit is { } b =>
                RecordMeldcodeDecisionHandler.Fields(b, today, await RecordMeldcodeDecisionHandler.ActiveGoalsAsync(db, householdId, ct), errors, entryId),
            _ => Missing(original.Step, errors),
        };
        return await changes.AppendAsync(track, fields, input.Versie, $"correctie van {original.Step}", errors, ct);
    }

    private static MeldcodeEntryFields? Missing(MeldcodeStep step, ErrorList errors)
    {
        errors.Add(MeldcodeInputRules.CorrectionPartMissing(step));
        return null;
    }
}
