using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21 point 4, the rest of it: the household's network is invited like its members, the invitees of a planned conference
/// change (the one added gets an invitation, the one withdrawn a cancellation, nobody else hears of it), and a decision of a
/// held conference becomes a goal or action of the plan that remembers where it came from.
/// </summary>
public sealed class ConferenceChangeTests(ConferenceFixture fixture) : IClassFixture<ConferenceFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string Base(Guid household) => $"/api/v1/households/{household}/conferences";
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static object Conference(params object[] genodigden) => new
    {
        soort = "Rondetafel", datum = InDays(7), begintijd = "10:00", eindtijd = "11:30", plaats = "Buurthuis De Linde", genodigden,
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static (string, string) Lower((string Code, string Field) p) => (p.Code, p.Field.Length == 0 ? "" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..]);

    private async Task<Guid> NetworkMemberAsync(HttpClient client, Guid household, Guid consentBy, string name, string? email) =>
        (await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/households/{household}/network",
            new { naam = name, relatie = "Familie", email, rolInPlan = "Past op de kinderen", toestemmingOp = Today, toestemmingDoor = consentBy })))
        .GetProperty("id").GetGuid();

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    /// <summary>The outbox messages about this conference (its UID in the calendar file), oldest first.</summary>
    private Task<List<OutboxMessage>> OutboxAsync(Guid conference) => InDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.AttachmentContent != null).OrderBy(m => m.Id).ToListAsync())
            .Where(m => Encoding.UTF8.GetString(m.AttachmentContent!).Contains($"UID:{conference:N}@regie", StringComparison.Ordinal)).ToList());

    private static string Ics(OutboxMessage m, string property) =>
        Encoding.UTF8.GetString(m.AttachmentContent!).Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")
            .Single(l => l.Split(':', 2)[0].Split(';')[0] == property).Split(':', 2)[1];

    private Task ShiftIntoPastAsync(Guid conference) => InDbAsync(async db =>
    {
        var start = DateTime.UtcNow.AddHours(-2);
        return await db.Conferences.Where(c => c.Id == conference)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsAt, start).SetProperty(c => c.EndsAt, start.AddHours(1)));
    });

    [Fact]
    public async Task Coordinator_invites_the_households_network_and_a_member_without_e_mail_is_invited_without_mail()
    {
        var family = await Given.Family("Overlegnetwerk", team: Given.Noord);
        var neighbour = await Given.Family("Overlegnetwerkbuur", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var grandmother = await NetworkMemberAsync(client, family.Household, family.Parent, "Oma Truus", "oma.truus@thuis.example");
        var uncle = await NetworkMemberAsync(client, family.Household, family.Parent, "Oom Kees", null);
        var ended = await NetworkMemberAsync(client, family.Household, family.Parent, "Tante Els", "tante.els@thuis.example");
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/households/{family.Household}/network/{ended}/end", new { versie = 1 }));
        var otherHouseholds = await NetworkMemberAsync(client, neighbour.Household, neighbour.Parent, "Buurman Piet", "piet@thuis.example");

        async Task<(string, string)> Refused(Guid member) => Lower(await ProblemAsync(await client.PostAsJsonAsync(Base(family.Household),
            Conference(new { soort = "Huishoudlid", referentieId = family.Parent }, new { soort = "Netwerklid", referentieId = member })), HttpStatusCode.BadRequest));
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "genodigden[1]"), await Refused(otherHouseholds));
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "genodigden[1]"), await Refused(ended));
        // A member of the household is not a network member: the kind must match what the id points at.
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "genodigden[1]"), await Refused(family.Child));
        Assert.False(await InDbAsync(db => db.Conferences.AnyAsync(c => c.HouseholdId == family.Household)));

        var planned = await CreatedAsync(await client.PostAsJsonAsync(Base(family.Household), Conference(
            new { soort = "Huishoudlid", referentieId = family.Parent },
            new { soort = "Netwerklid", referentieId = grandmother, naam = "Iemand anders", email = "niet.dit@adres.example" },
            new { soort = "Netwerklid", referentieId = uncle })));
        // The parent and the uncle have no e-mail address: only the grandmother gets the invitation.
        Assert.Equal(1, planned.GetProperty("uitnodigingen").GetInt32());
        var conference = planned.GetProperty("id").GetGuid();
        var view = await OkAsync(await client.GetAsync($"{Base(family.Household)}/{conference}"));
        Assert.Equal([("Huishoudlid", (Guid?)family.Parent, (string?)null), ("Netwerklid", grandmother, "oma.truus@thuis.example"), ("Netwerklid", uncle, null)],
            view.GetProperty("genodigden").EnumerateArray().Select(g => (g.GetProperty("soort").GetString(), (Guid?)g.GetProperty("referentieId").GetGuid(),
                g.GetProperty("email").GetString())));
        Assert.Equal(["Sanne Overlegnetwerk", "Oma Truus", "Oom Kees"], view.GetProperty("genodigden").EnumerateArray().Select(g => g.GetProperty("naam").GetString()));
        var mail = Assert.Single(await OutboxAsync(conference));
        Assert.Equal(("oma.truus@thuis.example", "REQUEST"), (mail.To, Ics(mail, "METHOD")));
        Assert.StartsWith("Beste Oma Truus,", mail.Body, StringComparison.Ordinal);

        // The planning form offers the current network, not the ended member.
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{family.Household}/overleggen/nieuw"));
        Assert.Contains($"value=\"Netwerklid:{grandmother}\"", form, StringComparison.Ordinal);
        Assert.Contains("Oom Kees (Netwerk, geen e-mailadres: geen uitnodiging per e-mail)", form, StringComparison.Ordinal);
        Assert.DoesNotContain(ended.ToString(), form, StringComparison.Ordinal);
        Assert.DoesNotContain("Tante Els", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_adds_and_withdraws_invitees_and_only_they_hear_of_it()
    {
        var family = await Given.Family("Overleggenodigden", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var grandmother = await NetworkMemberAsync(client, family.Household, family.Parent, "Oma Wil", "oma.wil@thuis.example");
        var conference = (await CreatedAsync(await client.PostAsJsonAsync(Base(family.Household), Conference(
            new { soort = "Huishoudlid", referentieId = family.Parent },
            new { soort = "Anders", naam = "Juf Jansen", email = "juf.jansen@school.example" })))).GetProperty("id").GetGuid();
        var path = $"{Base(family.Household)}/{conference}";

        var added = await OkAsync(await client.PostAsJsonAsync($"{path}/invitees", new
        {
            genodigden = new object[] { new { soort = "Netwerklid", referentieId = grandmother }, new { soort = "Anders", naam = "Meester Bas", email = "bas@school.example" } },
            versie = 1,
        }));
        Assert.Equal((2, 2), (added.GetProperty("versie").GetInt32(), added.GetProperty("uitnodigingen").GetInt32()));
        // Someone invited already is not invited twice; someone who saw version 1 changes nothing.
        Assert.Equal((ConferenceRules.InviteeAlreadyInvitedCode, "genodigden[0]"), Lower(await ProblemAsync(await client.PostAsJsonAsync($"{path}/invitees",
            new { genodigden = new object[] { new { soort = "Anders", naam = "Juf J.", email = "JUF.JANSEN@school.example" } }, versie = 2 }), HttpStatusCode.BadRequest)));
        Assert.Equal(("concurrency-conflict", ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/invitees",
            new { genodigden = new object[] { new { soort = "Huishoudlid", referentieId = family.Child } }, versie = 1 }), HttpStatusCode.Conflict));

        var invitees = (await OkAsync(await client.GetAsync(path))).GetProperty("genodigden").EnumerateArray()
            .ToDictionary(g => g.GetProperty("naam").GetString()!, g => g.GetProperty("id").GetGuid());
        Assert.Equal(["Sanne Overleggenodigden", "Juf Jansen", "Oma Wil", "Meester Bas"], invitees.Keys);
        Assert.Equal(3, await VersionAsync(await client.PostAsJsonAsync($"{path}/invitees/{invitees["Juf Jansen"]}/withdraw", new { versie = 2 })));
        Assert.Equal((ConferenceRules.InviteeUnknownCode, "genodigde"), Lower(await ProblemAsync(await client.PostAsJsonAsync(
            $"{path}/invitees/{invitees["Juf Jansen"]}/withdraw", new { versie = 3 }), HttpStatusCode.BadRequest)));

        var mails = (await OutboxAsync(conference)).Select(m => (m.To, Ics(m, "METHOD"), Ics(m, "SEQUENCE"), m.Subject.Split(':')[0])).ToList();
        Assert.Equal([
            ("juf.jansen@school.example", "REQUEST", "0", "Uitnodiging"),
            ("oma.wil@thuis.example", "REQUEST", "0", "Uitnodiging"),
            ("bas@school.example", "REQUEST", "0", "Uitnodiging"),
            ("juf.jansen@school.example", "CANCEL", "1", "Uitnodiging ingetrokken"),
        ], mails);
        var withdrawn = (await OutboxAsync(conference))[^1];
        Assert.Contains("U bent niet langer uitgenodigd", withdrawn.Body, StringComparison.Ordinal);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", withdrawn.AttachmentContentType);

        // The page withdraws without JavaScript too: the grandmother's invitation, with the version it shows.
        var page = $"/huishoudens/{family.Household}/overleggen/{conference}";
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("Uitnodiging intrekken<span class=\"regie-visually-hidden\"> voor Oma Wil</span>", html, StringComparison.Ordinal);
        var token = await TestApp.AntiforgeryTokenAsync(client, page);
        var posted = await client.PostAsync($"{page}?handler=Withdraw&genodigde={invitees["Oma Wil"]}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Versie"] = "3", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(["Sanne Overleggenodigden", "Meester Bas"], (await OkAsync(await client.GetAsync(path))).GetProperty("genodigden").EnumerateArray()
            .Select(g => g.GetProperty("naam").GetString()));
        // And adds from the choices not invited yet: the child.
        Assert.Contains($"value=\"Huishoudlid:{family.Child}\"", WebUtility.HtmlDecode(await client.GetStringAsync(page)), StringComparison.Ordinal);
        token = await TestApp.AntiforgeryTokenAsync(client, page);
        posted = await client.PostAsync($"{page}?handler=AddInvitees", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Gekozen"] = $"Huishoudlid:{family.Child}", ["Versie"] = "4", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // The last invitee stays: withdrawing them would be cancelling.
        var left = (await OkAsync(await client.GetAsync(path))).GetProperty("genodigden").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, left.Count);
        Assert.Equal(6, await VersionAsync(await client.PostAsJsonAsync($"{path}/invitees/{left[0]}/withdraw", new { versie = 5 })));
        Assert.Equal(7, await VersionAsync(await client.PostAsJsonAsync($"{path}/invitees/{left[1]}/withdraw", new { versie = 6 })));
        Assert.Equal((ConferenceRules.InviteesRequiredCode, "genodigde"), Lower(await ProblemAsync(await client.PostAsJsonAsync(
            $"{path}/invitees/{left[2]}/withdraw", new { versie = 7 }), HttpStatusCode.BadRequest)));

        var events = await InDbAsync(db => db.HouseholdEvents.Where(e => e.HouseholdId == family.Household && e.Type.StartsWith("conference."))
            .OrderBy(e => e.Id).Select(e => e.Type).ToArrayAsync());
        Assert.Equal([EventTypes.ConferencePlanned, EventTypes.ConferenceInviteesAdded, EventTypes.ConferenceInviteeWithdrawn, EventTypes.ConferenceInviteeWithdrawn,
            EventTypes.ConferenceInviteesAdded, EventTypes.ConferenceInviteeWithdrawn, EventTypes.ConferenceInviteeWithdrawn], events);
        var updates = await InDbAsync(db => db.AuditEntries.CountAsync(a => a.HouseholdId == family.Household && a.Resource == AuditResources.Conference
            && a.Action == AuditActions.Update));
        Assert.Equal(6, updates);

        // Once held, the invitees are what they were.
        await ShiftIntoPastAsync(conference);
        Assert.Equal(8, await VersionAsync(await client.PostAsJsonAsync($"{path}/attendance",
            new { aanwezigheid = new object[] { new { genodigdeId = left[2], aanwezigheid = "Aanwezig" } }, versie = 7 })));
        Assert.Equal((ConferenceRules.NotPlannedCode, ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/invitees",
            new { genodigden = new object[] { new { soort = "Netwerklid", referentieId = grandmother } }, versie = 8 }), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Only_the_care_roles_of_the_file_change_the_invitees()
    {
        var family = await Given.Family("Overleggenodigdentoegang", team: Given.Noord);
        using var coordinator = await _app.SignedInClientAsync();
        var conference = (await CreatedAsync(await coordinator.PostAsJsonAsync(Base(family.Household), Conference(
            new { soort = "Huishoudlid", referentieId = family.Parent }, new { soort = "Huishoudlid", referentieId = family.Child })))).GetProperty("id").GetGuid();
        var path = $"{Base(family.Household)}/{conference}";
        var invitee = (await OkAsync(await coordinator.GetAsync(path))).GetProperty("genodigden")[0].GetProperty("id").GetGuid();
        var add = new { genodigden = new object[] { new { soort = "Anders", naam = "Meester Bas", email = "bas@school.example" } }, versie = 1 };

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"{path}/invitees", add)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"{path}/invitees/{invitee}/withdraw", new { versie = 1 })).StatusCode);
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{path}/invitees", add), HttpStatusCode.NotFound));
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{path}/invitees/{invitee}/withdraw",
            new { versie = 1 }), HttpStatusCode.NotFound));
        // The conference under another household's id is not found either.
        var other = await Given.Family("Overleggenodigdenbuur", team: Given.Noord);
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await coordinator.PostAsJsonAsync(
            $"{Base(other.Household)}/{conference}/invitees/{invitee}/withdraw", new { versie = 1 }), HttpStatusCode.NotFound));
        Assert.Equal(2, (await OkAsync(await coordinator.GetAsync(path))).GetProperty("genodigden").GetArrayLength());
        Assert.Empty(await OutboxAsync(conference));
    }

    [Fact]
    public async Task A_decision_of_the_rondetafel_becomes_an_action_and_a_goal_of_the_plan_that_remember_it()
    {
        var planned = await Given.HouseholdWithPlanAndGoal("Overlegbesluit", "Sanne", team: Given.Noord);
        var other = await Given.HouseholdWithPlanAndGoal("Overlegbesluitbuur", "Anna", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        async Task<(Guid Conference, Guid[] Decisions)> HeldAsync(Guid household, Guid person, params string[] decisions)
        {
            var id = (await CreatedAsync(await client.PostAsJsonAsync(Base(household), Conference(new { soort = "Huishoudlid", referentieId = person }))))
                .GetProperty("id").GetGuid();
            await ShiftIntoPastAsync(id);
            await OkAsync(await client.PostAsJsonAsync($"{Base(household)}/{id}/minutes", new { verslag = "Besproken.", besluiten = decisions, versie = 1 }));
            var view = await OkAsync(await client.GetAsync($"{Base(household)}/{id}"));
            return (id, view.GetProperty("besluiten").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToArray());
        }
        var (conference, decisions) = await HeldAsync(planned.Household, planned.Person, "Sanne belt de corporatie over een betalingsregeling", "Evaluatie over zes weken");
        var (_, theirs) = await HeldAsync(other.Household, other.Person, "Anna meldt zich bij de schuldhulp");
        var start = (await OkAsync(await client.GetAsync($"{Base(planned.Household)}/{conference}"))).GetProperty("begin").GetDateTime();
        var origin = $"uit besluit van het rondetafelgesprek van {Regie.Web.Features.Shared.Format.DateTime(start)}";

        // The plan's forms: the decision fills in the action and the goal; another household's decision fills in nothing.
        var actionForm = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{planned.Household}/plan/actie?uitBesluit={decisions[0]}"));
        Assert.Contains("value=\"Sanne belt de corporatie over een betalingsregeling\"", actionForm, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"Input.BesluitId\" value=\"{decisions[0]}\" />", actionForm, StringComparison.Ordinal);
        var goalForm = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{planned.Household}/plan/doel?uitBesluit={decisions[1]}"));
        Assert.Contains("value=\"Evaluatie over zes weken\"", goalForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/huishoudens/{planned.Household}/plan/actie?uitBesluit={theirs[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/huishoudens/{planned.Household}/plan/doel?uitBesluit={theirs[0]}")).StatusCode);

        // The API refuses another household's decision and saves nothing.
        var plan = await OkAsync(await client.GetAsync($"/api/v1/households/{planned.Household}/plan"));
        var version = plan.GetProperty("versie").GetInt32();
        Assert.Equal((ConferenceRules.DecisionUnknownCode, "besluitId"), Lower(await ProblemAsync(await client.PostAsJsonAsync(
            $"/api/v1/households/{planned.Household}/plan/actions",
            new { omschrijving = "Anna meldt zich", uitvoerder = "Huishoudlid", persoonId = planned.Person, besluitId = theirs[0], versie = version }), HttpStatusCode.BadRequest)));
        Assert.Equal(version, (await OkAsync(await client.GetAsync($"/api/v1/households/{planned.Household}/plan"))).GetProperty("versie").GetInt32());

        var action = (await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/households/{planned.Household}/plan/actions", new
        {
            omschrijving = "Sanne belt de corporatie over een betalingsregeling", uitvoerder = "Huishoudlid", persoonId = planned.Person, besluitId = decisions[0], versie = version,
        }))).GetProperty("id").GetGuid();
        // The page saves a goal the same way, with the decision it was opened with.
        var goalPage = $"/huishoudens/{planned.Household}/plan/doel";
        var token = await TestApp.AntiforgeryTokenAsync(client, $"{goalPage}?uitBesluit={decisions[1]}");
        var saved = await client.PostAsync(goalPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Leefgebied"] = "Financien", ["Input.Wat"] = "Evaluatie over zes weken", ["Input.MeetbaarResultaat"] = "De evaluatie is gehouden",
            ["Input.Wie"] = "De regisseur", ["Input.Streefdatum"] = InDays(42), ["Input.BesluitId"] = decisions[1].ToString(), ["Versie"] = (version + 1).ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (actionDecision, goal, changes, timeline) = await InDbAsync(async db => (
            await db.PlanActions.Where(a => a.Id == action).Select(a => a.DecisionId).SingleAsync(),
            await db.PlanGoals.Where(g => g.HouseholdId == planned.Household && g.Wat == "Evaluatie over zes weken").Select(g => new { g.Id, g.DecisionId }).SingleAsync(),
            await db.PlanVersions.Where(v => v.PlanId == plan.GetProperty("id").GetGuid()).OrderByDescending(v => v.Number).Take(2).Select(v => v.Change).ToListAsync(),
            await db.HouseholdEvents.Where(e => e.HouseholdId == planned.Household && e.Type == EventTypes.PlanChanged).OrderByDescending(e => e.Id).Take(2)
                .Select(e => e.Summary).ToListAsync()));
        Assert.Equal((decisions[0], decisions[1]), (actionDecision, goal.DecisionId));
        Assert.All(changes, c => Assert.EndsWith($"({origin})", c, StringComparison.Ordinal));
        Assert.All(timeline, t => Assert.EndsWith($"({origin})", t, StringComparison.Ordinal));

        // The conference shows what became of its decisions.
        var view = await OkAsync(await client.GetAsync($"{Base(planned.Household)}/{conference}"));
        Assert.Equal([[("Actie", action)], [("Doel", goal.Id)]],
            view.GetProperty("besluiten").EnumerateArray().Select(b => b.GetProperty("inHetPlan").EnumerateArray()
                .Select(i => (i.GetProperty("soort").GetString()!, i.GetProperty("id").GetGuid())).ToArray()).ToArray());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{planned.Household}/overleggen/{conference}"));
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/huishoudens/{planned.Household}/plan/actie/{action}\">actie “Sanne belt de corporatie over een betalingsregeling”</a>",
            page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/huishoudens/{planned.Household}/plan/actie?uitBesluit={decisions[1]}\"", page, StringComparison.Ordinal);

        // A decision the plan took something from stays as written: rewording or dropping it is refused, and nothing changes.
        var reworded = await client.PostAsJsonAsync($"{Base(planned.Household)}/{conference}/minutes", new
        {
            verslag = "Besproken, aangevuld.", besluiten = new[] { "Oma haalt de kinderen op", "Sanne belt de corporatie over een betalingsregeling" }, versie = 2,
        });
        Assert.Equal((ConferenceRules.DecisionInPlanCode, "besluiten"), Lower(await ProblemAsync(reworded, HttpStatusCode.BadRequest)));
        // Minutes recorded again keep the decisions that stayed, and so what the plan took from them; a new decision joins them.
        await OkAsync(await client.PostAsJsonAsync($"{Base(planned.Household)}/{conference}/minutes", new
        {
            verslag = "Besproken, aangevuld.", besluiten = new[] { "Oma haalt de kinderen op", "Sanne belt de corporatie over een betalingsregeling", "Evaluatie over zes weken" },
            versie = 2,
        }));
        var after = (await OkAsync(await client.GetAsync($"{Base(planned.Household)}/{conference}"))).GetProperty("besluiten").EnumerateArray().ToList();
        Assert.Equal([decisions[0], decisions[1]], [after[1].GetProperty("id").GetGuid(), after[2].GetProperty("id").GetGuid()]);
        Assert.Equal(action, after[1].GetProperty("inHetPlan")[0].GetProperty("id").GetGuid());
        Assert.Equal("Oma haalt de kinderen op", after[0].GetProperty("tekst").GetString());
    }
}
