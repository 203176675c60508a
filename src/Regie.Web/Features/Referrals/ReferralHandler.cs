using Regie.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Referrals;
using Regie.Domain.Registry;
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
/// Closed-loop referrals: the team refers a household member from a plan goal to a provider, with the resident's
/// consent; the provider accepts or declines (with a reason), starts and finishes (with feedback) through its
/// partner account or API key; the coordinator hears of every answer and sees what is overdue. A provider sees
/// its own organisation's referrals only, and of those only what it needs to help.
/// </summary>
public sealed class ReferralHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    LightSupportHandler settings, TimeProvider clock)
{
    public const string PersonNotMemberCode = "referral-person-not-member";
    public const string GoalNotFoundCode = "referral-goal-not-found";
    public const string ProviderRequiredCode = "referral-provider-required";
    public const string ServiceRequiredCode = "referral-service-required";
    public const string ServiceNotFoundCode = "referral-service-not-found";
    public const string KindInvalidCode = "referral-kind-invalid";
    public const string StatusInvalidCode = "referral-status-invalid";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The form's starting values from a social-map service and a goal; unknown ids are ignored (the worker fills in by hand).</summary>
    public async Task<ReferralPrefill?> PrefillAsync(Guid householdId, Guid? serviceId, Guid? goalId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var goal = goalId is { } g ? await db.PlanGoals.AsNoTracking().Where(x => x.Id == g && x.HouseholdId == householdId)
            .Select(x => new { x.Id, x.PersonId }).FirstOrDefaultAsync(ct) : null;
        var service = serviceId is { } s ? await db.HsdsServices.AsNoTracking().Where(x => x.Id == s)
            .Select(x => new { x.Id, x.Name, x.Kind, x.OrganizationId }).FirstOrDefaultAsync(ct) : null;
        var organisation = service?.OrganizationId is { } o ? await db.HsdsOrganizations.AsNoTracking().Where(x => x.Id == o)
            .Select(x => new { x.Name, x.OrganisationId }).FirstOrDefaultAsync(ct) : null;
        return new ReferralPrefill(service?.Id, service?.Name, service?.Kind, organisation?.OrganisationId, organisation?.Name, goal?.Id, goal?.PersonId);
    }

    /// <summary>Registered organisations a referral can go to: partners first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().OrderBy(o => o.Kind == "partner" ? 0 : 1).ThenBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();

