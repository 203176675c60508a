using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21, point 5: messages about a household between its file's team and an involved partner with consent for messages.
/// A partner sees only its own threads, a notification never carries the text, and a thread of another household is not found.
/// </summary>
public sealed class MessageTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Corporation = "Woningcorporatie Thuis";
    private const string Subject = "Huurachterstand en de nieuwe woning";
    private const string Text = "Sanne heeft de brief over de ontruiming ontvangen; kunnen we donderdag bellen?";
    private readonly TestApp _app = fixture.App;

    private async Task<T> DbAsync<T>(Func<RegieDbContext, Task<T>> work)
    {
        await using var scope = _app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private Task<Guid> OrganisationAsync(string name) => DbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private async Task<(Guid Household, Guid Sanne, Guid Consent)> StoryAsync(string family, string[] scopes, bool withCoordinator = true)
    {
        var resident = await new Given(_app).HouseholdWithActivePlan("Bakker" + family, "Sanne", coordinator: withCoordinator ? Given.Coordinator : null);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "partner", Corporation, Roles.Partner, organisation: Corporation);
            var registered = await scope.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(new InvolvementInput
            { Bsn = resident.Bsn, Contactpersoon = "Linda Meijer", Telefoon = "0900 8844", Reden = "Huurachterstand" }, default);
            Assert.True(registered.IsOk);
        }
        using var coordinator = await _app.SignedInClientAsync();
        var given = await coordinator.PostAsJsonAsync($"/api/v1/households/{resident.Household}/consents",
            new { organisatieId = await OrganisationAsync(Corporation), reikwijdte = scopes, gegevenDoor = resident.Person });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        return (resident.Household, resident.Person, (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> StartAsync(HttpClient coordinator, Guid household) =>
        await IdAsync(await coordinator.PostAsJsonAsync($"/api/v1/households/{household}/threads",
            new { organisatieId = await OrganisationAsync(Corporation), onderwerp = Subject, tekst = Text }));

    [Fact]
    public async Task Coordinator_and_the_corporation_write_in_a_thread_and_the_notifications_say_only_that_there_is_a_message()
    {
        var story = await StoryAsync("Bericht", ["berichten"]);
        using var coordinator = await _app.SignedInClientAsync();
        var organisation = await OrganisationAsync(Corporation);
        var before = await DbAsync(db => db.Notifications.Select(n => n.Id).ToListAsync());
        var thread = await StartAsync(coordinator, story.Household);
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");

        var list = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/households/{story.Household}/threads");
        Assert.Equal(Subject, Assert.Single(list.EnumerateArray()).GetProperty("onderwerp").GetString());
        await IdAsync(await partner.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = "Donderdag om 10 uur past." }));
        var view = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/households/{story.Household}/threads/{thread}");
        Assert.Equal([Text, "Donderdag om 10 uur past."], view.GetProperty("berichten").EnumerateArray().Select(m => m.GetProperty("tekst").GetString()));
        Assert.Equal("Linda Meijer", view.GetProperty("berichten")[1].GetProperty("afzender").GetString());

        var coordinatorId = await DbAsync(db => db.Users.Where(u => u.Email == Given.Coordinator).Select(u => u.Id).SingleAsync());
        var notifications = (await DbAsync(db => db.Notifications.ToListAsync())).Where(n => !before.Contains(n.Id))
            .Where(n => n.OrganisationId == organisation || n.UserId == coordinatorId).OrderBy(n => n.CreatedAt).ToList();
        // One for the corporation when the thread started, one for the coordinator when the corporation answered: neither says what.
        Assert.Equal([(organisation, (string?)null, (Guid?)null), ((Guid?)null, coordinatorId, story.Household)],
            notifications.Select(n => (n.OrganisationId, n.UserId, n.HouseholdId)));
        Assert.All(notifications, n => Assert.Equal((MessageRules.NotificationTitle, MessageRules.NotificationBody), (n.Title, n.Body)));
        var timeline = await DbAsync(db => db.HouseholdEvents.Where(e => e.HouseholdId == story.Household && e.Type == EventTypes.MessageThreadStarted).Select(e => e.Summary).SingleAsync());
        Assert.Equal($"Berichten gestart met {Corporation}", timeline);
    }

    [Fact]
    public async Task An_answer_for_a_household_without_coordinator_reaches_who_started_the_thread_in_the_inbox_and_by_mail()
    {
        var story = await StoryAsync("ZonderRegisseur", ["berichten"], withCoordinator: false);
        using var starter = await _app.SignedInClientAsync();
        var thread = await StartAsync(starter, story.Household);
        var starterId = await DbAsync(db => db.Users.Where(u => u.Email == Given.Coordinator).Select(u => u.Id).SingleAsync());
        Assert.Null(await DbAsync(db => db.Households.Where(h => h.Id == story.Household).Select(h => h.CoordinatorId).SingleAsync()));
        var notificationsBefore = await DbAsync(db => db.Notifications.Select(n => n.Id).ToListAsync());
        var mailBefore = await DbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        await IdAsync(await partner.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = "Donderdag past." }));

        var notification = Assert.Single((await DbAsync(db => db.Notifications.ToListAsync())), n => !notificationsBefore.Contains(n.Id));
        Assert.Equal((starterId, (Guid?)null, (Guid?)story.Household, MessageRules.NotificationTitle, MessageRules.NotificationBody),
            (notification.UserId, notification.OrganisationId, notification.HouseholdId, notification.Title, notification.Body));
        var mail = Assert.Single((await DbAsync(db => db.OutboxMessages.ToListAsync())), m => !mailBefore.Contains(m.Id));
        Assert.Equal((Given.Coordinator, MessageRules.NotificationTitle, MessageRules.NotificationBody), (mail.To, mail.Subject, mail.Body));
    }

    [Fact]
    public async Task Without_consent_for_messages_after_revocation_and_for_another_household_the_thread_is_not_found()
    {
        var inkijkOnly = await StoryAsync("AlleenInkijk", ["inkijk"]);
        using var coordinator = await _app.SignedInClientAsync();
        var refused = await coordinator.PostAsJsonAsync($"/api/v1/households/{inkijkOnly.Household}/threads",
            new { organisatieId = await OrganisationAsync(Corporation), onderwerp = Subject, tekst = Text });
        Assert.Equal(MessageRules.OrganisationNotAllowedCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var story = await StoryAsync("Ingetrokken", ["berichten"]);
        var other = await StoryAsync("AnderHuishouden", ["berichten"]);
        var thread = await StartAsync(coordinator, story.Household);
        var otherThread = await StartAsync(coordinator, other.Household);
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        using var provider = await _app.SignedInClientAsync("aanbieder@voorbeeld.nl");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");

        // A thread id of another household, another organisation, another team: all not found.
        foreach (var client in new[] { coordinator, partner })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/households/{story.Household}/threads/{otherThread}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await client.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{otherThread}/messages", new { tekst = "Verkeerd" })).StatusCode);
        }
        foreach (var client in new[] { provider, zuid })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/households/{story.Household}/threads")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await client.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = "Mag ik meelezen?" })).StatusCode);
        }
        // A partner starts no thread; roles outside the files never reach one.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads",
            new { organisatieId = await OrganisationAsync(Corporation), onderwerp = Subject, tekst = Text })).StatusCode);
        foreach (var login in new[] { "werkeninkomen@voorbeeld.nl", "beleid@voorbeeld.nl", "privacy@voorbeeld.nl" })
        {
            using var client = await _app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);
        }
        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);

        // Revoking closes the thread to the partner at once; the team keeps it.
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents/{story.Consent}/revoke", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await partner.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = "Nog iets" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/households/{story.Household}/threads/{thread}")).StatusCode);
        // The team no longer writes in it: the organisation could not read the answer.
        var closed = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = "Toch nog even" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Equal(MessageRules.OrganisationNotAllowedCode, (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(1, await DbAsync(db => db.Messages.CountAsync(m => m.ThreadId == thread)));
        Assert.Equal(1, await DbAsync(db => db.Messages.CountAsync(m => m.ThreadId == otherThread)));
    }

    [Fact]
    public async Task The_corporation_answers_on_the_page_without_javascript_and_finds_the_thread_in_its_list()
    {
        var story = await StoryAsync("Pagina", ["berichten"]);
        using var coordinator = await _app.SignedInClientAsync();
        var token = await TestApp.AntiforgeryTokenAsync(coordinator, $"/huishoudens/{story.Household}/berichten");
        var started = await coordinator.PostAsync($"/huishoudens/{story.Household}/berichten", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.OrganisatieId"] = (await OrganisationAsync(Corporation)).ToString(), ["Input.Onderwerp"] = Subject, ["Input.Tekst"] = Text,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var thread = started.Headers.Location!.OriginalString;
        Assert.StartsWith($"/huishoudens/{story.Household}/berichten/", thread);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Contains($"href=\"{thread}\"", await partner.GetStringAsync("/berichten"));
        var answerToken = await TestApp.AntiforgeryTokenAsync(partner, thread);
        var empty = await partner.PostAsync(thread, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Tekst"] = "", ["__RequestVerificationToken"] = answerToken }));
        Assert.Contains("Schrijf een bericht.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var answered = await partner.PostAsync(thread, new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.Tekst"] = "Donderdag past.", ["__RequestVerificationToken"] = answerToken }));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(thread));
        Assert.Contains(Text, page);
        Assert.Contains("Donderdag past.", page);
        // The partner reaches the thread, not the household's other pages.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/huishoudens/{story.Household}")).StatusCode);
    }

    [Fact]
    public async Task A_message_needs_text_and_a_thread_a_subject()
    {
        var story = await StoryAsync("Leeg", ["berichten"]);
        using var coordinator = await _app.SignedInClientAsync();
        var empty = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads",
            new { organisatieId = await OrganisationAsync(Corporation), onderwerp = " ", tekst = "" });
        var codes = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString());
        Assert.Equal([MessageRules.SubjectRequiredCode, MessageRules.BodyRequiredCode], codes);
        var thread = await StartAsync(coordinator, story.Household);
        var blank = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/threads/{thread}/messages", new { tekst = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }
}
