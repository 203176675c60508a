using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// The Meldcode huiselijk geweld en kindermishandeling for other systems: the household's tracks and their five steps. Reading
/// a track and steps 2 to 5 are for its coordinator, the aandachtsfunctionaris and the team lead of the holding team; any
/// care worker who may change the file records signals. Who may not read a track gets 404, as if it did not exist.
/// </summary>
public static class MeldcodeApi
{
    private const string Readers = " Alleen voor de regisseur van het huishouden, de aandachtsfunctionaris en de teamleider van het team dat het dossier heeft (en, alleen lezen, via noodtoegang); anderen krijgen 404.";
    private const string Work = " Voor de regisseur, de aandachtsfunctionaris en de teamleider van het team dat het dossier heeft; noodtoegang leest alleen (403 emergency-access-read-only). Stuur de 'versie' van het traject mee (een nieuw traject begint op 1; GET geeft de huidige); het antwoord is de nieuwe versie. Foutcodes: ";
    private static readonly string Common = $"{DomainError.NotFoundCode} (404), {Shared.ErrorCodes.ConcurrencyConflict} (409), {MeldcodeRules.TrackClosedCode}, {MeldcodeRules.StepOrderCode}, {MeldcodeInputRules.DateInvalidCode}, {DateRules.TooEarlyCode}, {DateRules.TooLateCode}, {TextRules.RequiredCode}, {TextRules.TooLongCode}, {TextRules.ControlCharsCode}";

    public static void MapMeldcodeApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/meldcode").WithTags("Meldcode").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("/", async (Guid id, MeldcodeQueries queries, CancellationToken ct) =>
            await queries.ListAsync(id, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound("Het meldcodetraject"))
            .Produces<IReadOnlyList<MeldcodeTrackSummary>>(StatusCodes.Status200OK)
            .WithName("GetMeldcodeTracks").WithSummary("De meldcodetrajecten van het huishouden, nieuwste eerst, met de stap waar een open traject op wacht.")
            .WithDescription("Elke lezing staat in de audittrail." + Readers);

        g.MapGet("/{trackId:guid}", async (Guid id, Guid trackId, MeldcodeQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, trackId, ct) is { } track ? Results.Ok(track) : ApiResults.NotFound("Het meldcodetraject"))
            .Produces<MeldcodeTrackView>(StatusCodes.Status200OK)
            .WithName("GetMeldcodeTrack").WithSummary("Eén meldcodetraject: personen, alle vastleggingen per stap (met correcties), de duur per stap, de uitkomst van de laatste weging en de volgende stap.")
            .WithDescription("'wachtOp' is de volgende stap (Signalen, Overleg, Gesprek, Weging, Besluit); 'versie' gaat mee met elke volgende vastlegging. Een vastlegging wordt nooit gewijzigd: 'gecorrigeerdDoor' wijst naar de correctie." + Readers);

