using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Timeline;

public sealed class NoteInput
{
    [Required] public string? Tekst { get; set; }
}

/// <summary>
/// A note on the household's timeline: what happened, what was done. The one change that emergency access allows,
/// so that the team that holds the file reads what a colleague did for the family in the night.
/// </summary>
public sealed class AddNoteHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline)
{
    public const int MaxLength = 4000;

    public async Task<CommandResult<long>> HandleAsync(Guid householdId, NoteInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<long>(householdId, FileWork.Read, ct) is { } refused) return refused;
        var text = TextRules.Required(input.Tekst, "Tekst", "de notitie", MaxLength);
        if (!text.IsValid) return CommandResult<long>.Invalid(text.Error!);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var emergency = await access.DecideAsync(householdId, ct) == FileAccessLevel.Emergency;
        var entry = timeline.Record(household, EventTypes.Note, $"{(emergency ? "Notitie bij noodtoegang" : "Notitie")} van {user.ActorName}: {text.Value}",
            data: new { gebruiker = user.ActorId, noodtoegang = emergency });
        var result = await db.SaveOrConflictAsync(0L, ct);
        if (!result.IsOk) return result;
        return await audit.AfterAsync(CommandResult<long>.Ok(entry.Id), AuditResources.Timeline, householdId, null,
            emergency ? "notitie bij noodtoegang" : "notitie", ct, AuditActions.Create);
    }
}

/// <summary>The answer to a note: its id on the timeline (a number: timeline entries are counted, not given a guid).</summary>
public sealed record NoteAddedAnswer(long Id);

public static class NotesApi
{
    public static void MapNotesApi(this RouteGroupBuilder api) =>
        api.MapPost("/households/{id:guid}/notes", async (Guid id, NoteInput input, AddNoteHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), noteId => Results.Created($"/api/v1/households/{id}/timeline", new NoteAddedAnswer(noteId))))
            .Produces<NoteAddedAnswer>(StatusCodes.Status201Created)
            .RequireAuthorization(Policies.Care).WithTags("Huishoudens").WithName("AddHouseholdNote")
            .WithSummary("Zet een notitie op de tijdlijn van het huishouden.")
            .WithDescription("Voor de zorgrollen die het dossier mogen openen, ook met noodtoegang (de enige wijziging die noodtoegang toestaat). `tekst` is verplicht, maximaal 4000 tekens.");
}
