using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Meldcode;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using SafetyCheck = Regie.Domain.Safety.SafetyCheck;

namespace Regie.Web.Features.Requests;

public sealed class IntakeInput
{
    /// <summary>"personId:Domain" → "1".."5"; empty or absent is "not screened".</summary>
    [Description("Per \"persoonId:Leefgebied\" een score \"1\" tot en met \"5\"; weglaten of leeg is niet gescreend.")]
    [MapKeys(typeof(ZrmDomain)), OneOf(typeof(Zrm), nameof(Zrm.ScoreInputs))]
    public Dictionary<string, string?> Scores { get; set; } = [];

    /// <summary>The check on basic care and safety: question key → "Nee", "Ja" or "Onbekend"; every question is answered.</summary>
    [Description("De veiligheidscheck (basisveiligheid): per vraag (geweld, kind, basiszorg, afhankelijk, dreiging) het antwoord Nee, Ja of Onbekend. Alle vragen zijn verplicht.")]
    [MapKeys(typeof(SafetyAnswer), SafetyCheck.KeyPattern), OneOf(typeof(SafetyAnswer))]
    public Dictionary<string, string?> Veiligheid { get; set; } = [];

    [Description("Uw oordeel na de veiligheidscheck. Zorgen of Acuut opent een meldcodetraject (stap 1: de signalen) of voegt de signalen toe aan het open traject.")]
    [OneOf(typeof(SafetyJudgement))]
    public string? VeiligheidOordeel { get; set; }

    [Description("Wat u zag of hoorde, van wie en wanneer. Verplicht bij Zorgen en Acuut, en bij Veilig als een vraag met Ja is beantwoord.")]
    public string? VeiligheidToelichting { get; set; }

    public int Versie { get; set; }
}

/// <summary>
/// Saves the screen, the safety check and the suggested route under the table that applies today. The screen may be redone
/// until the decision. A safety concern records its signals as step 1 of the household's open Meldcode track (opening one
/// when there is none) in the same save: nothing of the intake is saved without them.
/// </summary>
public sealed class RecordIntakeHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    TriageSettingsQueries settings, MeldcodeChanges meldcode, TimeProvider clock)
{
    public async Task<CommandResult<TriageSuggestion>> HandleAsync(Guid id, IntakeInput input, CancellationToken ct)
    {
        var request = await db.HelpRequests.Include(x => x.Persons).Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return CommandResult<TriageSuggestion>.NotFound("De hulpvraag");
        if (await access.RefuseAsync<TriageSuggestion>(request.HouseholdId, FileWork.Change, ct, "De hulpvraag") is { } refused) return refused;
        if (request.RefuseIntake() is { } closed) return CommandResult<TriageSuggestion>.Invalid(closed);
        var errors = new ErrorList();
        var screen = IntakeScreen.Parse(input.Scores, request.Persons.Select(p => p.PersonId).ToList(), errors);
        var safety = SafetyCheck.Parse(input.Veiligheid ?? [], input.VeiligheidOordeel, input.VeiligheidToelichting, errors);
        if (errors.HasErrors) return CommandResult<TriageSuggestion>.Invalid(errors.Errors);
        if (request.Version != input.Versie) return CommandResult<TriageSuggestion>.Conflict();

        var table = await settings.CurrentAsync(ct);
        var suggestion = TriageRules.Suggest(table, screen.Select(x => (x.Domain, x.Score)), request.Maatwerk);
        db.Entry(request).Property(r => r.Version).OriginalValue = input.Versie;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        request.RecordIntake(screen, suggestion, table.Model, today, user.ActorId);
        request.RecordSafetyCheck(safety!);
        var household = await db.Households.FirstAsync(h => h.Id == request.HouseholdId, ct);
        if (safety!.IsConcern)
        {
            // The signals are the intake's, recorded by the intake worker: they need not (and often may not) read the track.
            var signals = new MeldcodeEntryFields(MeldcodeStep.Signalen, today, safety.Signals(), Who: user.ActorName);
            if (await meldcode.AddSignalsAsync(household, request.Id, request.Persons.Select(p => p.PersonId).ToList(), signals, errors, ct) is null)
                return CommandResult<TriageSuggestion>.Invalid(errors.Errors);
        }
        timeline.Record(household, EventTypes.RequestScreened,
            $"Intake: {TriageRules.Label(suggestion.Class)}; voorgestelde route {TriageRoutes.Label(suggestion.Route).ToLowerInvariant()}",
            data: new { verzoek = request.Id, klasse = suggestion.Class.ToString(), voorstel = suggestion.Route.ToString(), werkwijze = table.Model.ToString(), leefgebieden = suggestion.ConcernDomains.Select(d => d.ToString()) });
        var result = await db.SaveOrConflictAsync(suggestion, ct);
        result = await audit.AfterAsync(result, AuditResources.Request, request.HouseholdId, null, "intake", ct);
        if (safety.IsConcern) await audit.AfterAsync(result, AuditResources.Meldcode, request.HouseholdId, null, "signalen bij intake", ct, AuditActions.Create);
        return result;
    }
}
