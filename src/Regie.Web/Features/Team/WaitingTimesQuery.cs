using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Team;

public sealed record WaitingTimesView(DateOnly Van, DateOnly Tot, string Bereik, IReadOnlyList<WaitingFigures> PerRoute, IReadOnlyList<WaitingFigures> PerTeam);

/// <summary>
/// How long residents wait: from a request to its intake, to the first support and to a beschikking,
/// per route and per team, read from the event log (request.registered, request.screened,
/// request.triaged, support.started, referral.started, decision.taken). Figures only: no household
/// is named, so a team lead may compare teams.
/// </summary>
public sealed class WaitingTimesQuery(RegieDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string NoRoute = "Nog geen route";
    public const string NoTeam = "Geen team";

    private static readonly string[] Types =
    [
        EventTypes.RequestRegistered, EventTypes.RequestScreened, EventTypes.RequestTriaged,
        EventTypes.SupportStarted, EventTypes.ReferralStarted, EventTypes.DecisionTaken,
    ];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public Guid? OwnTeam => user.TeamId;

    /// <summary>Requests received from <paramref name="from"/> to <paramref name="to"/>; their later steps count whenever they happened.</summary>
    public async Task<WaitingTimesView> GetAsync(Guid? teamId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = await CasesAsync(teamId, from, to, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var scope = teamId is { } s ? teams.GetValueOrDefault(s, NoTeam) : "Alle teams";
        return new WaitingTimesView(from, to, scope,
            WaitingTimes.By(cases, c => c.Route, Today, $"{scope}, alle routes"),
            WaitingTimes.By(cases, c => c.Team, Today, "Alle teams samen"));
    }

    /// <summary>Each request of the period with the day it reached each step; the monitor counts the same cases.</summary>
    /// <param name="model">Only requests screened under this working model (the intake's "werkwijze"); null for all.</param>
    public async Task<IReadOnlyList<WaitingCase>> CasesAsync(Guid? teamId, DateOnly from, DateOnly to, CancellationToken ct, string? wijk = null, TriageModel? model = null)
    {
        var households = db.Households.AsNoTracking();
        if (teamId is { } t) households = households.Where(h => h.ResponsibleTeamId == t);
        if (wijk is not null) households = households.Where(h => h.Wijk == wijk);
        var events = await db.HouseholdEvents.AsNoTracking()
            .Where(e => Types.Contains(e.Type) && e.EffectiveDate >= from)
            .Join(households, e => e.HouseholdId, h => h.Id, (e, h) => new { e.Id, e.HouseholdId, e.Type, e.EffectiveDate, e.Data, h.ResponsibleTeamId })
            .OrderBy(e => e.Id).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        var cases = new List<WaitingCase>();
        foreach (var household in events.GroupBy(e => e.HouseholdId))
        {
            var list = household.ToList();
            var team = list[0].ResponsibleTeamId is { } tid ? teams.GetValueOrDefault(tid, NoTeam) : NoTeam;
            var support = list.Where(e => e.Type is EventTypes.SupportStarted or EventTypes.ReferralStarted
                    || (e.Type == EventTypes.DecisionTaken && Text(e.Data, EventDataKeys.Uitkomst) != "afgewezen"))
                .Select(e => e.EffectiveDate).Order().ToList();
            var decisions = list.Where(e => e.Type == EventTypes.DecisionTaken).Select(e => e.EffectiveDate).Order().ToList();
            foreach (var request in list.Where(e => e.Type == EventTypes.RequestRegistered && e.EffectiveDate <= to))
            {
                var id = Text(request.Data, EventDataKeys.Verzoek);
                var day = request.EffectiveDate;
                if (model is { } wanted && !list.Any(e => e.Type == EventTypes.RequestScreened && Text(e.Data, EventDataKeys.Verzoek) == id && Text(e.Data, EventDataKeys.Werkwijze) == wanted.ToString()))
                    continue;
                var intake = list.Where(e => e.Type == EventTypes.RequestScreened && Text(e.Data, EventDataKeys.Verzoek) == id).Select(e => (DateOnly?)e.EffectiveDate).Min();
                var route = list.Where(e => e.Type == EventTypes.RequestTriaged && Text(e.Data, EventDataKeys.Verzoek) == id).Select(e => Text(e.Data, EventDataKeys.Route)).FirstOrDefault();
                cases.Add(new WaitingCase(household.Key,
                    Enums.ParseDefined<TriageRoute>(route) is { } r ? TriageRoutes.Label(r) : NoRoute, team, day, intake,
                    support.Where(d => d >= day).Select(d => (DateOnly?)d).FirstOrDefault(),
                    decisions.Where(d => d >= day).Select(d => (DateOnly?)d).FirstOrDefault()));
            }
        }
        return cases;
    }

    private static string? Text(string? json, string property)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
