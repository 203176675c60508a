using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Budget;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Monitor;
using Regie.Web.Features.Plans;
using Regie.Web.Infrastructure;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>Reads and changes that used to leave no trace: each is one exact entry in the audit trail now, a list read one entry with its count.</summary>
public sealed class AuditCoverageTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<List<AuditEntry>> TrailSinceAsync(long after)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<long> LastAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static void Single(List<AuditEntry> trail, string action, string resource, string actor, string? detail, Guid? household = null)
    {
        var entry = Assert.Single(trail, e => e.Resource == resource && e.Action == action);
        Assert.Equal((action, resource, actor, detail, household), (entry.Action, entry.Resource, entry.ActorName, entry.Detail, entry.HouseholdId));
    }

    private AsyncServiceScope As(string role, string name)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "test-" + role, name, role);
        return scope;
    }

    /// <summary>A household of Wijkteam Noord with a plan (and so a trajectory) and one open application.</summary>
    private async Task<Guid> HouseholdAsync(string name)
    {
        var (household, person) = await new Given(_app).HouseholdWithActivePlan(name, "Spoor", team: Given.Noord);
        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var application = await sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(new ApplicationInput
        {
            PersoonId = person, Kader = "Wmo2015", Gevraagd = "Huishoudelijke hulp", Aanvraagdatum = DateTime.UtcNow.ToString("dd-MM-yyyy"),
        }, default);
        Assert.True(application.IsOk, string.Join(", ", application.Errors.Select(e => e.Code)));
        return household;
    }

    [Fact]
    public async Task Reading_the_trajectories_and_light_support_through_the_api_is_on_record_once_per_list_and_the_plan_page_stays_one_read()
    {
        var household = await HouseholdAsync("Trajectlijst");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var before = await LastAsync();
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/api/v1/households/{household}/trajectories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/api/v1/households/{household}/light-support")).StatusCode);
        var trail = await TrailSinceAsync(before);
        Single(trail, AuditActions.Read, AuditResources.Trajectory, "Fatima Bouzid", "trajecten (1)", household);
        Single(trail, AuditActions.Read, AuditResources.LightSupport, "Fatima Bouzid", "lichte ondersteuning (0)", household);
        Assert.Equal(2, trail.Count);

        // The plan page shows both as part of the plan, whose read is recorded once.
        before = await LastAsync();
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/huishoudens/{household}/plan")).StatusCode);
        Assert.DoesNotContain(await TrailSinceAsync(before), e => e.Resource is AuditResources.Trajectory or AuditResources.LightSupport);

        // Another team's file: 404 for the list of light support too, as for the trajectories.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/households/{household}/light-support")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/households/{household}/trajectories")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_applications_worklist_on_the_page_and_the_api_is_on_record_with_what_it_showed()
    {
        await HouseholdAsync("Werklijst");
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var openRows = await db.ProvisionApplications.Where(a => a.Status == Domain.Decisions.ApplicationStatus.InBehandeling || a.Status == Domain.Decisions.ApplicationStatus.Melding)
                .Select(a => new { a.HouseholdId, a.PersonId }).ToListAsync();
            var open = openRows.Count;
            Assert.True(open >= 1);
            var before = await LastAsync();
            Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/aanvragen")).StatusCode);
            // One entry per resident the worklist shows, with their ids: their inspection request finds it.
            var trail = await TrailSinceAsync(before);
            Assert.Equal(openRows.Select(r => (r.HouseholdId, (Guid?)r.PersonId)).Distinct().Order(), trail.Select(e => (e.HouseholdId, e.PersonId)).Order());
            Assert.All(trail, e => Assert.Equal((AuditActions.Read, AuditResources.Application, "Peter Smit", $"werklijst: {open} open, 0 beslist"),
                (e.Action, e.Resource, e.ActorName, e.Detail)));
            // A worklist that shows nobody is still on record, once, without ids.
            before = await LastAsync();
            Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/v1/applications?mijn=true&kader=Jeugdwet")).StatusCode);
            Single(await TrailSinceAsync(before), AuditActions.Read, AuditResources.Application, "Peter Smit", "werklijst (mijn aanvragen) (Jeugdwet): 0 open, 0 beslist");
        }
    }

    [Fact]
    public async Task Reading_the_mandates_and_changing_mandates_and_tariffs_is_on_record()
    {
        int staff;
        await using (var scope = _app.Scope())
            staff = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.CountAsync(u => u.Gemeentecode == TestApp.Gemeentecode && u.TeamId != null);
        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var before = await LastAsync();
        Assert.Equal(HttpStatusCode.OK, (await municipality.GetAsync("/beheer/mandaten")).StatusCode);
        Single(await TrailSinceAsync(before), AuditActions.Read, AuditResources.Mandate, "Thomas Bos", $"mandaten: 0 persoonlijk, 0 wijzigingen, {staff} medewerkers");

        before = await LastAsync();
        await using (var scope = As(Roles.Beleid, "Thomas Bos"))
        {
            var fatima = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetMandateHandler>().HandleAsync(new MandateInput { GebruikerId = fatima, Bedrag = "2.000" }, default)).IsOk);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetTariffHandler>().HandleAsync(new TariffInput { Code = "huisuitzetting", Naam = "Huisuitzetting", Eenheid = "per uitzetting", Bedrag = "9.000,00", Bron = "Eigen onderzoek" }, default)).IsOk);
            // A refused change changed nothing and is not on record as one.
            Assert.False((await scope.ServiceProvider.GetRequiredService<SetMandateHandler>().HandleAsync(new MandateInput { Rol = Roles.Professional, Bedrag = "veel" }, default)).IsOk);
        }
        var trail = await TrailSinceAsync(before);
        Assert.Equal([("update", AuditResources.Mandate, "Thomas Bos", "mandaat Fatima Bouzid: € 2.000,00"), ("update", AuditResources.Tariff, "Thomas Bos", "tarief huisuitzetting: € 9.000,00 per uitzetting")],
            trail.Select(e => (e.Action, e.Resource, e.ActorName, e.Detail)));
    }

    [Fact]
    public async Task Adding_and_withdrawing_a_monitor_cost_entry_is_on_record()
    {
        var before = await LastAsync();
        Guid id;
        await using (var scope = As(Roles.Beleid, "Thomas Bos"))
        {
            var costs = scope.ServiceProvider.GetRequiredService<RecordCostEntryHandler>();
            id = (await costs.HandleAsync(new CostInput { Soort = "Advies", Omschrijving = "Inhuur projectleider", Bedrag = "12.000,00", Van = "01-01-2026", Tot = "30-06-2026" }, default)).Value;
            Assert.True((await scope.ServiceProvider.GetRequiredService<WithdrawCostEntryHandler>().HandleAsync(id, default)).IsOk);
        }
        Assert.Equal([
                ("create", AuditResources.MonitorCost, "Thomas Bos", $"kostenpost {id} toegevoegd: Advies, Inhuur projectleider, 01-01-2026 t/m 30-06-2026"),
                ("update", AuditResources.MonitorCost, "Thomas Bos", $"kostenpost {id} ingetrokken: Inhuur projectleider"),
            ],
            (await TrailSinceAsync(before)).Select(e => (e.Action, e.Resource, e.ActorName, e.Detail)));
    }

    [Fact]
    public async Task Every_change_to_a_plan_and_its_trajectory_writes_exactly_its_own_audit_entry()
    {
        var (household, person) = await new Given(_app).Resident("Planspoor", "Spoor", team: Given.Noord);
        var today = DateTime.UtcNow.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        async Task Audited(string action, string resource, string detail, Func<IServiceProvider, Task<bool>> change, Guid? personId = null)
        {
            var before = await LastAsync();
            await using (var scope = _app.Scope())
                Assert.True(await change(scope.ServiceProvider), detail);
            var entry = Assert.Single(await TrailSinceAsync(before));
            Assert.Equal((action, resource, "Test Regisseur", detail, (Guid?)household, personId),
                (entry.Action, entry.Resource, entry.ActorName, entry.Detail, entry.HouseholdId, entry.PersonId));
        }
        static PlanUseCases Plans(IServiceProvider sp) => new(sp);

        await Audited(AuditActions.Create, AuditResources.Plan, "plan gestart",
            async sp => (await Plans(sp).StartAsync(household, default)).IsOk);
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 2: Afspraken, evaluatiedatum en wettelijke kaders bijgewerkt",
            async sp => (await Plans(sp).UpdatePlanAsync(household, new PlanInput { Afspraken = "Elke twee weken een huisbezoek", Kaders = ["Wgs"], Versie = 1 }, default)).IsOk);
        var goal = Given.Goal(version: 2);
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 3: Doel toegevoegd (Financiën): Geen huurachterstand meer",
            async sp => (await Plans(sp).AddGoalAsync(household, goal, default)).IsOk);
        Guid goalId, actionId;
        await using (var scope = _app.Scope())
            goalId = (await Plans(scope.ServiceProvider).CurrentAsync(household, default))!.Doelen.Single().Id;
        goal.Status = "Loopt";
        goal.Versie = 3;
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 4: Doel 'Geen huurachterstand meer': nog niet gestart → loopt",
            async sp => (await Plans(sp).UpdateGoalAsync(household, goalId, goal, default)).IsOk);
        var action = new ActionInput { DoelId = goalId, Omschrijving = "Oma past op dinsdag op", Uitvoerder = "Netwerk", Naam = "Oma Jansen", Versie = 4 };
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 5: Actie toegevoegd (netwerk: Oma Jansen): Oma past op dinsdag op",
            async sp => (await Plans(sp).AddActionAsync(household, action, default)).IsOk);
        await using (var scope = _app.Scope())
            actionId = (await Plans(scope.ServiceProvider).CurrentAsync(household, default))!.Acties.Single().Id;
        action.Omschrijving = "Oma past op dinsdag en donderdag op";
        action.Versie = 5;
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 6: Actie gewijzigd (netwerk: Oma Jansen): Oma past op dinsdag en donderdag op",
            async sp => (await Plans(sp).UpdateActionAsync(household, actionId, action, default)).IsOk);
        await Audited(AuditActions.Update, AuditResources.Plan, "plan versie 7: Actie afgerond (Oma Jansen): Oma past op dinsdag en donderdag op",
            async sp => (await Plans(sp).CompleteActionAsync(household, actionId, new VersionInput { Versie = 6 }, default)).IsOk);
        await Audited(AuditActions.Update, AuditResources.Plan, "akkoord op versie 7",
            async sp => (await Plans(sp).RecordAgreementAsync(household, new AgreementInput { PersoonId = person, Wijze = "ondertekend", Versie = 7 }, default)).IsOk, person);
        await Audited(AuditActions.Update, AuditResources.Plan, $"plan versie 8: Evaluatie van {today} vastgelegd",
            async sp => (await Plans(sp).RecordEvaluationAsync(household, new EvaluationInput { Samenvatting = "De huur gaat weer automatisch", Versie = 7 }, default)).IsOk);

        // Closing asks a final assessment first; that is an entry of its own.
        await using (var scope = _app.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.Assessments.RecordZrmAssessmentHandler>().HandleAsync(household,
                new Regie.Web.Features.Assessments.ZrmInput { PersonId = person, Scores = new() { [Regie.Domain.Assessment.ZrmDomain.Financien] = "4" } }, default)).IsOk);
        int trajectoryVersion;
        await using (var scope = _app.Scope())
            trajectoryVersion = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Trajectories.Where(t => t.HouseholdId == household && t.ClosedOn == null).Select(t => t.Version).SingleAsync();
        await Audited(AuditActions.Update, AuditResources.Trajectory, "traject afgesloten: DoelenBehaald",
            async sp => (await sp.GetRequiredService<Regie.Web.Features.Trajectories.CloseTrajectoryHandler>().HandleAsync(household,
                new Regie.Web.Features.Trajectories.ClosingInput { Reden = "DoelenBehaald", Uitkomsten = { [goalId] = "Behaald" }, Versie = trajectoryVersion }, default)).IsOk);
        await Audited(AuditActions.Create, AuditResources.Trajectory, "traject gestart",
            async sp => (await sp.GetRequiredService<Regie.Web.Features.Trajectories.ReopenTrajectoryHandler>().HandleAsync(household,
                new Regie.Web.Features.Trajectories.ReopenInput { Aanleiding = "Nieuwe huurachterstand gemeld" }, default)).IsOk);
        await Audited(AuditActions.Create, AuditResources.Plan, "plan gestart",
            async sp => (await Plans(sp).StartAsync(household, default)).IsOk);
    }
}
