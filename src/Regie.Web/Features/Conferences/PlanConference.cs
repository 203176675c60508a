using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Conferences;

/// <summary>The answer to planning: the new conference's id, its version and how many invitations went to the outbox.</summary>
public sealed record ConferencePlannedAnswer(Guid Id, int Versie, int Uitnodigingen);

/// <summary>
/// The coordinator plans a conference for the household: when, where, and whom to invite from its members, involved
/// professionals, open referrals and others named with an e-mail address. The conference, its invitations (with calendar
/// files) and its timeline event are saved together or not at all.
/// </summary>
public sealed class PlanConferenceHandler(RegieDbContext db, FileAccessService access, ConferenceQueries queries, ConferenceInvitations invitations,
    TimelineWriter timeline, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<ConferencePlannedAnswer>> HandleAsync(Guid householdId, ConferenceInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<ConferencePlannedAnswer>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var schedule = ConferenceRules.Check(input.ToFields(), now, errors);
        var known = (await queries.OptionsAsync(householdId, ct)).ToDictionary(o => (o.Soort, o.Id), o => (o.Naam, o.Email));
        var invitees = ConferenceRules.CheckInvitees((input.Genodigden ?? []).Select(g => g.ToFields()).ToList(), known, errors);
        if (errors.HasErrors || schedule is null) return CommandResult<ConferencePlannedAnswer>.Invalid(errors.Errors);

        var household = await db.Households.FindAsync([householdId], ct);
        var c = Conference.Plan(household!.Gemeentecode, householdId, schedule, invitees, user.ActorId, user.ActorName, now);
        db.Conferences.Add(c);
        db.ConferenceInvitees.AddRange(c.Invitees);
        var sent = invitations.Queue(c, InvitationKind.New, now);
        timeline.Record(household, EventTypes.ConferencePlanned, $"{ConferenceRules.Label(c.Kind)} gepland op {Format.DateTime(c.StartsAt)}",
            DateOnly.FromDateTime(now), data: new { overleg = c.Id, soort = c.Kind.ToString() });
        var result = await db.SaveOrConflictAsync(new ConferencePlannedAnswer(c.Id, c.Version, sent), ct);
        return await audit.AfterAsync(result, AuditResources.Conference, householdId, null,
            $"overleg {c.Id} gepland, {c.Invitees.Count} genodigden, {sent} uitnodigingen", ct, AuditActions.Create);
    }
}
