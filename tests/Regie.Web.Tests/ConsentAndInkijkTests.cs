using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Inkijk;
using Regie.Web.Features.Involvements;
using Regie.Web.Features.Plans;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21, point 3: the household's consent per organisation, recorded by the care roles, and inkijk for a partner that
/// has it and is involved: the goals and actions of the active plan that concern the partner, read-only, progress on its own
/// actions, nothing else; every read on record, and a revoked consent closes the next request.
/// </summary>
public sealed class ConsentAndInkijkTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Corporation = "Woningcorporatie Thuis";
    private const string CorporationLogin = "woningcorporatie@voorbeeld.nl";
    private const string Provider = "Zorgaanbieder De Brug";
    private const string ProviderLogin = "aanbieder@voorbeeld.nl";
    private readonly TestApp _app = fixture.App;

    private sealed record Story(Guid Household, Guid Sanne, string Bsn, Guid Goal, Guid OtherGoal, Guid CorporationAction, Guid ProviderAction);

    private async Task<T> DbAsync<T>(Func<RegieDbContext, Task<T>> work)
    {
        await using var scope = _app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private Task<Guid> OrganisationAsync(string name) => DbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Sanne's household (seed 003) with a plan: a housing goal with the corporation's action, and another goal with the provider's action.</summary>
    private async Task<Story> StoryAsync(string family, bool involved = true)
    {
        var given = new Given(_app);
        var planned = await given.HouseholdWithPlanAndGoal("Bakker" + family, "Sanne", coordinator: Given.Coordinator,
            goal: Given.Goal(domain: "Huisvesting", what: "Een betaalbare woning"));
        var otherGoal = await given.AddGoal(planned.Household, Given.Goal(domain: "GeestelijkeGezondheid", what: "Rust in het hoofd", version: 2));
        var corporationAction = await AddActionAsync(planned.Household, planned.Goal, "Huurachterstand regelen", Corporation, 3);
        var providerAction = await AddActionAsync(planned.Household, otherGoal, "Gesprekken bij De Brug", Provider, 4);
        var bsn = await DbAsync(db => db.Persons.Where(p => p.Id == planned.Person).Select(p => p.Bsn!).SingleAsync());
        if (involved) await RegisterAsync(Corporation, bsn);
        return new Story(planned.Household, planned.Person, bsn, planned.Goal, otherGoal, corporationAction, providerAction);
    }

    private async Task<Guid> AddActionAsync(Guid household, Guid goal, string what, string organisation, int version)
    {
        await using var scope = _app.Scope();
        var added = await new Regie.Testing.PlanUseCases(scope.ServiceProvider).AddActionAsync(household,
            new ActionInput { DoelId = goal, Omschrijving = what, Uitvoerder = "Organisatie", Naam = organisation, Versie = version }, default);
        Assert.True(added.IsOk, string.Join(" ", added.Errors.Select(e => e.Message)));
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().PlanActions.Where(a => a.HouseholdId == household && a.Omschrijving == what)
            .Select(a => a.Id).SingleAsync();
    }

    private async Task RegisterAsync(string organisation, string bsn)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "partner-" + organisation, organisation, Roles.Partner, organisation: organisation);
        var result = await scope.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(new InvolvementInput
        {
            Bsn = bsn, Contactpersoon = "Linda Meijer", Telefoon = "0900 8844", Reden = "Huurachterstand",
        }, default);
        Assert.True(result.IsOk, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    private async Task<Guid> GiveAsync(HttpClient coordinator, Story story, string organisation, params string[] scopes)
    {
        var response = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents",
            new { organisatieId = await OrganisationAsync(organisation), reikwijdte = scopes.Length == 0 ? ["inkijk", "berichten"] : scopes, gegevenDoor = story.Sanne });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    private Task<List<AuditEntry>> AuditAsync(Guid household, string action) =>
        DbAsync(db => db.AuditEntries.Where(e => e.HouseholdId == household && e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_involved_partner_with_consent_sees_only_the_goals_and_actions_that_concern_it_and_nothing_else_of_the_file()
    {
        var story = await StoryAsync("Inkijk");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);

        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/inkijk");
        var item = Assert.Single(list.EnumerateArray(), h => h.GetProperty("huishoudenId").GetGuid() == story.Household);
        Assert.Equal(["huishoudenId", "naam", "toestemmingSinds"], item.EnumerateObject().Select(p => p.Name));

        var answer = await partner.GetAsync($"/api/v1/inkijk/{story.Household}");
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var view = JsonDocument.Parse(body).RootElement;
        var goal = Assert.Single(view.GetProperty("doelen").EnumerateArray());
        Assert.Equal(story.Goal, goal.GetProperty("id").GetGuid());
        Assert.Equal("Een betaalbare woning", goal.GetProperty("wat").GetString());
        var action = Assert.Single(goal.GetProperty("acties").EnumerateArray());
        Assert.Equal(story.CorporationAction, action.GetProperty("id").GetGuid());
        Assert.Empty(view.GetProperty("overigeActies").EnumerateArray());
        // Not the other goal, not the other organisation's action, not the members' details.
        foreach (var closed in new[] { "Rust in het hoofd", "Gesprekken bij De Brug", Provider, story.Bsn, story.Sanne.ToString() }) Assert.DoesNotContain(closed, body);

        var page = WebUtility.HtmlDecode(await partner.GetStringAsync($"/inkijk/{story.Household}"));
        Assert.Contains("Een betaalbare woning", page);
        Assert.Contains("Huurachterstand regelen", page);
        Assert.DoesNotContain("Rust in het hoofd", page);
        Assert.Contains($"href=\"/inkijk/{story.Household}\"", await partner.GetStringAsync("/inkijk"));

        // The rest of the file stays closed to the partner.
        foreach (var closed in new[] { $"/huishoudens/{story.Household}", $"/api/v1/households/{story.Household}/plan", $"/api/v1/households/{story.Household}/timeline" })
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(closed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/households/{story.Household}/meldcode/")).StatusCode);
        var reads = (await AuditAsync(story.Household, AuditActions.Read)).Where(e => e.Role == Roles.Partner && e.Resource == AuditResources.Plan).ToList();
        // The two lists (API and page) and the two views of the household.
        Assert.Equal([$"inkijk: huishoudens van {Corporation}", $"inkijk door {Corporation}", $"inkijk door {Corporation}", $"inkijk: huishoudens van {Corporation}"],
            reads.Select(e => e.Detail));
    }

    [Fact]
    public async Task The_partner_reports_progress_on_its_own_action_and_marks_it_done_on_the_plan_and_the_timeline()
    {
        var story = await StoryAsync("Voortgang");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation, "inkijk");
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        var version = await DbAsync(db => db.Plans.Where(p => p.HouseholdId == story.Household).Select(p => p.Version).SingleAsync());

        var note = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "Betalingsregeling getekend" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var done = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang",
            new { voortgang = "Achterstand is nul", gedaan = true });
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);

        var action = await DbAsync(db => db.PlanActions.SingleAsync(a => a.Id == story.CorporationAction));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), action.DoneOn);
        Assert.Equal(version + 1, await DbAsync(db => db.Plans.Where(p => p.HouseholdId == story.Household).Select(p => p.Version).SingleAsync()));
        var events = await DbAsync(db => db.HouseholdEvents.Where(e => e.HouseholdId == story.Household && e.Type == EventTypes.ActionProgressReported)
            .OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
        Assert.Equal([$"Voortgang van {Corporation} op actie 'Huurachterstand regelen': Betalingsregeling getekend",
            $"Voortgang van {Corporation} op actie 'Huurachterstand regelen': Achterstand is nul"], events);
        var view = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/inkijk/{story.Household}");
        var seen = view.GetProperty("doelen")[0].GetProperty("acties")[0];
        Assert.Equal(["Betalingsregeling getekend", "Achterstand is nul"], seen.GetProperty("voortgang").EnumerateArray().Select(p => p.GetProperty("tekst").GetString()));

        // Marking it done again is the plan's rule; an empty note is the progress rule.
        var twice = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "Nog eens", gedaan = true });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var empty = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = " " });
        Assert.Equal(InkijkRules.ProgressRequiredCode, await CodeAsync(empty));

        // The same without JavaScript: the form on the page, its error at the field.
        var token = await TestApp.AntiforgeryTokenAsync(partner, $"/inkijk/{story.Household}");
        var form = await partner.PostAsync($"/inkijk/{story.Household}?actionId={story.CorporationAction}", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.Voortgang"] = "", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"id=\"voortgang-fout-{story.CorporationAction}\">Vul in wat er gedaan is.", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoking_consent_closes_inkijk_at_the_next_request_and_the_refusal_is_on_record()
    {
        var story = await StoryAsync("Intrekken");
        using var coordinator = await _app.SignedInClientAsync();
        var consent = await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);

        var revoked = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents/{consent}/revoke", new { });
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "Toch nog" })).StatusCode);
        Assert.DoesNotContain(story.Household.ToString(), await partner.GetStringAsync("/api/v1/inkijk"));
        var denied = (await AuditAsync(story.Household, AuditActions.Denied)).Where(e => e.Role == Roles.Partner).Select(e => e.Detail).ToList();
        Assert.Equal(["inkijk", "inkijk", "inkijk: voortgang"], denied);

        // The history keeps it, with the day; revoking twice is refused.
        var history = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/households/{story.Household}/consents");
        var kept = Assert.Single(history.EnumerateArray());
        Assert.False(kept.GetProperty("actief").GetBoolean());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), kept.GetProperty("ingetrokkenOp").GetString());
        var again = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents/{consent}/revoke", new { });
        Assert.Equal(ConsentRules.AlreadyRevokedCode, await CodeAsync(again));
        Assert.Equal([EventTypes.ConsentGiven, EventTypes.ConsentRevoked], await DbAsync(db => db.HouseholdEvents
            .Where(e => e.HouseholdId == story.Household && e.Type.StartsWith("consent.")).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync()));
    }

    [Fact]
    public async Task A_partner_without_consent_of_another_organisation_or_without_involvement_sees_nothing()
    {
        var story = await StoryAsync("Anderen");
        using var coordinator = await _app.SignedInClientAsync();
        using var corporation = await _app.SignedInClientAsync(CorporationLogin);
        using var provider = await _app.SignedInClientAsync(ProviderLogin);

        // Involved, no consent yet.
        Assert.Equal(HttpStatusCode.NotFound, (await corporation.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        // Consent for the provider, which is not involved: consent alone opens nothing.
        await GiveAsync(coordinator, story, Provider);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await provider.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.ProviderAction}/voortgang", new { voortgang = "Gestart" })).StatusCode);
        // Consent for the corporation opens the corporation's part only; the provider still sees nothing of it.
        await GiveAsync(coordinator, story, Corporation);
        Assert.Equal(HttpStatusCode.OK, (await corporation.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.DoesNotContain(story.Household.ToString(), await provider.GetStringAsync("/api/v1/inkijk"));
        Assert.DoesNotContain(story.Household.ToString(), await provider.GetStringAsync("/inkijk"));
        // An unknown household answers the same as one the partner may not see.
        var unknown = await corporation.GetAsync($"/api/v1/inkijk/{Guid.NewGuid()}");
        var refused = await provider.GetAsync($"/api/v1/inkijk/{story.Household}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Normalise(await unknown.Content.ReadAsStringAsync()), Normalise(await refused.Content.ReadAsStringAsync()));

        static string Normalise(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");
    }

    [Fact]
    public async Task A_partner_that_ended_its_involvement_does_not_reopen_the_plan_by_registering_again()
    {
        var story = await StoryAsync("Opnieuw");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        var organisation = await OrganisationAsync(Corporation);
        var involvement = await DbAsync(db => db.Involvements.Where(i => i.Bsn == story.Bsn && i.OrganisationId == organisation).Select(i => i.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/v1/involvements/{involvement}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        var again = await partner.PostAsJsonAsync("/api/v1/involvements",
            new { bsn = story.Bsn, contactpersoon = "Linda Meijer", telefoon = "0900 8844", reden = "Huurachterstand, opnieuw" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        // Registered again, the consent still on file: the plan stays closed until the household's consent is recorded anew.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "Weer bezig" })).StatusCode);
        Assert.DoesNotContain(story.Household.ToString(), await partner.GetStringAsync("/api/v1/inkijk"));

        var consent = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/households/{story.Household}/consents")).EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents/{consent}/revoke", new { })).StatusCode);
        await GiveAsync(coordinator, story, Corporation);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
    }

    [Fact]
    public async Task A_member_with_the_longest_name_gives_consent_for_the_organisation_and_for_the_network()
    {
        var story = await StoryAsync("LangeNaam");
        await DbAsync(db => db.Persons.Where(p => p.Id == story.Sanne).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Voornamen, new string('a', Domain.Registry.PersonName.MaxPartLength))
            .SetProperty(p => p.Voorvoegsel, new string('c', Domain.Registry.PersonName.VoorvoegselMaxLength))
            .SetProperty(p => p.Achternaam, new string('b', Domain.Registry.PersonName.MaxPartLength))));
        using var coordinator = await _app.SignedInClientAsync();

        await GiveAsync(coordinator, story, Corporation);
        var network = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/network", new
        {
            naam = "Oma Joke", relatie = "Familie", rolInPlan = "Past op de kinderen", toestemmingOp = DateTime.UtcNow.ToString("yyyy-MM-dd"), toestemmingDoor = story.Sanne,
        });

        Assert.Equal(HttpStatusCode.Created, network.StatusCode);
        Assert.Equal(Domain.Registry.PersonName.FullNameMaxLength,
            await DbAsync(db => db.Consents.Where(c => c.HouseholdId == story.Household).Select(c => c.GivenByName.Length).SingleAsync()));
        Assert.Equal(Domain.Registry.PersonName.FullNameMaxLength,
            await DbAsync(db => db.NetworkMembers.Where(n => n.HouseholdId == story.Household).Select(n => n.ConsentByName.Length).SingleAsync()));
    }

    [Fact]
    public async Task The_gap_still_counts_after_the_member_whose_registration_ended_moved_out()
    {
        var story = await StoryAsync("Verhuisd");
        using var coordinator = await _app.SignedInClientAsync();
        var ria = Regie.Testing.Builders.Member("Ria", "Bakker" + "Verhuisd");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/members", new { lid = ria })).StatusCode);
        await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        var organisation = await OrganisationAsync(Corporation);
        var sannes = await DbAsync(db => db.Involvements.Where(i => i.Bsn == story.Bsn && i.OrganisationId == organisation).Select(i => i.Id).SingleAsync());

        // The corporation ends Sanne's registration, registers Ria instead, and Sanne moves out.
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/v1/involvements/{sannes}")).StatusCode);
        await RegisterAsync(Corporation, ria.Bsn!);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/members/{story.Sanne}/end",
            new { reden = "verhuisd-onbekend" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.DoesNotContain(story.Household.ToString(), await partner.GetStringAsync("/api/v1/inkijk"));
    }

    [Fact]
    public async Task A_registration_past_its_term_registered_again_starts_anew_and_is_a_gap()
    {
        var story = await StoryAsync("Verlopen");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        var organisation = await OrganisationAsync(Corporation);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var old = await DbAsync(db => db.Involvements.Where(i => i.Bsn == story.Bsn && i.OrganisationId == organisation).Select(i => i.Id).SingleAsync());
        // The consent was recorded three days ago; the registration passed its term yesterday, and the expiry job has not run yet.
        await DbAsync(db => db.Consents.Where(c => c.HouseholdId == story.Household).ExecuteUpdateAsync(u => u.SetProperty(c => c.RecordedAt, DateTime.UtcNow.AddDays(-3))));
        await DbAsync(db => db.Involvements.Where(i => i.Id == old).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.ExpiresOn, yesterday).SetProperty(i => i.CreatedAt, DateTime.UtcNow.AddDays(-4))));

        var again = await partner.PostAsJsonAsync("/api/v1/involvements",
            new { bsn = story.Bsn, contactpersoon = "Linda Meijer", telefoon = "0900 8844", reden = "Huurachterstand, opnieuw" });

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(old, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var ended = await DbAsync(db => db.Involvements.Where(i => i.Id == old).Select(i => new { i.EndedOn, i.EndReason }).SingleAsync());
        Assert.Equal(((DateOnly?)yesterday, Involvement.ExpiredReason), (ended.EndedOn, ended.EndReason));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
    }

    [Fact]
    public async Task Consent_recorded_before_the_organisation_registers_opens_the_plan_once_it_is_involved()
    {
        var story = await StoryAsync("Eerst", involved: false);
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);

        await RegisterAsync(Corporation, story.Bsn);

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_sees_the_actions_that_belong_to_its_organisation_not_those_that_only_carry_a_like_name()
    {
        var story = await StoryAsync("Eigen");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        var corporation = await OrganisationAsync(Corporation);
        var actions = $"/api/v1/households/{story.Household}/plan/actions";

        var chosen = await coordinator.PostAsJsonAsync(actions,
            new { doelId = story.Goal, omschrijving = "Sleutel van de nieuwe woning", uitvoerder = "Organisatie", organisatieId = corporation, versie = 5 });
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var chosenId = (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(actions,
            new { doelId = story.Goal, omschrijving = "Overleg met de andere corporatie", uitvoerder = "Organisatie", naam = Corporation + " Noord", versie = 6 })).StatusCode);
        // An unknown organisation id, or an organisation's id on someone else's action, is refused and saves nothing.
        foreach (var body in new object[]
                 {
                     new { omschrijving = "Onbekend", uitvoerder = "Organisatie", organisatieId = Guid.NewGuid(), versie = 7 },
                     new { omschrijving = "Buurman", uitvoerder = "Netwerk", naam = "Buurman Kees", organisatieId = corporation, versie = 7 },
                     new { omschrijving = "Sanne zelf", uitvoerder = "Huishoudlid", persoonId = story.Sanne, organisatieId = corporation, versie = 7 },
                 })
        {
            var refused = await coordinator.PostAsJsonAsync(actions, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(PlanRules.ActionOrganisationUnknownCode, await CodeAsync(refused));
        }
        Assert.Equal(4, await DbAsync(db => db.PlanActions.CountAsync(a => a.HouseholdId == story.Household)));

        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        var view = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/inkijk/{story.Household}");
        var shown = view.GetProperty("doelen").EnumerateArray().SelectMany(g => g.GetProperty("acties").EnumerateArray()).Select(a => a.GetProperty("id").GetGuid());
        Assert.Equal([story.CorporationAction, chosenId], shown);
        var owner = await DbAsync(db => db.PlanActions.Where(a => a.Id == chosenId).Select(a => new { a.OwnerName, a.OwnerOrganisationId }).SingleAsync());
        Assert.Equal((Corporation, (Guid?)corporation), (owner.OwnerName, owner.OwnerOrganisationId));
    }

    [Fact]
    public async Task Changing_the_corporations_action_on_the_page_keeps_it_the_corporations()
    {
        var story = await StoryAsync("Bewerken");
        using var coordinator = await _app.SignedInClientAsync();
        var corporation = await OrganisationAsync(Corporation);
        var page = $"/huishoudens/{story.Household}/plan/actie/{story.CorporationAction}";

        var html = await coordinator.GetStringAsync(page);
        Assert.Matches($"<option[^>]*selected=\"selected\"[^>]*value=\"{corporation}\"|<option[^>]*value=\"{corporation}\"[^>]*selected", html);
        var saved = await TestApp.PostFormAsync(coordinator, page, new Dictionary<string, string>
        {
            ["Input.Omschrijving"] = "Huurachterstand regelen met een betalingsregeling", ["Input.DoelId"] = story.Goal.ToString(),
            ["Input.Uitvoerder"] = "Organisatie", ["Input.OrganisatieId"] = corporation.ToString(), ["Input.Naam"] = "", ["Versie"] = "5",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var owner = await DbAsync(db => db.PlanActions.Where(a => a.Id == story.CorporationAction).Select(a => new { a.Omschrijving, a.OwnerOrganisationId }).SingleAsync());
        Assert.Equal(("Huurachterstand regelen met een betalingsregeling", (Guid?)corporation), (owner.Omschrijving, owner.OwnerOrganisationId));
    }

    [Fact]
    public async Task Progress_on_another_organisations_action_or_an_action_of_another_household_is_not_found_and_changes_nothing()
    {
        var story = await StoryAsync("Actie");
        var other = await StoryAsync("AndereActie");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        await GiveAsync(coordinator, other, Corporation);
        using var partner = await _app.SignedInClientAsync(CorporationLogin);

        foreach (var action in new[] { story.ProviderAction, other.CorporationAction, Guid.NewGuid() })
        {
            var response = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{action}/voortgang", new { voortgang = "Klaar", gedaan = true });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0, await DbAsync(db => db.ActionProgress.CountAsync(p => p.HouseholdId == story.Household || p.HouseholdId == other.Household)));
        Assert.Null(await DbAsync(db => db.PlanActions.Where(a => a.Id == story.ProviderAction || a.Id == other.CorporationAction).Select(a => a.DoneOn).MaxAsync()));
    }

    [Fact]
    public async Task The_partners_api_key_looks_in_as_its_people_do()
    {
        var story = await StoryAsync("Sleutel");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        await using var scope = _app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.ApiKeys.ApiKeyService>()
            .CreateAsync(Corporation, Roles.Partner, TestApp.Gemeentecode, "test", default);
        Assert.True(created.IsValid, created.Error?.Message);
        using var key = _app.AnonymousClient();
        key.DefaultRequestHeaders.Add(Regie.Web.Features.ApiKeys.ApiKeyDefaults.Header, created.Value.Key);

        var view = await key.GetFromJsonAsync<JsonElement>($"/api/v1/inkijk/{story.Household}");
        Assert.Equal(story.CorporationAction, view.GetProperty("doelen")[0].GetProperty("acties")[0].GetProperty("id").GetGuid());
        var progress = await key.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "Via ons systeem" });
        Assert.Equal(HttpStatusCode.Created, progress.StatusCode);
    }

    [Fact]
    public async Task A_partner_of_another_municipality_sees_nothing_even_with_the_organisations_id()
    {
        var story = await StoryAsync("Gemeente");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        var organisation = await OrganisationAsync(Corporation);
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("0001", "buur-partner", "Buurgemeente partner", Roles.Partner, organisation: Corporation,
            organisationId: organisation);
        var inkijk = scope.ServiceProvider.GetRequiredService<InkijkQueries>();
        Assert.Null(await inkijk.HouseholdAsync(story.Household, default));
        Assert.Empty(await inkijk.ListAsync(default));
        var report = await scope.ServiceProvider.GetRequiredService<ReportProgressHandler>()
            .HandleAsync(story.Household, story.CorporationAction, new ProgressInput { Voortgang = "Over de grens" }, default);
        Assert.Equal(Regie.Web.Features.Shared.CommandStatus.NotFound, report.Status);
    }

    [Theory]
    [InlineData("teamleider@voorbeeld.nl")]
    [InlineData("consulent@voorbeeld.nl")]
    [InlineData("werkeninkomen@voorbeeld.nl")]
    [InlineData("beleid@voorbeeld.nl")]
    [InlineData("privacy@voorbeeld.nl")]
    public async Task No_other_role_looks_in_even_when_the_household_consented(string login)
    {
        var story = await StoryAsync("Rol" + login.Split('@')[0]);
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation);
        using var client = await _app.SignedInClientAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.CorporationAction}/voortgang", new { voortgang = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.AnonymousClient().GetAsync($"/api/v1/inkijk/{story.Household}")).StatusCode);
        Assert.Equal(0, await DbAsync(db => db.ActionProgress.CountAsync(p => p.HouseholdId == story.Household)));
    }

    [Fact]
    public async Task Only_the_care_roles_of_the_file_record_consent_and_its_rules_answer_at_the_field()
    {
        var story = await StoryAsync("Regels", involved: false);
        using var coordinator = await _app.SignedInClientAsync();
        var corporation = await OrganisationAsync(Corporation);
        var empty = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents", new { organisatieId = corporation, gegevenDoor = story.Sanne });
        Assert.Equal(ConsentRules.ScopeRequiredCode, await CodeAsync(empty));
        await GiveAsync(coordinator, story, Corporation);
        var twice = await coordinator.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents",
            new { organisatieId = corporation, reikwijdte = new[] { "berichten" }, gegevenDoor = story.Sanne });
        Assert.Equal(ConsentRules.AlreadyGivenCode, await CodeAsync(twice));

        // Another team's professional may not change this file; partners, departments and the rest never reach the consents.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var foreign = await zuid.PostAsJsonAsync($"/api/v1/households/{story.Household}/consents",
            new { organisatieId = await OrganisationAsync(Provider), reikwijdte = new[] { "inkijk" }, gegevenDoor = story.Sanne });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        foreach (var login in new[] { CorporationLogin, "werkeninkomen@voorbeeld.nl", "beleid@voorbeeld.nl", "privacy@voorbeeld.nl" })
        {
            using var client = await _app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/households/{story.Household}/consents")).StatusCode);
        }
        Assert.Equal(1, await DbAsync(db => db.Consents.CountAsync(c => c.HouseholdId == story.Household)));

        // The page, without JavaScript: the history, and a rule's message at its field.
        var token = await TestApp.AntiforgeryTokenAsync(coordinator, $"/huishoudens/{story.Household}/toestemmingen");
        var form = await coordinator.PostAsync($"/huishoudens/{story.Household}/toestemmingen", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.OrganisatieId"] = (await OrganisationAsync(Provider)).ToString(), ["Input.GegevenDoor"] = story.Sanne.ToString(), ["__RequestVerificationToken"] = token }));
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("id=\"Input_Reikwijdte-fout\">Kies waarvoor het huishouden toestemming geeft.", html);
        Assert.Contains(Corporation, html);
    }

    [Fact]
    public async Task Partner_reporting_progress_on_another_organisations_action_is_refused_and_on_record()
    {
        var story = await StoryAsync("Weigering");
        using var coordinator = await _app.SignedInClientAsync();
        await GiveAsync(coordinator, story, Corporation, "inkijk");
        using var partner = await _app.SignedInClientAsync(CorporationLogin);
        var refused = await partner.PostAsJsonAsync($"/api/v1/inkijk/{story.Household}/acties/{story.ProviderAction}/voortgang", new { voortgang = "Gedaan", gedaan = true });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var denied = Assert.Single(await AuditAsync(story.Household, AuditActions.Denied), e => e.Role == Roles.Partner && e.Resource == AuditResources.Plan);
        Assert.Equal($"inkijk: voortgang op actie {story.ProviderAction}", denied.Detail);
    }
}
