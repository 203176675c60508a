using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Coordination;
using Regie.Web.Features.Households;
using Regie.Web.Features.Involvements;
using Regie.Web.Features.Referrals;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Team;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

public sealed class ReferralTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Staff(string Id, string Name, Guid? TeamId);

    private async Task<Staff> StaffAsync(string email)
    {
        await using var scope = _app.Scope();
        var u = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(x => x.Email == email).Select(x => new { x.Id, x.DisplayName, x.TeamId }).SingleAsync();
        return new Staff(u.Id, u.DisplayName, u.TeamId);
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A scope acting as a demo professional, exactly as their session would.</summary>
    private AsyncServiceScope As(Staff staff, string role = Roles.Professional)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, staff.Id, staff.Name, role, staff.TeamId);
        return scope;
    }

    private AsyncServiceScope AsProvider(Guid organisation, string name)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "aanbieder-" + name, "Medewerker " + name, Roles.Partner,
            organisation: name, organisationId: organisation);
        return scope;
    }

    /// <summary>A household coordinated by <paramref name="coordinatorEmail"/>, with a plan and one goal.</summary>
    private async Task<(Guid Household, Guid Person, Guid Goal)> PlannedAsync(string name, string coordinatorEmail = "regisseur@voorbeeld.nl")
    {
        var (id, person, goal) = await new Given(_app).HouseholdWithPlanAndGoal(name, "Ella", coordinator: coordinatorEmail,
            goal: Given.Goal("HuiselijkeRelaties", what: "Rust in huis", measurable: "Vaste afspraken over de kinderen", who: "Ella", days: 90));
        return (id, person, goal);
    }

    private static ReferralInput Referral(Guid person, Guid goal, Guid provider, bool consent = true) => new()
    {
        PersoonId = person, DoelId = goal, OrganisatieId = provider, Dienst = "Opvoedspreekuur", Soort = "algemeen",
        Vraag = "Ella wil hulp bij ruzies over bedtijden. Kunt u een gesprek plannen?", Toestemming = consent,
    };

    private async Task<List<HouseholdEvent>> EventsAsync(Guid household)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents.Where(e => e.HouseholdId == household && e.Type.StartsWith("referral.") || e.HouseholdId == household && e.Type.StartsWith("support."))
            .OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Provider_accepts_and_finishes_a_referral_and_the_coordinator_sees_the_feedback()
    {
        var (household, person, goal) = await PlannedAsync("Lus");
        var fatima = await StaffAsync("regisseur@voorbeeld.nl");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");

        Guid id;
        await using (var scope = As(fatima))
        {
            var handler = new ReferralCalls(scope.ServiceProvider);
            var refused = await handler.SendAsync(household, Referral(person, goal, brug, consent: false), default);
            Assert.Equal([ReferralRules.ConsentRequiredCode], refused.Errors.Select(e => e.Code));
            var sent = await handler.SendAsync(household, Referral(person, goal, brug), default);
            Assert.True(sent.IsOk, string.Join(", ", sent.Errors.Select(e => e.Code)));
            id = sent.Value;
        }
        await using (var scope = _app.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.CountAsync(r => r.HouseholdId == household));

        await using (var provider = AsProvider(brug, "Zorgaanbieder De Brug"))
        {
            var handler = new ReferralCalls(provider.ServiceProvider);
            var incoming = (await handler.IncomingAsync("Verstuurd", default)).Value!.Single(r => r.Id == id);
            Assert.Equal(("Ella " + "Lus", ReferralStatus.Verstuurd, "Fatima Bouzid", "Wijkteam Noord"), (incoming.Persoon, incoming.Status, incoming.Verwijzer, incoming.Team));
            Assert.Equal(Today.AddDays(14), incoming.Opvolgdatum);
            // The provider heard of it in its organisation's inbox, without anything of the file.
            var news = await InboxModel.InboxQuery(provider.ServiceProvider.GetRequiredService<RegieDbContext>(), provider.ServiceProvider.GetRequiredService<CurrentUser>())
                .Where(n => n.Title == "Nieuwe verwijzing: Opvoedspreekuur").Select(n => n.Body).ToListAsync();
            // Other tests of this class refer to De Brug for the same service: the inbox holds theirs too.
            Assert.NotEmpty(news);
            Assert.All(news, b => Assert.DoesNotContain("Ella", b, StringComparison.Ordinal));
            Assert.True((await handler.StepAsync(id, new ReferralStepInput { Status = "Geaccepteerd", Versie = 1 }, default)).IsOk);
            // A second screen with the old version does not overwrite.
            Assert.Equal(CommandStatus.Conflict, (await handler.StepAsync(id, new ReferralStepInput { Status = "Afgewezen", Reden = "Vol", Versie = 1 }, default)).Status);
            Assert.Equal([ReferralRules.TransitionInvalidCode], (await handler.StepAsync(id, new ReferralStepInput { Status = "Afgerond", Terugkoppeling = "x", Versie = 2 }, default)).Errors.Select(e => e.Code));
            Assert.True((await handler.StepAsync(id, new ReferralStepInput { Status = "Gestart", Versie = 2 }, default)).IsOk);
            Assert.Equal([ReferralRules.FeedbackRequiredCode], (await handler.StepAsync(id, new ReferralStepInput { Status = "Afgerond", Versie = 3 }, default)).Errors.Select(e => e.Code));
            Assert.Equal([ReferralRules.NotForProviderCode], (await handler.StepAsync(id, new ReferralStepInput { Status = "Ingetrokken", Versie = 3 }, default)).Errors.Select(e => e.Code));
            Assert.True((await handler.StepAsync(id, new ReferralStepInput { Status = "Afgerond", Terugkoppeling = "Drie gesprekken; vaste bedtijden werken.", Versie = 3 }, default)).IsOk);
        }

        await using (var scope = As(fatima))
        {
            var view = (await new ReferralCalls(scope.ServiceProvider).ForHouseholdAsync(household, default))!.Single();
            Assert.Equal((ReferralStatus.Afgerond, "Drie gesprekken; vaste bedtijden werken.", false), (view.Status, view.Terugkoppeling, view.EigenWerkgever));
            Assert.Equal([ReferralStatus.Verstuurd, ReferralStatus.Geaccepteerd, ReferralStatus.Gestart, ReferralStatus.Afgerond], view.Stappen.Select(s => s.Status));
            Assert.Equal("Zorgaanbieder De Brug", view.Stappen[1].Organisatie);
            var inbox = await InboxModel.InboxQuery(scope.ServiceProvider.GetRequiredService<RegieDbContext>(), scope.ServiceProvider.GetRequiredService<CurrentUser>())
                .Where(n => n.Title.StartsWith("Verwijzing")).Select(n => new { n.Title, n.Body }).ToListAsync();
            Assert.Contains(inbox, n => n.Title.StartsWith("Verwijzing geaccepteerd", StringComparison.Ordinal) && n.Body.Contains("Ella Lus", StringComparison.Ordinal));
            Assert.Contains(inbox, n => n.Title.StartsWith("Verwijzing afgerond", StringComparison.Ordinal) && n.Body.Contains("vaste bedtijden werken", StringComparison.Ordinal));
        }

        // The monitor's contract: the types in order and exactly the documented Data.
        var events = await EventsAsync(household);
        Assert.Equal([EventTypes.ReferralSent, EventTypes.ReferralAccepted, EventTypes.ReferralStarted, EventTypes.ReferralFinished], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(person, e.PersonId));
        var sentData = JsonDocument.Parse(events[0].Data!).RootElement;
        Assert.Equal(["verwijzing", "organisatie", "dienst", "soort", "eigenWerkgever"], sentData.EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, brug, JsonValueKind.Null, "algemeen", false), (sentData.GetProperty("verwijzing").GetGuid(), sentData.GetProperty("organisatie").GetGuid(),
            sentData.GetProperty("dienst").ValueKind, sentData.GetProperty("soort").GetString(), sentData.GetProperty("eigenWerkgever").GetBoolean()));
        Assert.All(events.Skip(1), e => Assert.Equal($"{{\"verwijzing\":\"{id}\"}}", e.Data));

        using var coordinator = await _app.SignedInClientAsync();
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{household}/plan"));
        Assert.Contains("Terugkoppeling: Drie gesprekken; vaste bedtijden werken.", page);
        Assert.Contains("Verwijzing afgerond", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/inbox")));
    }

    [Fact]
    public async Task A_seconded_professional_referring_to_the_provider_that_employs_them_is_marked()
    {
        var (household, person, goal) = await PlannedAsync("Eigenwerk", "regisseur.zuid@voorbeeld.nl");
        var koen = await StaffAsync("regisseur.zuid@voorbeeld.nl");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        var corporation = await OrganisationAsync("Woningcorporatie Thuis");
        await using (var scope = As(koen))
        {
            var handler = new ReferralCalls(scope.ServiceProvider);
            Assert.True((await handler.SendAsync(household, Referral(person, goal, brug), default)).IsOk);
            Assert.True((await handler.SendAsync(household, Referral(person, goal, corporation), default)).IsOk);
            var list = (await handler.ForHouseholdAsync(household, default))!;
            Assert.True(list.Single(r => r.OrganisatieId == brug).EigenWerkgever);
            Assert.False(list.Single(r => r.OrganisatieId == corporation).EigenWerkgever);
        }
        var sent = (await EventsAsync(household)).Where(e => e.Type == EventTypes.ReferralSent)
            .Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("eigenWerkgever").GetBoolean()).ToList();
        Assert.Equal([true, false], sent);
        using var client = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Contains("Eigen werkgever van de verwijzer", await client.GetStringAsync($"/huishoudens/{household}/verwijzingen"));
    }

    [Fact]
    public async Task A_provider_no_longer_sees_the_contact_details_of_someone_who_left_the_household()
    {
        var (household, person, goal) = await PlannedAsync("Verhuist");
        var fatima = await StaffAsync("regisseur@voorbeeld.nl");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        Guid id;
        await using (var scope = As(fatima))
            id = (await new ReferralCalls(scope.ServiceProvider).SendAsync(household, Referral(person, goal, brug), default)).Value;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var p = await db.Persons.SingleAsync(x => x.Id == person);
            p.ChangeContact("0611112222", "ella@voorbeeld.nl", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await using (var provider = AsProvider(brug, "Zorgaanbieder De Brug"))
        {
            var before = (await new ReferralCalls(provider.ServiceProvider).ForProviderAsync(id, default))!;
            Assert.Equal(("0611112222", "ella@voorbeeld.nl"), (before.Telefoon, before.Email));
        }

        // Ella moves to a household Zuid holds, and gives Zuid her new number.
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            var target = await new Given(_app).Household(Member("Nieuw", "Adres"));
            Assert.True((await sp.GetRequiredService<MovePersonHandler>().HandleAsync(person, new MovePersonInput { NaarHuishoudenId = target, Rol = "ouder" }, default)).IsOk);
            var db = sp.GetRequiredService<RegieDbContext>();
            (await db.Households.SingleAsync(h => h.Id == target)).HandOverTo((await StaffAsync("regisseur.zuid@voorbeeld.nl")).TeamId);
            var ella = await db.Persons.SingleAsync(x => x.Id == person);
            ella.ChangeContact("0633334444", ella.Email, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await using (var provider = AsProvider(brug, "Zorgaanbieder De Brug"))
        {
            var after = (await new ReferralCalls(provider.ServiceProvider).ForProviderAsync(id, default))!;
            Assert.Equal(((string?)null, (string?)null, "—"), (after.Telefoon, after.Email, after.Adres));
            Assert.Equal("Ella Verhuist", after.Persoon);
        }
    }

    private async Task<string> KeyAsync(string organisation)
    {
        await using var scope = _app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(organisation, Roles.Partner, TestApp.Gemeentecode, "test", default)).Value.Key;
    }

    private HttpClient KeyClient(string key)
    {
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
        return client;
    }

    [Fact]
    public async Task Provider_system_answers_referrals_through_the_api_with_its_organisations_key()
    {
        var (household, person, goal) = await PlannedAsync("Api");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        using var team = await _app.SignedInClientAsync();
        var refused = await team.PostAsJsonAsync($"/api/v1/households/{household}/referrals", new { persoonId = person, doelId = goal, organisatieId = brug, dienst = "Gezinsbegeleiding", vraag = "Hulp thuis" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(ReferralRules.ConsentRequiredCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var created = await team.PostAsJsonAsync($"/api/v1/households/{household}/referrals",
            new { persoonId = person, doelId = goal, organisatieId = brug, dienst = "Gezinsbegeleiding", soort = "maatwerk", vraag = "Hulp thuis", toestemming = true, opvolgdatum = InDays(7) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var provider = KeyClient(await KeyAsync("Zorgaanbieder De Brug"));
        var open = await provider.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=sent");
        var mine = open.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(("Ella Api", "Hulp thuis", "Fatima Bouzid"), (mine.GetProperty("persoon").GetString(), mine.GetProperty("vraag").GetString(), mine.GetProperty("verwijzer").GetString()));
        // What a provider needs, nothing of the file.
        Assert.False(mine.TryGetProperty("doelId", out _));
        Assert.False(mine.TryGetProperty("bsn", out _));

        var declined = await provider.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "declined", versie = 1 });
        Assert.Equal(ReferralRules.DeclineReasonRequiredCode, (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "accepted", versie = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "started", versie = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "started", versie = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "finished", terugkoppeling = "Gezin redt het weer", versie = 3 })).StatusCode);
        var one = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}");
        Assert.Equal("Afgerond", one.GetProperty("status").GetString());

        var teamView = await team.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/referrals");
        Assert.Equal("Gezin redt het weer", teamView[0].GetProperty("terugkoppeling").GetString());
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        // Provider reads are recorded like other sensitive reads, under the key's organisation.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Resource == Regie.Web.Features.Audit.AuditResources.Referral && a.Action == "read" && a.HouseholdId == household && a.Organisation == "Zorgaanbieder De Brug"));
    }

    [Fact]
    public async Task A_provider_never_sees_or_changes_another_organisations_referrals()
    {
        var (household, person, goal) = await PlannedAsync("Afgeschermd");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        Guid id;
        await using (var scope = As(await StaffAsync("regisseur@voorbeeld.nl")))
            id = (await new ReferralCalls(scope.ServiceProvider).SendAsync(household, Referral(person, goal, brug), default)).Value;

        using var other = KeyClient(await KeyAsync("Woningcorporatie Thuis"));
        Assert.DoesNotContain(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/referrals") ?? [], r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/referrals/{id}/status", new { status = "accepted", versie = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/households/{household}/referrals")).StatusCode);

        using var otherUser = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.GetAsync($"/verwijzingen/{id}")).StatusCode);
        Assert.DoesNotContain("Ella Afgeschermd", await otherUser.GetStringAsync("/verwijzingen"));
        using var own = await _app.SignedInClientAsync("aanbieder@voorbeeld.nl");
        Assert.Contains("Ella Afgeschermd", await own.GetStringAsync("/verwijzingen"));

        await using var check = _app.Scope();
        var referral = await check.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.SingleAsync(r => r.Id == id);
        Assert.Equal((ReferralStatus.Verstuurd, 1), (referral.Status, referral.Version));
    }

    [Fact]
    public async Task Overdue_referrals_are_flagged_to_the_coordinator_and_the_team_lead()
    {
        var (household, person, goal) = await PlannedAsync("Telaat");
        var (waiting, waitingPerson, waitingGoal) = await PlannedAsync("Optijd");
        var fatima = await StaffAsync("regisseur@voorbeeld.nl");
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        Guid late;
        await using (var scope = As(fatima))
        {
            var handler = new ReferralCalls(scope.ServiceProvider);
            late = (await handler.SendAsync(household, Referral(person, goal, brug), default)).Value;
            Assert.True((await handler.SendAsync(waiting, Referral(waitingPerson, waitingGoal, brug), default)).IsOk);
            await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.Where(r => r.Id == late)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FollowUpOn, Today.AddDays(-1)));
        }
        async Task<(int Mine, bool Stuck)> FlagsAsync(Guid h)
        {
            await using var scope = As(fatima);
            var mine = (await scope.ServiceProvider.GetRequiredService<CoordinationQueries>().MineAsync(default)).Single(x => x.Id == h).OverdueReferrals;
            await using var lead = As(await StaffAsync("teamleider@voorbeeld.nl"), Roles.Teamleider);
            var stuck = (await lead.ServiceProvider.GetRequiredService<StuckHouseholdsQuery>().ListAsync(null, default))
                .Any(x => x.Id == h && x.Redenen.Contains(Domain.Care.StuckReason.VerwijzingTeLaat));
            return (mine, stuck);
        }
        Assert.Equal((1, true), await FlagsAsync(household));
        Assert.Equal((0, false), await FlagsAsync(waiting));
        using var client = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        Assert.Contains("Verwijzing over de opvolgdatum", await client.GetStringAsync("/team/signalering?team=alle"));

        // Accepted is still overdue until the provider starts.
        await using (var provider = AsProvider(brug, "Zorgaanbieder De Brug"))
        {
            var handler = new ReferralCalls(provider.ServiceProvider);
            Assert.True((await handler.StepAsync(late, new ReferralStepInput { Status = "accepted", Versie = 1 }, default)).IsOk);
            Assert.Equal((1, true), await FlagsAsync(household));
            Assert.True((await handler.StepAsync(late, new ReferralStepInput { Status = "started", Versie = 2 }, default)).IsOk);
        }
        Assert.Equal((0, false), await FlagsAsync(household));
    }

    [Fact]
    public async Task Team_tracks_a_provider_without_an_account_and_withdraws_a_referral()
    {
        var (household, person, goal) = await PlannedAsync("Zonderaccount");
        var fatima = await StaffAsync("regisseur@voorbeeld.nl");
        await using var scope = As(fatima);
        var handler = new ReferralCalls(scope.ServiceProvider);
        var input = Referral(person, goal, Guid.Empty);
        input.OrganisatieId = null;
        Assert.Equal([ReferralRules.ProviderRequiredCode], (await handler.SendAsync(household, input, default)).Errors.Select(e => e.Code));
        input.Aanbieder = "Buurtvereniging Molenwijk";
        var id = (await handler.SendAsync(household, input, default)).Value;
        Assert.True((await handler.StepAsync(id, new ReferralStepInput { Status = "Geaccepteerd", Versie = 1 }, default, household)).IsOk);
        Assert.True((await handler.StepAsync(id, new ReferralStepInput { Status = "Ingetrokken", Reden = "Inwoner wil het toch zelf regelen", Versie = 2 }, default, household)).IsOk);
        var view = (await handler.ForHouseholdAsync(household, default))!.Single();
        Assert.Equal((ReferralStatus.Ingetrokken, "Buurtvereniging Molenwijk", false), (view.Status, view.Aanbieder, view.AanbiederHeeftAccount));
        Assert.Equal(EventTypes.ReferralWithdrawn, (await EventsAsync(household)).Last().Type);

        // Withdrawn from a provider with an account: it keeps the fact, not the question or how to reach the resident.
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        var toBrug = (await handler.SendAsync(household, Referral(person, goal, brug), default)).Value;
        Assert.Equal([LightSupportRules.PersonNotMemberCode], (await scope.ServiceProvider.GetRequiredService<StartLightSupportHandler>().HandleAsync(household,
            new LightSupportInput { DoelId = goal, PersoonId = Guid.NewGuid(), Omschrijving = "x", Einddatum = InDays(7), OrganisatieId = brug }, default)).Errors.Select(e => e.Code));
        Assert.True((await handler.StepAsync(toBrug, new ReferralStepInput { Status = "withdrawn", Versie = 1 }, default)).IsOk);
        await using var provider = AsProvider(brug, "Zorgaanbieder De Brug");
        var seen = (await new ReferralCalls(provider.ServiceProvider).ForProviderAsync(toBrug, default))!;
        Assert.Equal((ReferralStatus.Ingetrokken, "Ella Zonderaccount", "—", null), (seen.Status, seen.Persoon, seen.Adres, seen.Telefoon));
        Assert.DoesNotContain("ruzies", seen.Vraag);
    }

    [Fact]
    public async Task Coordinator_starts_light_support_at_once_within_the_municipalitys_limits()
    {
        var (household, person, goal) = await PlannedAsync("Licht");
        var fatima = await StaffAsync("regisseur@voorbeeld.nl");
        var stichting = await OrganisationAsync("Stichting Sociaal Werk Voorbeeld");
        LightSupportInput Input(int weeks) => new()
        {
            DoelId = goal, PersoonId = person, Omschrijving = "Wekelijks samen de post doornemen", Soort = "Administratie",
            Einddatum = InDays(weeks * 7), OrganisatieId = stichting,
        };
        Guid id;
        await using (var scope = As(fatima))
        {
            var handler = scope.ServiceProvider.GetRequiredService<StartLightSupportHandler>();
            var end = scope.ServiceProvider.GetRequiredService<EndLightSupportHandler>();
            Assert.Equal([LightSupportRules.TooLongCode], (await handler.HandleAsync(household, Input(14), default)).Errors.Select(e => e.Code));
            var started = await handler.HandleAsync(household, Input(13), default);
            Assert.True(started.IsOk, string.Join(", ", started.Errors.Select(e => e.Code)));
            id = started.Value;
            Assert.Equal([LightSupportRules.OutcomeRequiredCode], (await end.HandleAsync(household, id, new LightSupportEndInput { Versie = 1 }, default)).Errors.Select(e => e.Code));
            Assert.True((await end.HandleAsync(household, id, new LightSupportEndInput { Uitkomst = "Post is bij", Versie = 1 }, default)).IsOk);
            Assert.Equal([LightSupportRules.AlreadyEndedCode], (await end.HandleAsync(household, id, new LightSupportEndInput { Uitkomst = "x", Versie = 2 }, default)).Errors.Select(e => e.Code));
        }
        var events = await EventsAsync(household);
        Assert.Equal([EventTypes.SupportStarted, EventTypes.SupportEnded], events.Select(e => e.Type));
        Assert.Equal(JsonSerializer.Serialize(new { interventie = id, aanbieder = "Stichting Sociaal Werk Voorbeeld", eind = DateTime.UtcNow.AddDays(91).ToString("yyyy-MM-dd") }), events[0].Data);
        Assert.Equal($"{{\"interventie\":\"{id}\"}}", events[1].Data);

        using var coordinator = await _app.SignedInClientAsync();
        Assert.Contains("Wekelijks samen de post doornemen", WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{household}/plan")));
        var pdf = string.Join(" ", PdfText.Pages(await coordinator.GetByteArrayAsync($"/huishoudens/{household}/plan.pdf")));
        Assert.Contains("Lichte ondersteuning: Wekelijks samen de post doornemen", pdf);

        // The municipality switches it off: a start is refused with its code, through the API too.
        await using (var admin = _app.Scope("Beheerder"))
        {
            var current = await admin.ServiceProvider.GetRequiredService<LightSupportQueries>().SettingsAsync(default);
            Assert.True(current.Standaard);
            Assert.True((await admin.ServiceProvider.GetRequiredService<SaveLightSupportSettingsHandler>().HandleAsync(new LightSupportSettingsInput { Toegestaan = false, MaxWeken = 13, Soorten = ["Administratie"], Opvolgdagen = 10, Versie = 0 }, default)).IsOk);
        }
        try
        {
            var refused = await coordinator.PostAsJsonAsync($"/api/v1/households/{household}/light-support",
                new { doelId = goal, omschrijving = "Opvoedgesprekken", einddatum = InDays(7), organisatieId = stichting });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(LightSupportRules.NotAllowedCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            // The follow-up term of new referrals comes from the same settings.
            await using var scope = As(fatima);
            var sent = await new ReferralCalls(scope.ServiceProvider).SendAsync(household, Referral(person, goal, stichting), default);
            Assert.Equal(Today.AddDays(10), (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.SingleAsync(r => r.Id == sent.Value)).FollowUpOn);
        }
        finally
        {
            await using var admin = _app.Scope("Beheerder");
            Assert.True((await admin.ServiceProvider.GetRequiredService<SaveLightSupportSettingsHandler>().HandleAsync(
                new LightSupportSettingsInput { Toegestaan = true, MaxWeken = 13, Soorten = [.. LightSupportRules.AllKinds.Select(k => k.ToString())], Opvolgdagen = 14, Versie = 1 }, default)).IsOk);
        }
    }
}

/// <summary>The referral use cases and reads of one scope, under the names the tests read best.</summary>
internal sealed class ReferralCalls(IServiceProvider services)
{
    public Task<CommandResult<Guid>> SendAsync(Guid household, ReferralInput input, CancellationToken ct) =>
        services.GetRequiredService<SendReferralHandler>().HandleAsync(household, input, ct);

    public Task<CommandResult<int>> StepAsync(Guid referral, ReferralStepInput input, CancellationToken ct, Guid? household = null) =>
        services.GetRequiredService<StepReferralHandler>().HandleAsync(referral, input, ct, household);

    public Task<CommandResult<IReadOnlyList<ProviderReferralView>>> IncomingAsync(string? status, CancellationToken ct) =>
        services.GetRequiredService<IncomingReferralQueries>().IncomingAsync(status, ct);

    public Task<ProviderReferralView?> ForProviderAsync(Guid referral, CancellationToken ct) =>
        services.GetRequiredService<IncomingReferralQueries>().ForProviderAsync(referral, ct);

    public Task<IReadOnlyList<ReferralView>?> ForHouseholdAsync(Guid household, CancellationToken ct) =>
        services.GetRequiredService<ReferralQueries>().ForHouseholdAsync(household, ct);
}
