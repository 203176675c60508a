using Regie.Web.Features.Api;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>The Veilig Verder plan for other systems: for the care roles only, with the same need-to-know and audit as the pages.</summary>
public static class VeiligVerderApi
{
    private const string Access =
        " Alleen voor de zorgrollen die het dossier mogen openen; partners, afdelingen, beleid, privacy en beheer krijgen 403, een dossier dat u niet mag openen geeft 404."
        + " Met noodtoegang kunt u lezen, niet wijzigen (403). Elke lezing en wijziging staat in de audittrail; op de tijdlijn komt niets, omdat ook partners die kunnen zien.";

    public static void MapVeiligVerderApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/plan/veilig-verder").WithTags("Veilig Verder").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("", async (Guid id, VeiligVerderQueries queries, CancellationToken ct) =>
            await queries.CurrentAsync(id, ct) is { } vv ? Results.Ok(vv) : ApiResults.NotFound("Het Veilig Verder-plan"))
            .Produces<VeiligVerderView>(StatusCodes.Status200OK)
            .WithName("GetVeiligVerderPlan").WithSummary("Het Veilig Verder-plan bij het plan van het huishouden: veiligheidsdoelen, afspraken, toezicht, versie en akkoord.")
            .WithDescription("Het Veilig Verder-plan van het actieve plan, of van het laatst afgesloten plan (dan alleen te lezen). 'akkoordVerouderd' is true als het"
                + " huishouden akkoord gaf op een eerdere versie: de nieuwe versie is dan nog niet akkoord. 404 als er geen is." + Access);

        g.MapPost("", async (Guid id, StartVeiligVerderHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, ct), vv => Results.Created($"/api/v1/households/{id}/plan/veilig-verder", new CreatedVersionAnswer(vv, 1))))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("StartVeiligVerderPlan").WithSummary("Start het Veilig Verder-plan als bijlage bij het actieve plan (versie 1). Eén per plan.")
            .WithDescription("Zonder actief plan volgt 400 met code 'plan-not-active'; heeft het plan er al een, dan 400 met code 'veilig-verder-already-started'." + Access);

        g.MapPost("/goals", async (Guid id, SafetyGoalInput input, AddSafetyGoalHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/plan/veilig-verder", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddSafetyGoal").WithSummary("Voeg een veiligheidsdoel toe: wat veilig moet zijn, voor wie en wanneer.")
            .WithDescription("De streefdatum volgt de regels van de doelen van het plan (niet in het verleden, binnen drie jaar). persoonId is iemand die nu in het"
                + " huishouden woont, anders 400 'person-not-member'. Het antwoord noemt de nieuwe versie." + Access);

        g.MapPut("/goals/{goalId:guid}", async (Guid id, Guid goalId, SafetyGoalInput input, ChangeSafetyGoalHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, goalId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateSafetyGoal").WithSummary("Wijzig een veiligheidsdoel, of leg vast dat het behaald of niet behaald is.")
            .WithDescription("Een afgerond doel (behaald of niet behaald) houdt zijn status: 400 'safety-goal-status-invalid'. Een doel van een ander huishouden geeft 404." + Access);

        g.MapPost("/agreements", async (Guid id, SafetyAgreementInput input, AddSafetyAgreementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/plan/veilig-verder", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddSafetyAgreement").WithSummary("Voeg een veiligheidsafspraak toe: wie wat doet als het weer onveilig wordt, bij welk signaal.")
            .WithDescription("wie = Huishoudlid vraagt persoonId (iemand die nu in het huishouden woont); Professional en Anders vragen een naam." + Access);

        g.MapPut("/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, SafetyAgreementInput input, ChangeSafetyAgreementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, agreementId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateSafetyAgreement").WithSummary("Wijzig een veiligheidsafspraak.")
            .WithDescription("Een afspraak van een ander huishouden geeft 404." + Access);

        g.MapPost("/checks", async (Guid id, SafetyCheckInput input, AddSafetyCheckHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/plan/veilig-verder", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddSafetyCheck").WithSummary("Leg toezicht vast: wie controleert, hoe, hoe vaak en wanneer weer.")
            .WithDescription("aantal is 1 tot en met 365 dagen of 1 tot en met 52 weken; volgendeControle ligt niet in het verleden." + Access);

        g.MapPut("/checks/{checkId:guid}", async (Guid id, Guid checkId, SafetyCheckInput input, ChangeSafetyCheckHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, checkId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateSafetyCheck").WithSummary("Wijzig het toezicht, bijvoorbeeld de volgende controle na een huisbezoek.")
            .WithDescription("Een ongewijzigde volgende controle mag inmiddels in het verleden liggen; een nieuwe datum niet. Toezicht van een ander huishouden geeft 404." + Access);

        g.MapPost("/agreement", async (Guid id, VeiligVerderAgreementInput input, RecordVeiligVerderAgreementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordVeiligVerderAgreement").WithSummary("Leg vast dat het huishouden akkoord gaat met deze versie van het Veilig Verder-plan (wie, wanneer, hoe).")
            .WithDescription("versie is de versie die het huishouden zag; is het plan intussen gewijzigd, dan 409. Wie akkoord gaf woont nu in het huishouden"
                + " ('person-not-member'); een leeg Veilig Verder-plan kan niet akkoord krijgen ('veilig-verder-empty')." + Access);
    }

    private static IResult Version(int version) => Results.Ok(new VersionAnswer(version));
}
