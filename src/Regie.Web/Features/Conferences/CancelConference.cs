using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>Cancels a planned conference: every invitee with an e-mail address gets a cancellation (METHOD:CANCEL) for their calendar.</summary>
public sealed class CancelConferenceHandler(ConferenceChanges changes, ConferenceInvitations invitations, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, CancelInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var reason = TextRules.Optional(input.Reden, "Reden", "de reden", ConferenceRules.ReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);
        if (c.Cancel(reason.Value, changes.Now) is { } refused) return CommandResult<int>.Invalid(refused);
        invitations.Queue(c, InvitationKind.Cancel, changes.Now);
        timeline.Record(await changes.HouseholdAsync(householdId, ct), EventTypes.ConferenceCancelled,
            $"{ConferenceRules.Label(c.Kind)} van {Format.DateTime(c.StartsAt)} geannuleerd", DateOnly.FromDateTime(changes.Now),
            data: new { overleg = c.Id, soort = c.Kind.ToString() });
        return await changes.SaveAsync(c, input.Versie, "geannuleerd", ct);
    }
}
