using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>A Regie whose outbox goes to a mail server the conference tests start when they want the mail delivered.</summary>
public sealed class ConferenceFixture : IAsyncLifetime
{
    public int SmtpPort { get; } = SmtpSink.FreePort();
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:PollSeconds"] = "3600",
    });
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Issue 21 point 4: the coordinator plans a case conference for a household, invites its members, the professionals involved
/// and others by e-mail with a calendar file that says nothing of the household's concerns, moves or cancels it (the calendars
/// follow), and records attendance, minutes, decisions and the plan version agreed. Care roles that may open the file only.
/// </summary>
public sealed class ConferenceTests(ConferenceFixture fixture) : IClassFixture<ConferenceFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string Base(Guid household) => $"/api/v1/households/{household}/conferences";

    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static object Body(Guid member, string datum, string plaats = "Buurthuis De Linde", string? link = null, string oma = "oma@verbeek.example") => new
    {
        soort = "Rondetafel", datum, begintijd = "10:00", eindtijd = "11:30", plaats, link,
        genodigden = new object[]
        {
            new { soort = "Huishoudlid", referentieId = member },
            new { soort = "Anders", naam = "Linda Meijer", email = "linda.meijer@thuis.example" },
            new { soort = "Anders", naam = "Oma Verbeek", email = oma },
        },
    };

    private async Task<(Family Family, Guid Conference, HttpClient Client)> PlannedAsync(string surname, string oma = "oma@verbeek.example")
    {
        var family = await Given.Family(surname, team: Given.Noord);
        var client = await _app.SignedInClientAsync();
        var response = await client.PostAsJsonAsync(Base(family.Household), Body(family.Parent, InDays(7), oma: oma));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal((1, 2), (answer.GetProperty("versie").GetInt32(), answer.GetProperty("uitnodigingen").GetInt32()));
        return (family, answer.GetProperty("id").GetGuid(), client);
    }

    /// <summary>The outbox messages to these addresses about this conference (its UID in the calendar file).</summary>
    private async Task<List<OutboxMessage>> OutboxAsync(Guid conference, params string[] to)
    {
        await using var scope = _app.Scope();
        var all = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().OutboxMessages.Where(m => to.Contains(m.To)).OrderBy(m => m.Id).ToListAsync();
        return all.Where(m => m.AttachmentContent is { } c && Encoding.UTF8.GetString(c).Contains($"UID:{conference:N}@regie", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The calendar file unfolded into its properties (name with parameters → value), one VEVENT.</summary>
    private static Dictionary<string, string> Calendar(OutboxMessage m)
    {
        var text = Encoding.UTF8.GetString(m.AttachmentContent!);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["BEGIN:VCALENDAR", "END:VCALENDAR"], [lines[0], lines[^1]]);
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        return lines.Select(l => l.Split(':', 2)).GroupBy(p => p[0].Split(';')[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
    }

    private async Task ShiftIntoPastAsync(Guid conference)
    {
        await using var scope = _app.Scope();
        var start = DateTime.UtcNow.AddHours(-2);
        await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Conferences.Where(c => c.Id == conference)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, start).SetProperty(c => c.EndsAt, start.AddHours(1)));
    }

    private async Task<string[]> EventsAsync(Guid household)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type.StartsWith("conference.")).OrderBy(e => e.Id).Select(e => e.Type).ToArrayAsync();
    }

    [Fact]
    public async Task Coordinator_plans_a_rondetafel_and_the_invitees_get_a_calendar_invitation_that_keeps_the_household_private()
    {
        var (family, conference, client) = await PlannedAsync("Overlegplanning");
        using var _ = client;
        var mails = await OutboxAsync(conference, "linda.meijer@thuis.example", "oma@verbeek.example");
        Assert.Equal(2, mails.Count);
        foreach (var m in mails)
        {
            Assert.StartsWith("Uitnodiging: rondetafelgesprek op ", m.Subject, StringComparison.Ordinal);
            Assert.Contains("overleg over een huishouden dat u kent", m.Body, StringComparison.Ordinal);
            Assert.Contains("Buurthuis De Linde", m.Body, StringComparison.Ordinal);
            Assert.Contains("Organisator: Fatima Bouzid", m.Body, StringComparison.Ordinal);
            var ics = Encoding.UTF8.GetString(m.AttachmentContent!);
            foreach (var secret in new[] { "Overlegplanning", "Sanne", "Noor" })
            {
                Assert.DoesNotContain(secret, m.Subject + m.Body + ics, StringComparison.OrdinalIgnoreCase);
            }
            Assert.Equal(("uitnodiging.ics", "text/calendar; method=REQUEST; charset=utf-8"), (m.AttachmentName, m.AttachmentContentType));
            var cal = Calendar(m);
            Assert.Equal("REQUEST", cal["METHOD"]);
            Assert.Equal($"{conference:N}@regie", cal["UID"]);
            Assert.Equal("0", cal["SEQUENCE"]);
            Assert.Equal("Rondetafelgesprek (sociaal wijkteam)", cal["SUMMARY"]);
            Assert.Equal("Buurthuis De Linde", cal["LOCATION"]);
            Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", cal["DTSTAMP"]);
            var start = ConferenceRules.ToUtc(DateOnly.ParseExact(InDays(7), "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(10, 0));
            Assert.Equal((ConferenceCalendar.Utc(start), ConferenceCalendar.Utc(start.AddMinutes(90))), (cal["DTSTART"], cal["DTEND"]));
            Assert.Equal($"mailto:{m.To}", cal["ATTENDEE"]);
        }

        var view = await OkAsync(await client.GetAsync($"{Base(family.Household)}/{conference}"));
        Assert.Equal(("Rondetafel", "Gepland", 0), (view.GetProperty("soort").GetString(), view.GetProperty("status").GetString(), view.GetProperty("volgnummer").GetInt32()));
        Assert.Equal(["Huishoudlid", "Anders", "Anders"], view.GetProperty("genodigden").EnumerateArray().Select(g => g.GetProperty("soort").GetString()));
        Assert.Equal(["conference.planned"], await EventsAsync(family.Household));
        var list = await OkAsync(await client.GetAsync(Base(family.Household)));
        Assert.Equal(conference, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Moving_and_cancelling_send_updates_with_the_same_uid_and_a_higher_sequence()
    {
        var (family, conference, client) = await PlannedAsync("Overlegverplaatsen");
        using var _ = client;
        var path = $"{Base(family.Household)}/{conference}";
        Assert.Equal(2, await VersionAsync(await client.PutAsJsonAsync(path, new
        {
            soort = "Rondetafel", datum = InDays(8), begintijd = "13:00", eindtijd = "14:00", link = "https://meet.voorbeeld.nl/r1", versie = 1,
        })));
        // Someone who saw version 1 cannot cancel what was moved since.
        Assert.Equal(("concurrency-conflict", ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/cancel", new { versie = 1 }), HttpStatusCode.Conflict));
        Assert.Equal(3, await VersionAsync(await client.PostAsJsonAsync($"{path}/cancel", new { reden = "Sanne is opgenomen", versie = 2 })));

        var forThis = await OutboxAsync(conference, "linda.meijer@thuis.example");
        Assert.Equal([("REQUEST", "0"), ("REQUEST", "1"), ("CANCEL", "2")], forThis.Select(m => (Calendar(m)["METHOD"], Calendar(m)["SEQUENCE"])));
        Assert.StartsWith("Gewijzigd: ", forThis[1].Subject, StringComparison.Ordinal);
        Assert.Equal("https://meet.voorbeeld.nl/r1", Calendar(forThis[1])["LOCATION"]);
        Assert.StartsWith("Geannuleerd: ", forThis[2].Subject, StringComparison.Ordinal);
        // The reason is for the file, not for the mail.
        Assert.DoesNotContain("opgenomen", forThis[2].Body + Encoding.UTF8.GetString(forThis[2].AttachmentContent!), StringComparison.Ordinal);
        Assert.Equal(["conference.planned", "conference.rescheduled", "conference.cancelled"], await EventsAsync(family.Household));

        var view = await OkAsync(await client.GetAsync(path));
        Assert.Equal(("Geannuleerd", 2, "Sanne is opgenomen"), (view.GetProperty("status").GetString(), view.GetProperty("volgnummer").GetInt32(), view.GetProperty("annuleringsreden").GetString()));
        Assert.Equal((ConferenceRules.CancelledCode, ""), await ProblemAsync(await client.PutAsJsonAsync(path, new
        {
            soort = "Rondetafel", datum = InDays(9), begintijd = "13:00", eindtijd = "14:00", plaats = "Stadhuis", versie = 3,
        }), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_outbox_sends_the_calendar_file_as_an_attachment()
    {
        var (_, _, client) = await PlannedAsync("Overlegmail", oma: "oma.mail@verbeek.example");
        client.Dispose();
        await using var sink = SmtpSink.Start(fixture.SmtpPort);
        var sender = _app.Services.GetRequiredService<OutboxSender>();
        Assert.True(await sender.SendPendingAsync(default) >= 2);
        var mail = sink.Messages.Where(m => m.To.Contains("oma.mail@verbeek.example", StringComparison.Ordinal)).Select(m => m.Data).Single();
        Assert.Contains("text/calendar", mail, StringComparison.Ordinal);
        Assert.Contains("uitnodiging.ics", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_records_who_came_the_minutes_the_decisions_and_the_plan_version_agreed()
    {
        var planned = await Given.HouseholdWithPlanAndGoal("Overlegverslag", "Sanne", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var created = await client.PostAsJsonAsync(Base(planned.Household), Body(planned.Person, InDays(3)));
        var conference = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var path = $"{Base(planned.Household)}/{conference}";
        var invitees = (await OkAsync(await client.GetAsync(path))).GetProperty("genodigden").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()).ToArray();

        // Before the meeting nothing of it can be recorded.
        Assert.Equal((ConferenceRules.NotStartedCode, ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/minutes",
            new { verslag = "x", besluiten = Array.Empty<string>(), versie = 1 }), HttpStatusCode.BadRequest));
        await ShiftIntoPastAsync(conference);
        Assert.Equal((ConferenceRules.NotHeldCode, "planversie"), await ProblemAsync(await client.PostAsJsonAsync($"{path}/plan-version",
            new { planversie = 2, versie = 1 }), HttpStatusCode.BadRequest));

        Assert.Equal(2, await VersionAsync(await client.PostAsJsonAsync($"{path}/attendance", new
        {
            aanwezigheid = new object[]
            {
                new { genodigdeId = invitees[0], aanwezigheid = "Aanwezig" }, new { genodigdeId = invitees[1], aanwezigheid = "Aanwezig" },
                new { genodigdeId = invitees[2], aanwezigheid = "Afgemeld" },
            },
            versie = 1,
        })));
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "aanwezigheid[0]"), await ProblemAsync(await client.PostAsJsonAsync($"{path}/attendance", new
        {
            aanwezigheid = new object[] { new { genodigdeId = Guid.NewGuid(), aanwezigheid = "Aanwezig" } }, versie = 2,
        }), HttpStatusCode.BadRequest));
        Assert.Equal(3, await VersionAsync(await client.PostAsJsonAsync($"{path}/minutes", new
        {
            verslag = "Huurachterstand besproken met de corporatie.", besluiten = new[] { "Betalingsregeling van 50 euro per maand", "", "Evaluatie over zes weken" }, versie = 2,
        })));
        Assert.Equal((ConferenceRules.PlanVersionUnknownCode, "planversie"), await ProblemAsync(await client.PostAsJsonAsync($"{path}/plan-version",
            new { planversie = 99, versie = 3 }), HttpStatusCode.BadRequest));
        Assert.Equal(4, await VersionAsync(await client.PostAsJsonAsync($"{path}/plan-version", new { planversie = 2, versie = 3 })));

        var view = await OkAsync(await client.GetAsync(path));
        Assert.Equal(("Gehouden", 2, "Huurachterstand besproken met de corporatie."),
            (view.GetProperty("status").GetString(), view.GetProperty("planversie").GetInt32(), view.GetProperty("verslag").GetString()));
        Assert.Equal(["Aanwezig", "Aanwezig", "Afgemeld"], view.GetProperty("genodigden").EnumerateArray().Select(g => g.GetProperty("aanwezigheid").GetString()));
        Assert.Equal(["Betalingsregeling van 50 euro per maand", "Evaluatie over zes weken"], view.GetProperty("besluiten").EnumerateArray().Select(b => b.GetProperty("tekst").GetString()));
        Assert.Equal(["conference.planned", "conference.held"], await EventsAsync(planned.Household));

        // The page shows the agreed version and offers a goal or an action for each decision.
        var html = WebUtility.HtmlDecode(await (await client.GetAsync($"/huishoudens/{planned.Household}/overleggen/{conference}")).Content.ReadAsStringAsync());
        Assert.Contains("Versie 2 van het plan", html, StringComparison.Ordinal);
        foreach (var decision in view.GetProperty("besluiten").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()))
        {
            Assert.Contains($"href=\"/huishoudens/{planned.Household}/plan/doel?uitBesluit={decision}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/huishoudens/{planned.Household}/plan/actie?uitBesluit={decision}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("Betalingsregeling van 50 euro per maand", html, StringComparison.Ordinal);

        await using var scope = _app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.HouseholdId == planned.Household && a.Resource == AuditResources.Conference).Select(a => a.Action).ToListAsync();
        Assert.Equal(1, audit.Count(a => a == AuditActions.Create));
        Assert.Equal(3, audit.Count(a => a == AuditActions.Update));
        Assert.True(audit.Count(a => a == AuditActions.Read) >= 3);
    }

    [Fact]
    public async Task Planning_refuses_a_past_time_a_missing_place_an_http_link_and_an_invitee_of_another_household()
    {
        var family = await Given.Family("Overlegregels", team: Given.Noord);
        var other = await Given.Resident("Overlegander", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        async Task<(string, string)> Refused(object body) => await ProblemAsync(await client.PostAsJsonAsync(Base(family.Household), body), HttpStatusCode.BadRequest);

        Assert.Equal((ConferenceRules.InPastCode, "datum"), Lower(await Refused(Body(family.Parent, InDays(-1)))));
        Assert.Equal((ConferenceRules.PlaceRequiredCode, "plaats"), Lower(await Refused(Body(family.Parent, InDays(2), plaats: ""))));
        Assert.Equal((ConferenceRules.LinkInvalidCode, "link"), Lower(await Refused(Body(family.Parent, InDays(2), link: "http://meet.voorbeeld.nl"))));
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "genodigden[0]"), Lower(await Refused(Body(other.Person, InDays(2)))));
        await using var scope = _app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Conferences.AnyAsync(c => c.HouseholdId == family.Household));
    }

    private static (string, string) Lower((string Code, string Field) p) => (p.Code, p.Field.Length == 0 ? "" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..]);

    [Fact]
    public async Task Coordinator_plans_a_conference_with_the_form_without_javascript()
    {
        var family = await Given.Family("Overlegformulier", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var page = $"/huishoudens/{family.Household}/overleggen/nieuw";
        var token = await TestApp.AntiforgeryTokenAsync(client, page);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Soort", "Startoverleg"), new("Input.Datum", InDays(5)), new("Input.Begintijd", "9:30"), new("Input.Eindtijd", "10:30"),
            new("Input.Plaats", ""), new("Input.Link", ""), new("Gekozen", $"Huishoudlid:{family.Parent}"), new("Gekozen", $"Huishoudlid:{family.Child}"),
            new("Anderen[0].Naam", "Juf Jansen"), new("Anderen[0].Email", "juf@klimop.example"), new("__RequestVerificationToken", token),
        };
        var refused = await client.PostAsync(page, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vul de plaats van het overleg in, of een link voor online overleg.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        form[4] = new("Input.Plaats", "Basisschool De Klimop");
        var saved = await client.PostAsync(page, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.ToString();
        Assert.StartsWith($"/huishoudens/{family.Household}/overleggen/", location, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await (await client.GetAsync(location)).Content.ReadAsStringAsync());
        Assert.Contains("Startoverleg op ", html, StringComparison.Ordinal);
        Assert.Contains("Juf Jansen", html, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync(Guid.Parse(location.Split('/')[^1]), "juf@klimop.example"));
    }

    [Fact]
    public async Task Only_the_care_roles_that_may_open_the_file_see_or_plan_its_conferences()
    {
        var (family, conference, coordinator) = await PlannedAsync("Overlegtoegang");
        using var _ = coordinator;
        var path = $"{Base(family.Household)}/{conference}";
        var body = Body(family.Parent, InDays(4));
        foreach (var login in DemoSeeder.Logins.DistinctBy(l => l.Role).Where(l => l.Role != Roles.Beheerder))
        {
            using var client = await _app.SignedInClientAsync(login.Email);
            var expected = login.Role switch
            {
                Roles.Professional or Roles.Teamleider => HttpStatusCode.OK,
                // The consultant has no team: a file a team holds is not theirs to open unless they were added to it.
                Roles.Consulent => HttpStatusCode.NotFound,
                _ => HttpStatusCode.Forbidden,
            };
            Assert.True(expected == (await client.GetAsync(path)).StatusCode, $"{login.Role} GET");
            Assert.True(expected == (await client.GetAsync(Base(family.Household))).StatusCode, $"{login.Role} list");
            var plan = await client.PostAsJsonAsync(Base(family.Household), body);
            Assert.True((expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected) == plan.StatusCode, $"{login.Role} POST {(int)plan.StatusCode}");
        }

        // Another team's coordinator: the file and its conference are not found, the same as an id that does not exist.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal((DomainErrorNotFound, ""), await ProblemAsync(await zuid.GetAsync(path), HttpStatusCode.NotFound));
        Assert.Equal((DomainErrorNotFound, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{path}/cancel", new { versie = 1 }), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/huishoudens/{family.Household}/overleggen/{conference}")).StatusCode);

        // A conference id of another household in the URL reads as not found and changes nothing.
        var other = await Given.Family("Overlegbuur", team: Given.Noord);
        Assert.Equal((DomainErrorNotFound, ""), await ProblemAsync(await coordinator.GetAsync($"{Base(other.Household)}/{conference}"), HttpStatusCode.NotFound));
        Assert.Equal((DomainErrorNotFound, ""), await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base(other.Household)}/{conference}/cancel", new { versie = 1 }), HttpStatusCode.NotFound));
        Assert.Equal("Gepland", (await OkAsync(await coordinator.GetAsync(path))).GetProperty("status").GetString());

        // Emergency access reads the conferences but changes none.
        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{family.Household}/noodtoegang");
        Assert.Equal(HttpStatusCode.Redirect, (await zuid.PostAsync($"/huishoudens/{family.Household}/noodtoegang", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.Reden"] = "Crisismelding in de nacht, eigen regisseur onbereikbaar", ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal("Gepland", (await OkAsync(await zuid.GetAsync(path))).GetProperty("status").GetString());
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{path}/cancel", new { versie = 1 }), HttpStatusCode.Forbidden));
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync(Base(family.Household), body), HttpStatusCode.Forbidden));
    }

    private const string DomainErrorNotFound = Regie.Domain.Common.DomainError.NotFoundCode;
}

/// <summary>Retention: a household's conferences go with its file.</summary>
public sealed class ConferenceRetentionTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task When_retention_removes_a_household_file_its_conferences_go_too()
    {
        Guid expired, kept;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var now = DateTime.UtcNow;
            var team = await db.Teams.Select(t => (Guid?)t.Id).FirstAsync();
            Guid Add(string name, int yearsAgo)
            {
                var ended = DateOnly.FromDateTime(now).AddYears(-yearsAgo);
                var h = new Household { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Naam = "Huishouden " + name, Straat = "Oude Weg", Huisnummer = 4, Postcode = "9911AB", Woonplaats = "Voorbeeld", Wijk = "Noord", ResponsibleTeamId = team, CreatedAt = now, UpdatedAt = now };
                var p = new Person { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Bsn = TestApp.NextBsn(), Voornamen = "Oud", Achternaam = name, ZoekNaam = Regie.Domain.Registry.PersonName.SearchKeyOf(name), ZoekVoornamen = " oud", Geboortedatum = new DateOnly(1950, 5, 5), CreatedAt = now, UpdatedAt = now };
                db.AddRange(h, p, new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, PersonId = p.Id, Role = Regie.Domain.Registry.HouseholdRole.Ouder, From = ended.AddYears(-3), Until = ended });
                var c = Conference.Plan(TestApp.Gemeentecode, h.Id, new ConferenceSchedule(ConferenceKind.Rondetafel, now.AddYears(-yearsAgo - 1), now.AddYears(-yearsAgo - 1).AddHours(1), "Buurthuis", null),
                    [new InviteeContent(InviteeKind.Huishoudlid, p.Id, "Oud " + name, null)], "t", "Regisseur", now.AddYears(-yearsAgo - 1));
                db.Conferences.Add(c);
                db.ConferenceInvitees.AddRange(c.Invitees);
                var (_, added, _) = c.RecordMinutes("Besproken: de schulden van " + name, ["Schuldhulp aanvragen"], new HashSet<Guid>(), now);
                db.ConferenceDecisions.AddRange(added);
                return h.Id;
            }
            expired = Add("Overlegverjaard", 21);
            kept = Add("Overlegbewaard", 5);
            await db.SaveChangesAsync();
        }

        await using (var scope = _app.Scope())
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.Retention.RetentionService>().RunAsync(dryRun: false, default)).Households);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal((0, 0, 0), (await db.Conferences.CountAsync(c => c.HouseholdId == expired), await db.ConferenceInvitees.CountAsync(i => i.HouseholdId == expired),
                await db.ConferenceDecisions.CountAsync(d => d.HouseholdId == expired)));
            Assert.Equal((1, 1, 1), (await db.Conferences.CountAsync(c => c.HouseholdId == kept), await db.ConferenceInvitees.CountAsync(i => i.HouseholdId == kept),
                await db.ConferenceDecisions.CountAsync(d => d.HouseholdId == kept)));
        }
    }
}

