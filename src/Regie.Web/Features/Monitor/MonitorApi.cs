using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Regie.Domain.Common;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.Monitor;

/// <summary>
/// The monitor for the municipality's BI tools: the same figures as the page, its CSV and its PDF, for the policy officer
/// (a session or an API key of role beleid) and nobody else. Read-only; counts only, never a household; a figure that rests
/// on fewer than ten households is withheld here exactly as on the page.
/// </summary>
public static class MonitorApi
{
    /// <summary>The wijk asked for is not one the municipality's teams work in.</summary>
    public const string WijkUnknownCode = "monitor-wijk-unknown";
    /// <summary>The working model asked for is not one of the triage models.</summary>
    public const string WerkwijzeUnknownCode = "monitor-werkwijze-unknown";
    public const string IsoDate = "yyyy-MM-dd";
    private const string IsoDatePattern = @"^\d{4}-\d{2}-\d{2}$";

    public static void MapMonitorApi(this RouteGroupBuilder api)
    {
        api.MapGet("/monitor", async (
                [Description("Alleen de trajecten van dit team (id uit Regie). Leeg: alle teams van uw gemeente.")] Guid? team,
                [Description("Alleen huishoudens die nu in deze wijk wonen: een wijk waarin een team van de gemeente werkt, precies zo geschreven. Leeg: alle wijken.")] string? wijk,
                [Description("Eerste dag van de periode, jjjj-mm-dd; de monitor begint op de eerste van die maand. Leeg: de maand van vandaag een jaar geleden plus een dag.")] string? van,
                [Description("Laatste dag van de periode, jjjj-mm-dd, niet vóór 'van'; de monitor eindigt op de laatste van die maand, in de lopende maand of later op vandaag. Leeg: vandaag.")] string? tot,
                [Description("Alleen trajecten waarvan de hulpvraag onder deze werkwijze (triagemodel) binnenkwam. Leeg: alle werkwijzen.")]
                [OneOf(typeof(Domain.Care.TriageModel))] string? werkwijze,
                MonitorQuery query, MonitorSnapshots snapshots, RegieDbContext db, CancellationToken ct) =>
            {
                var (askedFrom, askedTo, periodError) = Period(van, tot, query.Today);
                if (periodError is not null) return ApiResults.Invalid(periodError);
                // Whole months only (the running month up to today), so that two periods a day apart cannot be subtracted.
                var (from, to) = MonitorPeriod.Widen(askedFrom, askedTo, query.Today);
                if (team is { } teamId && !await db.Teams.AsNoTracking().AnyAsync(t => t.Id == teamId, ct)) return ApiResults.NotFound("Het team");
                if (!string.IsNullOrEmpty(wijk) && !(await MonitorSnapshots.WijkenAsync(db, ct)).Contains(wijk))
                    return ApiResults.Invalid(new DomainError(WijkUnknownCode, "wijk", $"Geen team van de gemeente werkt in wijk '{wijk}'."));
                Domain.Care.TriageModel? model = null;
                if (!string.IsNullOrEmpty(werkwijze) && (model = Enums.ParseDefined<Domain.Care.TriageModel>(werkwijze)) is null)
                    return ApiResults.Invalid(new DomainError(WerkwijzeUnknownCode, "werkwijze",
                        $"Kies een werkwijze uit {string.Join(", ", Enum.GetNames<Domain.Care.TriageModel>())}."));
                var chosenWijk = string.IsNullOrEmpty(wijk) ? null : wijk;

                // Exactly as the page: precomputed for the standard period, any other question computed now.
                var stored = (from, to) == MonitorSnapshots.StandardPeriod(query.Today) ? await snapshots.ReadAsync(team, from, to, ct, chosenWijk, model) : null;
                var view = stored ?? await query.GetAsync(team, from, to, ct, chosenWijk, model);
                return Results.Ok(Answer(view, team, chosenWijk, model, stored is not null, (askedFrom, askedTo), query.Today));
            })
            .RequireAuthorization(p => p.RequireRole(Infrastructure.Roles.Beleid))
            .WithTags("Monitor")
            .Produces<MonitorAnswer>()
            .WithName("GetMonitor")
            .WithSummary("De indicatoren van de monitor sociaal domein voor BI-tools: dezelfde cijfers als de pagina /monitor en haar CSV, per periode, team, wijk en werkwijze.")
            .WithDescription("Alleen voor de beleidsmedewerker: een sessie of een API-sleutel met rol beleid (de beheerder maakt die met"
                + " `apikey create --org \"BI-omgeving\" --role beleid` van de Regie-CLI); andere rollen krijgen 403. Alleen cijfers, nooit een huishouden, naam of BSN."
                + $" Een cijfer dat op minder dan {MonitorIndicators.MinimumHouseholds} huishoudens rust, wordt achtergehouden: 'waarde' en 'huishoudens' zijn dan null,"
                + " 'achtergehouden' is true en 'reden' zegt waarom. Tellingen naast elkaar (trechter, maanden, tabellen) zijn afgerond op vijftallen; null is daar"
                + $" ook minder dan {MonitorIndicators.MinimumHouseholds} huishoudens. Vroegsignalering en toewijzingen staan er alleen in voor de hele gemeente (zonder team, wijk en werkwijze)."
                + " De periode is altijd hele kalendermaanden: van wordt de eerste van zijn maand, tot de laatste van zijn maand; in de lopende maand (of later) wordt tot vandaag."
                + " Zo zijn twee perioden die een dag verschillen niet van elkaar af te trekken. 'periode.van' en 'periode.tot' zijn de gebruikte periode,"
                + " 'periode.gevraagdVan' en 'periode.gevraagdTot' de gevraagde; 'periode.toelichting' zegt het in een zin als ze verschillen."
                + " Zonder van en tot: de afgelopen twaalf maanden en de lopende maand, vooraf berekend ('voorberekend': true) en 's nachts en na wijzigingen bijgewerkt; 'standVan' zegt van wanneer de cijfers zijn."
                + $" Foutcodes: 400 {DateRules.PeriodInvalidCode} (van of tot niet als jjjj-mm-dd te lezen, een jaar buiten {DateRules.FirstQueryYear}"
                + $" tot {DateRules.QueryYearsAhead} jaar vooruit, tot vóór van, of van na de lopende maand; 'field' noemt de parameter), 400 {WijkUnknownCode} (geen team van de gemeente werkt in die wijk),"
                + $" 400 {WerkwijzeUnknownCode} (onbekende werkwijze), 400 {Shared.ErrorCodes.RequestInvalid} (team is geen uuid);"
                + " 404 voor een team dat niet bestaat of van een andere gemeente is.")
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                // A query parameter, not a path, names the team: the document's general rules do not expect a 404 here.
                operation.Responses ??= new OpenApiResponses();
                operation.Responses["404"] = new OpenApiResponse
                {
                    Description = "Het team bestaat niet of is van een andere gemeente.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiDocument.ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ApiDocument.ProblemSchema, context.Document) },
                    },
                };
                return Task.CompletedTask;
            })
            .WithParameterFacts(
                ParameterFacts.Uuid("team"),
                new("wijk", JsonValue.Create("Noord")),
                new("van", JsonValue.Create("2026-01-01")) { Format = "date", Pattern = IsoDatePattern },
                new("tot", JsonValue.Create("2026-12-31")) { Format = "date", Pattern = IsoDatePattern },
                new("werkwijze", JsonValue.Create(nameof(Domain.Care.TriageModel.TeamVoorAlles))));
    }

    /// <summary>
    /// The period as the page reads it (the last twelve months when not given, the same checks) but in ISO dates only, the
    /// form BI tools write: a day-month order guessed wrong would silently give other figures.
    /// </summary>
    public static (DateOnly From, DateOnly To, DomainError? Error) Period(string? van, string? tot, DateOnly today)
    {
        // The last twelve months as asked; widened to whole months by the caller, as every other period.
        var (from, to) = (today.AddYears(-1).AddDays(1), today);
        if (!string.IsNullOrWhiteSpace(van) && !DateOnly.TryParseExact(van.Trim(), IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            return (from, to, new DomainError(DateRules.PeriodInvalidCode, "van", "Vul van in als jjjj-mm-dd, bijvoorbeeld 2026-01-01."));
        if (!string.IsNullOrWhiteSpace(tot) && !DateOnly.TryParseExact(tot.Trim(), IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
            return (from, to, new DomainError(DateRules.PeriodInvalidCode, "tot", "Vul tot in als jjjj-mm-dd, bijvoorbeeld 2026-12-31."));
        if (DateRules.CheckPeriod(from, to, today, "van", "tot").FirstOrDefault() is { } error) return (from, to, error);
        return MonitorPeriod.BeginsAfterToday(from, today) ? (from, to, MonitorPeriod.StartsInFuture("van", today)) : (from, to, null);
    }

    public const string Withheld = MonitorIndicators.WithheldReason;

    public static MonitorAnswer Answer(MonitorView v, Guid? team, string? wijk, Domain.Care.TriageModel? model, bool precomputed,
        (DateOnly From, DateOnly To) asked, DateOnly today) => new(
        new MonitorPeriodAnswer(v.Van, v.Tot, asked.From, asked.To, MonitorPeriod.Explain(asked.From, asked.To, v.Van, v.Tot, today)),
        new MonitorScopeAnswer(v.Bereik, team, wijk, model?.ToString()),
        v.StandVan,
        precomputed,
        MonitorIndicators.MinimumHouseholds,
        [.. v.Indicatoren.Select(i => new MonitorIndicatorAnswer(i.Goal, i.Key, i.Label, i.Definition, i.Suppressed ? null : i.Value, i.Unit,
            i.Suppressed ? null : i.Households, i.Suppressed, i.Suppressed ? Withheld : null))],
        [.. v.Trechter.Select(f => new MonitorCountAnswer(f.Stap, f.Aantal))],
        [.. (v.Maanden ?? []).Select(m => new MonitorMonthAnswer(m.Maand, m.Instroom, m.Uitstroom))],
        v.Vroegsignalering is { } vs ? new MonitorEarlySignalsAnswer(vs.Months,
            [.. vs.PerPartner.Select(p => new MonitorPartnerAnswer(p.Partner, p.PerMonth, p.Total))],
            [.. vs.Outcomes.Select(o => new MonitorCountAnswer(o.Outcome, o.Cases))]) : null,
        v.Toewijzingen is { } tw ? new MonitorAssignmentsAnswer(
            [.. tw.PerAanbieder.Select(Wait)], [.. tw.PerCategorie.Select(Wait)], tw.NietGestart,
            [.. tw.NietGestartPerAanbieder.Select(r => new MonitorCountAnswer(r.Aanbieder, r.Toewijzingen))],
            [.. tw.Stops.Select(r => new MonitorCountAnswer(r.Reden, r.Stops))]) : null);

    private static MonitorWaitAnswer Wait(AssignmentWaitRow r) => new(r.Naam, r.Toewijzingen, r.MediaanDagen, r.P80Dagen);
}

/// <param name="Indicatoren">Per doel de indicatoren, in de volgorde van de pagina.</param>
/// <param name="Trechter">Hulpvragen van de periode die de stap bereikten; afgerond op vijftallen, null: minder dan 10 huishoudens.</param>
/// <param name="Maanden">Per maand van de periode (jjjj-mm) de huishoudens die instroomden en uitstroomden; afgerond op vijftallen, null: minder dan 10 huishoudens.</param>
/// <param name="Vroegsignalering">Alleen voor de hele gemeente; anders null.</param>
/// <param name="Toewijzingen">Alleen voor de hele gemeente; anders null.</param>
public sealed record MonitorAnswer(MonitorPeriodAnswer Periode, MonitorScopeAnswer Bereik, DateTime StandVan, bool Voorberekend, int MinimumHuishoudens,
    IReadOnlyList<MonitorIndicatorAnswer> Indicatoren, IReadOnlyList<MonitorCountAnswer> Trechter, IReadOnlyList<MonitorMonthAnswer> Maanden,
    MonitorEarlySignalsAnswer? Vroegsignalering, MonitorAssignmentsAnswer? Toewijzingen);

/// <summary>De periode waarover geteld is: hele kalendermaanden, de lopende maand tot en met vandaag.</summary>
/// <param name="Van">Eerste dag van de gebruikte periode (beide meegeteld): de eerste van de maand van 'gevraagdVan'.</param>
/// <param name="Tot">Laatste dag van de gebruikte periode: de laatste van de maand van 'gevraagdTot', of vandaag als die maand nog loopt.</param>
/// <param name="GevraagdVan">De gevraagde eerste dag (zonder van: vandaag een jaar geleden plus een dag).</param>
/// <param name="GevraagdTot">De gevraagde laatste dag (zonder tot: vandaag).</param>
/// <param name="Toelichting">Als de gebruikte periode een andere is dan de gevraagde: waarom, in een zin; anders null.</param>
public sealed record MonitorPeriodAnswer(DateOnly Van, DateOnly Tot, DateOnly GevraagdVan, DateOnly GevraagdTot, string? Toelichting);

/// <param name="Omschrijving">Zoals de pagina het bereik noemt, bijvoorbeeld "Wijkteam Noord, wijk Noord".</param>
public sealed record MonitorScopeAnswer(string Omschrijving, Guid? Team, string? Wijk, string? Werkwijze);

/// <param name="Waarde">Null als het cijfer is achtergehouden, of als er in de periode niets te meten was.</param>
/// <param name="Eenheid">%, euro, dagen, huishoudens, cijfer of een andere eenheid; zie de definitie.</param>
/// <param name="Huishoudens">Op hoeveel huishoudens het cijfer rust; null als het is achtergehouden.</param>
/// <param name="Reden">Waarom het cijfer is achtergehouden ("minder dan 10 huishoudens"); anders null.</param>
public sealed record MonitorIndicatorAnswer(string Doel, string Sleutel, string Naam, string Definitie, decimal? Waarde, string Eenheid, int? Huishoudens,
    bool Achtergehouden, string? Reden);

/// <param name="Aantal">Afgerond op vijftallen; null: minder dan 10 huishoudens.</param>
public sealed record MonitorCountAnswer(string Naam, int? Aantal);

/// <param name="Maand">jjjj-mm.</param>
public sealed record MonitorMonthAnswer(string Maand, int? Instroom, int? Uitstroom);

/// <param name="Maanden">De maanden van de kolommen, jjjj-mm.</param>
/// <param name="PerPartner">Vroegsignalen per soort signaalpartner, per maand en over de hele periode.</param>
/// <param name="Uitkomsten">Afgesloten vroegsignaalzaken per uitkomst (DDAS).</param>
public sealed record MonitorEarlySignalsAnswer(IReadOnlyList<string> Maanden, IReadOnlyList<MonitorPartnerAnswer> PerPartner, IReadOnlyList<MonitorCountAnswer> Uitkomsten);

/// <param name="PerMaand">Per maand van 'maanden'; afgerond op vijftallen, null: minder dan 10 huishoudens.</param>
public sealed record MonitorPartnerAnswer(string Partner, IReadOnlyList<int?> PerMaand, int? Totaal);

/// <param name="NietGestart">Toewijzingen zonder start vier weken na hun eerste dag; null: minder dan 10 huishoudens.</param>
public sealed record MonitorAssignmentsAnswer(IReadOnlyList<MonitorWaitAnswer> PerAanbieder, IReadOnlyList<MonitorWaitAnswer> PerCategorie, int? NietGestart,
    IReadOnlyList<MonitorCountAnswer> NietGestartPerAanbieder, IReadOnlyList<MonitorCountAnswer> Stops);

/// <summary>Van beschikking tot start van de zorg; alle velden null: minder dan 10 huishoudens.</summary>
public sealed record MonitorWaitAnswer(string Naam, int? Toewijzingen, decimal? MediaanDagen, int? P80Dagen);
