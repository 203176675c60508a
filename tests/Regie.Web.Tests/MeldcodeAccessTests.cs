using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Net;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// A family held by Wijkteam Noord with the demo professional (Fatima Bouzid) as coordinator and an open track at version 2,
/// and a family no team holds whose track the same professional opened from Noord.
/// </summary>
public sealed class MeldcodeAccessFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public Guid Held { get; private set; }
    public Guid HeldTrack { get; private set; }
    public Guid Unheld { get; private set; }

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        var given = new Given(App);
        Held = (await given.Family("Toegangmeldcode", team: Given.Noord)).Household;
        await given.CoordinatedBy(Held, Given.Coordinator);
        Unheld = (await given.Family("Zonderteammeldcode")).Household;
        using var coordinator = await App.SignedInClientAsync();
        HeldTrack = await OpenAsync(coordinator, Held);
        Assert.Equal(2, await VersionAsync(await ConsultAsync(coordinator, Held, HeldTrack, 1)));
        // The file of the unheld family is open to every care worker; its Meldcode is the opening team's.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await OkAsync(await SignalsAsync(coordinator, Unheld))).GetProperty("trajectId").ValueKind);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Meldcode entries are readable only by the coordinator, the aandachtsfunctionaris and the team lead of the holding team
/// (and, read only, through break-the-glass); every other care worker gets "not found" as if there were no track (the
/// refusal audited), and roles without files are stopped by the care policy. Any care worker who may change the file
/// records signals. The "veiligheid" marker shows to care workers who may open the file, never to partners.
/// </summary>
public sealed class MeldcodeAccessTests(MeldcodeAccessFixture fixture) : IClassFixture<MeldcodeAccessFixture>
{
    private const string NewNoordProfessional = "nieuwe professional van Noord";
    private readonly TestApp _app = fixture.App;

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.MaxAsync(a => a.Id);
    }

    /// <summary>The user's audit entries on this household's Meldcode after <paramref name="since"/>, in order.</summary>
    private async Task<List<(string Action, string? Detail)>> MeldcodeAuditAsync(string userId, Guid household, long since = 0)
    {
        await using var scope = _app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.Id > since && a.ActorId == userId && a.HouseholdId == household && a.Resource == AuditResources.Meldcode)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Detail }).ToListAsync()).Select(a => (a.Action, a.Detail)).ToList();
    }

    private async Task SetAandachtsfunctionarisAsync(string email, bool on)
    {
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsAandachtsfunctionaris, on));
    }

    /// <param name="read">What reading the track answers (list, one track and the page).</param>
    /// <param name="work">What a step answers: a stale version gives 409 to who may work in the track, so nothing changes.</param>
    [Theory]
    [InlineData(Given.Coordinator, HttpStatusCode.OK, HttpStatusCode.Conflict)]
    [InlineData("aandachtsfunctionaris@voorbeeld.nl", HttpStatusCode.OK, HttpStatusCode.Conflict)]
    [InlineData("teamleider@voorbeeld.nl", HttpStatusCode.OK, HttpStatusCode.Conflict)]
    [InlineData(NewNoordProfessional, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("regisseur.zuid@voorbeeld.nl", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("consulent@voorbeeld.nl", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("woningcorporatie@voorbeeld.nl", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("werkeninkomen@voorbeeld.nl", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("beleid@voorbeeld.nl", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("privacy@voorbeeld.nl", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Only_the_coordinator_the_aandachtsfunctionaris_and_the_team_lead_of_the_holding_team_read_and_work_the_track(
        string who, HttpStatusCode read, HttpStatusCode work)
    {
        var email = who == NewNoordProfessional ? await _app.CreateAccountAsync(Roles.Professional, Given.Noord) : who;
        var since = await LastAuditIdAsync();
        using var client = await _app.SignedInClientAsync(email);
        var (h, t) = (fixture.Held, fixture.HeldTrack);
        Assert.Equal(read, (await client.GetAsync(Base(h))).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"{Base(h)}/{t}")).StatusCode);
        Assert.Equal(work, (await ConsultAsync(client, h, t, versie: 1)).StatusCode);
        if (read != HttpStatusCode.Forbidden)
        {
            Assert.Equal(read, (await client.GetAsync($"/huishoudens/{h}/meldcode")).StatusCode);
            Assert.Equal(read, (await client.GetAsync($"/huishoudens/{h}/meldcode/{t}")).StatusCode);
        }
        else
        {
            var page = await client.GetAsync($"/huishoudens/{h}/meldcode/{t}");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/geen-toegang", new Uri(_app.BaseAddress, page.Headers.Location!).AbsolutePath);
        }
        var audit = await MeldcodeAuditAsync(await UserIdAsync(email), h, since);
        if (read == HttpStatusCode.OK)
            Assert.Equal([(AuditActions.Read, "trajecten"), (AuditActions.Read, $"traject {t}"), (AuditActions.Read, "trajecten"), (AuditActions.Read, $"traject {t}")], audit);
        else if (who == NewNoordProfessional)
            // The file is theirs to open, the track is not: every refusal is on the record.
            Assert.Equal(Enumerable.Repeat((AuditActions.Denied, (string?)"meldcodetraject"), 5), audit);
        else
            Assert.Empty(audit);

        // The track stays as it was: version 2, two entries.
        using var coordinator = await _app.SignedInClientAsync();
        var track = await TrackAsync(coordinator, h, t);
        Assert.Equal((2, 2), (track.GetProperty("versie").GetInt32(), track.GetProperty("vastleggingen").GetArrayLength()));
    }

    [Fact]
    public async Task A_team_member_who_may_not_read_the_track_records_signals_and_is_told_so_without_the_track()
    {
        var given = new Given(_app);
        var household = (await given.Family("Signaalzonderinzage", team: Given.Noord)).Household;
        await given.CoordinatedBy(household, Given.Coordinator);
        using var coordinator = await _app.SignedInClientAsync();
        var opened = await OpenAsync(coordinator, household);
        var email = await _app.CreateAccountAsync(Roles.Professional, Given.Noord);
        using var client = await _app.SignedInClientAsync(email);
        var answer = await OkAsync(await SignalsAsync(client, household, wat: "Moeder had een blauw oog bij het huisbezoek.", doorWie: "Test Wijkteammedewerker"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("trajectId").ValueKind);

        var track = await TrackAsync(coordinator, household, opened);
        Assert.Equal(["Signalen", "Signalen"], Entries(track).Select(e => e.Stap));
        var added = track.GetProperty("vastleggingen").EnumerateArray().Last(e => e.GetProperty("stap").GetString() == "Signalen");
        Assert.Equal(("Moeder had een blauw oog bij het huisbezoek.", "Test Wijkteammedewerker"), (added.GetProperty("tekst").GetString(), added.GetProperty("wie").GetString()));
        Assert.Equal($"Test {Roles.Label(Roles.Professional)}", added.GetProperty("vastgelegdDoor").GetString());
        Assert.Equal([(AuditActions.Create, "signalen")], await MeldcodeAuditAsync(await UserIdAsync(email), household));

        // Through the page too: back to the household, with the message who sees it.
        var page = await TestApp.PostFormAsync(client, $"/huishoudens/{household}/meldcode/signaal",
            new Dictionary<string, string> { ["Input.Wat"] = "Vader schreeuwde door de telefoon.", ["Input.DoorWie"] = "Test Wijkteammedewerker" });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/huishoudens/{household}", page.Headers.Location!.OriginalString);
        Assert.Equal(3, (await TrackAsync(coordinator, household, opened)).GetProperty("vastleggingen").GetArrayLength());
    }

    [Fact]
    public async Task Breaking_the_glass_reads_the_track_but_records_no_step()
    {
        var email = await _app.CreateAccountAsync(Roles.Professional, Given.Zuid);
        using var client = await _app.SignedInClientAsync(email);
        var (h, t) = (fixture.Held, fixture.HeldTrack);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base(h)}/{t}")).StatusCode);
        var granted = await TestApp.PostFormAsync(client, $"/huishoudens/{h}/noodtoegang",
            new Dictionary<string, string> { ["Input.Reden"] = "Crisismelding politie zaterdagnacht, regisseur niet bereikbaar" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        var track = await TrackAsync(client, h, t);
        Assert.False(track.GetProperty("magWerken").GetBoolean());
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await ConsultAsync(client, h, t, versie: 2), HttpStatusCode.Forbidden));
        var page = await client.GetStringAsync($"/huishoudens/{h}/meldcode/{t}");
        Assert.Contains("U leest dit traject via noodtoegang", page);
        Assert.DoesNotContain("Overleg vastleggen", page);
        Assert.Equal([(AuditActions.Read, $"traject {t}"), (AuditActions.Read, $"traject {t}")], await MeldcodeAuditAsync(await UserIdAsync(email), h));
    }

    [Fact]
    public async Task Taking_the_aandachtsfunctionaris_flag_away_closes_the_tracks_at_once()
    {
        var email = await _app.CreateAccountAsync(Roles.Professional, Given.Noord);
        await SetAandachtsfunctionarisAsync(email, true);
        using var client = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Base(fixture.Held)}/{fixture.HeldTrack}")).StatusCode);
        await SetAandachtsfunctionarisAsync(email, false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base(fixture.Held)}/{fixture.HeldTrack}")).StatusCode);
    }

    [Fact]
    public async Task While_no_team_holds_the_file_the_team_that_opened_the_track_reads_it_not_another_teams_aandachtsfunctionaris()
    {
        var zuid = await _app.CreateAccountAsync(Roles.Professional, Given.Zuid);
        await SetAandachtsfunctionarisAsync(zuid, true);
        using var other = await _app.SignedInClientAsync(zuid);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/huishoudens/{fixture.Unheld}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Base(fixture.Unheld))).StatusCode);

        using var noord = await _app.SignedInClientAsync("aandachtsfunctionaris@voorbeeld.nl");
        var list = await OkAsync(await noord.GetAsync(Base(fixture.Unheld)));
        Assert.Equal("Overleg", Assert.Single(list.EnumerateArray()).GetProperty("wachtOp").GetString());
        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(Base(fixture.Unheld))).StatusCode);
        // The one who opened it is not its coordinator: the signals are recorded, the track is not theirs to read.
        using var opener = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await opener.GetAsync(Base(fixture.Unheld))).StatusCode);
    }

    [Fact]
    public async Task Signals_from_another_team_leave_an_unheld_households_earlier_track_with_the_team_that_took_it_up()
    {
        var household = (await new Given(_app).Family("Verhuismeldcode")).Household;
        using var af = await _app.SignedInClientAsync("aandachtsfunctionaris@voorbeeld.nl");
        var first = await ReadyToWeighAsync(af, household);
        Assert.Equal(4, await VersionAsync(await WeighAsync(af, household, first, 3, "Nee")));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(af, household, first, new { besluit = "Afgesloten", toelichting = "Geen vermoeden na het gesprek", versie = 4 })).StatusCode);

        // A Zuid aandachtsfunctionaris records new signals: a new track opens, and the earlier one stays Noord's.
        var zuid = await _app.CreateAccountAsync(Roles.Professional, Given.Zuid);
        await SetAandachtsfunctionarisAsync(zuid, true);
        using var other = await _app.SignedInClientAsync(zuid);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await OkAsync(await SignalsAsync(other, household))).GetProperty("trajectId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Base(household)}/{first}")).StatusCode);
        Assert.Equal(2, (await OkAsync(await af.GetAsync(Base(household)))).GetArrayLength());
    }

    [Fact]
    public async Task A_concern_recorded_where_no_team_took_any_up_reaches_every_teams_aandachtsfunctionaris_and_team_lead()
    {
        var household = (await new Given(_app).Family("Balieconsulentmeldcode")).Household;
        using var consulent = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.OK, (await SignalsAsync(consulent, household)).StatusCode);
        using var noord = await _app.SignedInClientAsync("aandachtsfunctionaris@voorbeeld.nl");
        var track = Assert.Single((await OkAsync(await noord.GetAsync(Base(household)))).EnumerateArray()).GetProperty("id").GetGuid();
        Assert.Contains((await OkAsync(await noord.GetAsync("/api/v1/team/meldcode"))).GetProperty("trajecten").EnumerateArray(),
            t => t.GetProperty("trajectId").GetGuid() == track);
        var zuidLead = await _app.CreateAccountAsync(Roles.Teamleider, Given.Zuid);
        using var lead = await _app.SignedInClientAsync(zuidLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"{Base(household)}/{track}")).StatusCode);
    }

    [Fact]
    public async Task The_veiligheid_marker_shows_to_care_workers_who_may_open_the_file_and_never_to_a_partner_added_to_it()
    {
        var h = fixture.Held;
        using var coordinator = await _app.SignedInClientAsync();
        var own = await coordinator.GetStringAsync($"/huishoudens/{h}");
        Assert.Contains("id=\"veiligheid\"", own);
        Assert.Contains($"href=\"/huishoudens/{h}/meldcode\"", own);

        using var colleague = await _app.SignedInClientAsync(await _app.CreateAccountAsync(Roles.Professional, Given.Noord));
        var colleagues = await colleague.GetStringAsync($"/huishoudens/{h}");
        Assert.Contains("id=\"veiligheid\"", colleagues);
        Assert.DoesNotContain($"href=\"/huishoudens/{h}/meldcode\"", colleagues);
        Assert.Contains($"href=\"/huishoudens/{h}/meldcode/signaal\"", colleagues);

        var partnerEmail = await _app.CreateAccountAsync(Roles.Partner);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.HouseholdAccess.Add(new HouseholdAccess
            {
                Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h, UserId = await UserIdAsync(partnerEmail),
                Kind = AccessKinds.Added, GrantedBy = "test", GrantedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var partner = await _app.SignedInClientAsync(partnerEmail);
        var shared = await partner.GetAsync($"/huishoudens/{h}");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var html = await shared.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"veiligheid\"", html);
        Assert.DoesNotContain("/meldcode", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Base(h))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignalsAsync(partner, h)).StatusCode);
    }
}
