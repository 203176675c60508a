using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Referrals;

public sealed class LightSupportInput
{
    [Required, Description("Het doel in het actieve plan waarvoor de ondersteuning is.")]
    public Guid? DoelId { get; set; }
    [Description("Leeg: het hele huishouden.")]
    public Guid? PersoonId { get; set; }
    [Required] public string? Omschrijving { get; set; }
    [OneOf(typeof(LightSupportKind))] public string? Soort { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg: vandaag.")]
    public string? Startdatum { get; set; }
    [Required, Description("De geplande einddatum, jjjj-mm-dd (of dd-mm-jjjj); binnen de maximale duur die de gemeente toestaat.")]
    public string? Einddatum { get; set; }
    /// <summary>A team member who delivers it, or else an organisation.</summary>
    [Description("Wie de ondersteuning geeft (GET /api/v1/staff); zonder medewerkerId is organisatieId verplicht.")]
    public string? MedewerkerId { get; set; }
    [Description("De organisatie die de ondersteuning geeft (GET /api/v1/organisations), als geen medewerker dat doet.")]
    public Guid? OrganisatieId { get; set; }
    public Guid? DienstId { get; set; }
}

public sealed class LightSupportEndInput
{
    [Description("jjjj-mm-dd (of dd-mm-jjjj), niet voor de start en niet in de toekomst; leeg: vandaag.")]
    public string? Einddatum { get; set; }
    [Required] public string? Uitkomst { get; set; }
    [Description("De versie van de ondersteuning zoals u haar las; een andere geeft 409 (concurrency-conflict).")]
    public int Versie { get; set; }
}

public sealed class LightSupportSettingsInput
{
    public bool Toegestaan { get; set; }
    public int MaxWeken { get; set; }
    public List<string> Soorten { get; set; } = [];
    public int Opvolgdagen { get; set; }
    public int Versie { get; set; }
}

public sealed record LightSupportView(Guid Id, Guid? DoelId, string Omschrijving, LightSupportKind? Soort, DateOnly Start, DateOnly GeplandEinde, string Uitvoerder,
    DateOnly? Beeindigd, string? Uitkomst, bool TeLang, int Versie);

public sealed record LightSupportSettingsView(bool Toegestaan, int MaxWeken, IReadOnlyList<LightSupportKind> Soorten, int Opvolgdagen, int Versie, bool Standaard);

/// <summary>
/// Light support without a decision (the Utrecht model): where the municipality allows it the coordinator
/// starts it at once from a plan goal; above the municipality's kinds or maximum duration it is refused and
/// needs a decision. Also holds the municipality's settings, including the referrals' default follow-up term.
/// </summary>
public sealed class LightSupportHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public const string GoalNotFoundCode = "light-support-goal-not-found";
    public const string KindInvalidCode = "light-support-kind-invalid";
    public const string FollowUpDaysInvalidCode = "referral-follow-up-days-invalid";
    public const string PersonNotMemberCode = "light-support-person-not-member";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<LightSupportSettingsView> SettingsAsync(CancellationToken ct)
    {
        var row = await db.LightSupportConfigurations.AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            var d = LightSupportSettings.Default;
            return new LightSupportSettingsView(d.Allowed, d.MaxWeeks, d.Kinds, ReferralRules.DefaultFollowUpDays, 0, true);
        }
        return new LightSupportSettingsView(row.Allowed, row.MaxWeeks, LightSupportSettings.ParseKinds(row.Kinds), row.FollowUpDays, row.Version, false);
    }

    public async Task<int> FollowUpDaysAsync(CancellationToken ct) => (await SettingsAsync(ct)).Opvolgdagen;

    public async Task<CommandResult<int>> SaveSettingsAsync(LightSupportSettingsInput input, CancellationToken ct)
    {
        if (user.Gemeentecode is not { } gemeente) return CommandResult<int>.Forbidden();
        var errors = new ErrorList();
        var kinds = new List<LightSupportKind>();
        foreach (var s in input.Soorten)
            if (Enums.ParseDefined<LightSupportKind>(s) is { } k) kinds.Add(k);
            else errors.Add(new DomainError(KindInvalidCode, "Soorten", "Kies soorten uit de lijst."));
        LightSupportRules.CheckSettings(input.MaxWeken, kinds, input.Toegestaan, errors);
        if (input.Opvolgdagen is < 1 or > 90)
            errors.Add(new DomainError(FollowUpDaysInvalidCode, "Opvolgdagen", "Vul een opvolgtermijn in van 1 tot en met 90 dagen."));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        var row = await db.LightSupportConfigurations.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            if (input.Versie != 0) return CommandResult<int>.Conflict();
            row = new LightSupportConfiguration { Gemeentecode = gemeente, Kinds = "", ChangedBy = "", Version = 1 };
            db.LightSupportConfigurations.Add(row);
        }
        else
        {
            if (row.Version != input.Versie) return CommandResult<int>.Conflict();
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Versie;
        }
        row.Allowed = input.Toegestaan;
        row.MaxWeeks = input.MaxWeken;
        row.Kinds = new LightSupportSettings(input.Toegestaan, input.MaxWeken, kinds.Distinct().ToList()).KindsToStored();
        row.FollowUpDays = input.Opvolgdagen;
        row.ChangedBy = user.ActorName;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        var result = await db.SaveOrConflictAsync(input.Versie + 1, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, null, null,
            $"instellingen: {(input.Toegestaan ? "toegestaan" : "niet toegestaan")}, max {input.MaxWeken} weken, opvolging {input.Opvolgdagen} dagen", ct);
    }

    /// <summary>The household's light support, newest first; each list read is one audit entry with its number of items.</summary>
    /// <param name="audited">False where the page records its own read of the plan, or the PDF its export.</param>
    public async Task<IReadOnlyList<LightSupportView>> ForHouseholdAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var today = Today;
        var rows = await db.LightSupports.AsNoTracking().Where(s => s.HouseholdId == householdId).OrderByDescending(s => s.StartOn).ToListAsync(ct);
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.LightSupport, householdId, detail: $"lichte ondersteuning ({rows.Count})", ct: ct);
        return rows.Select(s => new LightSupportView(s.Id, s.GoalId, s.Description, s.Kind, s.StartOn, s.PlannedEndOn, s.DeliveredByName, s.EndedOn, s.Outcome,
                s.EndedOn is null && s.PlannedEndOn < today, s.Version)).ToList();
    }

    public async Task<CommandResult<Guid>> StartAsync(Guid householdId, LightSupportInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.ClosedOn == null, ct);
        if (plan is null)
            return CommandResult<Guid>.Invalid(new DomainError(Regie.Domain.Care.PlanRules.NoActivePlanCode, "", "Dit huishouden heeft geen actief plan. Start eerst een plan."));
        var settings = await SettingsAsync(ct);
        var errors = new ErrorList();
        // Not allowed at all: that is the whole answer, whatever else was filled in.
        LightSupportRules.CheckStart(new LightSupportSettings(settings.Toegestaan, settings.MaxWeken, settings.Soorten), null, Today, Today, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        if (input.DoelId is not { } goalId || !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.PlanId == plan.Id, ct))
            errors.Add(new DomainError(GoalNotFoundCode, "DoelId", "Kies het doel in het plan waarvoor de ondersteuning is."));
        if (input.PersoonId is { } personId && !(await PlanVersions.MembersAsync(db, householdId, ct)).Any(m => m.PersonId == personId && m.Current))
            errors.Add(new DomainError(PersonNotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden."));
        var description = errors.Take(TextRules.Optional(input.Omschrijving, "Omschrijving", "de omschrijving", LightSupportRules.DescriptionMaxLength));
        if (description is null && !errors.Errors.Any(e => e.Field == "Omschrijving"))
            errors.Add(new DomainError(LightSupportRules.WhatRequiredCode, "Omschrijving", "Beschrijf kort welke ondersteuning er komt."));
        LightSupportKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Soort))
        {
            kind = Enums.ParseDefined<LightSupportKind>(input.Soort);
            if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies een soort uit de lijst."));
        }
        var start = Today;
        if (!string.IsNullOrWhiteSpace(input.Startdatum) && !DutchDate.TryParse(input.Startdatum, out start))
            errors.Add(new DomainError(LightSupportRules.DatesInvalidCode, "Startdatum", "Vul de startdatum in als dd-mm-jjjj."));
        else errors.Add(DateRules.Check(start, DateKind.Planned, Today, "Startdatum", "de startdatum"));
        DateOnly end = default;
        if (!DutchDate.TryParse(input.Einddatum, out end))
            errors.Add(new DomainError(LightSupportRules.DatesInvalidCode, "Einddatum", "Vul de geplande einddatum in als dd-mm-jjjj."));
        else errors.Add(DateRules.Check(end, DateKind.Planned, Today, "Einddatum", "de geplande einddatum"));
        string? deliverer = null;
        if (!string.IsNullOrEmpty(input.MedewerkerId))
        {
            deliverer = await db.Users.Where(u => u.Id == input.MedewerkerId && u.Gemeentecode == user.Gemeentecode).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (deliverer is null) errors.Add(new DomainError(LightSupportRules.DelivererRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst."));
        }
        else if (input.OrganisatieId is { } org)
        {
            deliverer = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (deliverer is null) errors.Add(new DomainError(LightSupportRules.DelivererRequiredCode, "OrganisatieId", "Kies een organisatie uit de lijst."));
        }
        else errors.Add(new DomainError(LightSupportRules.DelivererRequiredCode, "MedewerkerId", "Kies wie de ondersteuning geeft: een medewerker van het team of een organisatie."));
        if (!errors.Errors.Any(e => e.Code is LightSupportRules.DatesInvalidCode or DateRules.TooEarlyCode or DateRules.TooLateCode))
            LightSupportRules.CheckStart(new LightSupportSettings(settings.Toegestaan, settings.MaxWeken, settings.Soorten), kind, start, end, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var support = new LightSupport
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, PlanId = plan.Id, GoalId = input.DoelId, PersonId = input.PersoonId,
            Description = description!, Kind = kind, StartOn = start, PlannedEndOn = end, DeliveredByUserId = string.IsNullOrEmpty(input.MedewerkerId) ? null : input.MedewerkerId,
            DeliveredByOrganisationId = string.IsNullOrEmpty(input.MedewerkerId) ? input.OrganisatieId : null, DeliveredByName = deliverer!, ServiceId = input.DienstId,
            StartedBy = user.ActorId, CreatedAt = clock.GetUtcNow().UtcDateTime, Version = 1,
        };
        db.LightSupports.Add(support);
        timeline.Record(household, EventTypes.SupportStarted, $"Lichte ondersteuning gestart: {Short(support.Description)} (door {deliverer}, tot {DutchDate.Format(end)})",
            effectiveDate: start, personId: input.PersoonId,
            data: new { interventie = support.Id, aanbieder = deliverer, eind = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var result = await db.SaveOrConflictAsync(support.Id, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, householdId, input.PersoonId, $"lichte ondersteuning gestart: {Short(support.Description)}", ct, AuditActions.Create);
    }

    public async Task<CommandResult<int>> EndAsync(Guid householdId, Guid supportId, LightSupportEndInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var support = await db.LightSupports.FirstOrDefaultAsync(s => s.Id == supportId && s.HouseholdId == householdId, ct);
        if (support is null) return CommandResult<int>.NotFound("De ondersteuning");
        var errors = new ErrorList();
        if (support.EndedOn is not null) errors.Add(new DomainError(LightSupportRules.AlreadyEndedCode, "", "Deze ondersteuning is al beëindigd."));
        var ended = Today;
        if (!string.IsNullOrWhiteSpace(input.Einddatum) && (!DutchDate.TryParse(input.Einddatum, out ended) || ended < support.StartOn || ended > Today))
            errors.Add(new DomainError(LightSupportRules.DatesInvalidCode, "Einddatum", "Vul de einddatum in als dd-mm-jjjj: niet voor de start en niet in de toekomst."));
        var outcome = errors.Take(TextRules.Optional(input.Uitkomst, "Uitkomst", "de uitkomst", LightSupportRules.OutcomeMaxLength));
        if (outcome is null && !errors.Errors.Any(e => e.Field == "Uitkomst"))
            errors.Add(new DomainError(LightSupportRules.OutcomeRequiredCode, "Uitkomst", "Schrijf kort wat de ondersteuning opleverde."));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (support.Version != input.Versie) return CommandResult<int>.Conflict();
        db.Entry(support).Property(s => s.Version).OriginalValue = input.Versie;
        support.EndedOn = ended;
        support.Outcome = outcome;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        timeline.Record(household, EventTypes.SupportEnded, $"Lichte ondersteuning beëindigd: {Short(support.Description)}", effectiveDate: ended, personId: support.PersonId,
            data: new { interventie = support.Id });
        var result = await db.SaveOrConflictAsync(input.Versie + 1, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, householdId, support.PersonId, $"lichte ondersteuning beëindigd: {Short(support.Description)}", ct);
    }

    private static string Short(string s) => Text.Truncate(s, 80);
}
