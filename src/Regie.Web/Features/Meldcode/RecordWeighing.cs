using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>Step 4: weighing with the afwegingskader; the outcome (melden, hulp organiseren, geen vermoeden) is computed from the answers.</summary>
public sealed class RecordWeighingHandler(MeldcodeChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid trackId, WeighingInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!;
        var errors = new ErrorList();
        return await changes.AppendAsync(track, Fields(input, changes.Today, errors), input.Versie, "weging", errors, ct);
    }

    public static MeldcodeEntryFields? Fields(WeighingInput input, DateOnly today, ErrorList errors, Guid? corrects = null)
    {
        var answers = Afwegingskader.Parse(input.Afweging ?? [], input.Onderbouwing ?? [], errors);
        var on = MeldcodeInputRules.Date(input.Datum, today, errors);
        if (errors.HasErrors || answers is null) return null;
        var outcome = Afwegingskader.Outcome(answers);
        return new MeldcodeEntryFields(MeldcodeStep.Weging, on!.Value, Afwegingskader.Label(outcome), Weighing: answers, CorrectsEntryId: corrects);
    }
}
