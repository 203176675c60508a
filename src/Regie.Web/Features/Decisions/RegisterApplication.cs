using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Decisions;

/// <summary>Registering a Wmo report, or an application under any framework. Dates as dd-mm-jjjj.</summary>
public sealed class ApplicationInput
{
    /// <summary>The resident, when registered from the household file.</summary>
    [Description("De inwoner; zonder persoonId is 'bsn' verplicht.")]
    public Guid? PersoonId { get; set; }
    /// <summary>The resident by BSN, at the municipal desk.</summary>
    [Description("Het BSN van een ingeschreven inwoner, als persoonId ontbreekt.")]
    public string? Bsn { get; set; }
    [Required, OneOf(typeof(LegalFramework))] public string? Kader { get; set; }
    public Guid? DoelId { get; set; }
    [Required] public string? Gevraagd { get; set; }
    /// <summary>Wmo: the day of the report (melding), which starts the six-week investigation.</summary>
    [Description("Alleen Wmo: de dag van de melding, jjjj-mm-dd (of dd-mm-jjjj). Zonder aanvraagdatum is het een melding: het onderzoek loopt.")]
    public string? Meldingsdatum { get; set; }
    /// <summary>The day the application was received, which starts the decision term. Empty for a Wmo report only.</summary>
    [Description("De dag dat de aanvraag binnenkwam, jjjj-mm-dd (of dd-mm-jjjj): daar begint de beslistermijn. Verplicht, behalve bij een Wmo-melding met meldingsdatum.")]
    public string? Aanvraagdatum { get; set; }
}

/// <summary>Registers a Wmo report or an application for a resident known by id (from the file) or by BSN (at the desk).</summary>
public sealed class RegisterApplicationHandler(RegieDbContext db, FileAccessService access, CurrentUser user, DecisionQueries queries,
    ApplicationChanges changes, AuditLog audit, TimelineWriter timeline)
{
    public async Task<CommandResult<Guid>> HandleAsync(ApplicationInput input, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var today = changes.Today;
        var errors = new ErrorList();
        var person = await FindPersonAsync(input, errors, ct);
        var framework = LegalFrameworks.Parse(input.Kader);
        errors.Add(ApplicationRules.CheckFramework(framework));
        var requested = errors.Take(TextRules.Required(input.Gevraagd, "Gevraagd", "wat er wordt gevraagd", ProvisionApplication.RequestedMaxLength));
        var reported = changes.ParseDate(input.Meldingsdatum, "Meldingsdatum", "de datum van de melding", errors, DateKind.Happened);
        var applied = changes.ParseDate(input.Aanvraagdatum, "Aanvraagdatum", "de datum van de aanvraag", errors, DateKind.Happened);
        if (framework is { } f)
            errors.AddRange(DecisionRules.CheckRegistration(f, reported, applied,
                unreadableDate: !string.IsNullOrWhiteSpace(input.Aanvraagdatum) || !string.IsNullOrWhiteSpace(input.Meldingsdatum), today));
        Guid? householdId = null;
        if (person is not null)
        {
            householdId = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.PersonId == person.Id).OrderByDescending(m => m.From)
                .Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
            // A team member registers for the households they work with; the desk for every resident.
            if (!queries.IsDesk && (householdId is not { } hid || !await access.MayAsync(hid, FileWork.Change, ct)))
                return CommandResult<Guid>.NotFound("De inwoner");
        }
        if (input.DoelId is { } goalId)
            errors.Add(ApplicationRules.CheckGoal(householdId is { } h && await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.HouseholdId == h, ct)));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var app = ProvisionApplication.Register(person!.Gemeentecode, person.Id, householdId, framework!.Value, input.DoelId, requested!, reported, applied,
            user.IsSystem ? null : user.ActorId, user.ActorId, await queries.TermsAsync(ct), today, changes.Now);
        db.ProvisionApplications.Add(app);
        if (await changes.HouseholdAsync(householdId, ct) is { } household)
        {
            var label = LegalFrameworks.Label(app.Framework);
            if (reported is { } r)
                timeline.Record(household, EventTypes.ReportReceived, $"Melding {label}: {ApplicationChanges.Short(app.Requested)}", r, person.Id,
                    new { aanvraag = app.Id, kader = app.Framework.ToString() });
            if (applied is { } ap)
                timeline.Record(household, EventTypes.ApplicationReceived, $"Aanvraag {label}: {ApplicationChanges.Short(app.Requested)}", ap, person.Id,
                    new { aanvraag = app.Id, kader = app.Framework.ToString() });
        }
        return await audit.AfterAsync(await db.SaveOrConflictAsync(app.Id, ct), AuditResources.Application, householdId, person.Id,
            $"{(applied is null ? "melding" : "aanvraag")} {LegalFrameworks.Label(app.Framework)}", ct, AuditActions.Create);
    }

    private async Task<Person?> FindPersonAsync(ApplicationInput input, ErrorList errors, CancellationToken ct)
    {
        if (input.PersoonId is { } pid)
        {
            var p = await db.Persons.FirstOrDefaultAsync(x => x.Id == pid && x.AnonymisedAt == null, ct);
            errors.Add(ApplicationRules.CheckPersonById(p is not null));
            return p;
        }
        if (ApplicationRules.CheckBsnGiven(input.Bsn) is { } required)
        {
            errors.Add(required);
            return null;
        }
        var parsed = Bsn.Parse(input.Bsn);
        if (!parsed.IsValid)
        {
            errors.Add(parsed.Error);
            return null;
        }
        var bsn = parsed.Value.Value;
        var person = await db.Persons.FirstOrDefaultAsync(x => x.Bsn == bsn && x.AnonymisedAt == null, ct);
        errors.Add(ApplicationRules.CheckPersonByBsn(person is not null));
        return person;
    }
}
