using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>Step 3: the conversation with the person(s) concerned, or why it did not take place.</summary>
public sealed class RecordConversationHandler(MeldcodeChanges changes)
{

    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid trackId, ConversationInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!;
        var errors = new ErrorList();
        return await changes.AppendAsync(track, Fields(input, changes.Today, errors), input.Versie, "gesprek", errors, ct);
    }

    public static MeldcodeEntryFields? Fields(ConversationInput input, DateOnly today, ErrorList errors, Guid? corrects = null)
    {
        var held = input.Gevoerd?.Trim() switch { "Ja" => true, "Nee" => false, _ => (bool?)null };
        if (held is null)
            errors.Add(new DomainError(MeldcodeInputRules.ChoiceInvalidCode, "Gevoerd", "Zeg of het gesprek is gevoerd: ja of nee."));
        var with = MeldcodeInputRules.WithWhom(input.Met, held, errors);
        var report = MeldcodeInputRules.Text(input.Verslag, "Verslag", held == false ? "de reden waarom het gesprek niet is gevoerd" : "het verslag", errors);
        var on = MeldcodeInputRules.Date(input.Datum, today, errors);
        return errors.HasErrors ? null : new MeldcodeEntryFields(MeldcodeStep.Gesprek, on!.Value, report!, with, ConversationHeld: held, CorrectsEntryId: corrects);
    }
}
