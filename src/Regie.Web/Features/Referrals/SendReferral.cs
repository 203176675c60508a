using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Referrals;
using Regie.Domain.SocialMap;
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
    public const string PersonNotMemberCode = "referral-person-not-member";
    public const string GoalNotFoundCode = "referral-goal-not-found";
    public const string ProviderRequiredCode = "referral-provider-required";
    public const string ServiceRequiredCode = "referral-service-required";
    public const string ServiceNotFoundCode = "referral-service-not-found";
    public const string KindInvalidCode = "referral-kind-invalid";

    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ReferralInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var members = await PlanVersions.CurrentMembersAsync(db, householdId, ct);
        if (input.PersoonId is not { } personId || !members.ContainsKey(personId))
            errors.Add(new DomainError(PersonNotMemberCode, "PersoonId", "Kies wie uit het huishouden wordt verwezen."));
        if (input.DoelId is { } goalId && !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.HouseholdId == householdId, ct))
            errors.Add(new DomainError(GoalNotFoundCode, "DoelId", "Kies een doel uit het plan van dit huishouden."));

        // From the social map: the service's name and kind, and its organisation's partner account when it has one.
        Guid? providerId = input.OrganisatieId;
        string? serviceName = null;
        string? kind = null;
        if (input.DienstId is { } serviceId)
        {
            var service = await db.HsdsServices.AsNoTracking().Where(s => s.Id == serviceId).Select(s => new { s.Name, s.Kind, s.OrganizationId }).FirstOrDefaultAsync(ct);
            if (service is null) errors.Add(new DomainError(ServiceNotFoundCode, "DienstId", "Deze dienst staat niet (meer) in de sociale kaart. Zoek opnieuw of vul de dienst zelf in."));
            else
            {
                serviceName = service.Name;
                kind = service.Kind;
                if (service.OrganizationId is { } hsdsOrg
                    && await db.HsdsOrganizations.AsNoTracking().Where(o => o.Id == hsdsOrg).Select(o => o.OrganisationId).FirstOrDefaultAsync(ct) is { } linked)
                    providerId = linked;
            }
        }
        serviceName ??= errors.Take(TextRules.Optional(input.Dienst, "Dienst", "de dienst", ReferralRules.ServiceNameMaxLength));
        if (serviceName is null && !errors.Errors.Any(e => e.Field is "Dienst" or "DienstId"))
            errors.Add(new DomainError(ServiceRequiredCode, "Dienst", "Vul in naar welke dienst of welk aanbod u verwijst."));
        if (kind is null && !string.IsNullOrWhiteSpace(input.Soort))
        {
            if (ServiceKinds.FromCode(input.Soort) is { } k) kind = ServiceKinds.Code(k);
            else errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies algemeen, nulde lijn of maatwerk, of laat de soort leeg."));
        }
        string? providerName = null;
        if (providerId is { } pid)
        {
            providerName = await db.Organisations.AsNoTracking().Where(o => o.Id == pid).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (providerName is null) errors.Add(new DomainError(ProviderRequiredCode, "OrganisatieId", "Kies een aanbieder uit de lijst."));
        }
        else
        {
            providerName = errors.Take(TextRules.Optional(input.Aanbieder, "Aanbieder", "de aanbieder", ReferralRules.ProviderNameMaxLength));
            if (providerName is null && !errors.Errors.Any(e => e.Field == "Aanbieder"))
                errors.Add(new DomainError(ProviderRequiredCode, "OrganisatieId", "Kies de aanbieder, of vul de naam in van een aanbieder zonder account in Regie."));
        }
        var question = errors.Take(TextRules.Optional(input.Vraag, "Vraag", "de vraag", ReferralRules.QuestionMaxLength));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var followUp = ReferralRules.CheckSend(input.Toestemming, question, input.Opvolgdatum, today, await settings.FollowUpDaysAsync(ct), errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var referrer = await db.Users.AsNoTracking().Where(u => u.Id == user.ActorId)
            .Select(u => new { u.TeamId, u.EmployerKind, u.EmployerOrganisationId }).FirstOrDefaultAsync(ct);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, PersonId = input.PersoonId!.Value, GoalId = input.DoelId,
            ProviderOrganisationId = providerId, ProviderName = providerName!, ServiceId = input.DienstId, ServiceName = serviceName, ServiceKind = kind,
            Question = question!, Consent = true, FollowUpOn = followUp!.Value, Status = ReferralStatus.Verstuurd, StatusChangedAt = now,
            TeamId = referrer?.TeamId ?? user.TeamId ?? household.ResponsibleTeamId, ReferrerId = user.ActorId, ReferrerName = user.ActorName,
            ReferrerEmployerKind = referrer?.EmployerKind, ReferrerEmployerOrganisationId = referrer?.EmployerOrganisationId,
            OwnEmployer = Employment.IsOwnEmployer(referrer?.EmployerOrganisationId, providerId), SentAt = now, Version = 1,
        };
        db.Referrals.Add(referral);
        db.ReferralSteps.Add(ReferralStep.Of(referral, ReferralStatus.Verstuurd, user.ActorId, user.ActorName, null, now, null));
        timeline.Record(household, EventTypes.ReferralSent, $"Verwezen naar {providerName}{(serviceName is null ? "" : $" ({serviceName})")}", personId: referral.PersonId,
            data: new { verwijzing = referral.Id, organisatie = providerId, dienst = referral.ServiceId, soort = kind, eigenWerkgever = referral.OwnEmployer });
        if (providerId is { } provider)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, OrganisationId = provider, CreatedAt = now,
                Title = $"Nieuwe verwijzing{(serviceName is null ? "" : $": {serviceName}")}",
                Body = $"{user.ActorName} heeft een inwoner naar u verwezen. Bekijk de vraag onder Verwijzingen en laat weten of u haar oppakt (opvolgdatum {DutchDate.Format(referral.FollowUpOn)}).",
            });
        var result = await db.SaveOrConflictAsync(referral.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Referral, householdId, referral.PersonId, $"verwijzing naar {providerName}", ct, AuditActions.Create);
    }
}
