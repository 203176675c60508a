using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Team;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Waiting times from the event log on a constructed set of requests, computed by hand.</summary>
public sealed class WaitingTimesTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Guid> HouseholdOfAsync(string team, string name) => (await new Given(_app).Resident(name, team: team)).Household;

    private async Task EventsAsync(Guid household, params (string Type, int DaysAgo, object Data)[] events)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        foreach (var (type, daysAgo, data) in events)
            db.HouseholdEvents.Add(new HouseholdEvent
            {
                Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, Type = type, OccurredAt = DateTime.UtcNow, EffectiveDate = Today.AddDays(-daysAgo),
                ActorId = "test", ActorName = "Test", Summary = type, Data = JsonSerializer.Serialize(data),
            });
        await db.SaveChangesAsync();
    }

    private static (string, int, object) Registered(Guid r, int ago) => (EventTypes.RequestRegistered, ago, new { verzoek = r, bron = "Inwoner", maatwerk = false });
    private static (string, int, object) Intake(Guid r, int ago) => (EventTypes.RequestScreened, ago, new { verzoek = r, klasse = "Enkelvoudig" });
    private static (string, int, object) Triaged(Guid r, int ago, TriageRoute route) => (EventTypes.RequestTriaged, ago, new { verzoek = r, route = route.ToString() });
    private static (string, int, object) Decision(int ago, string outcome) =>
        (EventTypes.DecisionTaken, ago, new { aanvraag = Guid.NewGuid(), beschikking = Guid.NewGuid(), kader = "Wmo2015", uitkomst = outcome, productcategorie = (string?)null, specialistisch = false, geschatteKosten = (decimal?)null, eigenWerkgever = false });

    [Fact]
    public async Task Team_lead_sees_waiting_times_from_request_to_intake_first_support_and_decision_per_route_and_team()
    {
        Guid r1 = Guid.NewGuid(), r2 = Guid.NewGuid(), r3 = Guid.NewGuid(), r4 = Guid.NewGuid(), r5 = Guid.NewGuid(), old = Guid.NewGuid();
        var h1 = await HouseholdOfAsync("Wijkteam Noord", "Een");
        await EventsAsync(h1, Registered(r1, 40), Intake(r1, 38), Triaged(r1, 38, TriageRoute.Wijkteam), (EventTypes.SupportStarted, 30, new { interventie = Guid.NewGuid(), aanbieder = "Team", eind = (string?)null }));
        var h2 = await HouseholdOfAsync("Wijkteam Noord", "Twee");
        // A refusal is a decision but not support; the referral the provider started is.
        await EventsAsync(h2, Registered(r2, 40), Intake(r2, 36), Triaged(r2, 36, TriageRoute.Wijkteam), Decision(25, "afgewezen"), (EventTypes.ReferralStarted, 20, new { verwijzing = Guid.NewGuid() }));
        var h3 = await HouseholdOfAsync("Wijkteam Noord", "Drie");
        await EventsAsync(h3, Registered(r3, 10), Registered(old, 400), Intake(old, 399));
        var h4 = await HouseholdOfAsync("Wijkteam Zuid", "Vier");
        await EventsAsync(h4, Registered(r4, 40), Intake(r4, 39), Triaged(r4, 39, TriageRoute.Loket), Decision(26, "toegekend"));
        var h5 = await HouseholdOfAsync("Wijkteam Zuid", "Vijf");
        // Support that was already running before the request does not answer it.
        await EventsAsync(h5, (EventTypes.SupportStarted, 100, new { interventie = Guid.NewGuid(), aanbieder = "Team", eind = (string?)null }), Registered(r5, 20), Intake(r5, 19), Triaged(r5, 19, TriageRoute.AlgemeneVoorziening));

        await using var scope = _app.Scope();
        var query = scope.ServiceProvider.GetRequiredService<WaitingTimesQuery>();
        var noord = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();

        var own = await query.GetAsync(noord, Today.AddYears(-1).AddDays(1), Today, default);
        Assert.Equal(["Nog geen route", "Wijkteam", "Wijkteam Noord, alle routes"], own.PerRoute.Select(r => r.Group));
        var waiting = own.PerRoute[0];
        Assert.Equal(1, waiting.Requests);
        Assert.Equal(new StageFigure(0, null, null, 1, 10), waiting.Intake);
        var team = own.PerRoute[1];
        Assert.Equal(2, team.Requests);
        Assert.Equal(new StageFigure(2, 3m, 4, 0, null), team.Intake);
        Assert.Equal(new StageFigure(2, 15m, 20, 0, null), team.FirstSupport);
        Assert.Equal(new StageFigure(1, 15m, 15, 0, null), team.Decision);

        var all = await query.GetAsync(null, Today.AddYears(-1).AddDays(1), Today, default);
        Assert.Equal(["Wijkteam Noord", "Wijkteam Zuid", "Alle teams samen"], all.PerTeam.Select(r => r.Group));
        var zuid = all.PerTeam[1];
        Assert.Equal(2, zuid.Requests);
        Assert.Equal(new StageFigure(2, 1m, 1, 0, null), zuid.Intake);
        Assert.Equal(new StageFigure(1, 14m, 14, 1, 20), zuid.FirstSupport);
        Assert.Equal(new StageFigure(1, 14m, 14, 0, null), zuid.Decision);
        Assert.Equal(5, all.PerTeam[2].Requests);
        Assert.Equal(new StageFigure(4, 1.5m, 4, 1, 10), all.PerTeam[2].Intake);
        Assert.Equal(new[] { "Gemeentelijk loket", "Algemene voorziening", "Nog geen route", "Wijkteam" }.Order(StringComparer.Ordinal), all.PerRoute.Take(4).Select(r => r.Group));

        // A period that ends before the requests holds none of them.
        Assert.Empty((await query.GetAsync(null, Today.AddDays(-60), Today.AddDays(-50), default)).PerTeam);

        using var client = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var figures = await client.GetFromJsonAsync<JsonElement>($"/api/v1/team/waiting-times?team={noord}");
        Assert.Equal(3, figures.GetProperty("perRoute").EnumerateArray().Last().GetProperty("requests").GetInt32());
        var bad = await client.GetAsync("/api/v1/team/waiting-times?van=gisteren");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(Regie.Domain.Common.DateRules.PeriodInvalidCode, (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var page = await client.GetStringAsync($"/team/wachttijden?team={noord}");
        Assert.Contains("3 / 4 dagen (2)", page, StringComparison.Ordinal);
    }
}
