using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Monitor;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The monitor reads the municipality's own records: figures per team from trajectories and the event log.</summary>
public sealed class MonitorTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Monitor_counts_the_teams_trajectories_and_the_specialist_care_that_followed()
    {
        var households = new List<Guid>();
        Guid team;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            team = await db.Teams.Where(t => t.Name == "Wijkteam Oost").Select(t => t.Id).SingleAsync();
            for (var i = 0; i < 10; i++)
                households.Add((await new Given(_app).Resident($"Gezin{i}", "Monitor")).Household);
            foreach (var h in households)
                db.Trajectories.Add(new Trajectory { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h, TeamId = team, OpenedOn = Today.AddDays(-60), OpenedBy = "test", CreatedAt = DateTime.UtcNow, Version = 1 });
            void Decision(Guid h, int daysAgo, bool specialist, string outcome, decimal? cost) => db.HouseholdEvents.Add(new HouseholdEvent
            {
                Gemeentecode = TestApp.Gemeentecode, HouseholdId = h, Type = EventTypes.DecisionTaken, OccurredAt = DateTime.UtcNow, EffectiveDate = Today.AddDays(-daysAgo),
                ActorId = "test", ActorName = "Test", Summary = "Beschikking",
                Data = JsonSerializer.Serialize(new { aanvraag = Guid.NewGuid(), beschikking = Guid.NewGuid(), kader = "Jeugdwet", uitkomst = outcome, productcategorie = "43", specialistisch = specialist, geschatteKosten = cost, eigenWerkgever = false }),
            });
            Decision(households[0], 30, true, "toegekend", 16000m);
            Decision(households[1], 20, true, "deels", 4000m);
            // Refused, or not specialist: not heavier care.
            Decision(households[2], 20, true, "afgewezen", null);
            Decision(households[3], 20, false, "toegekend", 2500m);
            // Before the start with the team: not "after starting with the team".
            Decision(households[4], 90, true, "toegekend", null);
            await db.SaveChangesAsync();
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Regie.Web.Infrastructure.CurrentUser>().ActAs(TestApp.Gemeentecode, "beleid", "Thomas Bos", Regie.Web.Infrastructure.Roles.Beleid);
            var costs = scope.ServiceProvider.GetRequiredService<RecordCostEntryHandler>();
            var wrong = await costs.HandleAsync(new CostInput { Soort = "Personeel", BetaaldDoor = "Aanbieder", Omschrijving = "Gedetacheerd", Fte = "twee", Van = "01-01-2026", Tot = "31-12-2025" }, default);
            Assert.Equal([Regie.Domain.Monitor.SystemCost.AmountInvalidCode, Regie.Domain.Monitor.SystemCost.PeriodInvalidCode, Regie.Domain.Monitor.SystemCost.TeamRequiredCode,
                Regie.Domain.Monitor.SystemCost.FteInvalidCode, Regie.Domain.Monitor.SystemCost.AmountInvalidCode], wrong.Errors.Select(e => e.Code));
            // Two seconded FTE at full cost for exactly the 365 days of the period.
            Assert.True((await costs.HandleAsync(new CostInput
            {
                Soort = "Personeel", TeamId = team, BetaaldDoor = "Aanbieder", Omschrijving = "2 fte gedetacheerd", Fte = "2",
                KostenPerFte = "73.000,00", Van = Today.AddDays(-364).ToString("dd-MM-yyyy"), Tot = Today.ToString("dd-MM-yyyy")
            }, default)).IsOk);
            var noordTeam = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
            Assert.True((await costs.HandleAsync(new CostInput
            {
                Soort = "Personeel", TeamId = noordTeam, BetaaldDoor = "Gemeente", Omschrijving = "1 fte Noord", Fte = "1",
                KostenPerFte = "50000", Van = Today.AddDays(-364).ToString("dd-MM-yyyy"), Tot = Today.ToString("dd-MM-yyyy")
            }, default)).IsOk);
            var withdrawn = (await costs.HandleAsync(new CostInput
            {
                Soort = "Personeel", TeamId = team, BetaaldDoor = "Gemeente", Omschrijving = "Dubbel ingevoerd", Fte = "1",
                KostenPerFte = "70000", Van = Today.AddDays(-364).ToString("dd-MM-yyyy"), Tot = Today.ToString("dd-MM-yyyy")
            }, default)).Value;
            Assert.True((await scope.ServiceProvider.GetRequiredService<WithdrawCostEntryHandler>().HandleAsync(withdrawn, default)).IsOk);
            Assert.Equal(3, (await scope.ServiceProvider.GetRequiredService<MonitorCostQueries>().ListAsync(default)).Count);
        }

        await using var s = _app.Scope();
        var view = await s.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default);
        decimal? Value(string key) => view.Indicatoren.Single(i => i.Key == key).Value;
        Assert.Equal("Wijkteam Oost", view.Bereik);
        Assert.Equal(10m, Value("instroom"));
        Assert.Equal(10m, Value("lopend"));
        Assert.Equal(20.0m, Value("zwaarder"));
        // (16.000 + 4.000 + 2.500) estimated over the 10 households helped.
        Assert.Equal(2250.00m, Value("per-huishouden"));
        Assert.True(view.Indicatoren.Single(i => i.Key == "uitstroom").Suppressed);
        Assert.Equal(146_000.00m, Value("personeel"));
        Assert.Equal(146_000.00m + 22_500.00m, Value("totaal"));

        // The same households by wijk: all of them live in Noord.
        var noord = await s.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default, wijk: "Noord");
        Assert.Equal(10m, noord.Indicatoren.Single(i => i.Key == "instroom").Value);
        Assert.Equal("Wijkteam Oost, wijk Noord", noord.Bereik);
        var zuid = await s.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default, wijk: "Zuid");
        Assert.Equal(0, zuid.Indicatoren.Single(i => i.Key == "instroom").Households);
        // A wijk carries the staff of the teams that work there: Noord's one fte, not team Oost's two who helped these households.
        var wijkNoord = await s.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(null, Today.AddYears(-1).AddDays(1), Today, default, wijk: "Noord");
        Assert.Equal(50_000.00m, wijkNoord.Indicatoren.Single(i => i.Key == "personeel").Value);

        // These trajectories did not start from a triaged request: no working model claims them.
        var complex = await s.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default, model: Regie.Domain.Care.TriageModel.TeamVoorComplex);
        Assert.Equal(0, complex.Indicatoren.Single(i => i.Key == "instroom").Households);
        // The trend: all ten started in the same month, none ended.
        var month = Today.AddDays(-60).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new MonthFlow(month, 10, null), view.Maanden!.Single(m => m.Maand == month));
        var first = Today.AddYears(-1).AddDays(1);
        Assert.Equal((Today.Year - first.Year) * 12 + Today.Month - first.Month + 1, view.Maanden!.Count);

        var csv = MonitorQuery.Csv(view);
        Assert.Contains("Zwaardere zorg voorkomen;Naar maatwerk of specialistische zorg;20%;%;10;", csv, StringComparison.Ordinal);
        Assert.Contains("Uitstroom;;huishoudens;<10;niet getoond: minder dan 10 huishoudens", csv, StringComparison.Ordinal);
    }
}

