using Regie.Web.Features.Api;

namespace Regie.Web.Features.Conferences;

/// <summary>Case conferences for other systems: the same handlers, rules, access and audit as the pages.</summary>
public static class ConferencesApi
{
    private const string Access =
        " Alleen voor de zorgrollen die het dossier mogen openen; partners, afdelingen, beleid, privacy en beheer krijgen 403, een dossier dat u niet mag openen"
        + " of een overleg van een ander huishouden geeft 404. Met noodtoegang kunt u lezen, niet wijzigen (403). Elke lezing en wijziging staat in de audittrail.";

    private const string Privacy =
        " De uitnodigingen (e-mail met agenda-bestand .ics) noemen alleen dat het om een overleg over een huishouden gaat dat de genodigde kent,"
        + " het soort overleg, datum, tijd, plaats of link en de organisator: nooit de naam, het adres of de hulpvraag van het huishouden.";

    private const string Invitees =
        " soort Huishoudlid, Netwerklid, Betrokkene of Verwijzing met referentieId van een lid dat nu in het huishouden woont, een huidig lid van het netwerk"
        + " van dit huishouden, een betrokkenheid of een open verwijzing van dit huishouden (anders, ook voor een beëindigd netwerklid, 400"
        + " 'conference-invitee-unknown'); naam en e-mailadres komen dan uit het dossier, en wie geen e-mailadres heeft is uitgenodigd maar krijgt geen e-mail."
        + " Soort Anders met naam en email (400 'conference-invitee-email-required'); een onbekende soort geeft 400 'conference-invitee-kind-invalid'.";

    public static void MapConferencesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/conferences").WithTags("Casusoverleg").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("", async (Guid id, ConferenceQueries queries, CancellationToken ct) => ApiResults.From(await queries.ListAsync(id, ct), Results.Ok))
            .Produces<IReadOnlyList<ConferenceSummary>>(StatusCodes.Status200OK)
            .WithName("GetConferences").WithSummary("De overleggen van het huishouden, de nieuwste eerst.")
            .WithDescription("Startoverleg, rondetafel en evaluatie, gepland, gehouden of geannuleerd; begin en eind in UTC." + Access);

