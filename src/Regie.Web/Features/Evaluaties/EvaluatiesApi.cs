using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Regie.Domain.Models;
using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The evaluations for the municipality's BI tools: read-only, for the policy officer (a key with role beleid), the same figures as the page.</summary>
public static class EvaluatiesApi
{
    private const string Parameters = "Parameters: horizon (3, 6 of 12 maanden, standaard 12), voor en na (maanden vóór en na de wijziging, 1 tot en met 36, standaard 24 vóór en 12 na).";
    private const string Answer = " Het antwoord: per uitkomst de gemiddelden voor en na (per groep bij een vergelijking), het effect met het 90%- en 95%-interval (bootstrap over de starts, vaste seed "
        + "en 1000 trekkingen: dezelfde vraag geeft hetzelfde antwoord), bij een onderbroken tijdreeks de sprong in niveau en de verandering van de trend, bij een verschil in verschillen "
        + "het verschil in trend vóór de wijziging met een waarschuwing als dat niet bij nul ligt, de reeks per kwartaal voor de grafiek (maanden) en de beschrijving van de methode. "
        + "Een cel of kwartaal met minder dan 10 huishoudens is null (aantallen afgerond op vijftallen), en een schatting die zo'n cel nodig heeft ook, met de reden in nietGetoond. "
        + "We rekenen in vaste kalenderkwartalen (januari, april, juli, oktober). De wijziging telt vanaf de eerste van haar maand (op of na de 16e: van de volgende maand); "
        + "geteldVanaf is de eerste dag van het eerste kwartaal na de wijziging; valt die maand midden in een kwartaal, dan telt dat kwartaal niet mee (overgangskwartaal, anders null). "
        + "maanden[] bevat dan ook kwartalen: maand is het aantal maanden van het begin van het kwartaal tot het kwartaal van de wijziging (… −6, −3, 0, 3 …), vanaf de eerste dag ervan. "
        + "maandenVoor en maandenNa zijn de gebruikte maanden (afgerond op hele kwartalen). Het lopende kwartaal telt nog niet mee. "
        + "Elke start telt (wie terugkomt na een afsluiting telt opnieuw); huishoudens in cellen en maanden telt starts; de bootstrap trekt starts. "
        + "De 10-regel telt huishoudens per team en kwartaal: een team-kwartaal met minder dan 10 huishoudens telt in geen enkele groep mee, ook niet in de hele gemeente. "
        + "Geen huishoudens, namen of BSN's.";

    // What the document says the parameters accept; the handler reads them as text and refuses anything else with its own code.
    // The examples are the defaults the handler takes when a parameter is left out.
    private static readonly ParameterFacts Horizon = new("horizon", JsonValue.Create(EvaluationRules.DefaultHorizon))
    {
        Type = JsonSchemaType.Integer, Values = [JsonValue.Create(3), JsonValue.Create(6), JsonValue.Create(12)],
    };
    private static readonly ParameterFacts Voor = new("voor", JsonValue.Create(EvaluationRules.DefaultMonthsBefore)) { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "36" };
    private static readonly ParameterFacts Na = new("na", JsonValue.Create(EvaluationRules.DefaultMonthsAfter)) { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "36" };
    /// <summary>The day as jjjj-mm-dd, dd-mm-jjjj (also d-m-jjjj, d/m/jjjj and d.m.jjjj): the forms <see cref="Domain.Common.DutchDate.TryParse"/> reads.</summary>
    public const string DatumPattern = @"^(\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})$";
    private static readonly ParameterFacts Datum = new("datum", JsonValue.Create("2025-01-01")) { Pattern = DatumPattern };
    private static readonly ParameterFacts Teams = new("teams", new JsonArray(JsonValue.Create("3f2b8c1e-5d4a-4e2b-9c1d-7a6e5f4b3c2d"))) { ItemFormat = "uuid" };

    public static void MapEvaluatiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluaties").WithTags("Evaluaties").RequireAuthorization(p => p.RequireRole(Roles.Beleid));

        group.MapGet("/", async (EvaluationData data, CancellationToken ct) => Results.Ok(await data.ChangesAsync(ct)))
            .Produces<IReadOnlyList<EvaluableChange>>()
            .WithName("ListEvaluaties")
            .WithSummary("De wijzigingen die te evalueren zijn: elke wisseling van triagemodel (voor de hele gemeente) en elke vastgelegde werkwijzewijziging van een of meer teams, nieuwste eerst.")
            .WithDescription("Soort 'triagemodel' wordt geëvalueerd als onderbroken tijdreeks, soort 'werkwijze' als verschil in verschillen tegen de teams die niet veranderden. Alleen voor beleid.");

        group.MapGet("/{id:guid}", async ([Description("Het id van de wijziging uit GET /api/v1/evaluaties (een GUID).")] Guid id, [Description("Horizon in maanden: 3, 6 of 12.")] string? horizon,
                [Description("Maanden vóór de wijziging: 1 tot en met 36.")] string? voor, [Description("Maanden na de wijziging: 1 tot en met 36.")] string? na,
                EvaluateChange evaluate, CancellationToken ct) =>
                ApiResults.From(await evaluate.ForChangeAsync(id, new EvaluatieVraag { Horizon = horizon, Voor = voor, Na = na }, ct), Results.Ok))
            .Produces<EvaluatieAntwoord>()
            .WithParameterFacts(Horizon, Voor, Na)
            .WithName("GetEvaluatie")
            .WithSummary("De evaluatie van een wijziging (id uit de lijst: een triageconfiguratie of een werkwijzewijziging). " + Parameters)
            .WithDescription(Answer + $" Foutcodes (400): {EvaluationRules.HorizonInvalidCode} (horizon), {EvaluationRules.MonthsInvalidCode} (voor of na); 404 voor een onbekende wijziging of een van een andere gemeente.");

        group.MapGet("/adhoc", async ([Description("De datum van de wijziging, dd-mm-jjjj of jjjj-mm-dd; niet in de toekomst.")] string? datum,
                [FromQuery(Name = "teams"), Description("De teams die veranderden (een id per team, de parameter herhaald: teams=…&teams=…); leeg: de hele gemeente (onderbroken tijdreeks).")] string[]? teams,
                [Description("Horizon in maanden: 3, 6 of 12.")] string? horizon,
                [Description("Maanden vóór de wijziging: 1 tot en met 36.")] string? voor, [Description("Maanden na de wijziging: 1 tot en met 36.")] string? na,
                EvaluateChange evaluate, CancellationToken ct) =>
                ApiResults.From(await evaluate.AdHocAsync(datum, teams ?? [], new EvaluatieVraag { Horizon = horizon, Voor = voor, Na = na }, ct), Results.Ok))
            .Produces<EvaluatieAntwoord>()
            .WithParameterFacts(Datum, Teams, Horizon, Voor, Na)
            .WithName("GetEvaluatieAdHoc")
            .WithSummary("De evaluatie van een eigen datum, eventueel met de teams die toen veranderden (dan een verschil in verschillen tegen de andere teams). " + Parameters)
            .WithDescription(Answer + $" Foutcodes (400): {Domain.Common.DutchDate.InvalidCode} (datum onleesbaar), {Domain.Common.DateRules.TooEarlyCode} en {Domain.Common.DateRules.TooLateCode} (datum te vroeg of in de toekomst),"
                + $" {EvaluationRules.TeamUnknownCode} (team onbekend), {EvaluationRules.NoComparisonCode} (alle teams gekozen: geen vergelijking), {EvaluationRules.HorizonInvalidCode}, {EvaluationRules.MonthsInvalidCode}.");
    }
}
