using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The team that holds a household spends for it, from its own budget; emergency or added access cannot spend.</summary>
public sealed class SpendAccessTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static int Year => DateTime.UtcNow.Year;
    private Given Given { get; } = new(fixture.App);

    /// <summary>A household held by <paramref name="team"/> (null: by no team) with a plan and one goal; both demo teams have a budget.</summary>
    private async Task<(Guid Household, Guid Goal)> HouseholdAsync(string? team, string name)
    {
        var (household, _, goal) = await Given.HouseholdWithPlanAndGoal(name, "Geld", team, goal: Given.Goal(what: "Geen huurachterstand", measurable: "Achterstand nul"));
        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RegieDbContext>();
        foreach (var t in new[] { "Wijkteam Noord", "Wijkteam Zuid" })
        {
            var id = await TeamAsync(db, t);
            if (!await db.TeamBudgets.AnyAsync(b => b.TeamId == id && b.Year == Year))
                Assert.True((await sp.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput { TeamId = id, Jaar = Year, Bedrag = "10.000", Reden = "Begroting" }, default)).IsOk);
        }
        return (household, goal);
    }

    private static Task<Guid> TeamAsync(RegieDbContext db, string name) => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();

    private static object Spend(Guid household, Guid goal) => new
    {
        huishoudenId = household,
        uitgave = new { doelId = goal, soort = "Huurachterstand", omschrijving = "Huurachterstand betalen", bedrag = "120,00", onderbouwing = "Uitzetting voorkomen", kaders = new[] { "Participatiewet" } },
    };

    private async Task<int> SpendsAsync(Guid household)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Spends.CountAsync(s => s.HouseholdId == household);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()).GetProperty("code").GetString()!;
    }

    private static Task<HttpResponseMessage> PostPageAsync(HttpClient client, Guid household, Guid goal, string token) =>
        client.PostAsync($"/huishoudens/{household}/uitgaven", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DoelId"] = goal.ToString(), ["Input.Soort"] = "Huurachterstand", ["Input.Omschrijving"] = "Huurachterstand betalen", ["Input.Bedrag"] = "120,00",
            ["Input.Onderbouwing"] = "Uitzetting voorkomen", ["Input.Kaders"] = "Participatiewet", ["__RequestVerificationToken"] = token,
        }));

    [Fact]
    public async Task A_professional_of_another_team_who_broke_the_glass_cannot_spend_from_any_budget_on_the_api_or_the_page()
    {
        var (household, goal) = await HouseholdAsync("Wijkteam Noord", "Noodgeld");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var glass = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{household}/noodtoegang");
        Assert.Equal(HttpStatusCode.Redirect, (await zuid.PostAsync($"/huishoudens/{household}/noodtoegang", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Reden"] = "Crisismelding in de nacht, de regisseur is niet bereikbaar", ["__RequestVerificationToken"] = glass,
        }))).StatusCode);

        var api = await zuid.PostAsJsonAsync("/api/v1/spends", Spend(household, goal));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(FileAccessRules.EmergencyReadOnlyCode, await CodeAsync(api));

        // The page shows the spends (reading is what the glass was broken for) but no form, and a post records nothing.
        var page = WebUtility.HtmlDecode(await zuid.GetStringAsync($"/huishoudens/{household}/uitgaven?doel={goal}"));
        Assert.Contains("Met noodtoegang kunt u het dossier lezen", page);
        Assert.DoesNotContain("Uitgave vastleggen", page);
        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{household}/uitgaven");
        var posted = await PostPageAsync(zuid, household, goal, token);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Met noodtoegang kunt u het dossier lezen", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
        Assert.Equal(0, await SpendsAsync(household));
    }

    [Fact]
    public async Task A_professional_added_to_another_teams_file_cannot_spend_for_it()
    {
        var (household, goal) = await HouseholdAsync("Wijkteam Noord", "Toegevoegdgeld");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var koen = await db.Users.Where(u => u.Email == "regisseur.zuid@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            db.HouseholdAccess.Add(new HouseholdAccess
            {
                Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, UserId = koen, Kind = AccessKinds.Added,
                GrantedBy = "test", GrantedAt = DateTime.UtcNow, Reason = "Meekijken bij de schulden",
            });
            await db.SaveChangesAsync();
        }
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var api = await zuid.PostAsJsonAsync("/api/v1/spends", Spend(household, goal));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(FileAccessRules.HeldByOtherTeamCode, await CodeAsync(api));
        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{household}/uitgaven");
        Assert.Equal(HttpStatusCode.OK, (await PostPageAsync(zuid, household, goal, token)).StatusCode);
        Assert.Equal(0, await SpendsAsync(household));
    }

    [Fact]
    public async Task A_spend_is_booked_on_the_budget_of_the_team_that_holds_the_household_and_a_household_no_team_holds_has_none()
    {
        var (household, goal) = await HouseholdAsync("Wijkteam Noord", "Noordgeld");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var created = await noord.PostAsJsonAsync("/api/v1/spends", Spend(household, goal));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var (noordTeam, zuidTeam) = (await TeamAsync(db, "Wijkteam Noord"), await TeamAsync(db, "Wijkteam Zuid"));
            var spend = await db.Spends.SingleAsync(s => s.Id == id);
            Assert.Equal(noordTeam, spend.TeamId);
            Assert.Equal(await db.TeamBudgets.Where(b => b.TeamId == noordTeam && b.Year == Year).Select(b => b.Id).SingleAsync(), spend.BudgetId);
            // Within the mandate: committed at once, on Noord's ledger and nobody else's.
            Assert.Equal([(noordTeam, 120m)], (await db.BudgetEntries.Where(e => e.SpendId == id).ToListAsync()).Select(e => (e.TeamId, e.Amount)));
            Assert.DoesNotContain(await db.BudgetEntries.Where(e => e.TeamId == zuidTeam).ToListAsync(), e => e.SpendId != null);
        }

        // Registry data only, no team: there is no budget it could be booked on, not even the worker's own team's.
        var (unheld, unheldGoal) = await HouseholdAsync(null, "Zondergeld");
        var refused = await noord.PostAsJsonAsync("/api/v1/spends", Spend(unheld, unheldGoal));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(SpendRules.NoTeamCode, await CodeAsync(refused));
        Assert.Equal(0, await SpendsAsync(unheld));
    }
}
