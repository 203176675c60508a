using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The integral budget: spending with mandates and approvals, the ledger's sums and immutability, concurrency and the municipality's report.</summary>
public sealed class BudgetTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static int Year => DateTime.UtcNow.Year;
    private Given Given { get; } = new(fixture.App);
    private static string Today => DateTime.UtcNow.ToString("dd-MM-yyyy");

    private sealed record Setup(Guid Team, Guid Household, Guid Goal, string Professional, string Lead);

    /// <summary>A team of its own (so its budget is this test's alone), a household it holds with a plan and a goal, and an allocation.</summary>
    private async Task<Setup> SetupAsync(string name, decimal allocation, string domain = "Financien")
    {
        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RegieDbContext>();
        var team = new Team { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = "Wijkteam " + name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var household = (await Given.Family(name, team: team.Name, childBorn: "01-02-2016")).Household;
        await Given.StartPlan(household);
        var goal = await Given.AddGoal(household, Given.Goal(domain, who: "Sanne met de regisseur"));
        if (allocation != 0)
            Assert.True((await sp.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput
            {
                TeamId = team.Id, Jaar = Year, Bedrag = allocation.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), Reden = "Raadsbesluit begroting",
            }, default)).IsOk);
        return new Setup(team.Id, household, goal, "prof-" + name, "lead-" + name);
    }

    private AsyncServiceScope As(string role, Guid? team, string id, string? name = null)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, id, name ?? id, role, team);
        return scope;
    }

    private async Task<T> AsAsync<T, THandler>(string role, Guid? team, string id, Func<THandler, Task<T>> act) where THandler : notnull
    {
        await using var scope = As(role, team, id);
        return await act(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<CommandResult<Guid>> RequestAsync(Setup s, SpendInput input, string? professional = null) =>
        AsAsync<CommandResult<Guid>, RecordSpendHandler>(Roles.Professional, s.Team, professional ?? s.Professional, h => h.HandleAsync(s.Household, input, default));

    private static SpendInput Arrears(Guid goal, string amount = "1.800,00", bool compare = true) => new()
    {
        DoelId = goal, Soort = "Huurachterstand", Omschrijving = "Huurachterstand betalen aan Woningcorporatie Thuis", Bedrag = amount,
        Onderbouwing = "Betalen voorkomt de uitzetting; moeder en twee kinderen kunnen blijven wonen.", Kaders = ["Participatiewet", "Wgs"],
        Alternatief = compare ? "Huisuitzetting en crisisplaatsing van twee kinderen voor drie maanden" : null,
        Aantallen = compare ? new() { ["huisuitzetting"] = "1", ["crisisplaatsing-jeugd"] = "6" } : [],
    };

    private async Task<List<BudgetEntry>> EntriesAsync(Guid team)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().BudgetEntries.AsNoTracking().Where(e => e.TeamId == team).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<TeamBudgetView> BudgetAsync(Guid team)
    {
        await using var scope = _app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<BudgetQueries>().OverviewAsync(Year, default)).Single(b => b.TeamId == team);
    }

    [Fact]
    public async Task Coordinator_commits_rent_arrears_above_her_mandate_the_team_lead_approves_it_is_paid_and_reported_under_its_laws()
    {
        var s = await SetupAsync("Huur", 50_000m);

        var created = await RequestAsync(s, Arrears(s.Goal));
        Assert.True(created.IsOk, string.Join(", ", created.Errors.Select(e => e.Code)));
        var spend = (await AsAsync<SpendView?, SpendQueries>(Roles.Professional, s.Team, s.Professional, h => h.GetAsync(created.Value, default)))!;
        Assert.Equal(SpendStatus.Aangevraagd, spend.Status);
        Assert.Equal(ApprovalLevel.Teamleider, spend.Niveau);
        Assert.Equal([LegalFramework.Participatiewet, LegalFramework.Wgs], spend.VoorgesteldeKaders);
        // The comparison is saved with the spend: eviction (7.500) + 6 child-months of crisis placement (6 × 2.666,67).
        Assert.Equal(23_500.02m, spend.Vergelijking!.AlternatiefTotaal);
        Assert.Equal(21_700.02m, spend.Vergelijking.VermedenSchatting);
        Assert.Empty(await EntriesAsync(s.Team) is var e0 ? e0.Where(e => e.SpendId == spend.Id) : []);

        // The coordinator cannot approve her own request; the team lead can.
        var self = await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Professional, s.Team, s.Professional, h => h.HandleAsync(spend.Id, new DecisionInput { Versie = 1 }, default));
        Assert.Equal(CommandStatus.Forbidden, self.Status);
        var approved = await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(spend.Id, new DecisionInput { Reden = "Goedkoper en beter dan uitzetting", Versie = 1 }, default));
        Assert.True(approved.IsOk, string.Join(", ", approved.Errors.Select(e => e.Code)));
        Assert.Equal(1800m, (await BudgetAsync(s.Team)).Saldo.Toegezegd);

        var paid = await AsAsync<CommandResult<SpendStatus>, PaySpendHandler>(Roles.Professional, s.Team, s.Professional,
            h => h.HandleAsync(spend.Id, new PaymentInput { Bedrag = "1800", Datum = Today, Ontvanger = "Woningcorporatie Thuis", Versie = 2 }, default));
        Assert.True(paid.IsOk, string.Join(", ", paid.Errors.Select(e => e.Code)));
        var balance = (await BudgetAsync(s.Team)).Saldo;
        Assert.Equal(new BalanceView(50_000m, 0m, 1800m, 48_200m), balance);

        // The municipality's report: the spend under both laws it serves, half each, and the avoided cost as an estimate.
        var report = (await AsAsync<BudgetReportView?, BudgetReport>(Roles.Beleid, null, "beleid-1", r => r.BuildAsync(Year, default)))!;
        var mine = report.Regels.Where(r => r.Team == "Wijkteam Huur").ToList();
        Assert.Equal([(LegalFramework.Participatiewet, 900m, 900m), (LegalFramework.Wgs, 900m, 900m)], mine.Select(r => (r.Kader, r.Toegezegd, r.Betaald)));
        Assert.All(mine, r => Assert.Equal(Regie.Domain.Assessment.ZrmDomain.Financien, r.Leefgebied));
        Assert.True(report.VermedenSchatting >= 21_700.02m);

        // The timeline has the story, with the data the monitor reads.
        await using var scope = _app.Scope();
        var events = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents.AsNoTracking()
            .Where(e => e.HouseholdId == s.Household && e.Type.StartsWith("spend.")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([EventTypes.SpendCommitted, EventTypes.SpendApproved, EventTypes.SpendPaid], events.Select(e => e.Type));
        var data = JsonDocument.Parse(events[2].Data!).RootElement;
        Assert.Equal(spend.Id, data.GetProperty("uitgave").GetGuid());
        Assert.Equal(1800m, data.GetProperty("bedrag").GetDecimal());
        Assert.Equal(s.Team, data.GetProperty("team").GetGuid());
        Assert.Equal(["Participatiewet", "Wgs"], data.GetProperty("kaders").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Within_the_mandate_a_spend_is_approved_at_once_and_above_the_second_limit_only_the_municipality_decides()
    {
        var s = await SetupAsync("Mandaat", 20_000m, domain: "WerkOpleiding");
        var bike = new SpendInput { DoelId = s.Goal, Soort = "Vervoer", Omschrijving = "Fiets om op het werk te komen", Bedrag = "450", Onderbouwing = "Zonder fiets geen baan", Kaders = ["Participatiewet"] };
        var direct = await RequestAsync(s, bike);
        Assert.True(direct.IsOk);
        var view = (await AsAsync<SpendView?, SpendQueries>(Roles.Professional, s.Team, s.Professional, h => h.GetAsync(direct.Value, default)))!;
        Assert.Equal((SpendStatus.Goedgekeurd, ApprovalLevel.Mandaat), (view.Status, view.Niveau));

        var big = await RequestAsync(s, Arrears(s.Goal, "3.000,00", compare: false));
        var lead = await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(big.Value, new DecisionInput { Versie = 1 }, default));
        Assert.Equal(SpendRules.NeedsMunicipalityCode, lead.Errors[0].Code);
        var noReason = await AsAsync<CommandResult<SpendStatus>, RefuseSpendHandler>(Roles.Beleid, null, "beleid-1", h => h.HandleAsync(big.Value, new DecisionInput { Versie = 1 }, default));
        Assert.Equal(Regie.Domain.Common.TextRules.RequiredCode, noReason.Errors[0].Code);
        var byMunicipality = await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Beleid, null, "beleid-1", h => h.HandleAsync(big.Value, new DecisionInput { Versie = 1 }, default));
        Assert.True(byMunicipality.IsOk);

        var refused = await RequestAsync(s, Arrears(s.Goal, "1.000,00", compare: false));
        var refusal = await AsAsync<CommandResult<SpendStatus>, RefuseSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(refused.Value, new DecisionInput { Reden = "Eerst een betalingsregeling proberen", Versie = 1 }, default));
        Assert.True(refusal.IsOk);
        Assert.DoesNotContain(await EntriesAsync(s.Team), e => e.SpendId == refused.Value);

        // Mandates per role and per person, set by the municipality; a person's own mandate goes before the role's.
        await using (var scope = As(Roles.Beleid, null, "beleid-1"))
        {
            var setMandate = scope.ServiceProvider.GetRequiredService<SetMandateHandler>();
            Assert.True((await setMandate.HandleAsync(new MandateInput { GebruikerId = await UserIdAsync("regisseur@voorbeeld.nl"), Bedrag = "2.000" }, default)).IsOk);
            Assert.True((await setMandate.HandleAsync(new MandateInput { Rol = Roles.Professional, Bedrag = "100" }, default)).IsOk);
            Assert.Equal(Mandates.LimitInvalidCode, (await setMandate.HandleAsync(new MandateInput { Rol = Roles.Professional, Bedrag = "veel" }, default)).Errors[0].Code);
        }
        var trusted = await RequestAsync(s, Arrears(s.Goal, "1.800", compare: false), await UserIdAsync("regisseur@voorbeeld.nl"));
        var small = await RequestAsync(s, bike);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal(SpendStatus.Goedgekeurd, (await db.Spends.SingleAsync(x => x.Id == trusted.Value)).Status);
            var waiting = await db.Spends.SingleAsync(x => x.Id == small.Value);
            Assert.Equal((SpendStatus.Aangevraagd, ApprovalLevel.Teamleider), (waiting.Status, waiting.Level));
            await using var reset = As(Roles.Beleid, null, "beleid-1");
            Assert.True((await reset.ServiceProvider.GetRequiredService<SetMandateHandler>().HandleAsync(new MandateInput { Rol = Roles.Professional, Bedrag = "500" }, default)).IsOk);
        }
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Balances_per_team_and_law_are_the_sum_of_the_ledger_entries_after_allocations_moves_spends_payments_and_cancellations()
    {
        var s = await SetupAsync("Grootboek", 10_000m);
        var other = await SetupAsync("Ontvanger", 0m);
        await using (var scope = As(Roles.Beleid, null, "beleid-1"))
        {
            var allocate = scope.ServiceProvider.GetRequiredService<AllocateBudgetHandler>();
            var transfer = scope.ServiceProvider.GetRequiredService<TransferBudgetHandler>();
            Assert.True((await allocate.HandleAsync(new AllocationInput { TeamId = s.Team, Jaar = Year, Bedrag = "5.000,00", Kader = "Jeugdwet", Reden = "Oormerk jeugd" }, default)).IsOk);
            Assert.True((await allocate.HandleAsync(new AllocationInput { TeamId = s.Team, Jaar = Year, Bedrag = "-1.000,00", Reden = "Correctie: te veel toegekend" }, default)).IsOk);
            Assert.True((await transfer.HandleAsync(new TransferInput { VanTeamId = s.Team, NaarTeamId = other.Team, Jaar = Year, Bedrag = "2.000", Reden = "Meer aanmeldingen in de wijk" }, default)).IsOk);
            Assert.Equal(LedgerRules.TransferTooMuchCode, (await transfer.HandleAsync(new TransferInput { VanTeamId = s.Team, NaarTeamId = other.Team, Jaar = Year, Bedrag = "100.000", Reden = "Te veel" }, default)).Errors[0].Code);
            Assert.Equal(LedgerRules.TransferSameTeamCode, (await transfer.HandleAsync(new TransferInput { VanTeamId = s.Team, NaarTeamId = s.Team, Jaar = Year, Bedrag = "1", Reden = "x" }, default)).Errors[0].Code);
        }
        var small = await RequestAsync(s, new SpendInput { DoelId = s.Goal, Soort = "Energie", Omschrijving = "Energieachterstand", Bedrag = "300,01", Onderbouwing = "Afsluiting voorkomen", Kaders = ["Wgs", "Wmo2015", "Participatiewet"] });
        var cancelled = await RequestAsync(s, Arrears(s.Goal, "1.000", compare: false));
        var partly = await RequestAsync(s, Arrears(s.Goal, "800", compare: false));
        foreach (var id in new[] { cancelled.Value, partly.Value })
            Assert.True((await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(id, new DecisionInput { Versie = 1 }, default))).IsOk);
        Assert.True((await AsAsync<CommandResult<SpendStatus>, CancelSpendHandler>(Roles.Professional, s.Team, s.Professional, h => h.HandleAsync(cancelled.Value, new DecisionInput { Reden = "Familie betaalt zelf", Versie = 2 }, default))).IsOk);
        Assert.True((await AsAsync<CommandResult<SpendStatus>, PaySpendHandler>(Roles.Professional, s.Team, s.Professional, h => h.HandleAsync(partly.Value, new PaymentInput { Bedrag = "750,00", Datum = Today, Ontvanger = "Woningcorporatie Thuis", Versie = 2 }, default))).IsOk);
        Assert.Equal(SpendRules.PaymentTooHighCode, (await AsAsync<CommandResult<SpendStatus>, PaySpendHandler>(Roles.Professional, s.Team, s.Professional,
            h => h.HandleAsync(small.Value, new PaymentInput { Bedrag = "400", Datum = Today, Ontvanger = "Energieleverancier", Versie = 1 }, default))).Errors[0].Code);

        var budget = await BudgetAsync(s.Team);
        // 10.000 + 5.000 − 1.000 − 2.000 allocated; 300,01 committed; 750 paid (the other 50 and the cancelled 1.000 released).
        Assert.Equal(new BalanceView(12_000m, 300.01m, 750m, 10_949.99m), budget.Saldo);
        var entries = await EntriesAsync(s.Team);
        Assert.Equal(budget.Saldo.Vrij, entries.Sum(e => BudgetBalance.EffectOnRemaining(e.Kind, e.Amount)));
        Assert.Equal(budget.Saldo.Toegekend, budget.PerKader.Sum(k => k.Oormerk));
        Assert.Equal(budget.Saldo.Toegezegd, budget.PerKader.Sum(k => k.Toegezegd));
        Assert.Equal(budget.Saldo.Betaald, budget.PerKader.Sum(k => k.Betaald));
        Assert.Equal(5_000m, budget.PerKader.Single(k => k.Kader == LegalFramework.Jeugdwet).Oormerk);
        // 300,01 over three laws: the odd cent to the first.
        Assert.Equal([100.01m, 100m, 100m], entries.Where(e => e.SpendId == small.Value).OrderBy(e => e.Framework).Select(e => e.Amount));
        Assert.Equal(new BalanceView(2_000m, 0m, 0m, 2_000m), (await BudgetAsync(other.Team)).Saldo);
    }

    [Fact]
    public async Task Many_parallel_approvals_never_overspend_a_budget_with_room_for_only_some()
    {
        var s = await SetupAsync("Gelijktijdig", 2_000m);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
            ids.Add((await RequestAsync(s, Arrears(s.Goal, "600", compare: false))).Value);

        // Ten team leads' clicks at once, each with its own scope and connection.
        using var start = new ManualResetEventSlim();
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            start.Wait();
            return await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(id, new DecisionInput { Versie = 1 }, default));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(3, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(LedgerRules.InsufficientCode, r.Errors[0].Code));
        var budget = await BudgetAsync(s.Team);
        Assert.Equal(new BalanceView(2_000m, 1_800m, 0m, 200m), budget.Saldo);
        var entries = await EntriesAsync(s.Team);
        Assert.Equal(200m, entries.Sum(e => BudgetBalance.EffectOnRemaining(e.Kind, e.Amount)));
        await using var scope = _app.Scope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Spends.CountAsync(x => x.TeamId == s.Team && x.Status == SpendStatus.Goedgekeurd));
    }

    [Fact]
    public async Task No_ledger_entry_can_be_altered_with_sql_through_ef_or_through_the_api()
    {
        var s = await SetupAsync("Onveranderlijk", 1_000m);
        var entries = await EntriesAsync(s.Team);
        var entry = Assert.Single(entries);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"BudgetEntries\" SET \"Reason\" = 'vervalst' WHERE \"Id\" = {entry.Id}"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"BudgetEntries\" WHERE \"Id\" = {entry.Id}"));
            var tracked = await db.BudgetEntries.SingleAsync(e => e.Id == entry.Id);
            tracked.Amount = 1_000_000m;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.BudgetEntries.Remove(await db.BudgetEntries.SingleAsync(e => e.Id == entry.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var ledger = await municipality.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{(await BudgetAsync(s.Team)).BudgetId}/ledger");
        Assert.Equal(entry.Id, ledger[0].GetProperty("id").GetInt64());
        var budgetId = (await BudgetAsync(s.Team)).BudgetId;
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
            foreach (var path in new[] { $"/api/v1/budgets/{budgetId}/ledger", $"/api/v1/budgets/{budgetId}/ledger/{entry.Id}", $"/api/v1/budgets/{budgetId}" })
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{\"amount\": 1000000, \"reason\": \"vervalst\"}", Encoding.UTF8, "application/json") };
                var response = await municipality.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            }
        // The API's description offers the ledger for reading only.
        var openapi = await _app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        Assert.Equal(["get"], paths.GetProperty("/api/v1/budgets/{id}/ledger").EnumerateObject().Select(p => p.Name).Where(n => n is "get" or "put" or "patch" or "delete" or "post"));
        Assert.True(paths.TryGetProperty("/api/v1/spends/{id}/approve", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/api/v1/budgets/{id}/ledger/", StringComparison.Ordinal));
        var after = Assert.Single(await EntriesAsync(s.Team));
        Assert.Equal((entry.Amount, entry.Reason, entry.Kind), (after.Amount, after.Reason, after.Kind));
    }

    [Fact]
    public async Task Professional_commits_through_the_api_the_team_lead_approves_and_a_refusal_without_mandate_is_a_problem_with_its_code()
    {
        // The demo's Wijkteam Noord: the signed-in coordinator and team lead belong to it.
        var (household, _, goal) = await Given.HouseholdWithPlanAndGoal("Budget", "Api", team: Given.Noord,
            goal: Given.Goal("Huisvesting", what: "Blijven wonen", measurable: "Geen uitzetting", who: "Api", days: 30));
        await using (var scope = _app.Scope())
            await scope.ServiceProvider.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput { TeamId = await Given.TeamId(Given.Noord), Jaar = Year, Bedrag = "100.000", Reden = "Begroting" }, default);
        using var coordinator = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var invalid = await coordinator.PostAsJsonAsync("/api/v1/spends", new { huishoudenId = household, uitgave = new { doelId = goal, soort = "Huurachterstand", omschrijving = "Huur", bedrag = "-5", onderbouwing = "x", kaders = Array.Empty<string>() } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == Mandates.AmountInvalidCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == SpendRules.FrameworksRequiredCode);

        var created = await coordinator.PostAsJsonAsync("/api/v1/spends", new { huishoudenId = household, uitgave = new { doelId = goal, soort = "Huurachterstand", omschrijving = "Huurachterstand", bedrag = "1800.00", onderbouwing = "Uitzetting voorkomen", kaders = new[] { "Wmo2015" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/v1/spends/{id}/approve", new { versie = 1 })).StatusCode);

        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var spend = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/spends/{id}");
        Assert.Equal(1800m, spend.GetProperty("bedrag").GetDecimal());
        Assert.Equal("Teamleider", spend.GetProperty("niveau").GetString());
        var approved = await lead.PostAsJsonAsync($"/api/v1/spends/{id}/approve", new { versie = 1 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var again = await lead.PostAsJsonAsync($"/api/v1/spends/{id}/approve", new { versie = 2 });
        Assert.Equal(SpendRules.NotPendingCode, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var paid = await coordinator.PostAsJsonAsync($"/api/v1/spends/{id}/pay", new { bedrag = "1800.00", datum = DateTime.UtcNow.ToString("yyyy-MM-dd"), ontvanger = "Woningcorporatie Thuis", versie = 2 });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        var budgets = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/budgets?jaar={Year}");
        var noordBudget = Assert.Single(budgets.EnumerateArray());
        Assert.Equal(1800m, noordBudget.GetProperty("saldo").GetProperty("betaald").GetDecimal());
    }

    [Fact]
    public async Task A_saved_comparison_keeps_the_tariffs_it_used_after_the_municipality_changes_them_and_exports_show_euros()
    {
        var s = await SetupAsync("Tarief", 10_000m);
        var first = await RequestAsync(s, Arrears(s.Goal, "1.500"));
        await using (var scope = As(Roles.Beheerder, null, "beheer-1"))
        {
            var settings = scope.ServiceProvider.GetRequiredService<BudgetSettings>();
            var changed = await scope.ServiceProvider.GetRequiredService<SetTariffHandler>().HandleAsync(new TariffInput { Code = "huisuitzetting", Naam = "Huisuitzetting (kosten verhuurder)", Eenheid = "per uitzetting", Bedrag = "9.000,00", Bron = "Eigen onderzoek gemeente (2026)" }, default);
            Assert.True(changed.IsOk);
            Assert.Equal(9000m, (await settings.CurrentTariffsAsync(default)).Single(t => t.Code == "huisuitzetting").Bedrag);
            Assert.Equal(2, (await settings.TariffHistoryAsync(default)).Count(t => t.Code == "huisuitzetting"));
        }
        var second = await RequestAsync(s, Arrears(s.Goal, "1.500"));
        var old = (await AsAsync<SpendView?, SpendQueries>(Roles.Professional, s.Team, s.Professional, h => h.GetAsync(first.Value, default)))!.Vergelijking!;
        var now = (await AsAsync<SpendView?, SpendQueries>(Roles.Professional, s.Team, s.Professional, h => h.GetAsync(second.Value, default)))!.Vergelijking!;
        Assert.Equal(7500m, old.Regels.Single(r => r.Code == "huisuitzetting").Tarief);
        Assert.Contains("Eropaf", old.Regels.Single(r => r.Code == "huisuitzetting").Bron);
        Assert.Equal(9000m, now.Regels.Single(r => r.Code == "huisuitzetting").Tarief);
        Assert.NotEqual(old.Regels[0].TariefId, now.Regels[0].TariefId);

        foreach (var id in new[] { first.Value, second.Value })
            Assert.True((await AsAsync<CommandResult<SpendStatus>, ApproveSpendHandler>(Roles.Teamleider, s.Team, s.Lead, h => h.HandleAsync(id, new DecisionInput { Versie = 1 }, default))).IsOk);

        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var csv = Encoding.UTF8.GetString(await municipality.GetByteArrayAsync($"/budget/rapportage?jaar={Year}&handler=Csv"));
        Assert.StartsWith("\uFEFFPeriode;Team;Wettelijk kader;Leefgebied;Toegezegd (netto);Betaald;Openstaand", csv);
        Assert.Contains($"{DateTime.UtcNow:yyyy-MM};Wijkteam Tarief;Participatiewet;Financiën;\"€ 1.500,00\";\"€ 0,00\";\"€ 1.500,00\"", csv);

        var xlsx = await municipality.GetAsync($"/budget/rapportage?jaar={Year}&handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("<c r=\"E", sheet);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(sheet, "<c r=\"E\\d+\" s=\"1\"><v>1500(\\.0+)?</v></c>"), sheet);
        Assert.Contains("formatCode=\"&quot;€&quot;\\ #,##0.00", styles);
        System.Xml.Linq.XDocument.Parse(sheet);
    }

    [Fact]
    public async Task Integrator_finds_the_tariff_codes_a_spend_counts_its_alternative_in()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var tariffs = await client.GetFromJsonAsync<JsonElement>("/api/v1/spends/tariffs");
        Assert.Equal(Tariffs.Defaults.Select(d => d.Code), tariffs.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
    }
}
