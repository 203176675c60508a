using Regie.Domain.Safety;
using Regie.Web.Features.Api;

namespace Regie.Web.Features.Requests;

public sealed record RequestScoreDto(Guid PersoonId, string Leefgebied, int Score);

/// <summary>A request as the API shows it; enum values as their names.</summary>
public sealed record RequestDto(Guid Id, Guid HuishoudenId, string Bron, string? BronToelichting, string Omschrijving, DateOnly Ontvangen, bool Maatwerk,
    string Status, IReadOnlyList<RequestPersonView> Personen, IReadOnlyList<RequestScoreDto> Scores, string? Klasse, string? Werkwijze, string? Voorstel,
    string? Toelichting, string? Besluit, string? Reden, DateTime? BeslotenOp, Guid? TrajectId, int Versie);

/// <summary>
/// The intake's outcome: the case class, the domains of concern and the suggested route, with why; and the safety check's
/// judgement with the Meldcode's advice (at Acuut: call Veilig Thuis or 112 now).
/// </summary>
public sealed record IntakeAnswer(string Klasse, IReadOnlyList<string> Leefgebieden, string Voorstel, string Toelichting, string VeiligheidOordeel, string VeiligheidAdvies);

/// <summary>The answer to a triage decision: the trajectory the request joined (route Wijkteam), otherwise null.</summary>
public sealed record TriageAnswer(Guid? TrajectId);

/// <summary>The triage settings in force; <c>routes</c> maps "Klasse:0|1" (without or with maatwerk) to a route.</summary>
public sealed record TriageSettingsDto(string Model, int Zorgdrempel, int MinimumLeefgebieden, IReadOnlyDictionary<string, string> Routes);

/// <summary>Requests, intake and triage for other systems (a contact centre, a municipal front office).</summary>
public static class RequestsApi
{
    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Hulpvragen en triage").RequireAuthorization(Infrastructure.Policies.Files);

        g.MapPost("/", async (RequestInput input, RegisterRequestHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(input, ct), id => Results.Created($"/api/v1/requests/{id}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("RegisterRequest").WithSummary("Registreer een hulpvraag: bron, om wie het gaat, korte omschrijving, of maatwerk gevraagd wordt.");

        g.MapGet("/{id:guid}", async (Guid id, RequestQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } r ? Results.Ok(ToDto(r)) : ApiResults.NotFound("De hulpvraag"))
            .Produces<RequestDto>(StatusCodes.Status200OK)
            .WithName("GetRequest");

        g.MapPut("/{id:guid}/intake", async (Guid id, IntakeInput input, RecordIntakeHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), s => Results.Ok(new IntakeAnswer(s.Class.ToString(), s.ConcernDomains.Select(d => d.ToString()).ToList(),
                s.Route.ToString(), s.Explanation, input.VeiligheidOordeel!.Trim(), SafetyCheck.Advice(Enum.Parse<SafetyJudgement>(input.VeiligheidOordeel.Trim()))))))
            .Produces<IntakeAnswer>(StatusCodes.Status200OK)
            .WithName("RecordIntake").WithSummary("Leg de screening vast (per persoon per leefgebied 1–5; weglaten is niet gescreend) en de veiligheidscheck, en krijg de voorgestelde route.")
            .WithDescription("De veiligheidscheck is verplicht: alle vragen (Nee, Ja of Onbekend), een oordeel en bij zorgen een toelichting. Zorgen of Acuut legt de signalen vast als stap 1 van het open meldcodetraject van het huishouden (of opent er een), in dezelfde opslag. "
                + "Het antwoord geeft het advies van de meldcode. Foutcodes van de check: " + $"{SafetyCheck.AnswerRequiredCode}, {SafetyCheck.JudgementInvalidCode}, {SafetyCheck.ExplanationRequiredCode}.");

        g.MapPost("/{id:guid}/triage", async (Guid id, DecisionInput input, DecideTriageHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), t => Results.Ok(new TriageAnswer(t.TrajectoryId))))
            .Produces<TriageAnswer>(StatusCodes.Status200OK)
            .WithName("DecideRoute").WithSummary("Besluit over de route; afwijken van het voorstel kan alleen met een reden. Wijkteam opent het traject; wie zelf geen team heeft, noemt het team ('team') als nog geen team het huishouden heeft.");

        var settings = api.MapGroup("/triage-settings").WithTags("Hulpvragen en triage").RequireAuthorization(Infrastructure.Policies.Admin);
        settings.MapGet("/", async (TriageSettingsQueries queries, CancellationToken ct) => Results.Ok(Settings(await queries.CurrentAsync(ct))))
            .Produces<TriageSettingsDto>(StatusCodes.Status200OK)
            .WithName("GetTriageSettings");
        settings.MapPut("/", async (TriageSettingsInput input, SaveTriageSettingsHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.SaveAsync(input, ct), s => Results.Ok(Settings(s))))
            .Produces<TriageSettingsDto>(StatusCodes.Status200OK)
            .WithName("ChangeTriageSettings").WithSummary("Kies de werkwijze (a–d of een eigen tabel); eerdere werkwijzen blijven bewaard.");
    }

    private static TriageSettingsDto Settings(Domain.Care.TriageSettings s) => new(s.Model.ToString(), s.ConcernThreshold, s.MinDomains,
        s.Routes.ToDictionary(r => Domain.Care.TriageRules.CellKey(r.Key.Class, r.Key.Maatwerk), r => r.Value.ToString()));

    private static RequestDto ToDto(RequestView r) => new(r.Id, r.HuishoudenId, r.Bron.ToString(), r.BronToelichting, r.Omschrijving, r.Ontvangen, r.Maatwerk,
        r.Status.ToString(), r.Personen, r.Scores.Select(s => new RequestScoreDto(s.Key.PersonId, s.Key.Domain.ToString(), s.Value)).ToList(),
        r.Klasse?.ToString(), r.Werkwijze?.ToString(), r.Voorstel?.ToString(), r.Toelichting, r.Besluit?.ToString(), r.Reden, r.BeslotenOp, r.TrajectId, r.Versie);
}
