using Microsoft.AspNetCore.Mvc;
using Regie.Domain.Models;
using Regie.Web.Features.Api;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The evaluations for the municipality's BI tools: read-only, for the policy officer (a key with role beleid), the same figures as the page.</summary>
public static class EvaluatiesApi
{
    private const string Parameters = "Parameters: horizon (3, 6 of 12 maanden, standaard 12), voor en na (maanden vóór en na de wijziging, 1 tot en met 36, standaard 24 vóór en 12 na).";
    private const string Answer = " Het antwoord: per uitkomst de gemiddelden voor en na (per groep bij een vergelijking), het effect met het 90%- en 95%-interval (bootstrap over huishoudens, vaste seed "
        + "en 1000 trekkingen: dezelfde vraag geeft hetzelfde antwoord), bij een onderbroken tijdreeks de sprong in niveau en de verandering van de trend, bij een verschil in verschillen "
        + "het verschil in trend vóór de wijziging met een waarschuwing als dat niet bij nul ligt, de maandreeks voor de grafiek en de beschrijving van de methode. "
        + "Een cel of maand met minder dan 10 huishoudens is null (aantallen afgerond op vijftallen), en een schatting die zo'n cel nodig heeft ook, met de reden in nietGetoond. "
        + "geteldVanaf is de eerste dag van de kalendermaand die het dichtst bij de datum van de wijziging begint (een wijziging op de 16e of later telt vanaf de maand erna); "
        + "periode is 'maand', of 'kwartaal' als een maand bij een groep minder dan 10 huishoudens heeft; maandenVoor en maandenNa zijn de gebruikte maanden (afgerond op hele kwartalen). "
        + "De lopende maand telt nog niet mee. Elke start telt (wie terugkomt na een afsluiting telt opnieuw); de 10-regel telt huishoudens. "
        + "Geen huishoudens, namen of BSN's.";

    public static void MapEvaluatiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluaties").WithTags("Evaluaties").RequireAuthorization(p => p.RequireRole(Roles.Beleid));

        group.MapGet("/", async (EvaluationData data, CancellationToken ct) => Results.Ok(await data.ChangesAsync(ct)))
            .Produces<IReadOnlyList<EvaluableChange>>()
            .WithName("ListEvaluaties")
            .WithSummary("De wijzigingen die te evalueren zijn: elke wisseling van triagemodel (voor de hele gemeente) en elke vastgelegde werkwijzewijziging van een of meer teams, nieuwste eerst.")
            .WithDescription("Soort 'triagemodel' wordt geëvalueerd als onderbroken tijdreeks, soort 'werkwijze' als verschil in verschillen tegen de teams die niet veranderden. Alleen voor beleid.");

        group.MapGet("/{id:guid}", async (Guid id, [Description("Horizon in maanden: 3, 6 of 12.")] string? horizon,
                [Description("Maanden vóór de wijziging: 1 tot en met 36.")] string? voor, [Description("Maanden na de wijziging: 1 tot en met 36.")] string? na,
                EvaluateChange evaluate, CancellationToken ct) =>
                ApiResults.From(await evaluate.ForChangeAsync(id, new EvaluatieVraag { Horizon = horizon, Voor = voor, Na = na }, ct), Results.Ok))
            .Produces<EvaluatieAntwoord>()
            .WithName("GetEvaluatie")
            .WithSummary("De evaluatie van een wijziging (id uit de lijst: een triageconfiguratie of een werkwijzewijziging). " + Parameters)
            .WithDescription(Answer + $" Foutcodes (400): {EvaluationRules.HorizonInvalidCode} (horizon), {EvaluationRules.MonthsInvalidCode} (voor of na); 404 voor een onbekende wijziging of een van een andere gemeente.");

        group.MapGet("/adhoc", async ([Description("De datum van de wijziging, dd-mm-jjjj of jjjj-mm-dd; niet in de toekomst.")] string? datum,
                [FromQuery(Name = "teams"), Description("De teams die veranderden (ids, herhaald of met komma's); leeg: de hele gemeente (onderbroken tijdreeks).")] string[]? teams,
                [Description("Horizon in maanden: 3, 6 of 12.")] string? horizon,
                [Description("Maanden vóór de wijziging: 1 tot en met 36.")] string? voor, [Description("Maanden na de wijziging: 1 tot en met 36.")] string? na,
                EvaluateChange evaluate, CancellationToken ct) =>
                ApiResults.From(await evaluate.AdHocAsync(datum, teams ?? [], new EvaluatieVraag { Horizon = horizon, Voor = voor, Na = na }, ct), Results.Ok))
            .Produces<EvaluatieAntwoord>()
            .WithName("GetEvaluatieAdHoc")
            .WithSummary("De evaluatie van een eigen datum, eventueel met de teams die toen veranderden (dan een verschil in verschillen tegen de andere teams). " + Parameters)
            .WithDescription(Answer + $" Foutcodes (400): {Domain.Common.DutchDate.InvalidCode} (datum onleesbaar), {Domain.Common.DateRules.TooEarlyCode} en {Domain.Common.DateRules.TooLateCode} (datum te vroeg of in de toekomst),"
                + $" {EvaluationRules.TeamUnknownCode} (team onbekend), {EvaluationRules.NoComparisonCode} (alle teams gekozen: geen vergelijking), {EvaluationRules.HorizonInvalidCode}, {EvaluationRules.MonthsInvalidCode}.");
    }
}
