using Regie.Domain.Care;
using Regie.Web.Features.Api;
using Regie.Web.Features.Trajectories;

namespace Regie.Web.Features.Plans;

/// <summary>One saved version of the plan: who saved it when, and what the plan said then.</summary>
public sealed record PlanVersionAnswer(PlanVersionInfo Info, PlanSnapshot Snapshot);

/// <summary>The plan, its goals and actions, the household's agreement, evaluations and trajectories, for other systems.</summary>
public static class PlansApi
{
    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}").WithTags("Plan en traject").RequireAuthorization(Infrastructure.Policies.Files);

        g.MapGet("/plan", async (Guid id, PlanQueries plans, CancellationToken ct) =>
            await plans.CurrentAsync(id, ct) is { } plan ? Results.Ok(plan) : ApiResults.NotFound("Het plan"))
            .Produces<PlanView>(StatusCodes.Status200OK)
            .WithName("GetPlan").WithSummary("Het actieve plan (of het laatst afgesloten plan) met doelen, acties, akkoord en evaluaties.");

        g.MapPost("/plan", async (Guid id, StartPlanHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, ct), planId => Results.Created($"/api/v1/households/{id}/plan", new CreatedVersionAnswer(planId, 1))))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("StartPlan").WithSummary("Start het plan van het huishouden (opent zo nodig een traject). Eén huishouden, één actief plan.");

        g.MapPut("/plan", async (Guid id, PlanInput input, UpdatePlanHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdatePlan").WithSummary("Wijzig afspraken, volgende evaluatiedatum en wettelijke kaders. 409 als het plan intussen is gewijzigd.");

        g.MapPut("/plan/sections", async (Guid id, PlanSectionsInput input, ChangePlanSectionsHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdatePlanSections").WithSummary("Wijzig wat goed gaat, de zorgen (met wat het belangrijkst is) en de eerdere hulp: samen één nieuwe versie van het plan.")
            .WithDescription("Alle drie worden vervangen door wat u stuurt; lege zorgen tellen niet mee. Niets gewijzigd: dezelfde versie terug, geen nieuwe. "
                + "409 als het plan intussen is gewijzigd. Foutcodes: "
                + $"{Regie.Domain.Care.PlanSectionRules.TooManyConcernsCode}, {Regie.Domain.Care.PlanRules.NoActivePlanCode}, {Regie.Domain.Common.TextRules.TooLongCode}, "
                + $"{Regie.Domain.Common.TextRules.ControlCharsCode}.");

        g.MapPost("/plan/goals", async (Guid id, GoalInput input, AddGoalHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.AddAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/plan", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddGoal").WithSummary("Voeg een SMART-doel toe (leefgebied, wat, meetbaar resultaat, streefdatum, wie).")
            .WithDescription("besluitId (optioneel) is het id van een besluit van een gehouden overleg van dit huishouden waaruit het doel voortkomt: het doel"
                + " onthoudt het besluit, de planversie en de tijdlijn zeggen 'uit besluit van het … van <datum>'. Een id van een ander huishouden, een"
                + $" niet-gehouden overleg of een vervangen besluit geeft 400 '{ConferenceRules.DecisionUnknownCode}'. 409 als het plan intussen is gewijzigd.");

        g.MapPut("/plan/goals/{goalId:guid}", async (Guid id, Guid goalId, GoalInput input, ChangeGoalHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, goalId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateGoal").WithSummary("Wijzig een doel of zijn status.");

        g.MapPost("/plan/actions", async (Guid id, ActionInput input, AddActionHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.AddAsync(id, input, ct), added => Results.Created($"/api/v1/households/{id}/plan", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("AddAction").WithSummary("Voeg een actie toe met een uitvoerder: huishoudlid, netwerk, vrijwilliger, professional of organisatie.")
            .WithDescription("netwerkLidId noemt iemand uit het huidige netwerk van het huishouden, alleen bij uitvoerder Netwerk of Vrijwilliger. "
                + $"Foutcode daarbij: {NetworkRules.NotCurrentCode}. organisatieId noemt een afdeling of partnerorganisatie van de gemeente, alleen bij uitvoerder "
                + $"Organisatie; foutcode daarbij: {PlanRules.ActionOrganisationUnknownCode}."
                + " besluitId (optioneel) is het id van een besluit van een gehouden overleg van dit"
                + " huishouden waaruit de actie voortkomt: de actie onthoudt het besluit, de planversie en de tijdlijn zeggen 'uit besluit van het … van <datum>'."
                + $" Een id van een ander huishouden, een niet-gehouden overleg of een vervangen besluit geeft 400 '{ConferenceRules.DecisionUnknownCode}'.");

        g.MapPut("/plan/actions/{actionId:guid}", async (Guid id, Guid actionId, ActionInput input, ChangeActionHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, actionId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("UpdateAction").WithSummary("Wijzig een actie: omschrijving, doel, uitvoerder of deadline.")
            .WithDescription("Een actie houdt het netwerklid dat zij al noemt, ook als dat intussen is beëindigd; een ander netwerklid komt uit het huidige netwerk, "
                + $"alleen bij uitvoerder Netwerk of Vrijwilliger. Foutcode daarbij: {NetworkRules.NotCurrentCode}. organisatieId noemt een afdeling of "
                + $"partnerorganisatie van de gemeente, alleen bij uitvoerder Organisatie; foutcode daarbij: {PlanRules.ActionOrganisationUnknownCode}.");

        g.MapPost("/plan/actions/{actionId:guid}/done", async (Guid id, Guid actionId, VersionInput input, CompleteActionHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, actionId, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("CompleteAction").WithSummary("Markeer een actie als gedaan.");

        g.MapPost("/plan/agreement", async (Guid id, AgreementInput input, RecordAgreementHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordPlanAgreement").WithSummary("Leg vast dat het huishouden akkoord gaat met deze versie van het plan (wie, wanneer, hoe).");

        g.MapPost("/plan/evaluations", async (Guid id, EvaluationInput input, RecordEvaluationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("RecordPlanEvaluation");

        g.MapGet("/plan/versions", async (Guid id, PlanQueries plans, CancellationToken ct) =>
            await plans.CurrentAsync(id, ct) is { } plan ? Results.Ok(await plans.VersionsAsync(id, plan.Id, ct)) : ApiResults.NotFound("Het plan"))
            .Produces<IReadOnlyList<PlanVersionInfo>>(StatusCodes.Status200OK)
            .WithName("GetPlanVersions");

        g.MapGet("/plan/versions/{number:int}", async (Guid id, int number, PlanQueries plans, CancellationToken ct) =>
            await plans.CurrentAsync(id, ct) is { } plan && await plans.VersionAsync(id, plan.Id, number, ct) is { } v
                ? Results.Ok(new PlanVersionAnswer(v.Info, v.Snapshot)) : ApiResults.NotFound("De versie"))
            .Produces<PlanVersionAnswer>(StatusCodes.Status200OK)
            .WithName("GetPlanVersion");

        g.MapGet("/trajectories", async (Guid id, TrajectoryQueries trajectories, Households.HouseholdQueries households, CancellationToken ct) =>
            await households.ExistsAsync(id, ct) ? Results.Ok(await trajectories.ForHouseholdAsync(id, ct)) : ApiResults.NotFound("Het huishouden"))
            .Produces<IReadOnlyList<TrajectoryView>>(StatusCodes.Status200OK)
            .WithName("GetTrajectories");

        g.MapPost("/trajectories", async (Guid id, ReopenInput input, ReopenTrajectoryHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), t => Results.Created($"/api/v1/households/{id}/trajectories", new CreatedAnswer(t))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("StartTrajectory").WithSummary("Start een (nieuw) traject; een afgesloten traject blijft zoals het was.");

        g.MapPost("/trajectories/close", async (Guid id, ClosingInput input, CloseTrajectoryHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithName("CloseTrajectory").WithSummary("Sluit het open traject af: reden, uitkomst per doel en een recente eindmeting (ZRM) zijn verplicht.");
    }

    private static IResult Version(int version) => Results.Ok(new VersionAnswer(version));
}
