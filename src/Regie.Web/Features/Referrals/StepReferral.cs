using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>
/// Closed-loop referrals: the provider accepts or declines (with a reason), starts and finishes (with feedback) through its
/// partner account or API key; the team may record those steps for a provider without an account, and withdraws. The
/// coordinator hears of every answer of the provider. The transitions are <see cref="Referral.Step"/>'s.
/// </summary>
public sealed class StepReferralHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    IncomingReferralQueries provider, TimeProvider clock)
{
    /// <summary>One step of the loop, by the provider (its own organisation's referrals only) or by the team (for a provider without an account, or to withdraw).</summary>
    /// <param name="householdId">When the call names the household (the team's route), the referral must be one of it.</param>
    public async Task<CommandResult<int>> HandleAsync(Guid referralId, ReferralStepInput input, CancellationToken ct, Guid? householdId = null)
    {
        // The team's route names the household: whether the caller may change that file is answered first, whatever the referral id.
        if (householdId is { } named && await access.RefuseAsync<int>(named, FileWork.Change, ct) is { } refusedFile) return refusedFile;
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null || householdId is { } h && referral.HouseholdId != h) return CommandResult<int>.NotFound("De verwijzing");
        ReferralParty party;
        string? organisationName = null;
        if (user.Role == Roles.Partner)
        {
            // Another organisation's referral is not found: a provider cannot even learn that it exists.
            var own = await provider.OrganisationAsync(ct);
            if (own is null || referral.ProviderOrganisationId != own.Value.Id) return CommandResult<int>.NotFound("De verwijzing");
            (party, organisationName) = (ReferralParty.Aanbieder, own.Value.Name);
        }
        else if (access.IsCareRole && await access.CanOpenAsync(referral.HouseholdId, ct))
        {
            if (await access.RefuseAsync<int>(referral.HouseholdId, FileWork.Change, ct) is { } refused) return refused;
            party = ReferralParty.Team;
        }
        else return CommandResult<int>.NotFound("De verwijzing");

        // A stale screen first: what the user chose was decided on a status that has changed since.
        if (referral.Version != input.Versie) return CommandResult<int>.Conflict();
        var errors = new ErrorList();
        var to = ReferralStatuses.Parse(input.Status);
        var reason = errors.Take(TextRules.Optional(input.Reden, "Reden", "de reden", ReferralRules.DeclineReasonMaxLength));
        var feedback = errors.Take(TextRules.Optional(input.Terugkoppeling, "Terugkoppeling", "de terugkoppeling", ReferralRules.FeedbackMaxLength));
        if (to is null) errors.Add(new DomainError(ReferralStatuses.InvalidCode, "Status", "Kies de nieuwe status: geaccepteerd, afgewezen, gestart, afgerond of ingetrokken."));
        else referral.CheckStep(to.Value, party, reason, feedback, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        db.Entry(referral).Property(r => r.Version).OriginalValue = input.Versie;

        var now = clock.GetUtcNow().UtcDateTime;
        var status = to!.Value;
        referral.Step(status, party, reason, feedback, now);
        db.ReferralSteps.Add(ReferralStep.Of(referral, status, user.ActorId, user.ActorName, organisationName, now, Referral.StepNote(status, reason, feedback)));

        var household = await db.Households.FirstAsync(h => h.Id == referral.HouseholdId, ct);
        var type = status switch
        {
            ReferralStatus.Geaccepteerd => EventTypes.ReferralAccepted,
            ReferralStatus.Afgewezen => EventTypes.ReferralDeclined,
            ReferralStatus.Gestart => EventTypes.ReferralStarted,
            ReferralStatus.Afgerond => EventTypes.ReferralFinished,
            _ => EventTypes.ReferralWithdrawn,
        };
        var by = party == ReferralParty.Aanbieder ? $" door {organisationName}" : "";
        timeline.Record(household, type, $"Verwijzing naar {referral.ProviderName} {ReferralRules.Label(status).ToLowerInvariant()}{by}", personId: referral.PersonId,
            data: new { verwijzing = referral.Id });
        // The coordinator hears of the provider's answers; the loop is closed when the feedback reaches them.
        if (party == ReferralParty.Aanbieder && status is ReferralStatus.Geaccepteerd or ReferralStatus.Afgewezen or ReferralStatus.Afgerond)
            await NotifyCoordinatorAsync(household, referral, status, now, ct);
        var result = await db.SaveOrConflictAsync(referral.Version + 1, ct);
        return await audit.AfterAsync(result, AuditResources.Referral, referral.HouseholdId, referral.PersonId,
            $"verwijzing {ReferralRules.Label(status).ToLowerInvariant()}{by}", ct);
    }

    private async Task NotifyCoordinatorAsync(Household household, Referral referral, ReferralStatus status, DateTime now, CancellationToken ct)
    {
        var to = household.CoordinatorId ?? referral.ReferrerId;
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == referral.PersonId).Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam }).FirstAsync(ct);
        var name = new PersonName(person.Voornamen, person.Voorvoegsel, person.Achternaam).FullName;
        var what = referral.ServiceName is null ? referral.ProviderName : $"{referral.ServiceName} ({referral.ProviderName})";
        var (title, body) = status switch
        {
            ReferralStatus.Geaccepteerd => ($"Verwijzing geaccepteerd: {what}", $"{referral.ProviderName} pakt de verwijzing van {name} op."),
            ReferralStatus.Afgewezen => ($"Verwijzing afgewezen: {what}", $"{referral.ProviderName} wijst de verwijzing van {name} af. Reden: {referral.DeclineReason}"),
            _ => ($"Verwijzing afgerond: {what}", $"{referral.ProviderName} heeft de hulp aan {name} afgerond. Terugkoppeling: {referral.Feedback}"),
        };
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, UserId = to, CreatedAt = now,
            Title = Text.Truncate(title, Notification.TitleMaxLength), Body = Text.Truncate(body + $"\nHuishouden: /huishoudens/{household.Id}/verwijzingen", Notification.BodyMaxLength),
        });
    }

}
