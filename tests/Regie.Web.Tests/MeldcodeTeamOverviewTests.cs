using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Meldcode;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>One Regie whose installation flags a Meldcode track as stood still after 5 days (not the default 14).</summary>
public sealed class MeldcodeTeamFixture : IAsyncLifetime
{
    public const int StuckAfterDays = 5;
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Meldcode:StuckAfterDays"] = StuckAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The aandachtsfunctionaris and the team lead see every open Meldcode track of their own team, with the day each step was
/// reached, the days each took and whether it stood still longer than the installation allows; nobody else does.
/// </summary>
public sealed class MeldcodeTeamOverviewTests(MeldcodeTeamFixture fixture) : IClassFixture<MeldcodeTeamFixture>
{
    private const string Aandachtsfunctionaris = "aandachtsfunctionaris@voorbeeld.nl";
    private const string Lead = "teamleider@voorbeeld.nl";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string DaysAgo(int days) => Today.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A scope acting as the staff member with this e-mail address, in their role and team.</summary>
    private async Task<AsyncServiceScope> AsAsync(string email)
    {
        string id, name;
        Guid? team;
        string role;
        await using (var lookup = _app.Scope())
        {
            var db = lookup.ServiceProvider.GetRequiredService<RegieDbContext>();
            var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName, u.TeamId }).SingleAsync();
            (id, name, team) = (user.Id, user.DisplayName, user.TeamId);
            role = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).SingleAsync();
        }
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, id, name, role, team);
        return scope;
    }

    /// <summary>
    /// A track recorded by <paramref name="email"/>: signals <paramref name="signals"/> days ago (the day it opened), and then
    /// the consultation and the conversation that many days ago when given.
    /// </summary>
    private async Task<Guid> TrackAsync(Guid household, string email, int signals, int? consultation = null, int? conversation = null)
    {
        await using var scope = await AsAsync(email);
        var sp = scope.ServiceProvider;
        var recorded = await sp.GetRequiredService<RecordSignalsHandler>().HandleAsync(household,
            new SignalsInput { Wat = "Blauwe plekken op de armen van de jongste", DoorWie = "De regisseur, bij het huisbezoek", Datum = DaysAgo(signals) }, default);
        Assert.True(recorded.IsOk, string.Join("; ", recorded.Errors.Select(e => e.Code)));
        var track = recorded.Value!.TrajectId!.Value;
        var version = 1;
        if (consultation is { } c)
        {
            var done = await sp.GetRequiredService<RecordConsultationHandler>().HandleAsync(household, track,
                new ConsultationInput { Met = "Aandachtsfunctionaris", Naam = "Sanne Jansen", Advies = "Ga het gesprek aan met moeder", Datum = DaysAgo(c), Versie = version }, default);
            Assert.True(done.IsOk, string.Join("; ", done.Errors.Select(e => e.Code)));
            version = done.Value;
        }
        if (conversation is { } g)
        {
            var done = await sp.GetRequiredService<RecordConversationHandler>().HandleAsync(household, track,
                new ConversationInput { Gevoerd = "Ja", Met = "Moeder", Verslag = "Moeder herkent de zorgen", Datum = DaysAgo(g), Versie = version }, default);
            Assert.True(done.IsOk, string.Join("; ", done.Errors.Select(e => e.Code)));
        }
        // The track opened on the day of its first signals, as if recorded then.
        var db = sp.GetRequiredService<RegieDbContext>();
        var opened = Today.AddDays(-signals);
        await db.MeldcodeTracks.Where(t => t.Id == track).ExecuteUpdateAsync(s => s.SetProperty(t => t.OpenedOn, opened));
        return track;
    }

    /// <summary>A second team's aandachtsfunctionaris and team lead, as new accounts of Wijkteam Zuid.</summary>
    private async Task<(string Aandachtsfunctionaris, string Lead)> ZuidAsync()
    {
        var af = await _app.CreateAccountAsync(Roles.Professional, Given.Zuid);
        var lead = await _app.CreateAccountAsync(Roles.Teamleider, Given.Zuid);
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        (await db.Users.SingleAsync(u => u.Email == af)).IsAandachtsfunctionaris = true;
        await db.SaveChangesAsync();
        return (af, lead);
    }

    private async Task<MeldcodeTeamOverview> OverviewAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/team/meldcode");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await (await ApiContract.OfAsync(_app)).CheckAsync(response));
        return (await response.Content.ReadFromJsonAsync<MeldcodeTeamOverview>(Json))!;
    }

    [Fact]
    public async Task Aandachtsfunctionaris_sees_each_open_track_with_the_day_each_step_was_reached_and_the_days_each_step_took()
    {
        var given = new Given(_app);
        var (household, _) = await given.Resident("Overzicht", team: Given.Noord);
        await given.CoordinatedBy(household, Given.Coordinator);
        var track = await TrackAsync(household, Aandachtsfunctionaris, signals: 12, consultation: 9, conversation: 7);
        // Decided tracks are not open: a closed one of the team is not listed.
        var (closedHousehold, _) = await given.Resident("Besloten", team: Given.Noord);
        var closed = await TrackAsync(closedHousehold, Aandachtsfunctionaris, signals: 3);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.MeldcodeTracks.Where(t => t.Id == closed).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, MeldcodeTrackStatus.Besloten));
        }

        using var client = await _app.SignedInClientAsync(Aandachtsfunctionaris);
        var overview = await OverviewAsync(client);
        Assert.Equal(("Wijkteam Noord", MeldcodeTeamFixture.StuckAfterDays), (overview.Team, overview.StilgevallenNaDagen));
        Assert.DoesNotContain(overview.Trajecten, t => t.TrajectId == closed);
        var t = overview.Trajecten.Single(x => x.TrajectId == track);
        Assert.Equal((household, "Huishouden Overzicht", "Fatima Bouzid", Today.AddDays(-12)), (t.HuishoudenId, t.Huishouden, t.Regisseur, t.Geopend));
        Assert.Equal(("Gesprek", "Weging"), (t.Stap, t.WachtOp));
        Assert.Equal([new StepReachedView("Signalen", Today.AddDays(-12)), new StepReachedView("Overleg", Today.AddDays(-9)), new StepReachedView("Gesprek", Today.AddDays(-7))], t.Bereikt);
        Assert.Equal(
        [
            new StepDurationView("Signalen", Today.AddDays(-12), Today.AddDays(-12), 0),
            new StepDurationView("Overleg", Today.AddDays(-12), Today.AddDays(-9), 3),
            new StepDurationView("Gesprek", Today.AddDays(-9), Today.AddDays(-7), 2),
            new StepDurationView("Weging", Today.AddDays(-7), null, 7),
        ], t.Duur);
        Assert.Equal((7, true), (t.DagenStil, t.Stilgevallen));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/team/meldcode"));
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/huishoudens/{household}/meldcode/{track}\">Huishouden Overzicht</a>", page, StringComparison.Ordinal);
        Assert.Contains("Stap 2: overleg: bereikt op " + Today.AddDays(-9).ToString("dd-MM-yyyy"), page, StringComparison.Ordinal);
        Assert.Contains("Stap 4: weging: nog niet bereikt, 7 dagen tot nu", page, StringComparison.Ordinal);
        Assert.Contains("langer dan 5 dagen geen volgende stap", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Huishouden Besloten", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_track_stands_still_after_the_configured_days_and_not_on_the_last_of_them()
    {
        var given = new Given(_app);
        var (onTheDay, _) = await given.Resident("Vijfdagen", team: Given.Noord);
        var (dayAfter, _) = await given.Resident("Zesdagen", team: Given.Noord);
        var exactly = await TrackAsync(onTheDay, Aandachtsfunctionaris, signals: 5);
        var over = await TrackAsync(dayAfter, Aandachtsfunctionaris, signals: 6);

        using var client = await _app.SignedInClientAsync(Lead);
        var tracks = (await OverviewAsync(client)).Trajecten.ToDictionary(t => t.TrajectId);
        Assert.Equal((5, false), (tracks[exactly].DagenStil, tracks[exactly].Stilgevallen));
        Assert.Equal((6, true), (tracks[over].DagenStil, tracks[over].Stilgevallen));
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.Equal(5, scope.ServiceProvider.GetRequiredService<IOptions<MeldcodeOptions>>().Value.StuckAfterDays);

        // The team lead's signalling page names the one that stood still, with a link to the track.
        var signals = WebUtility.HtmlDecode(await client.GetStringAsync("/team/signalering"));
        var section = signals[signals.IndexOf("id=\"meldcode\"", StringComparison.Ordinal)..];
        Assert.Contains($"href=\"/huishoudens/{dayAfter}/meldcode/{over}\">Huishouden Zesdagen</a>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Huishouden Vijfdagen", section, StringComparison.Ordinal);
        Assert.Contains("langer dan 5 dagen geen volgende stap", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_aandachtsfunctionaris_and_the_team_lead_of_the_holding_team_see_the_overview_and_the_stuck_flag()
    {
        var given = new Given(_app);
        var (noord, _) = await given.Resident("Noordzorg", team: Given.Noord);
        var (zuid, _) = await given.Resident("Zuidzorg", team: Given.Zuid);
        var (zuidAf, zuidLead) = await ZuidAsync();
        var noordTrack = await TrackAsync(noord, Aandachtsfunctionaris, signals: 20);
        var zuidTrack = await TrackAsync(zuid, zuidAf, signals: 30);

        foreach (var email in new[] { Aandachtsfunctionaris, Lead })
        {
            using var client = await _app.SignedInClientAsync(email);
            var overview = await OverviewAsync(client);
            Assert.Contains(overview.Trajecten, t => t.TrajectId == noordTrack && t.Stilgevallen);
            Assert.DoesNotContain(overview.Trajecten, t => t.HuishoudenId == zuid);
            var start = WebUtility.HtmlDecode(await client.GetStringAsync("/start"));
            Assert.Contains("href=\"/team/meldcode\"", start, StringComparison.Ordinal);
            Assert.Matches(@"\d+ meldcodetraject(en)? van uw team (is|zijn) stilgevallen: langer dan 5 dagen geen volgende stap\.", start);
            Assert.DoesNotContain("Noordzorg", start, StringComparison.Ordinal);
        }
        foreach (var email in new[] { zuidAf, zuidLead })
        {
            using var client = await _app.SignedInClientAsync(email);
            var overview = await OverviewAsync(client);
            Assert.Equal("Wijkteam Zuid", overview.Team);
            Assert.Contains(overview.Trajecten, t => t.TrajectId == zuidTrack && t.Stilgevallen);
            Assert.DoesNotContain(overview.Trajecten, t => t.HuishoudenId == noord);
        }
        using (var zuidLeadClient = await _app.SignedInClientAsync(zuidLead))
        {
            var signals = WebUtility.HtmlDecode(await zuidLeadClient.GetStringAsync("/team/signalering"));
            Assert.Contains("Huishouden Zuidzorg", signals, StringComparison.Ordinal);
            Assert.DoesNotContain("Huishouden Noordzorg", signals, StringComparison.Ordinal);
        }

        // Everyone else: the coordinator of another household, the other team's professional, the consulent, partners,
        // departments, policy, privacy and the admin; the page refuses, the API answers 403, the start page says nothing.
        foreach (var login in DemoSeeder.Logins.Where(l => l.Email is not (Aandachtsfunctionaris or Lead)))
        {
            using var client = await _app.SignedInClientAsync(login.Email);
            var page = await client.GetAsync("/team/meldcode");
            var to = page.Headers.Location is { } location ? new Uri(_app.BaseAddress, location).AbsolutePath : "";
            Assert.True(page.StatusCode == HttpStatusCode.Redirect && to is "/geen-toegang" or "/account/tweestapsverificatie",
                $"{login.Email}: {(int)page.StatusCode} {page.Headers.Location}");
            var api = await client.GetAsync("/api/v1/team/meldcode");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            if (login.Role is Roles.Professional or Roles.Consulent)
                Assert.Contains($"\"code\":\"{MeldcodeAccess.TeamOverviewRefusedCode}\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            if (login.Role == Roles.Beheerder) continue;
            var start = WebUtility.HtmlDecode(await client.GetStringAsync("/start"));
            Assert.DoesNotContain("/team/meldcode", start, StringComparison.Ordinal);
            Assert.DoesNotContain("stilgevallen", start, StringComparison.Ordinal);
        }
        using var anonymous = _app.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/team/meldcode")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_overview_is_on_the_audit_trail_for_every_household_shown_and_a_refusal_too()
    {
        var (household, _) = await new Given(_app).Resident("Auditspoor", team: Given.Noord);
        await TrackAsync(household, Aandachtsfunctionaris, signals: 2);
        long before;
        await using (var scope = _app.Scope())
            before = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;

        using (var af = await _app.SignedInClientAsync(Aandachtsfunctionaris))
            Assert.Equal(HttpStatusCode.OK, (await af.GetAsync("/team/meldcode")).StatusCode);
        using (var coordinator = await _app.SignedInClientAsync(Given.Coordinator))
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/team/meldcode")).StatusCode);

        await using var s = _app.Scope();
        var entries = await s.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Id > before && e.Resource == "meldcode").OrderBy(e => e.Id).ToListAsync();
        var read = entries.Where(e => e.Action == "read").ToList();
        Assert.Contains(read, e => e.HouseholdId == household);
        Assert.All(read, e => Assert.Equal(("Sanne Jansen", Roles.Professional), (e.ActorName, e.Role)));
        Assert.All(read, e => Assert.Matches(@"^meldcode-overzicht van Wijkteam Noord \(\d+\)$", e.Detail!));
        Assert.Equal(read.Count, read.Select(e => e.HouseholdId).Distinct().Count());
        var denied = Assert.Single(entries, e => e.Action == "denied");
        Assert.Equal(("Fatima Bouzid", "meldcode-overzicht van het team", (Guid?)null), (denied.ActorName, denied.Detail, denied.HouseholdId));
    }

    [Fact]
    public async Task A_stuck_limit_outside_one_day_to_a_year_stops_the_server_at_start()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Meldcode:StuckAfterDays"] = "0" }));
        Assert.Contains("Meldcode:StuckAfterDays moet een aantal dagen van 1 tot en met 365 zijn.", refused.Message, StringComparison.Ordinal);
    }
}
