using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.ContactNotes;

/// <summary>Contact notes for other systems: the same handlers, rules, access and audit as the pages.</summary>
public static class ContactNotesApi
{
    private const string Access =
        " Voor de zorgrollen die het dossier mogen openen; partners en andere rollen krijgen 403, een dossier dat u niet mag openen of een contactnotitie"
        + " van een ander huishouden geeft 404 ('" + DomainError.NotFoundCode + "'). Met noodtoegang kunt u lezen, niet vastleggen of wijzigen (403). Elke lezing en wijziging staat in de audittrail.";

    private static readonly string Codes =
        $"{ContactNoteRules.DateInvalidCode} (datum), {ContactNoteRules.KindInvalidCode} (soort), {ContactNoteRules.WhoRequiredCode} (metWie leeg), "
        + $"{ContactNoteRules.PersonUnknownCode} (metWie noemt iemand die geen lid van dit huishouden is), {ContactNoteRules.TextRequiredCode} (tekst), "
        + $"{TextRules.TooLongCode} (tekst langer dan {ContactNoteRules.TextMaxLength}, anderen langer dan {ContactNoteRules.OthersMaxLength} tekens), {TextRules.ControlCharsCode}";

    public static void MapContactNotesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/contact-notes").WithTags("Contactnotities").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("", async (Guid id, ContactNoteQueries queries, CancellationToken ct) => ApiResults.From(await queries.ListAsync(id, ct), Results.Ok))
            .Produces<ContactNotesView>(StatusCodes.Status200OK)
            .WithName("GetContactNotes").WithSummary("De contactnotities (klantcontacten) van het huishouden, het nieuwste contact eerst, elk in de huidige versie.")
            .WithDescription("Per contact: datum, soort (Huisbezoek, Telefonisch, OpKantoor, Digitaal), met wie uit het huishouden (id en naam), wie er verder bij waren,"
                + " de notitie, wie het contact had en vastlegde, en het huidige versienummer. De eerdere versies staan bij GET .../contact-notes/{noteId}." + Access);

        g.MapGet("/{noteId:guid}", async (Guid id, Guid noteId, ContactNoteQueries queries, CancellationToken ct) =>
                ApiResults.From(await queries.GetAsync(id, noteId, ct), Results.Ok))
            .Produces<ContactNoteDetailView>(StatusCodes.Status200OK)
            .WithName("GetContactNote").WithSummary("Eén contactnotitie met de huidige versie en alle versies, de eerste eerst, met per versie wat er veranderde.")
            .WithDescription("Een notitie wordt nooit overschreven: elke wijziging is een nieuwe versie, met wie en wanneer, de reden (optioneel) en wat er"
                + " veranderde (datum, soort contact, met wie, notitie)." + Access);

        g.MapPost("", async (Guid id, ContactNoteInput input, AddContactNoteHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/contact-notes/{added.Id}", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddContactNote").WithSummary("Leg een contact met het huishouden vast: datum, soort, met wie en een korte notitie. Antwoord 201 met id en versie 1.")
            .WithDescription("Wie het contact had is de ingelogde medewerker; de server legt dat vast. datum, soort, metWie (minstens één lid van dit huishouden)"
                + " en tekst zijn verplicht; anderen is optioneel. Location wijst naar de notitie. Het contact komt op de tijdlijn met soort en datum, zonder de notitie."
                + " Bij een fout wordt niets opgeslagen. Foutcodes (400): " + Codes + "." + Access);

        g.MapPut("/{noteId:guid}", async (Guid id, Guid noteId, ContactNoteInput input, ReviseContactNoteHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, noteId, input, ct), version => Results.Ok(new VersionAnswer(version))))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("ReviseContactNote").WithSummary("Wijzig een contactnotitie als nieuwe versie; de eerdere versies blijven leesbaar. 409 als de versie niet meer de nieuwste is.")
            .WithDescription("Stuur de hele notitie met de versie die u las (versie) en optioneel de reden van de wijziging (reden, maximaal "
                + $"{ContactNoteRules.ReasonMaxLength} tekens). Antwoord: het nieuwe versienummer. Niets gewijzigd: dezelfde versie terug, geen nieuwe versie."
                + " Een lid dat de vorige versie noemde mag blijven staan, ook als het huishouden intussen is verlaten. Is de notitie intussen gewijzigd, dan 409 '"
                + ErrorCodes.ConcurrencyConflict + "' en verandert er niets. Foutcodes (400): " + Codes + ", " + ContactNoteRules.WithdrawnCode
                + " (de notitie is ingetrokken)." + Access);

        g.MapPost("/{noteId:guid}/withdraw", async (Guid id, Guid noteId, WithdrawContactNoteInput input, WithdrawContactNoteHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, noteId, input, ct), version => Results.Ok(new VersionAnswer(version))))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("WithdrawContactNote").WithSummary("Trek een contactnotitie in met een reden; zij blijft met al haar versies in de geschiedenis van het dossier.")
            .WithDescription("reden is verplicht (400 '" + TextRules.RequiredCode + "', langer dan " + ContactNoteRules.ReasonMaxLength + " tekens '" + TextRules.TooLongCode
                + "'); versie is de versie die u las (409 '" + ErrorCodes.ConcurrencyConflict + "' als die niet meer de nieuwste is). Antwoord: het nieuwe versienummer"
                + " van de notitie. Een ingetrokken notitie wijzigt niet meer en wordt niet nog eens ingetrokken (400 '" + ContactNoteRules.WithdrawnCode + "')."
                + " De tijdlijn zegt alleen dat de notitie is ingetrokken, niet waarom." + Access);
    }
}
