using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Requests;

public sealed class IntakeInput
{
    /// <summary>"personId:Domain" → "1".."5"; empty or absent is "not screened".</summary>
    [Description("Per \"persoonId:Leefgebied\" een score \"1\" tot en met \"5\"; weglaten of leeg is niet gescreend.")]
    [MapKeys(typeof(ZrmDomain)), OneOf(typeof(Zrm), nameof(Zrm.ScoreInputs))]
    public Dictionary<string, string?> Scores { get; set; } = [];
    public int Versie { get; set; }
}

/// <summary>Saves the screen and the suggested route under the table that applies today. The screen may be redone until the decision.</summary>
public sealed class RecordIntakeHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    TriageSettingsHandler settings, TimeProvider clock)
{
    public async Task<CommandResult<TriageSuggestion>> HandleAsync(Guid id, IntakeInput input, CancellationToken ct)
    {
        var request = await db.HelpRequests.Include(x => x.Persons).Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return CommandResult<TriageSuggestion>.NotFound("De hulpvraag");
        if (await access.RefuseAsync<TriageSuggestion>(request.HouseholdId, FileWork.Change, ct, "De hulpvraag") is { } refused) return refused;
        if (request.RefuseIntake() is { } closed) return CommandResult<TriageSuggestion>.Invalid(closed);
        var errors = new ErrorList();
        var screen = IntakeScreen.Parse(input.Scores, request.Persons.Select(p => p.PersonId).ToList(), errors);
        if (errors.HasErrors) return CommandResult<TriageSuggestion>.Invalid(errors.Errors);
        if (request.Version != input.Versie) return CommandResult<TriageSuggestion>.Conflict();

        var table = await settings.CurrentAsync(ct);
        var suggestion = TriageRules.Suggest(table, screen.Select(x => (x.Domain, x.Score)), request.Maatwerk);
        db.Entry(request).Property(r => r.Version).OriginalValue = input.Versie;
        request.RecordIntake(screen, suggestion, table.Model, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), user.ActorId);
        var household = await db.Households.FirstAsync(h => h.Id == request.HouseholdId, ct);
        timeline.Record(household, EventTypes.RequestScreened,
            $"Intake: {TriageRules.Label(suggestion.Class)}; voorgestelde route {TriageRoutes.Label(suggestion.Route).ToLowerInvariant()}",
            data: new { verzoek = request.Id, klasse = suggestion.Class.ToString(), voorstel = suggestion.Route.ToString(), werkwijze = table.Model.ToString(), leefgebieden = suggestion.ConcernDomains.Select(d => d.ToString()) });
        var result = await db.SaveOrConflictAsync(suggestion, ct);
        return await audit.AfterAsync(result, AuditResources.Request, request.HouseholdId, null, "intake", ct);
    }
}
