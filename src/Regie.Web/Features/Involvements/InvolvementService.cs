using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Regie.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

public sealed class InvolvementOptions
{
    public const string Section = "Involvement";
    /// <summary>The Verwijsindex keeps a report at most two years unless renewed.</summary>
    public int MaxYears { get; set; } = 2;
    /// <summary>The scheduled job that records the end of registrations that were not renewed.</summary>
    public bool ExpiryJobEnabled { get; set; } = true;
    public int ExpiryJobIntervalHours { get; set; } = 24;
    /// <summary>On PostgreSQL, answer the department look-up from a copy of the active register in memory (ADR 0011).</summary>
    public bool LookupInMemory { get; set; } = true;
}

/// <summary>Once a day (configurable): registrations older than their term, and not renewed, are ended.</summary>
public sealed class InvolvementExpiryJob(IServiceScopeFactory scopes, InvolvementOptions options, ILogger<InvolvementExpiryJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ExpiryJobEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, options.ExpiryJobIntervalHours)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("", "betrokkenheid-verloop", "Verloop betrokkenheid (automatisch)");
                var ended = await scope.ServiceProvider.GetRequiredService<InvolvementService>().ExpireAsync(stoppingToken);
                log.LogInformation("Involvement expiry: {Ended} registrations ended", ended);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Involvement expiry failed; it will be tried again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public sealed class InvolvementInput
{
    [Required] public string? Bsn { get; set; }
    [OneOf(typeof(ZrmDomain))] public string? Leefgebied { get; set; }
    [Required, Description("Met een telefoonnummer of e-mailadres (minstens één van beide).")] public string? Contactpersoon { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Startdatum { get; set; }
    /// <summary>Why the organisation is involved (required): on record with the registration and in the audit trail.</summary>
    [Required] public string? Reden { get; set; }
}

/// <summary>One organisation involved: who and how to reach them. Never the concern (no life domain): that is the file's, not the look-up's.</summary>
public sealed record ContactView(string Organisatie, string? Contactpersoon, string? Telefoon, string? Email, DateOnly Sinds);

public sealed record CoordinatorContact(string Naam, string? Team, string? Telefoon, string? Email);

/// <summary>The look-up's whole answer. Unknown and known-but-uninvolved persons get the very same one.</summary>
public sealed record LookupResult(bool Betrokken, CoordinatorContact? Regisseur, IReadOnlyList<ContactView> Organisaties);

/// <summary>
/// The involvement register: organisations register who they help, the team's responsibility registers
/// itself, a second party makes a match that everyone involved hears of, and any department may ask
/// "is someone helping, and whom do I call?" — never what the concern is.
/// </summary>
public sealed class InvolvementService(RegieDbContext db, CurrentUser user, AuditLog audit, InvolvementOptions options, TimeProvider clock, InvolvementLookup lookup)
{
    public const string OrganisationUnknownCode = "organisation-unknown";
    public const string ContactRequiredCode = "involvement-contact-required";
    public const string StartDateInvalidCode = "involvement-start-invalid";
    public const string DomainInvalidCode = "involvement-domain-invalid";
    public const string ReasonRequiredCode = "involvement-reason-required";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The look-up itself lives in <see cref="InvolvementLookup"/>, built for the load of every department's systems.</summary>
    public Task<CommandResult<LookupResult>> LookupAsync(string? bsn, string? purpose, CancellationToken ct) => lookup.LookupAsync(bsn, purpose, ct);

    /// <summary>Registers the caller's organisation as involved with the person; a second party makes a match.</summary>
    public async Task<CommandResult<Guid>> RegisterAsync(InvolvementInput input, CancellationToken ct)
    {
        var organisation = await CallerOrganisationAsync(ct);
        var errors = new ErrorList();
        var bsn = errors.Take(Bsn.Parse(input.Bsn, "Bsn"));
        if (organisation is null) errors.Add(new DomainError(OrganisationUnknownCode, "", "Uw account of API-sleutel hoort niet bij een organisatie: registreren kan alleen namens een organisatie."));
        ZrmDomain? domain = null;
        if (!string.IsNullOrWhiteSpace(input.Leefgebied))
        {
            if (Enums.ParseDefined<ZrmDomain>(input.Leefgebied) is { } d) domain = d;
            else errors.Add(new DomainError(DomainInvalidCode, "Leefgebied", "Kies een leefgebied uit de lijst, of laat het leeg."));
        }
        var contact = errors.Take(TextRules.Optional(input.Contactpersoon, "Contactpersoon", "de contactpersoon", Involvement.ContactNameMaxLength));
        var phone = errors.Take(TextRules.Optional(input.Telefoon, "Telefoon", "het telefoonnummer", Involvement.ContactPhoneMaxLength));
        var email = errors.Take(TextRules.Optional(input.Email, "Email", "het e-mailadres", Involvement.ContactEmailMaxLength));
        if (contact is null || (phone is null && email is null))
            errors.Add(new DomainError(ContactRequiredCode, "Contactpersoon", "Vul een contactpersoon in met een telefoonnummer of e-mailadres: daarvoor is het register."));
        var start = Today;
        if (!string.IsNullOrWhiteSpace(input.Startdatum) && (!DutchDate.TryParse(input.Startdatum, out start) || start > Today))
            errors.Add(new DomainError(StartDateInvalidCode, "Startdatum", "Vul de startdatum in als dd-mm-jjjj, niet in de toekomst."));
        else errors.Add(DateRules.Check(start, DateKind.Happened, Today, "Startdatum", "de startdatum"));
        // Registering shows who else is involved: it is as much a question as a look-up, and needs its reason on record.
        var reason = errors.Take(TextRules.Optional(input.Reden, "Reden", "de reden", Involvement.ReasonMaxLength));
        if (reason is null && !errors.Errors.Any(e => e.Field == "Reden"))
            errors.Add(new DomainError(ReasonRequiredCode, "Reden", "Vul in waarom uw organisatie betrokken is (bijvoorbeeld: lopend schuldhulptraject)."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var existing = await db.Involvements.FirstOrDefaultAsync(i => i.Bsn == bsn.Value && i.OrganisationId == organisation!.Id && i.EndedOn == null, ct);
        if (existing is not null)
        {
            // Registering again renews: the contact may have changed and the two years start again.
            (existing.ContactName, existing.ContactPhone, existing.ContactEmail, existing.Domain, existing.Reason) = (contact!, phone, email, domain ?? existing.Domain, reason);
            existing.ExpiresOn = Today.AddYears(options.MaxYears);
            var renewed = await db.SaveOrConflictAsync(existing.Id, ct);
            if (renewed.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, purpose: reason,
                detail: $"betrokkenheid opnieuw geregistreerd door {organisation!.Name}", ct: ct, subjectBsn: existing.Bsn);
            return renewed;
        }
        var involvement = new Involvement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = organisation!.Gemeentecode, Bsn = bsn.Value, OrganisationId = organisation.Id, Domain = domain,
            ContactName = contact!, ContactPhone = phone, ContactEmail = email, StartedOn = start, ExpiresOn = Today.AddYears(options.MaxYears),
            Reason = reason, RegisteredBy = user.ActorName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Involvements.Add(involvement);
        await AddMatchesAsync(involvement, organisation.Name, ct);
        var result = await db.SaveOrConflictAsync(involvement.Id, ct);
        // Who registered which BSN and why: the privacy officer finds it under the BSN, the resident in their export.
        if (result.IsOk) await audit.RecordAsync(AuditActions.Create, AuditResources.Involvement, purpose: reason,
            detail: $"betrokkenheid geregistreerd door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }

    public async Task<CommandResult<Guid>> WithdrawAsync(Guid id, CancellationToken ct)
    {
        var organisation = await CallerOrganisationAsync(ct);
        var involvement = await db.Involvements.FirstOrDefaultAsync(i => i.Id == id && i.EndedOn == null, ct);
        // Another organisation's registration is not found: the caller cannot even learn it exists.
        if (involvement is null || organisation is null || involvement.OrganisationId != organisation.Id) return CommandResult<Guid>.NotFound("De betrokkenheid");
        involvement.EndedOn = Today;
        involvement.EndReason = WithdrawnReason;
        var result = await db.SaveOrConflictAsync(id, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"{WithdrawnDetail} door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }

    /// <summary>Renews one of the caller's own registrations: it runs for another <see cref="InvolvementOptions.MaxYears"/> years from today.</summary>
    public async Task<CommandResult<Guid>> RenewAsync(Guid id, CancellationToken ct)
    {
        var organisation = await CallerOrganisationAsync(ct);
        var today = Today;
        var involvement = await db.Involvements.FirstOrDefaultAsync(i => i.Id == id && i.EndedOn == null && i.ExpiresOn >= today, ct);
        if (involvement is null || organisation is null || involvement.OrganisationId != organisation.Id) return CommandResult<Guid>.NotFound("De betrokkenheid");
        involvement.ExpiresOn = today.AddYears(options.MaxYears);
        var result = await db.SaveOrConflictAsync(id, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"betrokkenheid verlengd door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }

    /// <summary>
    /// Ends every registration whose term has passed without renewal (all municipalities: run by the
    /// scheduled job or the CLI as the system). The look-up already ignores them from their expiry date;
    /// this records the end, so the register says why it stopped.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var today = Today;
        var ended = await db.Involvements.IgnoreQueryFilters().Where(i => i.EndedOn == null && i.ExpiresOn < today)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.EndedOn, i => i.ExpiresOn).SetProperty(i => i.EndReason, ExpiredReason), ct);
        if (ended > 0) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"{ended} betrokkenheden verlopen (niet verlengd)", ct: ct);
        return ended;
    }

    public const string ExpiredReason = "verlopen (niet verlengd)";
    public const string WithdrawnReason = "ingetrokken";
    public const string WithdrawnDetail = "betrokkenheid ingetrokken";

    public async Task<IReadOnlyList<(Guid Id, string Bsn, DateOnly Sinds, DateOnly Tot, string Contact)>> OwnAsync(CancellationToken ct)
    {
        if (await CallerOrganisationAsync(ct) is not { } organisation) return [];
        var today = Today;
        var rows = await db.Involvements.AsNoTracking().Where(i => i.OrganisationId == organisation.Id && i.EndedOn == null && i.ExpiresOn >= today)
            .OrderByDescending(i => i.StartedOn).Take(500).Select(i => new { i.Id, i.Bsn, i.StartedOn, i.ExpiresOn, i.ContactName }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Bsn, r.StartedOn, r.ExpiresOn, r.ContactName)).ToList();
    }

    /// <summary>
    /// Brings the team's own involvement in line with the household: every current member with a BSN is
    /// registered for the responsible team, with the coordinator as contact; members who left, and a team
    /// that no longer holds the file, are ended. Adds to the caller's unit of work; the caller saves.
    /// </summary>
    public async Task SyncTeamAsync(Household household, bool closing, CancellationToken ct)
    {
        var today = Today;
        var current = await db.Involvements.Where(i => i.HouseholdId == household.Id && i.TeamId != null && i.EndedOn == null).ToListAsync(ct);
        var members = closing ? [] : await db.HouseholdMembers.Where(m => m.HouseholdId == household.Id && m.Until == null && m.Person!.Bsn != null)
            .Select(m => m.Person!.Bsn!).ToListAsync(ct);
        var team = household.ResponsibleTeamId is { } tid ? await db.Teams.FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        var coordinator = household.CoordinatorId is { } cid
            ? await db.Users.Where(u => u.Id == cid).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct) : null;
        foreach (var i in current.Where(i => closing || i.TeamId != team?.Id || !members.Contains(i.Bsn)))
        {
            i.EndedOn = today;
            i.EndReason = closing ? "traject afgesloten" : i.TeamId != team?.Id ? "ander team verantwoordelijk" : "niet meer in het huishouden";
        }
        if (closing || team is null) return;
        Involvement? first = null;
        foreach (var bsn in members)
        {
            var existing = current.FirstOrDefault(i => i.Bsn == bsn && i.TeamId == team.Id && i.EndedOn == null);
            var name = coordinator?.DisplayName ?? team.Name;
            if (existing is not null)
            {
                (existing.ContactName, existing.ContactPhone, existing.ContactEmail) = (name, coordinator?.PhoneNumber ?? team.Telefoon, coordinator?.Email ?? team.Email);
                continue;
            }
            var involvement = new Involvement
            {
                Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, Bsn = bsn, TeamId = team.Id, HouseholdId = household.Id,
                ContactName = name, ContactPhone = coordinator?.PhoneNumber ?? team.Telefoon, ContactEmail = coordinator?.Email ?? team.Email,
                StartedOn = today, ExpiresOn = today.AddYears(options.MaxYears), RegisteredBy = user.ActorName, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Involvements.Add(involvement);
            first ??= involvement;
        }
        // Matches look at the whole household: one round of messages for the team, not one per member.
        if (first is not null) await AddMatchesAsync(first, team.Name, ct);
    }

    /// <summary>
    /// A second party is a match, and everyone hears who else is involved and how to reach them — nothing about the
    /// concern. An organisation hears only of the parties involved with the same person: registering one BSN must
    /// not reveal who helps the rest of the household. The household's coordinator, whose work is the whole
    /// household, hears of every party involved with any of its members.
    /// </summary>
    private async Task AddMatchesAsync(Involvement added, string addedName, CancellationToken ct)
    {
        var today = Today;
        var household = added.HouseholdId ?? await db.HouseholdMembers.Where(m => m.Until == null && m.Person!.Bsn == added.Bsn).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        var bsns = household is { } hid
            ? await db.HouseholdMembers.Where(m => m.HouseholdId == hid && m.Until == null && m.Person!.Bsn != null).Select(m => m.Person!.Bsn!).ToListAsync(ct)
            : [added.Bsn];
        if (!bsns.Contains(added.Bsn)) bsns.Add(added.Bsn);
        var others = await db.Involvements.AsNoTracking()
            .Where(i => bsns.Contains(i.Bsn) && i.EndedOn == null && i.ExpiresOn >= today && i.Id != added.Id
                && !(i.OrganisationId != null && i.OrganisationId == added.OrganisationId) && !(i.TeamId != null && i.TeamId == added.TeamId))
            .Select(i => new
            {
                i.Bsn, i.OrganisationId, i.TeamId, i.ContactName, i.ContactPhone, i.ContactEmail,
                Name = i.OrganisationId != null ? db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault()
                    : db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        if (others.Count == 0) return;
        var coordinatorId = household is { } h ? await db.Households.Where(x => x.Id == h).Select(x => x.CoordinatorId).FirstOrDefaultAsync(ct) : null;
        var coordinatorEmail = coordinatorId is null ? null : await db.Users.Where(u => u.Id == coordinatorId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        string Contact(string? name, string? phone, string? email) => string.Join(", ", new[] { name, phone, email }.Where(x => !string.IsNullOrEmpty(x)));
        string Masked(string bsn) => "BSN eindigend op " + bsn[^3..];
        string List<T>(IEnumerable<T> parties, Func<T, string> line) => string.Join("\n", parties.Select(line).Distinct());
        var addedContact = Contact(added.ContactName, added.ContactPhone, added.ContactEmail);
        var isTeam = added.TeamId is not null;

        if (isTeam)
        {
            // The team registered for every member: the coordinator hears of everyone involved with the household ...
            Notify(null, coordinatorId, household, $"Match: ook anderen zijn betrokken bij {HouseholdWord}",
                $"Bij leden van dit huishouden zijn ook betrokken:\n{List(others, o => $"- {o.Name}: {Contact(o.ContactName, o.ContactPhone, o.ContactEmail)}")}", coordinatorEmail, null);
            // ... and each organisation hears of the team for the person it is involved with.
            foreach (var o in others.Where(o => o.OrganisationId is not null).DistinctBy(o => (o.OrganisationId, o.Bsn)))
                Notify(o.OrganisationId, null, null, $"Match: {addedName} is ook betrokken",
                    $"{addedName} is nu ook betrokken bij een inwoner met wie u werkt ({Masked(o.Bsn)}). Contact: {addedContact}.", o.ContactEmail, Masked(o.Bsn));
            return;
        }

        var samePerson = others.Where(o => o.Bsn == added.Bsn).ToList();
        var masked = Masked(added.Bsn);
        // The new organisation hears of the parties involved with the same person, nobody else ...
        if (samePerson.Count > 0)
            Notify(added.OrganisationId, null, null, $"Match: ook anderen zijn betrokken ({masked})",
                $"Bij deze inwoner zijn ook betrokken:\n{List(samePerson, o => $"- {o.Name}: {Contact(o.ContactName, o.ContactPhone, o.ContactEmail)}")}", added.ContactEmail, masked);
        // ... those organisations hear of the new one ...
        var body = $"{addedName} is nu ook betrokken bij een inwoner met wie u werkt ({masked}). Contact: {addedContact}.";
        foreach (var o in samePerson.Where(o => o.OrganisationId is not null).DistinctBy(o => o.OrganisationId))
            Notify(o.OrganisationId, null, null, $"Match: {addedName} is ook betrokken", body, o.ContactEmail, masked);
        // ... and the coordinator hears of it for the whole household.
        if (coordinatorId is not null)
            Notify(null, coordinatorId, household, $"Match: {addedName} is ook betrokken bij {HouseholdWord}",
                $"{addedName} is nu ook betrokken bij een lid van het huishouden dat u regisseert ({masked}). Contact: {addedContact}.", coordinatorEmail, masked);

        void Notify(Guid? organisationId, string? userId, Guid? householdId, string title, string text, string? email, string? maskedBsn)
        {
            if (organisationId is null && userId is null) return;
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = added.Gemeentecode, OrganisationId = organisationId, UserId = organisationId is null ? userId : null,
                HouseholdId = organisationId is null ? householdId : null,
                Title = Text.Truncate(title, 200), Body = Text.Truncate(text, 2000), CreatedAt = now,
            });
            // The e-mail says there is a match and whom to call; the BSN stays inside Regie.
            if (!string.IsNullOrEmpty(email))
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = email,
                    Subject = maskedBsn is null ? title : title.Replace(maskedBsn, "in Regie", StringComparison.Ordinal),
                    Body = maskedBsn is null ? text : text.Replace(maskedBsn, "zie uw Regie-inbox", StringComparison.Ordinal),
                    CreatedAt = now, NextAttemptAt = now,
                });
        }
    }

    private const string HouseholdWord = "een huishouden dat u regisseert";

    /// <summary>The organisation the signed-in user or API key acts for; created by name on first use so a new partner's key works at once.</summary>
    private async Task<Organisation?> CallerOrganisationAsync(CancellationToken ct)
    {
        // A linked account or key acts for its organisation by id, whatever the organisation is called now.
        if (user.OrganisationId is { } id) return await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (user.Organisation is not { Length: > 0 } name || user.Gemeentecode is null) return null;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (organisation is not null) return organisation;
        organisation = new Organisation
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode, Name = name, Kind = user.Role == Roles.Afdeling ? "afdeling" : "partner",
        };
        db.Organisations.Add(organisation);
        return organisation;
    }
}
