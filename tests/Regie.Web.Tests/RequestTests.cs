using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Requests;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Each test class gets its own database, so changing the municipality's triage table here touches no other test.</summary>
public sealed class RequestTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static readonly SemaphoreSlim TableLock = new(1, 1);

    /// <summary>Families are Mila with her son Sem, held by no team until a test says so.</summary>
    private Given Given { get; } = new(fixture.App);

    private async Task<T> With<T>(Func<RequestCalls, Task<T>> act)
    {
        await using var scope = _app.Scope();
        return await act(new RequestCalls(scope.ServiceProvider));
    }

    /// <summary>Runs a handler as a signed-in worker: a professional of a team, or the municipal desk (no team).</summary>
    private async Task<T> As<T>(string role, string? team, Func<RequestCalls, Task<T>> act)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var teamId = team is null ? (Guid?)null : await Given.TeamId(team);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, $"{role}-{team}", $"Test {role}", role, teamId);
        return await act(new RequestCalls(scope.ServiceProvider));
    }

    private async Task SetModelAsync(TriageModel model)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SaveTriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = model.ToString() }, default)).IsOk);
    }

    private async Task<Guid> RegisterAsync(Guid household, params Guid[] persons) =>
        (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "School", BronToelichting = "Basisschool De Klimop", Omschrijving = "Sem komt vaak te laat en zonder ontbijt", Personen = [.. persons] }, default))).Value;

    [Fact]
    public async Task Worker_registers_a_request_screens_it_and_routes_it_to_the_team_which_opens_the_trajectory()
    {
        await TableLock.WaitAsync();
        try
        {
            await SetModelAsync(TriageModel.TeamVoorAlles);
            var (household, parent, child) = await Given.Family("Intake", parent: "Mila", child: "Sem");
            // A Noord worker takes the request of a household nobody holds: the household becomes Noord's from there on.
            var id = (await As(Roles.Professional, "Wijkteam Noord", h => h.RegisterAsync(new RequestInput
            {
                HuishoudenId = household, Bron = "School", BronToelichting = "Basisschool De Klimop",
                Omschrijving = "Sem komt vaak te laat en zonder ontbijt", Personen = [parent, child]
            }, default))).Value;
            var suggestion = await With(h => h.IntakeAsync(id, new IntakeInput
            {
                Scores = { [$"{parent}:Financien"] = "2", [$"{parent}:Huisvesting"] = "2", [$"{child}:Tijdsbesteding"] = "3", [$"{child}:Justitie"] = "" },
                Versie = 0,
            }.Veilig(), default));
            Assert.True(suggestion.IsOk);
            Assert.Equal((CaseClass.Meervoudig, TriageRoute.Wijkteam), (suggestion.Value!.Class, suggestion.Value.Route));
            var decision = await As(Roles.Professional, "Wijkteam Noord", h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Versie = 1 }, default));
            Assert.True(decision.IsOk);
            Assert.True(decision.Value!.StillOpen);

            await using var scope = _app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var t = await db.Trajectories.SingleAsync(x => x.HouseholdId == household);
            var noord = await Given.TeamId("Wijkteam Noord");
            Assert.Equal((decision.Value.TrajectoryId, (Guid?)id, (Guid?)noord), (t.Id, t.RequestId, t.TeamId));
            // Nobody held the file: now the deciding worker's team does.
            Assert.Equal(noord, (await db.Households.SingleAsync(h => h.Id == household)).ResponsibleTeamId);
            var view = (await With(h => h.GetAsync(id, default)))!;
            Assert.Equal((RequestStatus.Besloten, 3, TriageModel.TeamVoorAlles), (view.Status, view.Scores.Count, view.Werkwijze!.Value));
            var types = await db.HouseholdEvents.Where(e => e.HouseholdId == household).Select(e => e.Type).ToListAsync();
            Assert.Contains(EventTypes.RequestRegistered, types);
            Assert.Contains(EventTypes.RequestScreened, types);
            Assert.Contains(EventTypes.RequestTriaged, types);
            Assert.Contains(EventTypes.TrajectoryOpened, types);

            // A second request for the same household joins the open trajectory.
            var second = await RegisterAsync(household, child);
            await With(h => h.IntakeAsync(second, new IntakeInput { Scores = { [$"{child}:Tijdsbesteding"] = "2" }, Versie = 0 }.Veilig(), default));
            Assert.Equal(t.Id, (await As(Roles.Professional, "Wijkteam Noord", h => h.DecideAsync(second, new DecisionInput { Route = "Wijkteam", Versie = 1 }, default))).Value!.TrajectoryId);
            Assert.Equal(1, await db.Trajectories.CountAsync(x => x.HouseholdId == household));
        }
        finally { TableLock.Release(); }
    }

    [Fact]
    public async Task Every_triage_model_configured_by_the_administrator_routes_the_intake_as_configured()
    {
        await TableLock.WaitAsync();
        try
        {
            var (household, parent, _) = await Given.Family("Modellen", parent: "Mila", child: "Sem");
            async Task<TriageRoute> Suggested(TriageModel model, bool maatwerk, params (string Domain, string Score)[] scores)
            {
                await SetModelAsync(model);
                var id = (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "Vraag", Maatwerk = maatwerk, Personen = [parent] }, default))).Value;
                var input = new IntakeInput { Versie = 0 }.Veilig();
                foreach (var (d, s) in scores) input.Scores[$"{parent}:{d}"] = s;
                return (await With(h => h.IntakeAsync(id, input, default))).Value!.Route;
            }
            Assert.Equal(TriageRoute.Wijkteam, await Suggested(TriageModel.TeamVoorAlles, false, ("Financien", "4")));
            Assert.Equal(TriageRoute.AlgemeneVoorziening, await Suggested(TriageModel.TeamVoorComplex, false, ("Financien", "2")));
            Assert.Equal(TriageRoute.Loket, await Suggested(TriageModel.TeamVoorComplex, true, ("InstrumenteleAdl", "2")));
            Assert.Equal(TriageRoute.Wijkteam, await Suggested(TriageModel.TeamVoorComplex, false, ("Financien", "2"), ("Huisvesting", "2")));
            Assert.Equal(TriageRoute.Loket, await Suggested(TriageModel.IndicatieGemeente, true, ("Financien", "2"), ("Huisvesting", "2")));
            Assert.Equal(TriageRoute.Wijkteam, await Suggested(TriageModel.IndicatieGemeente, false, ("Financien", "2")));
            Assert.Equal(TriageRoute.Loket, await Suggested(TriageModel.GeenTeam, false, ("HuiselijkeRelaties", "1")));

            // An own table: the administrator sends the no-concern requests to general provisions.
            await using (var scope = _app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
                var routes = TriageSettings.Preset(TriageModel.TeamVoorAlles).Routes.ToDictionary(r => $"{r.Key.Class}:{(r.Key.Maatwerk ? 1 : 0)}", r => (string?)r.Value.ToString());
                routes["GeenZorg:0"] = "AlgemeneVoorziening";
                Assert.True((await scope.ServiceProvider.GetRequiredService<SaveTriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = "Eigen", Routes = routes }, default)).IsOk);
                var history = await scope.ServiceProvider.GetRequiredService<TriageSettingsQueries>().HistoryAsync(default);
                Assert.Equal(TriageModel.Eigen, history[0].Model);
                // Every test of this class sets a model too, in an order xUnit does not fix: at least this one's eight.
                Assert.True(history.Count >= 8);
            }
            var ownId = (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "Vraag", Personen = [parent] }, default))).Value;
            Assert.Equal(TriageRoute.AlgemeneVoorziening, (await With(h => h.IntakeAsync(ownId, new IntakeInput { Scores = { [$"{parent}:Financien"] = "5" } }.Veilig(), default))).Value!.Route);

            // Only the administrator changes the table.
            await using var s = _app.Scope();
            s.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "x", "Professional", Roles.Professional);
            Assert.Equal(CommandStatus.Forbidden, (await s.ServiceProvider.GetRequiredService<SaveTriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = "GeenTeam" }, default)).Status);
            await SetModelAsync(TriageModel.TeamVoorAlles);
        }
        finally { TableLock.Release(); }
    }

    [Fact]
    public async Task A_decision_against_the_suggestion_needs_a_reason_and_nothing_is_saved_without()
    {
        var (household, parent, _) = await Given.Family("Afwijking", parent: "Mila", child: "Sem");
        // The team works with the household already: a household with a request that no team holds is the desk's, not every team's.
        await Given.HeldBy(household, Given.Noord);
        var id = await RegisterAsync(household, parent);
        Assert.Equal(HelpRequest.NotScreenedCode, (await With(h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Versie = 0 }, default))).Errors[0].Code);
        var suggestion = (await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "4" }, Versie = 0 }.Veilig(), default))).Value!;
        var other = suggestion.Route == TriageRoute.Loket ? "Wijkteam" : "Loket";
        var refused = await With(h => h.DecideAsync(id, new DecisionInput { Route = other, Versie = 1 }, default));
        Assert.Equal(TriageRules.ReasonRequiredCode, Assert.Single(refused.Errors).Code);
        Assert.Equal(RequestStatus.IntakeGedaan, (await With(h => h.GetAsync(id, default)))!.Status);
        Assert.Equal(Regie.Domain.Assessment.Zrm.ScoreInvalidCode,
            (await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "9" }, Versie = 1 }.Veilig(), default))).Errors[0].Code);
        Assert.Equal(HelpRequest.PersonsRequiredCode,
            (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "x", Personen = [Guid.NewGuid()] }, default))).Errors[0].Code);
        Assert.True((await As(Roles.Professional, "Wijkteam Noord", h => h.DecideAsync(id, new DecisionInput { Route = other, Reden = "Moeder heeft al een consulent bij het loket", Versie = 1 }, default))).IsOk);
        Assert.Equal(HelpRequest.AlreadyDecidedCode, (await With(h => h.DecideAsync(id, new DecisionInput { Route = other, Reden = "nogmaals", Versie = 2 }, default))).Errors[0].Code);
    }

    [Fact]
    public async Task The_municipal_desk_routes_to_the_team_only_by_naming_the_team_and_then_hands_the_file_over()
    {
        var (household, parent, _) = await Given.Family("Loket", parent: "Mila", child: "Sem");
        var id = (await As(Roles.Consulent, null, h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "Hulp bij het huishouden en de post", Maatwerk = true, Personen = [parent] }, default))).Value;
        await As(Roles.Consulent, null, h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "2", [$"{parent}:InstrumenteleAdl"] = "2" }, Versie = 0 }.Veilig(), default));
        Assert.Equal(["Wijkteam Centrum", "Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid"], (await As(Roles.Consulent, null, h => h.TeamChoicesAsync(household, default))).Select(t => t.Naam));
        Assert.Empty(await As(Roles.Professional, "Wijkteam Zuid", h => h.TeamChoicesAsync(household, default)));

        // The desk has no team of its own: routing to the team without naming one would leave the trajectory with nobody.
        var refused = await As(Roles.Consulent, null, h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Reden = "Meer aan de hand dan de vraag", Versie = 1 }, default));
        Assert.Equal(TriageRules.TeamRequiredCode, Assert.Single(refused.Errors).Code);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.False(await db.Trajectories.AnyAsync(t => t.HouseholdId == household));
            Assert.Equal(RequestStatus.IntakeGedaan, (await db.HelpRequests.SingleAsync(r => r.Id == id)).Status);
        }

        var zuid = await Given.TeamId("Wijkteam Zuid");
        var decided = await As(Roles.Consulent, null, h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Reden = "Meer aan de hand dan de vraag", Team = zuid, Versie = 1 }, default));
        Assert.True(decided.IsOk);
        Assert.False(decided.Value!.StillOpen);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal((Guid?)zuid, (await db.Trajectories.SingleAsync(t => t.HouseholdId == household)).TeamId);
            Assert.Equal(zuid, (await db.Households.SingleAsync(h => h.Id == household)).ResponsibleTeamId);
        }
        // The file is the team's now: the desk no longer opens the request, the team does.
        Assert.Null(await As(Roles.Consulent, null, h => h.GetAsync(id, default)));
        Assert.NotNull(await As(Roles.Professional, "Wijkteam Zuid", h => h.GetAsync(id, default)));
    }

    [Fact]
    public async Task The_open_list_shows_a_worker_their_own_requests_even_when_another_team_has_many_older_ones()
    {
        var (crowded, crowdedParent, _) = await Given.Family("Druk", parent: "Mila", child: "Sem");
        var (own, ownParent, _) = await Given.Family("Eigen", parent: "Mila", child: "Sem");
        var zuid = await Given.TeamId("Wijkteam Zuid");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.Households.Where(h => h.Id == crowded).ExecuteUpdateAsync(x => x.SetProperty(h => h.ResponsibleTeamId, zuid));
            var now = DateTime.UtcNow;
            db.HelpRequests.AddRange(Enumerable.Range(0, RequestQueries.MaxOpenListed + 1).Select(i => HelpRequest.Register(TestApp.Gemeentecode, crowded, RequestSource.Inwoner, null, "Oud",
                DateOnly.FromDateTime(now).AddDays(-300), false, [crowdedParent], "test", now)));
            await db.SaveChangesAsync();
        }
        var mine = (await As(Roles.Professional, "Wijkteam Noord", h => h.RegisterAsync(new RequestInput { HuishoudenId = own, Bron = "Netwerk", Omschrijving = "Buurvrouw maakt zich zorgen", Personen = [ownParent] }, default))).Value;

        var noordList = await As(Roles.Professional, "Wijkteam Noord", h => h.OpenAsync(default));
        Assert.Contains(noordList, r => r.Id == mine);
        Assert.DoesNotContain(noordList, r => r.HuishoudenId == crowded);
        var zuidList = await As(Roles.Professional, "Wijkteam Zuid", h => h.OpenAsync(default));
        Assert.Equal(RequestQueries.MaxOpenListed, zuidList.Count(r => r.HuishoudenId == crowded));
        Assert.Empty(await As(Roles.Afdeling, null, h => h.OpenAsync(default)));
    }

    [Fact]
    public async Task Departments_policy_officers_and_partners_never_reach_a_request()
    {
        var (household, parent, _) = await Given.Family("Buiten", parent: "Mila", child: "Sem");
        var id = await RegisterAsync(household, parent);
        foreach (var role in new[] { Roles.Afdeling, Roles.Beleid, Roles.Privacy, Roles.Beheerder, Roles.Partner })
        {
            Assert.Null(await As(role, null, h => h.GetAsync(id, default)));
            Assert.Empty(await As(role, null, h => h.ForHouseholdAsync(household, default)));
            Assert.False((await As(role, null, h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "x", Personen = [parent] }, default))).IsOk);
            Assert.False((await As(role, null, h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "3" } }.Veilig(), default))).IsOk);
        }
        Assert.Equal(RequestStatus.Ontvangen, (await With(h => h.GetAsync(id, default)))!.Status);
    }

    [Fact]
    public async Task The_administrator_fine_tunes_a_preset_cell_by_cell_on_the_page_and_a_new_model_with_changed_cells_is_refused()
    {
        await TableLock.WaitAsync();
        try
        {
            await SetModelAsync(TriageModel.TeamVoorComplex);
            await using var scope = _app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
            var handler = scope.ServiceProvider.GetRequiredService<SaveTriageSettingsHandler>();
            var queries = scope.ServiceProvider.GetRequiredService<TriageSettingsQueries>();
            Dictionary<string, string?> Shown(TriageSettings t) => t.Routes.ToDictionary(r => TriageRules.CellKey(r.Key.Class, r.Key.Maatwerk), r => (string?)r.Value.ToString());

            // The page posts the model it showed and every cell; one changed cell makes an own table from the preset.
            var form = Shown(await queries.CurrentAsync(default));
            form["Enkelvoudig:0"] = "Wijkteam";
            var saved = await handler.SaveFromFormAsync(new TriageSettingsInput { Model = "TeamVoorComplex", Routes = form }, default);
            Assert.Equal(TriageModel.Eigen, saved.Value!.Model);
            Assert.Equal(TriageRoute.Wijkteam, saved.Value.RouteFor(CaseClass.Enkelvoudig, false));
            Assert.Equal(TriageRoute.Loket, saved.Value.RouteFor(CaseClass.Enkelvoudig, true));

            // Another model and a changed cell at once: refused, the table stays as it was.
            form = Shown(await queries.CurrentAsync(default));
            form["GeenZorg:1"] = "AlgemeneVoorziening";
            var refused = await handler.SaveFromFormAsync(new TriageSettingsInput { Model = "GeenTeam", Routes = form }, default);
            Assert.Equal(TriageRules.ModelAndCellsChangedCode, Assert.Single(refused.Errors).Code);
            Assert.Equal(TriageModel.Eigen, (await queries.CurrentAsync(default)).Model);

            // Another model with the cells as shown: its preset applies.
            var preset = await handler.SaveFromFormAsync(new TriageSettingsInput { Model = "GeenTeam", Routes = Shown(await queries.CurrentAsync(default)) }, default);
            Assert.Equal((TriageModel.GeenTeam, TriageRoute.Loket), (preset.Value!.Model, preset.Value.RouteFor(CaseClass.Acuut, false)));
            await SetModelAsync(TriageModel.TeamVoorAlles);
        }
        finally { TableLock.Release(); }
    }

    [Fact]
    public async Task Two_workers_deciding_the_same_request_at_once_one_wins_and_the_other_hears_it_changed()
    {
        var (household, parent, _) = await Given.Family("Gelijktijdig", parent: "Mila", child: "Sem");
        // The team works with the household already: a household with a request that no team holds is the desk's, not every team's.
        await Given.HeldBy(household, Given.Noord);
        var id = await RegisterAsync(household, parent);
        await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "2" }, Versie = 0 }.Veilig(), default));
        var results = await Task.WhenAll(
            As(Roles.Professional, "Wijkteam Noord", h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Reden = "team", Versie = 1 }, default)),
            As(Roles.Professional, "Wijkteam Noord", h => h.DecideAsync(id, new DecisionInput { Route = "Loket", Reden = "loket", Versie = 1 }, default)));
        Assert.Single(results, r => r.IsOk);
        Assert.Single(results, r => r.Status is CommandStatus.Conflict || r.Errors.Any(e => e.Code == HelpRequest.AlreadyDecidedCode));
        await using var scope = _app.Scope();
        // Only the route to the team opens a trajectory: one when that decision won, none when the desk's did.
        Assert.Equal(results[0].IsOk ? 1 : 0, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Trajectories.CountAsync(t => t.HouseholdId == household));
    }

    [Fact]
    public async Task The_api_registers_screens_and_routes_a_request_with_problem_codes_on_bad_input()
    {
        var (household, parent, _) = await Given.Family("Api", parent: "Mila", child: "Sem");
        using var client = await _app.SignedInClientAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Buurman", personen = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var codes = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
        Assert.Equal([HelpRequest.SourceInvalidCode, HelpRequest.DescriptionRequiredCode, HelpRequest.PersonsRequiredCode], codes);

        var created = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Huisarts", omschrijving = "Somber, schulden", maatwerk = false, personen = new[] { parent } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var intake = await client.PutAsJsonAsync($"/api/v1/requests/{id}/intake", new { scores = new Dictionary<string, string> { [$"{parent}:GeestelijkeGezondheid"] = "2", [$"{parent}:Financien"] = "2" }, veiligheid = Intakes.NoSignals(), veiligheidOordeel = "Veilig", versie = 0 });
        Assert.Equal(HttpStatusCode.OK, intake.StatusCode);
        Assert.Equal("Meervoudig", (await intake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("klasse").GetString());
        var stale = await client.PostAsJsonAsync($"/api/v1/requests/{id}/triage", new { route = "Wijkteam", versie = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/requests/{id}/triage", new { route = "Wijkteam", versie = 1 })).StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal("Besloten", read.GetProperty("status").GetString());

        // The desk (no team of its own) names the team through the API as well.
        var (deskHousehold, deskParent, _) = await Given.Family("ApiLoket", parent: "Mila", child: "Sem");
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var deskCreated = await desk.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = deskHousehold, bron = "Vroegsignaal", omschrijving = "Energieachterstand", personen = new[] { deskParent } });
        var deskId = (await deskCreated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await desk.PutAsJsonAsync($"/api/v1/requests/{deskId}/intake", new { scores = new Dictionary<string, string> { [$"{deskParent}:Financien"] = "1" }, veiligheid = Intakes.NoSignals(), veiligheidOordeel = "Veilig", versie = 0 })).StatusCode);
        var noTeam = await desk.PostAsJsonAsync($"/api/v1/requests/{deskId}/triage", new { route = "Wijkteam", versie = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noTeam.StatusCode);
        Assert.Equal(TriageRules.TeamRequiredCode, (await noTeam.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var withTeam = await desk.PostAsJsonAsync($"/api/v1/requests/{deskId}/triage", new { route = "Wijkteam", team = await Given.TeamId("Wijkteam Noord"), versie = 1 });
        Assert.Equal(HttpStatusCode.OK, withTeam.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await withTeam.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trajectId").ValueKind);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        var openapi = await _app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/requests/{id}/triage", openapi);
        Assert.Contains("/api/v1/households/{id}/plan/goals", openapi);
    }
}

/// <summary>The request use cases under the names these tests call them by.</summary>
internal sealed class RequestCalls(IServiceProvider services)
{
    private RequestQueries Queries => services.GetRequiredService<RequestQueries>();
    public Task<CommandResult<Guid>> RegisterAsync(RequestInput input, CancellationToken ct) => services.GetRequiredService<RegisterRequestHandler>().HandleAsync(input, ct);
    public Task<CommandResult<TriageSuggestion>> IntakeAsync(Guid id, IntakeInput input, CancellationToken ct) => services.GetRequiredService<RecordIntakeHandler>().HandleAsync(id, input, ct);
    public Task<CommandResult<TriageDecision>> DecideAsync(Guid id, DecisionInput input, CancellationToken ct) => services.GetRequiredService<DecideTriageHandler>().HandleAsync(id, input, ct);
    public Task<RequestView?> GetAsync(Guid id, CancellationToken ct) => Queries.GetAsync(id, ct);
    public Task<IReadOnlyList<TeamChoice>> TeamChoicesAsync(Guid householdId, CancellationToken ct) => Queries.TeamChoicesAsync(householdId, ct);
    public Task<IReadOnlyList<OpenRequest>> ForHouseholdAsync(Guid householdId, CancellationToken ct) => Queries.ForHouseholdAsync(householdId, ct);
    public Task<IReadOnlyList<OpenRequest>> OpenAsync(CancellationToken ct) => Queries.OpenAsync(ct);
}