public sealed class MonitorScopeTests
{
    [Fact]
    public void Every_single_filter_has_a_stored_row_name_that_fits_and_a_combination_is_computed_on_request()
    {
        var longWijk = new string('W', 100);
        Assert.All(new[] { MonitorSnapshots.Key(null, null, null), MonitorSnapshots.Key(Guid.NewGuid(), null, null), MonitorSnapshots.Key(null, longWijk, null),
            MonitorSnapshots.Key(null, null, Regie.Domain.Care.TriageModel.IndicatieGemeente) }, k => Assert.InRange(k!.Length, 1, 40));
        Assert.NotEqual(MonitorSnapshots.Key(null, longWijk, null), MonitorSnapshots.Key(null, longWijk + "X", null));
        Assert.Null(MonitorSnapshots.Key(Guid.NewGuid(), "Noord", null));
    }
}

/// <summary>The household's own mark at an evaluation, the monitor's measure of better support.</summary>
public sealed class ResidentRatingTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task Worker_records_the_households_mark_at_an_evaluation_and_a_wrong_mark_is_refused()
    {
        var (household, _) = await new Given(fixture.App).HouseholdWithActivePlan("Gever", "Cijfer");
        await using var scope = fixture.App.Scope();
        var plans = new PlanUseCases(scope.ServiceProvider);
        var wrong = await plans.RecordEvaluationAsync(household, new Regie.Web.Features.Plans.EvaluationInput { Samenvatting = "Goed gesprek", Cijfer = "11", Versie = 1 }, default);
        Assert.Equal(Regie.Domain.Care.PlanRules.RatingInvalidCode, Assert.Single(wrong.Errors).Code);
        Assert.True((await plans.RecordEvaluationAsync(household, new Regie.Web.Features.Plans.EvaluationInput { Samenvatting = "Goed gesprek", Cijfer = "8", Versie = 1 }, default)).IsOk);
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var marks = await db.HouseholdEvents.Where(e => e.HouseholdId == household && e.Type == EventTypes.ResidentRated).Select(e => e.Data!).ToListAsync();
        var data = JsonDocument.Parse(Assert.Single(marks)).RootElement;
        Assert.Equal(8, data.GetProperty("cijfer").GetInt32());
        Assert.Equal("evaluatie", data.GetProperty("moment").GetString());
        Assert.Equal(1, await db.PlanEvaluations.CountAsync(e => e.HouseholdId == household));
    }
}

