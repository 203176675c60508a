using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Network;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21, one plan with everyone: the household's network joins the file only with the household's consent, is changed
/// and ended (never deleted), carries out actions of the plan and stands around the household on the eco-map. For the care
/// roles who may open the file; everyone else finds nothing.
/// </summary>
public sealed class NetworkTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string Path(Guid household) => $"/api/v1/households/{household}/network";

    private static object Grandmother(Guid consentBy, string? email = null) => new
    {
        naam = "Oma Joke", relatie = "Familie", telefoon = "06 12345678", email, rolInPlan = "Haalt de kinderen op woensdag uit school",
        toestemmingOp = Today, toestemmingDoor = consentBy,
    };

    /// <summary>A family held by Noord with an active plan, and the demo professional of Noord signed in.</summary>
    private async Task<(Family Family, HttpClient Client)> FamilyWithPlanAsync(string surname)
    {
        var family = await Given.Family(surname, team: Given.Noord);
        await Given.StartPlan(family.Household);
        return (family, await _app.SignedInClientAsync());
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<int> VersionAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("versie").GetInt32();
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    [Fact]
    public async Task Professional_adds_the_grandmother_with_the_households_consent_and_sees_her_on_the_network_and_eco_map()
    {
        var ((household, parent, _), client) = await FamilyWithPlanAsync("Netwerkoma");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), Grandmother(parent, "joke@voorbeeld.nl")));

        var network = await client.GetFromJsonAsync<JsonElement>(Path(household));
        var member = Assert.Single(network.GetProperty("huidig").EnumerateArray());
        Assert.Equal((id, "Oma Joke", "Familie", "06 12345678", "joke@voorbeeld.nl", "Sanne Netwerkoma"),
            (member.GetProperty("id").GetGuid(), member.GetProperty("naam").GetString(), member.GetProperty("relatie").GetString(),
                member.GetProperty("telefoon").GetString(), member.GetProperty("email").GetString(), member.GetProperty("toestemmingDoorNaam").GetString()));
        Assert.Empty(network.GetProperty("beeindigd").EnumerateArray());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/netwerk"));
        Assert.Contains("role=\"img\" aria-labelledby=\"ecogram-titel ecogram-omschrijving\"", page);
        Assert.Contains("<title id=\"ecogram-titel\">Ecogram van Huishouden Netwerkoma</title>", page);
        Assert.Contains("1 persoon uit het netwerk", page);
        Assert.Contains("Netwerk: familie", page);
        Assert.Contains("Haalt de kinderen op woensdag uit school", page);
        Assert.Contains($"/huishoudens/{household}/netwerk", WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}")));

        var (events, reads) = await InDbAsync(async db => (
            await db.HouseholdEvents.Where(e => e.HouseholdId == household && e.Type == EventTypes.NetworkMemberAdded).Select(e => e.Summary).ToListAsync(),
            await db.AuditEntries.CountAsync(a => a.HouseholdId == household && a.Resource == AuditResources.Network && a.Action == AuditActions.Read)));
        Assert.Equal(["Oma Joke (familie) toegevoegd aan het netwerk, met toestemming van Sanne Netwerkoma"], events);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Nobody_joins_the_network_without_consent_from_someone_in_the_household()
    {
        var ((household, _, _), client) = await FamilyWithPlanAsync("Geentoestemming");
        var other = await Given.Family("Anderhuis", team: Given.Noord);

        Assert.Equal((NetworkRules.ConsentRequiredCode, "toestemmingDoor"), await ProblemAsync(await client.PostAsJsonAsync(Path(household),
            new { naam = "Buurman Piet", relatie = "Buur", rolInPlan = "Loopt mee naar afspraken", toestemmingOp = Today }), HttpStatusCode.BadRequest));
        // Consent from someone of another household is no consent of this one.
        Assert.Equal((NetworkRules.ConsentRequiredCode, "toestemmingDoor"), await ProblemAsync(await client.PostAsJsonAsync(Path(household), Grandmother(other.Parent)),
            HttpStatusCode.BadRequest));
        Assert.Equal((ContactDetails.EmailInvalidCode, "email"), await ProblemAsync(await client.PostAsJsonAsync(Path(household), Grandmother(other.Parent, "geen-adres")),
            HttpStatusCode.BadRequest));
        Assert.Equal(0, await InDbAsync(db => db.NetworkMembers.CountAsync(n => n.HouseholdId == household)));
    }

    [Fact]
    public async Task The_network_form_shows_the_consent_error_at_its_field_and_keeps_what_was_typed()
    {
        var ((household, _, _), client) = await FamilyWithPlanAsync("Formulier");
        var response = await TestApp.PostFormAsync(client, $"/huishoudens/{household}/netwerk/lid", new Dictionary<string, string>
        {
            ["Input.Naam"] = "Buurvrouw Ans", ["Input.Relatie"] = "Buur", ["Input.RolInPlan"] = "Kookt op vrijdag", ["Input.ToestemmingOp"] = "",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies wie uit het huishouden toestemming gaf.", page);
        Assert.Contains("value=\"Buurvrouw Ans\"", page);
        Assert.Equal(0, await InDbAsync(db => db.NetworkMembers.CountAsync(n => n.HouseholdId == household)));
    }

    [Fact]
    public async Task Professional_changes_and_ends_a_network_member_who_stays_in_the_files_history()
    {
        var ((household, parent, _), client) = await FamilyWithPlanAsync("Beeindigen");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), Grandmother(parent)));

        var changed = new { naam = "Oma Joke", relatie = "Familie", rolInPlan = "Past op dinsdag op", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 };
        Assert.Equal(2, await VersionAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", changed)));
        // Someone who saw version 1 saves over nothing.
        Assert.Equal((ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", changed), HttpStatusCode.Conflict));
        Assert.Equal(3, await VersionAsync(await client.PostAsJsonAsync($"{Path(household)}/{id}/end", new { versie = 2 })));
        Assert.Equal((NetworkRules.AlreadyEndedCode, ""), await ProblemAsync(await client.PostAsJsonAsync($"{Path(household)}/{id}/end", new { versie = 3 }),
            HttpStatusCode.BadRequest));
        Assert.Equal((NetworkRules.AlreadyEndedCode, ""), await ProblemAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", changed with { versie = 3 }),
            HttpStatusCode.BadRequest));

        var network = await client.GetFromJsonAsync<JsonElement>(Path(household));
        Assert.Empty(network.GetProperty("huidig").EnumerateArray());
        var ended = Assert.Single(network.GetProperty("beeindigd").EnumerateArray());
        Assert.Equal(("Past op dinsdag op", DateTime.UtcNow.ToString("yyyy-MM-dd")), (ended.GetProperty("rolInPlan").GetString(), ended.GetProperty("tot").GetString()));
        Assert.Equal([EventTypes.NetworkMemberAdded, EventTypes.NetworkMemberChanged, EventTypes.NetworkMemberEnded], await InDbAsync(db => db.HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type.StartsWith("network-member.")).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task An_action_carried_out_by_the_grandmother_shows_her_name_and_an_ended_or_foreign_member_cannot_carry_one()
    {
        var ((household, parent, _), client) = await FamilyWithPlanAsync("Actieoma");
        var ((otherHousehold, otherParent, _), _) = await FamilyWithPlanAsync("Andereoma");
        var oma = await CreatedAsync(await client.PostAsJsonAsync(Path(household), Grandmother(parent)));
        var foreign = await CreatedAsync(await client.PostAsJsonAsync(Path(otherHousehold), Grandmother(otherParent)));

        var action = new { omschrijving = "Haalt Noor op woensdag uit school", uitvoerder = "Netwerk", netwerkLidId = oma, versie = 1 };
        var added = await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions", action);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/plan");
        var shown = Assert.Single(plan.GetProperty("acties").EnumerateArray());
        Assert.Equal(("Oma Joke", oma), (shown.GetProperty("naam").GetString(), shown.GetProperty("netwerkLidId").GetGuid()));
        Assert.Contains("door Oma Joke (netwerk)", WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan")));

        // Another household's network member, by a known id: not this household's network.
        Assert.Equal((NetworkRules.NotCurrentCode, "netwerkLidId"), await ProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions", action with { netwerkLidId = foreign, versie = 2 }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"{Path(household)}/{foreign}",
            new { naam = "Overgenomen", relatie = "Familie", rolInPlan = "x", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{Path(household)}/{foreign}/end", new { versie = 1 })).StatusCode);
        Assert.Equal("Oma Joke", await InDbAsync(db => db.NetworkMembers.Where(n => n.Id == foreign).Select(n => n.Name).SingleAsync()));

        // Ended: no longer someone a new action can be given to.
        Assert.Equal(2, await VersionAsync(await client.PostAsJsonAsync($"{Path(household)}/{oma}/end", new { versie = 1 })));
        Assert.Equal((NetworkRules.NotCurrentCode, "netwerkLidId"), await ProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/households/{household}/plan/actions", action with { versie = 2 }), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_partner_another_team_and_another_municipality_find_nothing_of_the_network()
    {
        var ((household, parent, _), client) = await FamilyWithPlanAsync("Afgeschermd");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), Grandmother(parent)));
        var change = new { naam = "Gekaapt", relatie = "Overig", rolInPlan = "x", toestemmingOp = Today, toestemmingDoor = parent, versie = 1 };

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        foreach (var (who, expected) in new[] { (partner, HttpStatusCode.Forbidden), (zuid, HttpStatusCode.NotFound) })
        {
            foreach (var response in new[]
                     {
                         await who.GetAsync(Path(household)), await who.GetAsync($"/huishoudens/{household}/netwerk"),
                         await who.GetAsync($"/huishoudens/{household}/netwerk/lid/{id}"), await who.PostAsJsonAsync(Path(household), Grandmother(parent)),
                         await who.PutAsJsonAsync($"{Path(household)}/{id}", change), await who.PostAsJsonAsync($"{Path(household)}/{id}/end", new { versie = 1 }),
                     })
            {
                // A page refused by role sends the browser to the refusal page; the API answers 403.
                var refusedPage = expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal);
                Assert.True(refusedPage || response.StatusCode == expected, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
                Assert.DoesNotContain("Oma Joke", await response.Content.ReadAsStringAsync());
            }
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CurrentUser>().ActAs("0999", "ander", "Regisseur Buurgemeente", Roles.Professional);
            Assert.Null(await sp.GetRequiredService<NetworkQueries>().GetAsync(household, default));
            var ended = await sp.GetRequiredService<EndNetworkMemberHandler>().HandleAsync(household, id, new EndNetworkMemberInput { Versie = 1 }, default);
            Assert.Equal(CommandStatus.NotFound, ended.Status);
        }
        var member = await InDbAsync(db => db.NetworkMembers.SingleAsync(n => n.Id == id));
        Assert.Equal(("Oma Joke", null, 1), (member.Name, member.Until, member.Version));
    }

    [Fact]
    public async Task Emergency_access_reads_the_network_but_does_not_change_it()
    {
        var ((household, parent, _), client) = await FamilyWithPlanAsync("Noodnetwerk");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), Grandmother(parent)));
        await using var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var zuidTeam = await Given.TeamId(Given.Zuid);
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "zuid-nood", "Koen Verhoeven", Roles.Professional, zuidTeam);
        var db = sp.GetRequiredService<RegieDbContext>();
        db.HouseholdAccess.Add(HouseholdAccess.Emergency(TestApp.Gemeentecode, household, "zuid-nood", "Crisis in de nacht, regisseur onbereikbaar", DateTime.UtcNow));
        await db.SaveChangesAsync();
        Assert.Equal("Oma Joke", Assert.Single((await sp.GetRequiredService<NetworkQueries>().GetAsync(household, default))!.Huidig).Naam);
        var ended = await sp.GetRequiredService<EndNetworkMemberHandler>().HandleAsync(household, id, new EndNetworkMemberInput { Versie = 1 }, default);
        Assert.Equal(CommandStatus.Forbidden, ended.Status);
    }
}
