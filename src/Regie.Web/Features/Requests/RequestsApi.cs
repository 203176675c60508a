using Regie.Web.Features.Api;

namespace Regie.Web.Features.Requests;

/// <summary>Requests, intake and triage for other systems (a contact centre, a municipal front office).</summary>
public static class RequestsApi
{
    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Hulpvragen en triage").RequireAuthorization(Infrastructure.Policies.Files);

        g.MapPost("/", async (RequestInput input, RequestHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.RegisterAsync(input, ct), id => Results.Created($"/api/v1/requests/{id}", new { id })))
            .Produces(StatusCodes.Status201Created)
            .WithName("RegisterRequest").WithSummary("Registreer een hulpvraag: bron, om wie het gaat, korte omschrijving, of maatwerk gevraagd wordt.");

        g.MapGet("/{id:guid}", async (Guid id, RequestHandler handler, CancellationToken ct) =>
            await handler.GetAsync(id, ct) is { } r ? Results.Ok(ToDto(r)) : ApiResults.NotFound("De hulpvraag"))
            .WithName("GetRequest");

        g.MapPut("/{id:guid}/intake", async (Guid id, IntakeInput input, RequestHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.IntakeAsync(id, input, ct), s => Results.Ok(new
            {
                klasse = s.Class.ToString(), leefgebieden = s.ConcernDomains.Select(d => d.ToString()), voorstel = s.Route.ToString(), toelichting = s.Explanation,
            })))
            .WithName("RecordIntake").WithSummary("Leg de screening vast (per persoon per leefgebied 1–5; weglaten is niet gescreend) en krijg de voorgestelde route.");

        g.MapPost("/{id:guid}/triage", async (Guid id, DecisionInput input, RequestHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.DecideAsync(id, input, ct), t => Results.Ok(new { trajectId = t.TrajectoryId })))
            .WithName("DecideRoute").WithSummary("Besluit over de route; afwijken van het voorstel kan alleen met een reden. Wijkteam opent het traject; wie zelf geen team heeft, noemt het team ('team') als nog geen team het huishouden heeft.");

        var settings = api.MapGroup("/triage-settings").WithTags("Hulpvragen en triage").RequireAuthorization(Infrastructure.Policies.Admin);
        settings.MapGet("/", async (TriageSettingsHandler handler, CancellationToken ct) => Results.Ok(Settings(await handler.CurrentAsync(ct))))
            .WithName("GetTriageSettings");
        settings.MapPut("/", async (TriageSettingsInput input, TriageSettingsHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.SaveAsync(input, ct), s => Results.Ok(Settings(s))))
            .WithName("ChangeTriageSettings").WithSummary("Kies de werkwijze (a–d of een eigen tabel); eerdere werkwijzen blijven bewaard.");
    }

    private static object Settings(Domain.Care.TriageSettings s) => new
    {
        model = s.Model.ToString(), zorgdrempel = s.ConcernThreshold, minimumLeefgebieden = s.MinDomains,
        routes = s.Routes.ToDictionary(r => $"{r.Key.Class}:{(r.Key.Maatwerk ? 1 : 0)}", r => r.Value.ToString()),
    };

    private static object ToDto(RequestView r) => new
    {
        r.Id, r.HuishoudenId, bron = r.Bron.ToString(), r.BronToelichting, r.Omschrijving, r.Ontvangen, r.Maatwerk, status = r.Status.ToString(),
        personen = r.Personen, scores = r.Scores.Select(s => new { persoonId = s.Key.PersonId, leefgebied = s.Key.Domain.ToString(), score = s.Value }),
        klasse = r.Klasse?.ToString(), werkwijze = r.Werkwijze?.ToString(), voorstel = r.Voorstel?.ToString(), toelichting = r.Toelichting,
        besluit = r.Besluit?.ToString(), reden = r.Reden, r.BeslotenOp, trajectId = r.TrajectId, versie = r.Versie,
    };
}
