using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>Moves a planned conference or changes where it is: every invitee with an e-mail address gets the update (same UID, next SEQUENCE).</summary>
public sealed class RescheduleConferenceHandler(ConferenceChanges changes, ConferenceInvitations invitations, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, RescheduleInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var errors = new ErrorList();
        var schedule = ConferenceRules.Check(input.ToFields(), changes.Now, errors);
        if (schedule is null) return CommandResult<int>.Invalid(errors.Errors);
        if (c.Reschedule(schedule, changes.Now) is { } refused) return CommandResult<int>.Invalid(refused);
        invitations.Queue(c, InvitationKind.Update, changes.Now);
        timeline.Record(await changes.HouseholdAsync(householdId, ct), EventTypes.ConferenceRescheduled,
            $"{ConferenceRules.Label(c.Kind)} verplaatst naar {Format.DateTime(c.StartsAt)}", DateOnly.FromDateTime(changes.Now),
            data: new { overleg = c.Id, soort = c.Kind.ToString() });
        return await changes.SaveAsync(c, input.Versie, "verplaatst", ct);
    }
}
