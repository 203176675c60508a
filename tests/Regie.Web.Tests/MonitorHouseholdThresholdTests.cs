using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Monitor;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The monitor's waiting list and funnel withhold on households: a household that asks three times is still one household.</summary>
public sealed class MonitorHouseholdThresholdTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Households of the team, each with <paramref name="requests"/> requests received in the last weeks and no intake yet.</summary>
    private async Task AskAsync(Guid team, int households, int requests, string name)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var given = new Given(_app);
        for (var h = 0; h < households; h++)
        {
            var (id, _) = await given.Resident($"{name}{h}", "Vraag");
            (await db.Households.SingleAsync(x => x.Id == id)).HandOverTo(team);
            for (var r = 0; r < requests; r++)
                db.HouseholdEvents.Add(new HouseholdEvent
                {
                    Gemeentecode = TestApp.Gemeentecode, HouseholdId = id, Type = EventTypes.RequestRegistered, OccurredAt = DateTime.UtcNow,
                    EffectiveDate = Today.AddDays(-7 * (r + 1)), ActorId = "test", ActorName = "Test", Summary = "Hulpvraag ontvangen",
                    Data = JsonSerializer.Serialize(new { verzoek = Guid.NewGuid(), bron = "Inwoner", maatwerk = false }),
                });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Twelve_requests_of_four_households_are_withheld_on_the_page_and_in_the_export_and_ten_households_are_shown()
    {
        Guid team;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Teams.Add(new Team { Id = team = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = "Wijkteam Wachtlijst" });
            await db.SaveChangesAsync();
        }
        await AskAsync(team, households: 4, requests: 3, "Drievraag");

        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var csv = await municipality.GetStringAsync($"/monitor?team={team}&handler=Csv");
        Assert.Contains("Stroom;Wachtlijst voor de intake;;hulpvragen;<10;niet getoond: minder dan 10 huishoudens;", csv, StringComparison.Ordinal);
        Assert.Contains("Preventie;Van hulpvraag tot eerste contact (mediaan);;dagen;<10;", csv, StringComparison.Ordinal);
        await using (var scope = _app.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default);
            var waitingList = view.Indicatoren.Single(i => i.Key == "wachtlijst");
            Assert.Equal((true, 4), (waitingList.Suppressed, waitingList.Households));
            // The funnel's first step: twelve requests, but four households.
            Assert.Equal(new FunnelStep("Hulpvraag", null), view.Trechter[0]);
        }

        // Six more households with one request each: eighteen requests of ten households, enough to show.
        await AskAsync(team, households: 6, requests: 1, "Eenvraag");
        csv = await municipality.GetStringAsync($"/monitor?team={team}&handler=Csv");
        Assert.Contains("Stroom;Wachtlijst voor de intake;18;hulpvragen;10;;", csv, StringComparison.Ordinal);
        await using (var scope = _app.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default);
            Assert.Equal(new FunnelStep("Hulpvraag", 20), view.Trechter[0]);
        }
    }
}
