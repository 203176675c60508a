using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>
/// The team refers a household member, from a plan goal, to a provider and optionally a social-map service, with the
/// resident's consent. The provider hears of it; the coordinator sees it in the household's referrals.
/// </summary>
public sealed class SendReferralHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    LightSupportQueries settings, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ReferralInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        ReferralRules.CheckPerson(input.PersoonId, members.Keys.ToHashSet(), errors);
        if (input.DoelId is { } goalId && !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.HouseholdId == householdId, ct))
            errors.Add(ReferralRules.GoalNotFound());

        // From the social map: the service's name and kind, and its organisation's partner account when it has one.
        Guid? providerId = input.OrganisatieId;
        MapService? service = null;
        if (input.DienstId is { } serviceId
            && await db.HsdsServices.AsNoTracking().Where(s => s.Id == serviceId).Select(s => new { s.Name, s.Kind, s.OrganizationId }).FirstOrDefaultAsync(ct) is { } found)
        {
            service = new MapService(found.Name, found.Kind);
            if (found.OrganizationId is { } hsdsOrg
                && await db.HsdsOrganizations.AsNoTracking().Where(o => o.Id == hsdsOrg).Select(o => o.OrganisationId).FirstOrDefaultAsync(ct) is { } linked)
                providerId = linked;
        }
        var providerName = providerId is { } pid ? await db.Organisations.AsNoTracking().Where(o => o.Id == pid).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        var target = ReferralRules.CheckTarget(input.DienstId, service, input.Dienst, input.Soort, providerId, providerName, input.Aanbieder, errors);
        var question = errors.Take(TextRules.Optional(input.Vraag, "Vraag", "de vraag", ReferralRules.QuestionMaxLength));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var followUp = ReferralRules.CheckSend(input.Toestemming, question, input.Opvolgdatum, today, await settings.FollowUpDaysAsync(ct), errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var referrer = await db.Users.AsNoTracking().Where(u => u.Id == user.ActorId)
            .Select(u => new { u.TeamId, u.EmployerKind, u.EmployerOrganisationId }).FirstOrDefaultAsync(ct);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = new Referral.Referrer(user.ActorId, user.ActorName, referrer?.TeamId ?? user.TeamId ?? household.ResponsibleTeamId, referrer?.EmployerKind,
            referrer?.EmployerOrganisationId);
        var referral = Referral.Send(household.Gemeentecode, householdId, input.PersoonId!.Value, input.DoelId, target!, question!, followUp!.Value, by, now);
        db.Referrals.Add(referral);
        db.ReferralSteps.Add(ReferralStep.Of(referral, ReferralStatus.Verstuurd, user.ActorId, user.ActorName, null, now, null));
        timeline.Record(household, EventTypes.ReferralSent, $"Verwezen naar {referral.ProviderName}{(referral.ServiceName is null ? "" : $" ({referral.ServiceName})")}", personId: referral.PersonId,
            data: new { verwijzing = referral.Id, organisatie = referral.ProviderOrganisationId, dienst = referral.ServiceId, soort = referral.ServiceKind, eigenWerkgever = referral.OwnEmployer });
        if (referral.ProviderOrganisationId is { } provider)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, OrganisationId = provider, CreatedAt = now,
                Title = $"Nieuwe verwijzing{(referral.ServiceName is null ? "" : $": {referral.ServiceName}")}",
                Body = $"{user.ActorName} heeft een inwoner naar u verwezen. Bekijk de vraag onder Verwijzingen en laat weten of u haar oppakt (opvolgdatum {DutchDate.Format(referral.FollowUpOn)}).",
            });
        var result = await db.SaveOrConflictAsync(referral.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Referral, householdId, referral.PersonId, $"verwijzing naar {referral.ProviderName}", ct, AuditActions.Create);
    }
}