        g.MapPost("/signals", async (Guid id, SignalsInput input, RecordSignalsHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), a => Results.Ok(a)))
            .Produces<SignalsAnswer>(StatusCodes.Status200OK)
            .WithName("RecordMeldcodeSignals").WithSummary("Stap 1: leg signalen vast (wat gezien of gehoord, door wie, wanneer). Voegt toe aan het open traject of opent een traject.")
            .WithDescription("Elke zorgmedewerker die het dossier mag wijzigen, ook zonder het traject te mogen lezen: het antwoord bevestigt dan zonder 'trajectId'. 'personen' (leden van het huishouden nu; leeg is allen): wie het traject betreft; bij een open traject komen nieuwe personen erbij. Een nieuw traject begint op versie 1. Noodtoegang leest alleen: 403 emergency-access-read-only. Foutcodes: "
                + $"{MeldcodeInputRules.PersonsInvalidCode}, {MeldcodeInputRules.DateInvalidCode}, {DateRules.TooEarlyCode}, {DateRules.TooLateCode}, {TextRules.RequiredCode}, {TextRules.TooLongCode}, {DomainError.NotFoundCode} (404).");

        g.MapPost("/{trackId:guid}/consultations", async (Guid id, Guid trackId, ConsultationInput input, RecordConsultationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordMeldcodeConsultation").WithSummary("Stap 2: leg het overleg vast: met wie (Collega, Aandachtsfunctionaris, VeiligThuis, Anders), de naam, wat is geadviseerd, wanneer.")
            .WithDescription("Na de signalen; mag vaker." + Work + $"{MeldcodeInputRules.ChoiceInvalidCode}, " + Common + ".");

        g.MapPost("/{trackId:guid}/conversations", async (Guid id, Guid trackId, ConversationInput input, RecordConversationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordMeldcodeConversation").WithSummary("Stap 3: leg het gesprek met de betrokkene(n) vast, of waarom het niet is gevoerd.")
            .WithDescription("Na de signalen; mag vaker. Bij 'gevoerd' Ja is 'met' verplicht; 'verslag' is het verslag of de reden." + Work
                + $"{MeldcodeInputRules.ChoiceInvalidCode}, {MeldcodeInputRules.WithWhomRequiredCode}, " + Common + ".");

        g.MapPost("/{trackId:guid}/weighings", async (Guid id, Guid trackId, WeighingInput input, RecordWeighingHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordMeldcodeWeighing").WithSummary("Stap 4: weeg met het afwegingskader; Regie berekent de uitkomst (Melden, HulpOrganiseren of GeenVermoeden).")
            .WithDescription("Na signalen, overleg en gesprek. De vragen: " + string.Join(" ", Afwegingskader.Questions)
                + " Beantwoord ze in volgorde tot de uitkomst vaststaat, elk met een onderbouwing. De uitkomst staat daarna in 'uitkomst' van het traject; een nieuwe weging vervangt wat de vorige zei." + Work
                + $"{Afwegingskader.AnswerRequiredCode}, {Afwegingskader.ReasoningRequiredCode}, " + Common + ".");

        g.MapPost("/{trackId:guid}/decision", async (Guid id, Guid trackId, MeldcodeDecisionInput input, RecordMeldcodeDecisionHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordMeldcodeDecision").WithSummary("Stap 5: het besluit, dat het traject afsluit: HulpGeorganiseerd (doelen van het actieve plan), GemeldBijVeiligThuis (datum, kanaal, kenmerk, wat, wie informeert de familie) of Afgesloten (reden).")
            .WithDescription("Na een weging. De meldnorm: leidt de laatste weging tot Melden, dan is alleen GemeldBijVeiligThuis mogelijk; bij GeenVermoeden niet HulpGeorganiseerd; bij HulpOrganiseren niet Afgesloten." + Work
                + $"{MeldcodeRules.MeldnormCode}, {MeldcodeRules.DecisionInvalidCode}, {MeldcodeRules.GoalsRequiredCode}, {MeldcodeInputRules.GoalsInvalidCode}, {MeldcodeInputRules.ReportIncompleteCode}, {MeldcodeInputRules.ChoiceInvalidCode}, " + Common + ".");

        g.MapPost("/{trackId:guid}/entries/{entryId:guid}/corrections", async (Guid id, Guid trackId, Guid entryId, CorrectionInput input, CorrectMeldcodeEntryHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, trackId, entryId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("CorrectMeldcodeEntry").WithSummary("Corrigeer een vastlegging: een nieuwe vastlegging van dezelfde stap; de oude blijft en is gemarkeerd als gecorrigeerd.")
            .WithDescription("Geef precies het deel van de stap van de vastlegging (signalen, overleg, gesprek, weging of besluit) met dezelfde velden als die stap; een besluit corrigeren verandert het besluit niet. Vastleggingen worden nooit gewijzigd of verwijderd." + Work
                + $"{MeldcodeInputRules.PartRequiredCode}, {MeldcodeRules.CorrectionInvalidCode}, en de codes van de stap; " + Common + ".");
    }

    private static IResult Version(int version) => Results.Ok(new VersionAnswer(version));
}
