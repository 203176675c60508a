using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>
/// The coordinator withdraws one invitation of a planned conference: the invitee (with an e-mail address) gets a cancellation
/// for their calendar (METHOD:CANCEL, the conference's UID, the next SEQUENCE); the conference goes on for the others.
/// At least one invitee stays.
/// </summary>
public sealed class WithdrawInviteeHandler(RegieDbContext db, ConferenceChanges changes, ConferenceInvitations invitations, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, Guid inviteeId, WithdrawInviteeInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var (refused, removed) = c.WithdrawInvitee(inviteeId, changes.Now);
        if (refused is not null) return CommandResult<int>.Invalid(refused);
        db.ConferenceInvitees.Remove(removed!);
        invitations.Queue(c, [removed!], InvitationKind.Withdrawn, changes.Now);
        timeline.Record(await changes.HouseholdAsync(householdId, ct), EventTypes.ConferenceInviteeWithdrawn,
            $"Uitnodiging voor het {ConferenceRules.Label(c.Kind).ToLowerInvariant()} van {Format.DateTime(c.StartsAt)} ingetrokken: {removed!.Name}",
            DateOnly.FromDateTime(changes.Now), data: new { overleg = c.Id, soort = c.Kind.ToString() });
        return await changes.SaveAsync(c, input.Versie, $"uitnodiging van genodigde {removed.Id} ingetrokken", ct);
    }
}
