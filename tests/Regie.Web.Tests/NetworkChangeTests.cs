using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21, the household's network: saving a member unchanged, the names a relation may have, and the actions a member carries
/// out after they ended or were renamed.
/// </summary>
public sealed class NetworkChangeTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string Path(Guid household) => $"/api/v1/households/{household}/network";

    private async Task<(Guid Household, Guid Parent, HttpClient Client)> FamilyWithPlanAsync(string surname)
    {
        var family = await Given.Family(surname, team: Given.Noord);
        await Given.StartPlan(family.Household);
        return (family.Household, family.Parent, await _app.SignedInClientAsync());
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Saving a member unchanged writes nothing: the answered version is the stored one, and the next save with it succeeds.</summary>
    [Fact]
    public async Task Professional_saves_a_network_member_unchanged_and_then_changes_them_with_the_version_answered()
    {
        var (household, parent, client) = await FamilyWithPlanAsync("Rrongelijk");
        var body = new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Haalt op", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 };
        var id = (await OkAsync(await client.PostAsJsonAsync(Path(household), body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var answered = (await OkAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", body))).GetProperty("versie").GetInt32();
        var stored = (await client.GetFromJsonAsync<JsonElement>(Path(household))).GetProperty("huidig")[0].GetProperty("versie").GetInt32();
        Assert.Equal((1, 1), (answered, stored));
        var changed = (await OkAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", body with { versie = answered, rolInPlan = "Haalt op en brengt" })))
            .GetProperty("versie").GetInt32();
        Assert.Equal(2, changed);
        var timeline = await InDbAsync(db => db.HouseholdEvents.CountAsync(e => e.HouseholdId == household && e.Type == EventTypes.NetworkMemberChanged));
        Assert.Equal(1, timeline);
    }

    /// <summary>Relatie is one of Familie, Vriend, Buur, Vrijwilliger, Overig by name: no number, no list of names.</summary>
    [Theory]
    [InlineData("0", "Rnul")]
    [InlineData("4", "Rvier")]
    [InlineData("Familie, Vriend", "Rlijst")]
    public async Task A_network_member_is_refused_with_a_relation_that_is_a_number_or_a_list(string relatie, string surname)
    {
        var (household, parent, client) = await FamilyWithPlanAsync(surname);
        var response = await client.PostAsJsonAsync(Path(household),
            new { naam = "Iemand", relatie, rolInPlan = "Helpt", toestemmingOp = Today, toestemmingDoor = parent });
        Assert.Equal((NetworkRules.RelationInvalidCode, "relatie"), await ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    /// <summary>
    /// An action carried out by a network member who has since ended keeps them: the edit form selects them, marked as ended,
    /// and saving the action unchanged keeps them as its owner.
    /// </summary>
    [Fact]
    public async Task Professional_edits_an_action_whose_network_member_ended_and_keeps_them_as_its_owner()
    {
        var (household, parent, client) = await FamilyWithPlanAsync("Reinde");
        var oma = (await OkAsync(await client.PostAsJsonAsync(Path(household),
            new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Haalt op", toestemmingOp = Today, toestemmingDoor = parent }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var action = (await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions",
            new { omschrijving = "Haalt Noor op", uitvoerder = "Netwerk", netwerkLidId = oma, versie = 1 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await client.PostAsJsonAsync($"{Path(household)}/{oma}/end", new { versie = 1 }));

        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan/actie/{action}"));
        Assert.Contains($"<option selected=\"selected\" value=\"{oma}\">Oma Joke (beëindigd)</option>", form);

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/plan");
        await OkAsync(await client.PutAsJsonAsync($"/api/v1/households/{household}/plan/actions/{action}",
            new { omschrijving = "Haalt Noor op op woensdag", uitvoerder = "Netwerk", netwerkLidId = oma, versie = plan.GetProperty("versie").GetInt32() }));
        var kept = await InDbAsync(db => db.PlanActions.Where(a => a.Id == action).Select(a => new { a.NetworkMemberId, a.OwnerName, a.Omschrijving }).SingleAsync());
        Assert.Equal(((Guid?)oma, "Oma Joke", "Haalt Noor op op woensdag"), (kept.NetworkMemberId, kept.OwnerName, kept.Omschrijving));
    }

    /// <summary>Renaming a network member renames them on the actions they still have to do; a done action keeps the name it was done by.</summary>
    [Fact]
    public async Task Professional_renames_a_network_member_and_their_open_actions_show_the_new_name()
    {
        var (household, parent, client) = await FamilyWithPlanAsync("Rnaam");
        var body = new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Haalt op", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 };
        var oma = (await OkAsync(await client.PostAsJsonAsync(Path(household), body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var open = (await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions",
            new { omschrijving = "Haalt Noor op", uitvoerder = "Netwerk", netwerkLidId = oma, versie = 1 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var added = await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions",
            new { omschrijving = "Kookt op vrijdag", uitvoerder = "Netwerk", netwerkLidId = oma, versie = 2 }), HttpStatusCode.Created);
        var done = added.GetProperty("id").GetGuid();
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions/{done}/done", new { versie = added.GetProperty("versie").GetInt32() }));

        await OkAsync(await client.PutAsJsonAsync($"{Path(household)}/{oma}", body with { naam = "Oma Joke de Vries" }));

        var owners = await InDbAsync(db => db.PlanActions.Where(a => a.HouseholdId == household).ToDictionaryAsync(a => a.Id, a => a.OwnerName));
        Assert.Equal(("Oma Joke de Vries", "Oma Joke"), (owners[open], owners[done]));
    }
}