    public async Task<CommandResult<Guid>> SendAsync(Guid householdId, ReferralInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var members = (await PlanVersions.MembersAsync(db, householdId, ct)).Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
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
        var followUp = ReferralRules.CheckSend(input.Toestemming, question, input.Opvolgdatum, Today, await settings.FollowUpDaysAsync(ct), errors);
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
        AddStep(referral, ReferralStatus.Verstuurd, null, now);
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

    /// <summary>One step of the loop, by the provider (its own organisation's referrals only) or by the team (for a provider without an account, or to withdraw).</summary>
    /// <param name="householdId">When the call names the household (the team's route), the referral must be one of it.</param>
    public async Task<CommandResult<int>> StepAsync(Guid referralId, ReferralStepInput input, CancellationToken ct, Guid? householdId = null)
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
            var own = await ProviderOrganisationAsync(ct);
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
        if (to is null) errors.Add(new DomainError(StatusInvalidCode, "Status", "Kies de nieuwe status: geaccepteerd, afgewezen, gestart, afgerond of ingetrokken."));
        else ReferralRules.CheckStep(referral.Status, to.Value, party, reason, feedback, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        db.Entry(referral).Property(r => r.Version).OriginalValue = input.Versie;

        var now = clock.GetUtcNow().UtcDateTime;
        var status = to!.Value;
        referral.Status = status;
        referral.StatusChangedAt = now;
        if (status == ReferralStatus.Afgewezen) referral.DeclineReason = reason;
        if (status == ReferralStatus.Afgerond) referral.Feedback = feedback;
        var note = status switch { ReferralStatus.Afgewezen => reason, ReferralStatus.Afgerond => feedback, _ => reason ?? feedback };
        AddStep(referral, status, organisationName, now, note);

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
            Title = Cut(title, 200), Body = Cut(body + $"\nHuishouden: /huishoudens/{household.Id}/verwijzingen", 2000),
        });
    }

    private void AddStep(Referral referral, ReferralStatus status, string? organisation, DateTime at, string? note = null) =>
        db.ReferralSteps.Add(new ReferralStep
        {
            Id = Guid.CreateVersion7(), Gemeentecode = referral.Gemeentecode, ReferralId = referral.Id, Status = status, At = at,
            ById = Cut(user.ActorId, 64), ByName = Cut(user.ActorName, 200), ByOrganisation = organisation, Note = note,
        });

    /// <summary>The household's referrals, newest first, for the team.</summary>
    /// <param name="audited">False where the page records its own read of the plan or file.</param>
    public async Task<IReadOnlyList<ReferralView>?> ForHouseholdAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var rows = await db.Referrals.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderByDescending(r => r.SentAt).ToListAsync(ct);
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Referral, householdId, ct: ct);
        return await TeamViewsAsync(rows, ct);
    }

    private async Task<IReadOnlyList<ReferralView>> TeamViewsAsync(List<Referral> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var steps = await StepsAsync(ids, ct);
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var names = (await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var providerIds = rows.Select(r => r.ProviderOrganisationId).OfType<Guid>().Distinct().ToList();
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null && providerIds.Contains(u.OrganisationId.Value)).Select(u => u.OrganisationId!.Value).Distinct().ToListAsync(ct))
            .Concat(await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null && k.OrganisationId != null && providerIds.Contains(k.OrganisationId.Value)).Select(k => k.OrganisationId!.Value).Distinct().ToListAsync(ct))
            .ToHashSet();
        var today = Today;
        return rows.Select(r => new ReferralView(r.Id, r.HouseholdId, r.PersonId, names.GetValueOrDefault(r.PersonId, "?"), r.GoalId, r.ProviderOrganisationId, r.ProviderName,
            r.ProviderOrganisationId is { } p && withAccount.Contains(p), r.ServiceId, r.ServiceName, r.ServiceKind, r.Question, r.FollowUpOn, r.Status, r.StatusChangedAt,
            r.DeclineReason, r.Feedback, r.ReferrerName, r.OwnEmployer, r.SentAt, ReferralRules.IsOverdue(r.Status, r.FollowUpOn, today), r.Version,
            steps.GetValueOrDefault(r.Id, []))).ToList();
    }

    private async Task<Dictionary<Guid, List<ReferralStepView>>> StepsAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.ReferralSteps.AsNoTracking().Where(s => ids.Contains(s.ReferralId)).OrderBy(s => s.At).ToListAsync(ct))
        .GroupBy(s => s.ReferralId).ToDictionary(g => g.Key, g => g.Select(s => new ReferralStepView(s.Status, s.At, s.ByName, s.ByOrganisation, s.Note)).ToList());

    /// <summary>The caller's organisation when it acts as a provider (partner account or key); null otherwise.</summary>
    public async Task<(Guid Id, string Name)?> ProviderOrganisationAsync(CancellationToken ct)
    {
        if (user.Role != Roles.Partner) return null;
        // A linked account or key acts for its organisation by id; older ones by name.
        var organisationId = user.OrganisationId;
        var name = user.Organisation;
        var row = organisationId is { } id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct)
            : name is { Length: > 0 } ? await db.Organisations.AsNoTracking().Where(o => o.Name == name).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct) : null;
        return row is null ? null : (row.Id, row.Name);
    }

    /// <summary>The provider's incoming referrals (its own organisation's only), optionally of one status.</summary>
    public async Task<CommandResult<IReadOnlyList<ProviderReferralView>>> IncomingAsync(string? status, CancellationToken ct)
    {
        if (await ProviderOrganisationAsync(ct) is not { } own) return CommandResult<IReadOnlyList<ProviderReferralView>>.Forbidden();
        ReferralStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = ReferralStatuses.Parse(status);
            if (filter is null) return CommandResult<IReadOnlyList<ProviderReferralView>>.Invalid(new DomainError(StatusInvalidCode, "status", "Onbekende status."));
        }
        var ownId = own.Id;
        var rows = await db.Referrals.AsNoTracking().Where(r => r.ProviderOrganisationId == ownId && (filter == null || r.Status == filter))
            .OrderByDescending(r => r.SentAt).Take(500).ToListAsync(ct);
        var views = await ProviderViewsAsync(rows, ct);
        // Names, dates of birth and contact details of residents: a sensitive read, recorded like the others.
        await audit.RecordAsync(AuditActions.Read, AuditResources.Referral, detail: $"inkomende verwijzingen van {own.Name} ({rows.Count})", ct: ct);
        return CommandResult<IReadOnlyList<ProviderReferralView>>.Ok(views);
    }

    public async Task<ProviderReferralView?> ForProviderAsync(Guid referralId, CancellationToken ct)
    {
        if (await ProviderOrganisationAsync(ct) is not { } own) return null;
        var ownId = own.Id;
        var row = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId && r.ProviderOrganisationId == ownId, ct);
        if (row is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Referral, row.HouseholdId, row.PersonId, detail: $"verwijzing gelezen door {own.Name}", ct: ct);
        return (await ProviderViewsAsync([row], ct))[0];
    }

    private async Task<IReadOnlyList<ProviderReferralView>> ProviderViewsAsync(List<Referral> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Geboortedatum, p.Telefoon, p.Email }).ToDictionaryAsync(p => p.Id, ct);
        var householdIds = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var addresses = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats }).ToDictionaryAsync(h => h.Id, ct);
        var referrerIds = rows.Select(r => r.ReferrerId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => referrerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var teamIds = rows.Select(r => r.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var steps = await StepsAsync(rows.Select(r => r.Id).ToList(), ct);
        // Contact details and address are the person's own file's: once they left the household the referral was for,
        // the provider no longer sees them (their new phone, e-mail or address belong to another file).
        var stillThere = (await db.HouseholdMembers.AsNoTracking().Where(m => m.Until == null && personIds.Contains(m.PersonId) && householdIds.Contains(m.HouseholdId))
            .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct)).Select(m => (m.PersonId, m.HouseholdId)).ToHashSet();
        var today = Today;
        return rows.Select(r =>
        {
            var p = persons[r.PersonId];
            if (!stillThere.Contains((r.PersonId, r.HouseholdId))) p = p with { Telefoon = null, Email = null };
            var a = addresses[r.HouseholdId];
            var team = r.TeamId is { } t ? teams.GetValueOrDefault(t) : null;
            // A withdrawn referral no longer has the resident's consent: the provider keeps the fact, not the details.
            if (r.Status == ReferralStatus.Ingetrokken)
                return new ProviderReferralView(r.Id, new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, p.Geboortedatum, null, null, "—",
                    r.ServiceName, r.ServiceKind, "De verwijzing is ingetrokken door het team.", r.FollowUpOn, r.Status, r.ReferrerName, emails.GetValueOrDefault(r.ReferrerId),
                    team?.Name, team?.Telefoon, team?.Email, r.SentAt, false, null, null, r.Version, steps.GetValueOrDefault(r.Id, []).Select(s => s with { Toelichting = null }).ToList());
            return new ProviderReferralView(r.Id, new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, p.Geboortedatum, p.Telefoon, p.Email,
                stillThere.Contains((r.PersonId, r.HouseholdId)) ? Address.OneLine(a.Straat, a.Huisnummer, a.Huisletter, a.Toevoeging, a.Postcode, a.Woonplaats) : "—", r.ServiceName, r.ServiceKind, r.Question, r.FollowUpOn,
                r.Status, r.ReferrerName, emails.GetValueOrDefault(r.ReferrerId), team?.Name, team?.Telefoon, team?.Email, r.SentAt,
                ReferralRules.IsOverdue(r.Status, r.FollowUpOn, today), r.DeclineReason, r.Feedback, r.Version, steps.GetValueOrDefault(r.Id, []));
        }).ToList();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
