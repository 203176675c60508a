using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

public sealed class AccessFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public Guid NoordHousehold { get; private set; }
    public Guid NoordPerson { get; private set; }
    public Guid ZuidHousehold { get; private set; }
    public Guid ZuidPerson { get; private set; }
    public Guid UnassignedHousehold { get; private set; }

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        var given = new Given(App);
        (NoordHousehold, NoordPerson) = await given.Resident("Noorderling", team: Given.Noord);
        (ZuidHousehold, ZuidPerson) = await given.Resident("Zuiderling", team: Given.Zuid);
        UnassignedHousehold = (await given.Resident("Zonderteam")).Household;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class AccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private readonly TestApp _app = fixture.App;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync(path)).StatusCode;

    [Fact]
    public async Task Professional_of_team_A_cannot_reach_team_B_household_by_guessing_ids()
    {
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var z = fixture.ZuidHousehold;
        var p = fixture.ZuidPerson;
        foreach (var path in new[] { $"/huishoudens/{z}", $"/huishoudens/{z}/adres", $"/huishoudens/{z}/lid-toevoegen", $"/huishoudens/{z}/tijdlijn",
                     $"/personen/{p}", $"/personen/{p}/verhuizen", $"/personen/{p}/contact",
                     $"/api/v1/households/{z}", $"/api/v1/households/{z}/timeline", $"/api/v1/persons/{p}" })
            Assert.True(await StatusAsync(noord, path) == HttpStatusCode.NotFound, path);

        var write = await noord.PostAsJsonAsync($"/api/v1/households/{z}/members", new { lid = new { rol = "kind", voornamen = "Indringer", achternaam = "Zuiderling", geboortedatum = "2010-01-01" } });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        var move = await noord.PostAsJsonAsync($"/api/v1/persons/{p}/move", new { naarHuishoudenId = fixture.NoordHousehold, rol = "overig" });
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);

        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(zuid, $"/huishoudens/{z}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(zuid, $"/api/v1/persons/{p}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(zuid, $"/huishoudens/{fixture.NoordHousehold}"));
    }

    [Fact]
    public async Task Search_shows_that_another_team_knows_the_person_but_not_the_file()
    {
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var result = await noord.GetFromJsonAsync<JsonElement>("/api/v1/persons?naam=Zuiderling");
        var hit = Assert.Single(result.GetProperty("resultaten").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("bsn").ValueKind);
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("adres").ValueKind);
        var html = await noord.GetStringAsync("/?q=Zuiderling");
        Assert.Contains("Dossier van een ander team.", html);
        Assert.Contains($"/huishoudens/{fixture.ZuidHousehold}/noodtoegang", html);
    }

    [Fact]
    public async Task Registry_only_household_is_open_to_care_roles_not_to_partners()
    {
        var u = fixture.UnassignedHousehold;
        foreach (var email in new[] { "regisseur@voorbeeld.nl", "regisseur.zuid@voorbeeld.nl", "consulent@voorbeeld.nl", "teamleider@voorbeeld.nl" })
        {
            using var client = await _app.SignedInClientAsync(email);
            Assert.True(await StatusAsync(client, $"/huishoudens/{u}") == HttpStatusCode.OK, email);
        }
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"/huishoudens/{u}"));
    }

    [Fact]
    public async Task Partner_sees_only_households_it_was_added_to()
    {
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"/huishoudens/{fixture.NoordHousehold}"));
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/persons?naam=Noorderling")).GetProperty("resultaten").GetArrayLength());

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var partnerId = await db.Users.Where(x => x.Email == "woningcorporatie@voorbeeld.nl").Select(x => x.Id).SingleAsync();
            db.HouseholdAccess.Add(new HouseholdAccess { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = fixture.NoordHousehold, UserId = partnerId, Kind = AccessKinds.Added, GrantedBy = "test", GrantedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var file = await partner.GetStringAsync($"/huishoudens/{fixture.NoordHousehold}");
        Assert.Contains("Test Noorderling", file);
        Assert.Contains("De tijdlijn is niet met uw organisatie gedeeld.", file);
        Assert.DoesNotContain("Adres wijzigen", file);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"/api/v1/households/{fixture.NoordHousehold}/timeline"));
        var edit = await partner.PutAsJsonAsync($"/api/v1/households/{fixture.NoordHousehold}/address", new { adres = new { postcode = "9911 AB", huisnummer = "1", woonplaats = "Voorbeeld" }, versie = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(1, (await partner.GetFromJsonAsync<JsonElement>("/api/v1/persons?naam=Noorderling")).GetProperty("resultaten").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"/huishoudens/{fixture.ZuidHousehold}"));
        // A partner registers no households.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync("/api/v1/households", new { })).StatusCode);
    }

    [Theory]
    [InlineData("werkeninkomen@voorbeeld.nl")]
    [InlineData("beleid@voorbeeld.nl")]
    [InlineData("privacy@voorbeeld.nl")]
    [InlineData("beheerder@voorbeeld.nl")]
    public async Task Roles_without_files_never_see_file_content(string email)
    {
        using var client = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, $"/api/v1/households/{fixture.UnassignedHousehold}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, $"/api/v1/persons?naam=Zonderteam"));
        var page = await client.GetAsync($"/huishoudens/{fixture.UnassignedHousehold}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/geen-toegang", new Uri(_app.BaseAddress, page.Headers.Location!).AbsolutePath);
        var start = await client.GetAsync("/start");
        if (email.StartsWith("beheerder", StringComparison.Ordinal))
            Assert.Equal("/account/tweestapsverificatie", new Uri(_app.BaseAddress, start.Headers.Location!).AbsolutePath); // admins set up 2FA first
        else
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
    }

    [Fact]
    public async Task Breaking_the_glass_needs_a_reason_opens_the_file_and_tells_team_lead_and_privacy_officer()
    {
        var n = fixture.NoordHousehold;
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(zuid, $"/huishoudens/{n}"));

        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{n}/noodtoegang");
        var tooShort = await zuid.PostAsync($"/huishoudens/{n}/noodtoegang", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reden"] = "crisis", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("minstens 15 tekens", await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(zuid, $"/huishoudens/{n}"));

        const string reason = "Crisismelding politie zaterdagnacht, regisseur niet bereikbaar";
        var granted = await zuid.PostAsync($"/huishoudens/{n}/noodtoegang", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reden"] = reason, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var file = await zuid.GetStringAsync($"/huishoudens/{n}");
        Assert.Contains("Noodtoegang door Koen Verhoeven", file);

        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var overview = await lead.GetStringAsync("/noodtoegang");
        Assert.Contains("Koen Verhoeven", overview);
        Assert.Contains(reason, overview);
        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        Assert.Contains(reason, await privacy.GetStringAsync("/noodtoegang"));
        using var professional = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(professional, "/noodtoegang"));

        // When the time is up, the file closes again.
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var userId = await db.Users.Where(u => u.Email == "regisseur.zuid@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            await db.HouseholdAccess.Where(a => a.UserId == userId && a.HouseholdId == n)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(zuid, $"/huishoudens/{n}"));
    }
}
