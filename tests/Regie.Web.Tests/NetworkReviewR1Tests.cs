using Regie.Domain.Care;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>Review r1 of p21a (the household's network): findings proven as failing tests.</summary>
public sealed class NetworkReviewR1Tests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
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

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// PUT with nothing changed answers versie+1, but EF saves no row, so the stored version stays: the next PUT with the
    /// answered version gets 409 (ChangeNetworkMember.cs returns input.Versie + 1 unconditionally).
    /// </summary>
    [Fact]
    public async Task R1_an_unchanged_save_answers_the_version_the_next_save_must_send()
    {
        var (household, parent, client) = await FamilyWithPlanAsync("Rrongelijk");
        var body = new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Haalt op", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 };
        var id = (await OkAsync(await client.PostAsJsonAsync(Path(household), body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var answered = (await OkAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", body))).GetProperty("versie").GetInt32();
        var stored = (await client.GetFromJsonAsync<JsonElement>(Path(household))).GetProperty("huidig")[0].GetProperty("versie").GetInt32();
        Assert.Equal(stored, answered);
        await OkAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", body with { versie = answered, rolInPlan = "Haalt op en brengt" }));
    }

    /// <summary>The document says relatie is one of Familie, Vriend, Buur, Vrijwilliger, Overig; Enum.TryParse also takes "0" and "Familie, Vriend".</summary>
    [Theory]
    [InlineData("0", "Rnul")]
    [InlineData("4", "Rvier")]
    [InlineData("Familie, Vriend", "Rlijst")]
    public async Task R1_relatie_is_one_of_the_documented_names(string relatie, string surname)
    {
        var (household, parent, client) = await FamilyWithPlanAsync(surname);
        var response = await client.PostAsJsonAsync(Path(household),
            new { naam = "Iemand", relatie, rolInPlan = "Helpt", toestemmingOp = Today, toestemmingDoor = parent });
        Assert.Equal((NetworkRules.RelationInvalidCode, "relatie"), await ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    /// <summary>
    /// An action carried out by a network member who has since ended: its edit form offers neither the member (not current)
    /// nor their name (Action.cshtml.cs blanks Naam when NetwerkLidId is set), so the owner is lost on the next save.
    /// </summary>
    [Fact]
    public async Task R1_the_form_of_an_action_whose_network_member_ended_keeps_the_owners_name()
    {
        var (household, parent, client) = await FamilyWithPlanAsync("Reinde");
        var oma = (await OkAsync(await client.PostAsJsonAsync(Path(household),
            new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Haalt op", toestemmingOp = Today, toestemmingDoor = parent }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var action = (await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions",
            new { omschrijving = "Haalt Noor op", uitvoerder = "Netwerk", netwerkLidId = oma, versie = 1 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await client.PostAsJsonAsync($"{Path(household)}/{oma}/end", new { versie = 1 }));

        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan/actie/{action}"));
        Assert.True(form.Contains("value=\"Oma Joke\"", StringComparison.Ordinal) || form.Contains($"value=\"{oma}\" selected", StringComparison.Ordinal),
            "the edit form neither selects the ended member nor fills in her name");
    }
}
