using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Households;
using Regie.Web.Features.Requests;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using static Regie.Web.Tests.Builders;

namespace Regie.Web.Tests;

/// <summary>Each test class gets its own database, so changing the municipality's triage table here touches no other test.</summary>
public sealed class RequestTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static readonly SemaphoreSlim TableLock = new(1, 1);

    private async Task<(Guid Household, Guid Parent, Guid Child)> FamilyAsync(string name)
    {
        await using var scope = _app.Scope();
        var id = (await scope.ServiceProvider.GetRequiredService<CreateHouseholdHandler>()
            .HandleAsync(Household(Member("Mila", name), Member("Sem", name, rol: "kind", geboortedatum: "01-02-2016")), default)).Value;
        var view = (await scope.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(id, default))!;
        return (id, view.Leden[0].PersonId, view.Leden[1].PersonId);
    }

    private async Task<T> With<T>(Func<RequestHandler, Task<T>> act)
    {
        await using var scope = _app.Scope();
        return await act(scope.ServiceProvider.GetRequiredService<RequestHandler>());
    }

    private async Task SetModelAsync(TriageModel model)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
        Assert.True((await scope.ServiceProvider.GetRequiredService<TriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = model.ToString() }, default)).IsOk);
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
            var (household, parent, child) = await FamilyAsync("Intake");
            var id = await RegisterAsync(household, parent, child);
            var suggestion = await With(h => h.IntakeAsync(id, new IntakeInput
            {
                Scores = { [$"{parent}:Financien"] = "2", [$"{parent}:Huisvesting"] = "2", [$"{child}:Tijdsbesteding"] = "3", [$"{child}:Justitie"] = "" },
                Versie = 0,
            }, default));
            Assert.True(suggestion.IsOk);
            Assert.Equal((CaseClass.Meervoudig, TriageRoute.Wijkteam), (suggestion.Value!.Class, suggestion.Value.Route));
            var trajectory = await With(h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Versie = 1 }, default));
            Assert.True(trajectory.IsOk);

            await using var scope = _app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var t = await db.Trajectories.SingleAsync(x => x.HouseholdId == household);
            Assert.Equal((trajectory.Value, (Guid?)id), (t.Id, t.RequestId));
            var view = (await With(h => h.GetAsync(id, default)))!;
            Assert.Equal((RequestStatus.Besloten, 3, TriageModel.TeamVoorAlles), (view.Status, view.Scores.Count, view.Werkwijze!.Value));
            var types = await db.HouseholdEvents.Where(e => e.HouseholdId == household).Select(e => e.Type).ToListAsync();
            Assert.Contains(EventTypes.RequestRegistered, types);
            Assert.Contains(EventTypes.RequestScreened, types);
            Assert.Contains(EventTypes.RequestTriaged, types);
            Assert.Contains(EventTypes.TrajectoryOpened, types);

            // A second request for the same household joins the open trajectory.
            var second = await RegisterAsync(household, child);
            await With(h => h.IntakeAsync(second, new IntakeInput { Scores = { [$"{child}:Tijdsbesteding"] = "2" }, Versie = 0 }, default));
            Assert.Equal(t.Id, (await With(h => h.DecideAsync(second, new DecisionInput { Route = "Wijkteam", Versie = 1 }, default))).Value);
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
            var (household, parent, _) = await FamilyAsync("Modellen");
            async Task<TriageRoute> Suggested(TriageModel model, bool maatwerk, params (string Domain, string Score)[] scores)
            {
                await SetModelAsync(model);
                var id = (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "Vraag", Maatwerk = maatwerk, Personen = [parent] }, default))).Value;
                var input = new IntakeInput { Versie = 0 };
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
                Assert.True((await scope.ServiceProvider.GetRequiredService<TriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = "Eigen", Routes = routes }, default)).IsOk);
                var history = await scope.ServiceProvider.GetRequiredService<TriageSettingsHandler>().HistoryAsync(default);
                Assert.Equal(TriageModel.Eigen, history[0].Model);
                Assert.True(history.Count >= 8);
            }
            var ownId = (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "Vraag", Personen = [parent] }, default))).Value;
            Assert.Equal(TriageRoute.AlgemeneVoorziening, (await With(h => h.IntakeAsync(ownId, new IntakeInput { Scores = { [$"{parent}:Financien"] = "5" } }, default))).Value!.Route);

            // Only the administrator changes the table.
            await using var s = _app.Scope();
            s.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "x", "Professional", Roles.Professional);
            Assert.Equal(CommandStatus.Forbidden, (await s.ServiceProvider.GetRequiredService<TriageSettingsHandler>().SaveAsync(new TriageSettingsInput { Model = "GeenTeam" }, default)).Status);
            await SetModelAsync(TriageModel.TeamVoorAlles);
        }
        finally { TableLock.Release(); }
    }

    [Fact]
    public async Task A_decision_against_the_suggestion_needs_a_reason_and_nothing_is_saved_without()
    {
        var (household, parent, _) = await FamilyAsync("Afwijking");
        var id = await RegisterAsync(household, parent);
        Assert.Equal(RequestHandler.NotScreenedCode, (await With(h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Versie = 0 }, default))).Errors[0].Code);
        var suggestion = (await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "4" }, Versie = 0 }, default))).Value!;
        var other = suggestion.Route == TriageRoute.Loket ? "Wijkteam" : "Loket";
        var refused = await With(h => h.DecideAsync(id, new DecisionInput { Route = other, Versie = 1 }, default));
        Assert.Equal(TriageRules.ReasonRequiredCode, Assert.Single(refused.Errors).Code);
        Assert.Equal(RequestStatus.IntakeGedaan, (await With(h => h.GetAsync(id, default)))!.Status);
        Assert.Equal(Regie.Domain.Assessment.Zrm.ScoreInvalidCode,
            (await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "9" }, Versie = 1 }, default))).Errors[0].Code);
        Assert.Equal(RequestHandler.PersonsRequiredCode,
            (await With(h => h.RegisterAsync(new RequestInput { HuishoudenId = household, Bron = "Inwoner", Omschrijving = "x", Personen = [Guid.NewGuid()] }, default))).Errors[0].Code);
        Assert.True((await With(h => h.DecideAsync(id, new DecisionInput { Route = other, Reden = "Moeder heeft al een consulent bij het loket", Versie = 1 }, default))).IsOk);
        Assert.Equal(RequestHandler.AlreadyDecidedCode, (await With(h => h.DecideAsync(id, new DecisionInput { Route = other, Reden = "nogmaals", Versie = 2 }, default))).Errors[0].Code);
    }

    [Fact]
    public async Task Two_workers_deciding_the_same_request_at_once_one_wins_and_the_other_hears_it_changed()
    {
        var (household, parent, _) = await FamilyAsync("Gelijktijdig");
        var id = await RegisterAsync(household, parent);
        await With(h => h.IntakeAsync(id, new IntakeInput { Scores = { [$"{parent}:Financien"] = "2" }, Versie = 0 }, default));
        var results = await Task.WhenAll(
            With(h => h.DecideAsync(id, new DecisionInput { Route = "Wijkteam", Reden = "team", Versie = 1 }, default)),
            With(h => h.DecideAsync(id, new DecisionInput { Route = "Loket", Reden = "loket", Versie = 1 }, default)));
        Assert.Single(results, r => r.IsOk);
        Assert.Single(results, r => r.Status is CommandStatus.Conflict || r.Errors.Any(e => e.Code == RequestHandler.AlreadyDecidedCode));
        await using var scope = _app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Trajectories.CountAsync(t => t.HouseholdId == household) <= 1);
    }

    [Fact]
    public async Task The_api_registers_screens_and_routes_a_request_with_problem_codes_on_bad_input()
    {
        var (household, parent, _) = await FamilyAsync("Api");
        using var client = await _app.SignedInClientAsync();
        var bad = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Buurman", personen = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var codes = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
        Assert.Equal([RequestHandler.SourceInvalidCode, RequestHandler.DescriptionRequiredCode, RequestHandler.PersonsRequiredCode], codes);

        var created = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Huisarts", omschrijving = "Somber, schulden", maatwerk = false, personen = new[] { parent } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var intake = await client.PutAsJsonAsync($"/api/v1/requests/{id}/intake", new { scores = new Dictionary<string, string> { [$"{parent}:GeestelijkeGezondheid"] = "2", [$"{parent}:Financien"] = "2" }, versie = 0 });
        Assert.Equal(HttpStatusCode.OK, intake.StatusCode);
        Assert.Equal("Meervoudig", (await intake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("klasse").GetString());
        var stale = await client.PostAsJsonAsync($"/api/v1/requests/{id}/triage", new { route = "Wijkteam", versie = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/requests/{id}/triage", new { route = "Wijkteam", versie = 1 })).StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal("Besloten", read.GetProperty("status").GetString());

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        var openapi = await _app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/requests/{id}/triage", openapi);
        Assert.Contains("/api/v1/households/{id}/plan/goals", openapi);
    }
}
