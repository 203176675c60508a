using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using System.Net;

namespace Regie.Web.Tests;

public sealed class BudgetDemoFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(demoHouseholds: 40);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The demo shows the integral budget in every state, and its figures add up like real ones.</summary>
public sealed class BudgetDemoTests(BudgetDemoFixture fixture) : IClassFixture<BudgetDemoFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Demo_has_budgets_a_move_between_teams_and_spends_in_every_state_with_the_rent_arrears_waiting_for_the_team_lead()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.Equal(await db.Teams.CountAsync(), await db.TeamBudgets.CountAsync());
        Assert.Equal(2, await db.BudgetEntries.CountAsync(e => e.Kind == EntryKind.Overboeking));
        var spends = await db.Spends.AsNoTracking().ToListAsync();
        var story = spends.Single(s => s.Kind == InterventionKind.Huurachterstand);
        Assert.Equal((SpendStatus.Aangevraagd, ApprovalLevel.Teamleider, 1800m), (story.Status, story.Level, story.Amount));
        Assert.Equal("Huishouden de Wit", await db.Households.Where(h => h.Id == story.HouseholdId).Select(h => h.Naam).SingleAsync());
        Assert.Equal(21_700.02m, story.AvoidedEstimate);
        Assert.Contains(spends, s => s.Status == SpendStatus.Afgewezen && s.DecisionReason != null);
        Assert.Contains(spends, s => s.Level == ApprovalLevel.Gemeente && s.Status == SpendStatus.Betaald && s.DecidedByName == "Thomas Bos");
        Assert.Contains(spends, s => s.Level == ApprovalLevel.Mandaat && s.Status == SpendStatus.Betaald);
        Assert.Contains(spends, s => s.Status == SpendStatus.Geannuleerd);

        foreach (var b in await scope.ServiceProvider.GetRequiredService<BudgetQueries>().OverviewAsync(DateTime.UtcNow.Year, default))
        {
            var entries = await db.BudgetEntries.AsNoTracking().Where(e => e.BudgetId == b.BudgetId).Select(e => new { e.Kind, e.Amount }).ToListAsync();
            Assert.Equal(b.Saldo.Vrij, entries.Sum(e => BudgetBalance.EffectOnRemaining(e.Kind, e.Amount)));
            Assert.True(b.Saldo.Vrij >= 0);
        }
        // Every spend event carries the monitor's data contract.
        foreach (var e in await db.HouseholdEvents.AsNoTracking().Where(e => e.Type.StartsWith("spend.")).ToListAsync())
        {
            var data = System.Text.Json.JsonDocument.Parse(e.Data!).RootElement;
            Assert.True(data.TryGetProperty("uitgave", out _) && data.TryGetProperty("bedrag", out _) && data.TryGetProperty("team", out _) && data.GetProperty("kaders").GetArrayLength() > 0, e.Data);
        }
    }

    [Theory]
    [InlineData("teamleider@voorbeeld.nl", "/budget", "Integraal budget")]
    [InlineData("teamleider@voorbeeld.nl", "/uitgaven", "Huurachterstand betalen aan Woningcorporatie Thuis")]
    [InlineData("teamleider@voorbeeld.nl", "/budget/rapportage", "Per wet")]
    [InlineData("beleid@voorbeeld.nl", "/budget", "Wijkteam Oost")]
    [InlineData("beleid@voorbeeld.nl", "/uitgaven", "Recent besloten")]
    [InlineData("beleid@voorbeeld.nl", "/budget/rapportage", "Geschatte vermeden kosten")]
    [InlineData("beleid@voorbeeld.nl", "/beheer/budget", "Geld overboeken tussen teams")]
    [InlineData("beleid@voorbeeld.nl", "/beheer/mandaten", "€ 2.500,00")]
    [InlineData("beleid@voorbeeld.nl", "/beheer/tarieven", "Eropaf quickscan (2014)")]
    public async Task Demo_users_open_the_budget_pages(string email, string path, string expected)
    {
        using var client = await _app.SignedInClientAsync(email);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(expected), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_coordinator_opens_the_rent_arrears_of_the_story_household_and_the_municipality_sees_it_without_the_familys_name()
    {
        Guid spend, household;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var story = await db.Spends.Where(s => s.Kind == InterventionKind.Huurachterstand).Select(s => new { s.Id, s.HouseholdId }).SingleAsync();
            (spend, household) = (story.Id, story.HouseholdId);
        }
        using var coordinator = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var list = await coordinator.GetStringAsync($"/huishoudens/{household}/uitgaven");
        Assert.Contains("Huurachterstand betalen aan Woningcorporatie Thuis", list);
        var page = await coordinator.GetStringAsync($"/uitgaven/{spend}");
        Assert.Contains("Huishouden de Wit", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("€ 21.700,02"), page);

        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var seen = await municipality.GetStringAsync($"/uitgaven/{spend}");
        Assert.Contains(System.Net.WebUtility.HtmlEncode("€ 1.800,00"), seen);
        Assert.DoesNotContain("de Wit", seen);
        var file = await municipality.GetAsync($"/huishoudens/{household}/uitgaven");
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.StartsWith("/geen-toegang", file.Headers.Location!.AbsolutePath.Length > 0 && file.Headers.Location.IsAbsoluteUri ? file.Headers.Location.AbsolutePath : file.Headers.Location.OriginalString);
    }
}
