using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Budget;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Keys bound to a team or a person act as that team or person: the same rules, the same 404s as their session.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiKeyScopeTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static int Year => DateTime.UtcNow.Year;
    private string[] DatabaseArgs => [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    private async Task<string> CreateKeyAsync(params string[] options)
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", .. options, .. DatabaseArgs]);
        Assert.True(exit == 0, output);
        return output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("rg_", StringComparison.Ordinal));
    }

    private HttpClient KeyClient(string key)
    {
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
        return client;
    }

    /// <summary>A household the given demo team holds, with a plan, a goal and the team's budget for this year.</summary>
    private async Task<(Guid Household, Guid Goal)> HouseholdOfAsync(string team, string surname)
    {
        var given = new Given(_app);
        var (household, _, goal) = await given.HouseholdWithPlanAndGoal(surname, "Api", team: team,
            goal: Given.Goal("Huisvesting", what: "Blijven wonen", measurable: "Geen uitzetting", who: "Api", days: 30));
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput { TeamId = await given.TeamId(team), Jaar = Year, Bedrag = "100.000", Reden = "Begroting" }, default);
        return (household, goal);
    }

    private static async Task<Guid> RequestSpendAsync(HttpClient client, Guid household, Guid goal)
    {
        var created = await client.PostAsJsonAsync("/api/v1/spends", new { huishoudenId = household, uitgave = new { doelId = goal, soort = "Huurachterstand", omschrijving = "Huurachterstand", bedrag = "1800.00", onderbouwing = "Uitzetting voorkomen", kaders = new[] { "Wmo2015" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Team_lead_key_approves_its_own_teams_spend()
    {
        var (household, goal) = await HouseholdOfAsync("Wijkteam Noord", "Goedkeuring");
        using var coordinator = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var first = await RequestSpendAsync(coordinator, household, goal);
        var second = await RequestSpendAsync(coordinator, household, goal);

        using var personKey = KeyClient(await CreateKeyAsync("--user", "teamleider@voorbeeld.nl"));
        Assert.Equal(HttpStatusCode.OK, (await personKey.PostAsJsonAsync($"/api/v1/spends/{first}/approve", new { versie = 1 })).StatusCode);
        using var teamKey = KeyClient(await CreateKeyAsync("--team", "Wijkteam Noord", "--role", "teamleider", "--org", "Financieel systeem Noord"));
        Assert.Equal(HttpStatusCode.OK, (await teamKey.PostAsJsonAsync($"/api/v1/spends/{second}/approve", new { versie = 1 })).StatusCode);

        // The trail shows which person or team acted through which key.
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var lead = await db.Users.Where(u => u.Email == "teamleider@voorbeeld.nl").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var keys = await db.ApiKeys.OrderBy(k => k.CreatedAt).ToListAsync();
        var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
        Assert.Equal((lead.Id, noord, "teamleider"), (keys[0].UserId, keys[0].TeamId, keys[0].Role));
        Assert.Equal(((string?)null, noord, "teamleider"), (keys[1].UserId, keys[1].TeamId, keys[1].Role));
        var actors = await db.AuditEntries.Where(e => e.ActorName.Contains("API-sleutel")).Select(e => new { e.ActorId, e.ActorName, e.Organisation }).Distinct().ToListAsync();
        Assert.Contains(actors, a => a.ActorId == lead.Id && a.ActorName == $"{lead.DisplayName} (API-sleutel {keys[0].Prefix})");
        Assert.Contains(actors, a => a.ActorId == $"apikey:{keys[1].Id}" && a.ActorName == $"Financieel systeem Noord (API-sleutel {keys[1].Prefix})");
    }

    [Fact]
    public async Task Professional_key_cancels_the_spend_it_made()
    {
        var (household, goal) = await HouseholdOfAsync("Wijkteam Noord", "Annulering");
        using var key = KeyClient(await CreateKeyAsync("--user", "regisseur@voorbeeld.nl"));
        var spend = await RequestSpendAsync(key, household, goal);
        var cancelled = await key.PostAsJsonAsync($"/api/v1/spends/{spend}/cancel", new { versie = 1, reden = "Dubbel aangevraagd" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var professional = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
        Assert.Equal(professional, await db.Spends.Where(s => s.Id == spend).Select(s => s.RequestedBy).SingleAsync());
    }

    [Fact]
    public async Task Noord_professionals_key_cannot_read_a_Zuid_household_as_the_session_cannot()
    {
        var (zuid, _) = await HouseholdOfAsync("Wijkteam Zuid", "Zuidkant");
        var (noord, _) = await HouseholdOfAsync("Wijkteam Noord", "Noordkant");
        using var session = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        using var key = KeyClient(await CreateKeyAsync("--user", "regisseur@voorbeeld.nl"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/api/v1/households/{zuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await key.GetAsync($"/api/v1/households/{zuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync($"/api/v1/households/{noord}")).StatusCode);
    }

    [Fact]
    public async Task Keys_of_another_municipality_see_nothing()
    {
        var (household, _) = await HouseholdOfAsync("Wijkteam Noord", "Elders");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Municipalities.Add(new Municipality { Code = "0363", Name = "Amsterdam", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        using var ours = KeyClient(await CreateKeyAsync("--org", "GGD", "--role", "consulent"));
        using var theirs = KeyClient(await CreateKeyAsync("--org", "GGD", "--role", "consulent", "--gemeente", "0363"));
        var ourFind = Items(await ours.GetFromJsonAsync<JsonElement>("/api/v1/persons?naam=Elders"));
        Assert.Equal(1, ourFind.GetArrayLength());
        var person = ourFind[0].GetProperty("id").GetGuid();
        Assert.Equal(0, Items(await theirs.GetFromJsonAsync<JsonElement>("/api/v1/persons?naam=Elders")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/persons/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/households/{household}")).StatusCode);
    }

    private static JsonElement Items(JsonElement page) => page.GetProperty("resultaten");

    [Fact]
    public async Task Person_key_stops_working_when_the_account_is_locked_or_leaves_the_team()
    {
        var key = await CreateKeyAsync("--user", "regisseur@voorbeeld.nl");
        using var client = KeyClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);

        await using (var scope = _app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegieUser>>();
            var user = (await users.FindByEmailAsync("regisseur@voorbeeld.nl"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(100));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);

        await using (var scope = _app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegieUser>>();
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var user = (await users.FindByEmailAsync("regisseur@voorbeeld.nl"))!;
            await users.SetLockoutEndDateAsync(user, null);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
            user.TeamId = await db.Teams.Where(t => t.Name == "Wijkteam Zuid").Select(t => t.Id).SingleAsync();
            await users.UpdateAsync(user);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--team", "Wijkteam Noord", "--user", "regisseur@voorbeeld.nl" }, "Kies --team of --user")]
    [InlineData(new[] { "--user", "regisseur@voorbeeld.nl", "--role", "teamleider" }, "diens rol (professional)")]
    [InlineData(new[] { "--team", "Wijkteam Noord", "--role", "partner" }, "rol professional of teamleider")]
    [InlineData(new[] { "--org", "X", "--role", "teamleider" }, "geef --team NAAM of --user E-MAIL")]
    [InlineData(new[] { "--team", "Wijkteam West", "--role", "professional" }, "Geen team met de naam Wijkteam West")]
    [InlineData(new[] { "--user", "niemand@voorbeeld.nl" }, "Geen account met e-mailadres niemand@voorbeeld.nl")]
    [InlineData(new[] { "--role", "consulent" }, "organisatie")]
    [InlineData(new[] { "--user", "aanbieder@voorbeeld.nl", "--org", "Jeugdhulp Op Koers" }, "handelt voor diens organisatie (Zorgaanbieder De Brug); laat --org weg")]
    [InlineData(new[] { "--org", "Nonexistent BV", "--role", "partner" }, "Geen geregistreerde organisatie met de naam Nonexistent BV")]
    [InlineData(new[] { "--org", "GGD", "--role", "consulent", "--gemeente", "0363" }, "Gemeente 0363 bestaat niet in deze installatie")]
    public async Task Admin_gets_a_clear_refusal_for_a_key_scope_that_makes_no_sense(string[] options, string message)
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", .. options, .. DatabaseArgs]);
        Assert.Equal(2, exit);
        Assert.Contains(message, output);
        await using var scope = _app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ApiKeys.AnyAsync());
    }

    [Fact]
    public async Task Key_list_shows_the_team_or_person_a_key_acts_for()
    {
        await CreateKeyAsync("--user", "teamleider@voorbeeld.nl");
        await CreateKeyAsync("--team", "Wijkteam Zuid", "--role", "professional");
        var (exit, list) = await ConsoleCollection.RunAsync(["apikey", "list", .. DatabaseArgs]);
        Assert.Equal(0, exit);
        Assert.Contains("persoon teamleider@voorbeeld.nl (team Wijkteam Noord)", list);
        Assert.Contains("Wijkteam Zuid", list);
        Assert.Contains(", team Wijkteam Zuid", list);
    }
}
