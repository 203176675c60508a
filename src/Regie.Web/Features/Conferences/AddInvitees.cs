using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>The answer to adding invitees: the conference's new version and how many invitations went to the outbox.</summary>
public sealed record InviteesAddedAnswer(int Versie, int Uitnodigingen);

/// <summary>
/// The coordinator invites more people to a planned conference, from the same choices as when planning it (members, network,
/// involved professionals, open referrals, others with an e-mail address). Each one added gets the invitation with its
/// calendar file; the others hear nothing. Saved with its timeline event and audited, or not at all.
/// </summary>
public sealed class AddInviteesHandler(RegieDbContext db, ConferenceChanges changes, ConferenceQueries queries, ConferenceInvitations invitations,
    TimelineWriter timeline)
{
    public async Task<CommandResult<InviteesAddedAnswer>> HandleAsync(Guid householdId, Guid conferenceId, AddInviteesInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<InviteesAddedAnswer>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var errors = new ErrorList();
        var known = (await queries.OptionsAsync(householdId, ct)).ToDictionary(o => (o.Soort, o.Id), o => (o.Naam, o.Email));
        var invitees = ConferenceRules.CheckInvitees((input.Genodigden ?? []).Select(g => g.ToFields()).ToList(), known, errors);
        if (errors.HasErrors) return CommandResult<InviteesAddedAnswer>.Invalid(errors.Errors);
        var (refused, added) = c.AddInvitees(invitees, changes.Now);
        if (refused is not null) return CommandResult<InviteesAddedAnswer>.Invalid(refused);
        db.ConferenceInvitees.AddRange(added);
        var sent = invitations.Queue(c, added, InvitationKind.New, changes.Now);
        timeline.Record(await changes.HouseholdAsync(householdId, ct), EventTypes.ConferenceInviteesAdded,
            $"Uitgenodigd voor het {ConferenceRules.Label(c.Kind).ToLowerInvariant()} van {Format.DateTime(c.StartsAt)}: {string.Join(", ", added.Select(a => a.Name))}",
            DateOnly.FromDateTime(changes.Now), data: new { overleg = c.Id, soort = c.Kind.ToString(), genodigden = added.Count });
        return (await changes.SaveAsync(c, input.Versie, $"{added.Count} genodigden toegevoegd, {sent} uitnodigingen", ct))
            .Select(version => new InviteesAddedAnswer(version, sent));
    }
}
