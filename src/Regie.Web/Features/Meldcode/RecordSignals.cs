using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>What the signals answer: the track, for who may read it; null for who records signals without reading the track.</summary>
public sealed record SignalsAnswer(Guid? TrajectId);

/// <summary>
/// Step 1: any care worker who may change the file records signals. They go to the household's open track, or open one
/// about the persons chosen; the worker is told it is recorded, and sees the track only if they may read it.
/// </summary>
public sealed class RecordSignalsHandler(RegieDbContext db, FileAccessService files, MeldcodeAccessService access, MeldcodeChanges changes, AuditLog audit)
{
    public async Task<CommandResult<SignalsAnswer>> HandleAsync(Guid householdId, SignalsInput input, CancellationToken ct)
    {
        if (await files.RefuseAsync<SignalsAnswer>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var fields = Fields(input, changes.Today, errors);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var members = (await Plans.PlanVersions.MembersAsync(db, householdId, ct)).Where(m => m.Current).Select(m => m.PersonId).ToList();
        var persons = MeldcodeInputRules.Persons(input.Personen, members, errors);
        if (errors.HasErrors) return CommandResult<SignalsAnswer>.Invalid(errors.Errors);
        if (await changes.AddSignalsAsync(household, null, persons!, fields!, errors, ct, personsChosen: input.Personen is { Count: > 0 }) is not { } track) return CommandResult<SignalsAnswer>.Invalid(errors.Errors);
        var result = await db.SaveOrConflictAsync(track.Id, ct);
        result = await audit.AfterAsync(result, AuditResources.Meldcode, householdId, null, "signalen", ct, AuditActions.Create);
        var mayRead = await access.MayReadAsync(householdId, ct);
        return result.Select(id => new SignalsAnswer(mayRead ? id : null));
    }

    public static MeldcodeEntryFields? Fields(SignalsInput input, DateOnly today, ErrorList errors, Guid? corrects = null)
    {
        var what = MeldcodeInputRules.Text(input.Wat, "Wat", "wat is gezien of gehoord", errors);
        var who = MeldcodeInputRules.Text(input.DoorWie, "DoorWie", "door wie", errors, MeldcodeRules.ShortTextMaxLength);
        var on = MeldcodeInputRules.Date(input.Datum, today, errors);
        return errors.HasErrors ? null : new MeldcodeEntryFields(MeldcodeStep.Signalen, on!.Value, what!, who, CorrectsEntryId: corrects);
    }
}