/// <summary>The monitor on the demo municipality, as the policy officer sees it.</summary>
public sealed class MonitorPrivacyTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync(demoHouseholds: 80);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Policy_officer_sees_figures_but_no_name_or_BSN_on_the_page_or_in_the_export()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var page = await client.GetStringAsync("/monitor");
        Assert.Contains("Zwaardere zorg voorkomen", page, StringComparison.Ordinal);
        Assert.Contains("Zo is het gemeten", page, StringComparison.Ordinal);
        var csv = await client.GetStringAsync("/monitor?handler=Csv");
        Assert.StartsWith("Monitor;Alle teams;", csv, StringComparison.Ordinal);
        var pdf = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", PdfText.Pages(await client.GetByteArrayAsync("/monitor?handler=Pdf"))), @"\s+", " ");
        Assert.Contains("Zwaardere zorg voorkomen", pdf, StringComparison.Ordinal);
        Assert.Contains("Van hulpvraag tot beschikking", pdf, StringComparison.Ordinal);
        using var xlsx = new System.IO.Compression.ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/monitor?handler=Xlsx")));
        string sheet;
        using (var reader = new StreamReader(xlsx.GetEntry("xl/worksheets/sheet1.xml")!.Open())) sheet = await reader.ReadToEndAsync();
        Assert.Contains("Naar maatwerk of specialistische zorg", sheet, StringComparison.Ordinal);
        // The teams side by side, on the page only when no team is chosen.
        Assert.Contains("De teams naast elkaar", page, StringComparison.Ordinal);

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var people = await db.Persons.Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Bsn }).ToListAsync();
        var households = await db.Households.Select(h => h.Naam).ToListAsync();
        Assert.NotEmpty(people);
        foreach (var text in new[] { page, csv, pdf, sheet })
        {
            Assert.DoesNotContain(people, p => text.Contains(new Regie.Domain.Registry.PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, StringComparison.Ordinal));
            Assert.DoesNotContain(people, p => p.Bsn != null && text.Contains(p.Bsn, StringComparison.Ordinal));
            Assert.DoesNotContain(households, h => text.Contains(h, StringComparison.Ordinal));
        }

        // Precomputed: the same figures, read from one row per scope; an unchanged municipality is not computed again.
        var scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
        var teams = await db.Teams.CountAsync();
        var wijken = await db.Teams.Where(t => t.Wijk != null).Select(t => t.Wijk).Distinct().CountAsync();
        // The municipality, each team, each wijk and each working model: every filter on its own.
        Assert.Equal(1 + teams + wijken + Enum.GetValues<Regie.Domain.Care.TriageModel>().Length, await MonitorRefreshJob.RefreshAllAsync(scopes, default));
        Assert.Equal(0, await MonitorRefreshJob.RefreshAllAsync(scopes, default));
        var (from, to) = MonitorSnapshots.StandardPeriod(DateOnly.FromDateTime(DateTime.UtcNow));
        var stored = await scope.ServiceProvider.GetRequiredService<MonitorSnapshots>().ReadAsync(null, from, to, default);
        var live = await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(null, from, to, default);
        Assert.Equal(live.Indicatoren, stored!.Indicatoren);
        Assert.Equal(live.Trechter, stored.Trechter);
        Assert.Contains("vooraf berekend", await client.GetStringAsync("/monitor"), StringComparison.Ordinal);
        Assert.Contains("vooraf berekend", await client.GetStringAsync("/monitor?wijk=Noord"), StringComparison.Ordinal);
        Assert.Contains("vooraf berekend", await client.GetStringAsync("/monitor?werkwijze=TeamVoorComplex"), StringComparison.Ordinal);
        var wijkNoord = await scope.ServiceProvider.GetRequiredService<MonitorSnapshots>().ReadAsync(null, from, to, default, wijk: "Noord");
        Assert.Equal((await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(null, from, to, default, wijk: "Noord")).Indicatoren, wijkNoord!.Indicatoren);
        // A team within a wijk, or another period, is computed when asked.
        var noordTeam = await db.Teams.Where(t => t.Wijk == "Noord").Select(t => t.Id).FirstAsync();
        Assert.Contains("nu berekend", await client.GetStringAsync($"/monitor?wijk=Noord&team={noordTeam}"), StringComparison.Ordinal);
        // Counts shown side by side are rounded to fives, so the difference of two steps cannot point at one household.
        Assert.Contains(live.Trechter, f => f.Aantal is not null);
        Assert.All(live.Trechter.Where(f => f.Aantal is not null), f => Assert.Equal(0, f.Aantal!.Value % 5));
        Assert.All(live.Maanden!.SelectMany(m => new[] { m.Instroom, m.Uitstroom }).Where(n => n is not null), n => Assert.Equal(0, n!.Value % 5));

        // Care workers do not get the monitor: it is for the municipality and team leads.
        using var worker = await _app.SignedInClientAsync();
        var refused = await worker.GetAsync("/monitor");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/geen-toegang", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
