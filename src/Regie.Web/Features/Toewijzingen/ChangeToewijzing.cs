using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Toewijzingen;

public sealed class ToewijzingWijzigingInput
{
    [Description("De nieuwe einddatum (eerder: beëindigen of verkorten; later: verlengen); leeg: ongewijzigd. " + Dates.Format)]
    public string? Einddatum { get; set; }
    [Description("De nieuwe omvang; leeg: ongewijzigd.")]
    public int? Omvang { get; set; }
    [Required, Description("Reden van de wijziging: een code uit WMO002 (Wmo) of JZ002 (Jeugdwet), bijvoorbeeld 05 (herbeoordeling: verkorting) of 13 (verwijderd: de toewijzing had nooit mogen gaan).")]
    public string? Reden { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>The changed assignment and the 301 that carries the change to the provider (status klaar, or afgewezen with the reasons).</summary>
public sealed record ToewijzingWijzigingAnswer(Guid Toewijzing, int Nummer, DateOnly Einddatum, int Omvang, string Reden, Guid Bericht, string BerichtStatus, int Versie);

/// <summary>
/// The municipality changes or ends an assignment: after a new assessment, a move, a death, or a mistake. The change is saved with the
/// 301 that tells the provider, and with an event on the household's timeline, in one transaction.
/// </summary>
public sealed class ChangeToewijzingHandler(RegieDbContext db, ApplicationChanges changes, AssignmentOutbox outbox, AuditLog audit, TimelineWriter timeline, CurrentUser user)
{
    public async Task<CommandResult<ToewijzingWijzigingAnswer>> HandleAsync(Guid id, ToewijzingWijzigingInput input, CancellationToken ct)
    {
        var assignment = await db.Toewijzingen.FirstOrDefaultAsync(t => t.Id == id, ct);
        var applicationId = assignment is null ? (Guid?)null : await db.Decisions.Where(d => d.Id == assignment.DecisionId).Select(d => (Guid?)d.ApplicationId).FirstOrDefaultAsync(ct);
        if (assignment is null || applicationId is null) return CommandResult<ToewijzingWijzigingAnswer>.NotFound("De toewijzing");
        // Whoever may not change the application may not change its assignments: the same not-found and forbidden.
        var (app, failure) = await changes.LoadAsync<ToewijzingWijzigingAnswer>(applicationId.Value, ct);
        if (app is null) return failure!;

        var errors = new ErrorList();
        var newEnd = changes.ParseDate(input.Einddatum, "Einddatum", "de nieuwe einddatum", errors, DateKind.Granted);
        var reden = input.Reden?.Trim();
        if (!errors.HasErrors) errors.AddRange(assignment.CheckChange(newEnd, input.Omvang, reden, changes.Today));
        if (input.Versie != 0 && input.Versie != assignment.Version) return CommandResult<ToewijzingWijzigingAnswer>.Conflict();
        if (errors.HasErrors) return CommandResult<ToewijzingWijzigingAnswer>.Invalid(errors.Errors);

        assignment.Change(newEnd, input.Omvang, reden!, user.ActorId, changes.Today, changes.Now);
        var message = await outbox.QueueAsync(assignment.PersonId, assignment.ProviderOrganisationId, assignment.Framework, assignment.DecisionId, [assignment], ct);
        var label = BerichtCodeLists.RedenWijzigingFor(assignment.Framework).Label(reden!);
        if (await changes.HouseholdAsync(assignment.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.AssignmentChanged, $"Toewijzing {assignment.Nummer} gewijzigd: {label}, loopt tot en met {assignment.Einddatum:dd-MM-yyyy}",
                changes.Today, assignment.PersonId, new { toewijzing = assignment.Id, nummer = assignment.Nummer, reden, einddatum = assignment.Einddatum });
        var detail = $"toewijzing {assignment.Nummer} gewijzigd ({label}), bericht {message.Soort} {message.Status}";
        var answer = new ToewijzingWijzigingAnswer(assignment.Id, assignment.Nummer, assignment.Einddatum, assignment.Volume, reden!, message.Id,
            message.Status.ToString().ToLowerInvariant(), assignment.Version + 1);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(answer, ct), AuditResources.Application, assignment.HouseholdId, assignment.PersonId, detail, ct, AuditActions.Update);
    }
}
