using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>Step 2: the consultation with a colleague, the aandachtsfunctionaris or Veilig Thuis: with whom, what was advised, when.</summary>
public sealed class RecordConsultationHandler(MeldcodeChanges changes)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid trackId, ConsultationInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!;
        var errors = new ErrorList();
        return await changes.AppendAsync(track, Fields(input, changes.Today, errors), input.Versie, "overleg", errors, ct);
    }

    public static MeldcodeEntryFields? Fields(ConsultationInput input, DateOnly today, ErrorList errors, Guid? corrects = null)
    {
        var with = MeldcodeInputRules.Choice<ConsultationPartner>(input.Met, "Met", "Kies met wie is overlegd: een collega, de aandachtsfunctionaris, Veilig Thuis of anders.", errors);
        var name = MeldcodeInputRules.Text(input.Naam, "Naam", "de naam van wie is geraadpleegd", errors, MeldcodeRules.ShortTextMaxLength);
        var advice = MeldcodeInputRules.Text(input.Advies, "Advies", "wat is geadviseerd", errors);
        var on = MeldcodeInputRules.Date(input.Datum, today, errors);
        return errors.HasErrors ? null : new MeldcodeEntryFields(MeldcodeStep.Overleg, on!.Value, advice!, name, ConsultedWith: with, CorrectsEntryId: corrects);
    }
}