/// <summary>
/// The demo: the story's household (Sanne Bakker) held a rondetafel with the housing corporation and Ria's sister from its network,
/// with its record, its minutes as a PDF and the payment arrangement taken into the plan as Sanne's action.
/// </summary>
public sealed class DemoConferenceTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    [Fact]
    public async Task The_story_household_held_a_rondetafel_with_the_housing_corporation_that_agreed_the_latest_plan_version()
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => h.Id).SingleAsync();
        var c = await db.Conferences.AsNoTracking().SingleAsync();
        Assert.Equal((household, ConferenceKind.Rondetafel, ConferenceStatus.Gehouden), (c.HouseholdId, c.Kind, c.Status));
        Assert.True(c.StartsAt < DateTime.UtcNow.AddDays(-7));
        var plan = await db.Plans.Where(Plan.Active).SingleAsync(p => p.HouseholdId == household);
        Assert.Equal((plan.Id, await db.PlanVersions.Where(v => v.PlanId == plan.Id).MaxAsync(v => v.Number)), (c.AgreedPlanId!.Value, c.AgreedPlanVersion!.Value));
        var invitees = await db.ConferenceInvitees.Where(i => i.ConferenceId == c.Id).OrderBy(i => i.Position).ToListAsync();
        Assert.Contains(invitees, i => i.Name == "Sanne Bakker" && i.Attendance == Attendance.Aanwezig);
        Assert.Contains(invitees, i => i is { Kind: InviteeKind.Betrokkene, Name: "Linda Meijer (Woningcorporatie Thuis)", Attendance: Attendance.Aanwezig });
        var sister = await db.NetworkMembers.Where(n => n.HouseholdId == household && n.Name == "Els de Wit").Select(n => n.Id).SingleAsync();
        var networkInvitee = Assert.Single(invitees, i => i.Kind == InviteeKind.Netwerklid);
        Assert.Equal((sister, "Els de Wit", Attendance.Aanwezig), (networkInvitee.ReferenceId!.Value, networkInvitee.Name, networkInvitee.Attendance));
        var decisions = await db.ConferenceDecisions.Where(d => d.ConferenceId == c.Id).OrderBy(d => d.Position).ToListAsync();
        Assert.Equal(3, decisions.Count);
        // The first decision is in the plan as Sanne's action, in the version the conference agreed.
        var action = await db.PlanActions.SingleAsync(a => a.DecisionId != null && a.HouseholdId == household);
        Assert.Equal((decisions[0].Id, "Betalingsregeling van 50 euro per maand afspreken met Woningcorporatie Thuis", ActionOwnerKind.Huishoudlid),
            (action.DecisionId!.Value, action.Omschrijving, action.OwnerKind));
        var agreed = await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == c.AgreedPlanVersion);
        Assert.StartsWith("Actie toegevoegd (", agreed.Change, StringComparison.Ordinal);
        Assert.EndsWith($"(uit besluit van het rondetafelgesprek van {Regie.Web.Features.Shared.Format.DateTime(c.StartsAt)})", agreed.Change, StringComparison.Ordinal);
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.ConferenceId == c.Id);
        Assert.Equal((DocumentType.Pdf, "application/pdf", "verslag-rondetafel.pdf"), (document.Type, document.ContentType, document.FileName));
        var content = await db.DocumentContents.Where(x => x.DocumentId == document.Id).Select(x => x.Content).SingleAsync();
        Assert.Equal((DocumentType?)DocumentType.Pdf, DocumentRules.Sniff(content, out _));
        Assert.Equal(2, await db.HouseholdEvents.CountAsync(e => e.HouseholdId == household && e.Type.StartsWith("conference.")));
        Assert.Equal(1, await db.HouseholdEvents.CountAsync(e => e.HouseholdId == household && e.Type == EventTypes.PlanChanged && e.Summary.Contains("uit besluit van het rondetafelgesprek")));
    }
}