        g.MapPost("", async (Guid id, ConferenceInput input, PlanConferenceHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), planned => Results.Created($"/api/v1/households/{id}/conferences/{planned.Id}", planned)))
            .Produces<ConferencePlannedAnswer>(StatusCodes.Status201Created)
            .WithName("PlanConference").WithSummary("Plan een overleg en nodig de genodigden uit per e-mail met een agenda-bestand.")
            .WithDescription("datum is dd-mm-jjjj of jjjj-mm-dd, begintijd en eindtijd uu:mm in Nederlandse tijd, niet in het verleden en hooguit een jaar vooruit"
                + " (400 'conference-in-past', 'conference-too-far-ahead', 'conference-end-before-start'). plaats of link is verplicht (400 'conference-place-required');"
                + " een link begint met https:// (400 'conference-link-invalid'). genodigden:" + Invitees + Privacy + Access);

        g.MapGet("/{conferenceId:guid}", async (Guid id, Guid conferenceId, ConferenceQueries queries, CancellationToken ct) =>
            ApiResults.From(await queries.GetAsync(id, conferenceId, ct), Results.Ok))
            .Produces<ConferenceView>(StatusCodes.Status200OK)
            .WithName("GetConference").WithSummary("Eén overleg: wanneer, waar, genodigden met aanwezigheid, verslag, besluiten en de planversie die er is afgesproken.")
            .WithDescription("volgnummer is de SEQUENCE van de agenda-uitnodigingen: het telt op bij elke verplaatsing of annulering." + Access);

        g.MapPut("/{conferenceId:guid}", async (Guid id, Guid conferenceId, RescheduleInput input, RescheduleConferenceHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RescheduleConference").WithSummary("Verplaats een gepland overleg of wijzig de plaats: de genodigden krijgen een bijgewerkte uitnodiging.")
            .WithDescription("Dezelfde regels als bij plannen. Een gehouden of geannuleerd overleg verplaatst u niet (400 'conference-not-planned', 'conference-cancelled')."
                + Privacy + Access);

        g.MapPost("/{conferenceId:guid}/cancel", async (Guid id, Guid conferenceId, CancelInput input, CancelConferenceHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("CancelConference").WithSummary("Annuleer een gepland overleg: de genodigden krijgen een annulering voor hun agenda (METHOD:CANCEL).")
            .WithDescription("reden is optioneel en gaat niet mee in de e-mail. Alleen een gepland overleg kan worden geannuleerd." + Access);

        g.MapPost("/{conferenceId:guid}/attendance", async (Guid id, Guid conferenceId, AttendanceInput input, RecordAttendanceHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordConferenceAttendance").WithSummary("Leg per genodigde vast of die aanwezig, afwezig of afgemeld was; het overleg heet dan gehouden.")
            .WithDescription("Kan zodra het overleg begonnen is (anders 400 'conference-not-started'), niet voor een geannuleerd overleg."
                + " Een genodigdeId die niet bij dit overleg hoort geeft 400 'conference-invitee-unknown'." + Access);

        g.MapPost("/{conferenceId:guid}/minutes", async (Guid id, Guid conferenceId, MinutesInput input, RecordMinutesHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordConferenceMinutes").WithSummary("Leg het verslag en de besluiten van het overleg vast (de lijst vervangt de vorige).")
            .WithDescription("Kan zodra het overleg begonnen is; lege besluiten vallen weg, hooguit 50 besluiten van elk hooguit 1000 tekens. Een besluit met "
                + "dezelfde tekst houdt zijn id. Een besluit waaruit het plan een doel of actie nam, blijft staan zoals het is: weglaten of anders formuleren geeft "
                + $"400 '{Domain.Care.ConferenceRules.DecisionInPlanCode}' en er verandert niets." + Access);

        g.MapPost("/{conferenceId:guid}/plan-version", async (Guid id, Guid conferenceId, PlanVersionInput input, AgreePlanVersionHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("AgreeConferencePlanVersion").WithSummary("Leg vast welke versie van het plan in dit overleg is afgesproken.")
            .WithDescription("planversie is een versie van het plan van dit huishouden (anders 400 'conference-plan-version-unknown'); het overleg moet gehouden zijn"
                + " (400 'conference-not-held')." + Access);

        MapInvitees(g);
    }

    private static void MapInvitees(RouteGroupBuilder g)
    {
        g.MapPost("/{conferenceId:guid}/invitees", async (Guid id, Guid conferenceId, AddInviteesInput input, AddInviteesHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, input, ct), Results.Ok))
            .Produces<InviteesAddedAnswer>(StatusCodes.Status200OK)
            .WithName("AddConferenceInvitees").WithSummary("Nodig meer mensen uit voor een gepland overleg: alleen wie erbij komt krijgt een uitnodiging met agenda-bestand.")
            .WithDescription("genodigden zoals bij plannen:" + Invitees + " Wie al is uitgenodigd geeft 400 'conference-invitee-already-invited'; een gehouden of"
                + " geannuleerd overleg geeft 400 'conference-not-planned' of 'conference-cancelled'. versie is de versie van het overleg die u zag (409 als het"
                + " intussen is gewijzigd). Het antwoord geeft de nieuwe versie en het aantal uitnodigingen in de uitgaande post." + Privacy + Access);

        g.MapPost("/{conferenceId:guid}/invitees/{inviteeId:guid}/withdraw", async (Guid id, Guid conferenceId, Guid inviteeId, WithdrawInviteeInput input,
                WithdrawInviteeHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, conferenceId, inviteeId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("WithdrawConferenceInvitee").WithSummary("Trek de uitnodiging van één genodigde in: die krijgt een annulering voor de agenda (METHOD:CANCEL).")
            .WithDescription("inviteeId is de id van een genodigde van dit overleg (anders 400 'conference-invitee-unknown'). Het overleg houdt minstens één"
                + " genodigde (400 'conference-invitees-required'); alleen bij een gepland overleg (400 'conference-not-planned', 'conference-cancelled')."
                + " versie is de versie van het overleg die u zag (409 als het intussen is gewijzigd)." + Privacy + Access);
    }

    private static IResult Version(int version) => Results.Ok(new VersionAnswer(version));
}
