using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Scenarios;
using Regie.Web.Infrastructure;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>
/// The scenario cockpit's estimates from a municipality's own data (issue 24): a share is taken from the data only when the
/// households it counts and the rest are each at least 10, shares are whole percents and counts in the sources are rounded to
/// fives; the chance of maatwerk or specialist care is calibrated only on households that can have been followed 12 months.
/// Each test has a municipality of its own, so the data are exactly what the test wrote.
/// </summary>
public sealed class ScenarioEstimateTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private readonly TestApp _app = fixture.App;
    private static readonly DateOnly From = new(2025, 7, 1), To = new(2026, 6, 30);

    private sealed record Request(DateOnly Received, CaseClass? Class = null, bool Maatwerk = false, DateOnly? Specialist = null);

    private AsyncServiceScope Scope(string gemeentecode)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(gemeentecode, "test-user", "Test Beleid");
        return scope;
    }

    /// <summary><paramref name="households"/> households, the first of which asked what <paramref name="requests"/> says, one request each.</summary>
    private async Task SeedAsync(string gemeentecode, int households, IReadOnlyList<Request> requests)
    {
        await using var scope = Scope(gemeentecode);
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < households; i++)
        {
            var h = new Household { Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Naam = $"Huishouden {i}", Straat = "Schatweg", Huisnummer = i + 1, Postcode = "9911AB", Woonplaats = "Schatting", CreatedAt = now, UpdatedAt = now };
            db.Households.Add(h);
            if (i >= requests.Count) continue;
            var r = requests[i];
            db.HelpRequests.Add(new HelpRequest
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = h.Id, Source = RequestSource.Inwoner, Description = "Vraag",
                ReceivedOn = r.Received, Maatwerk = r.Maatwerk, RegisteredBy = "test-user", RegisteredAt = now, IntakeOn = r.Class is null ? null : r.Received, CaseClass = r.Class,
            });
            if (r.Specialist is { } on)
                db.HouseholdEvents.Add(new HouseholdEvent
                {
                    Gemeentecode = gemeentecode, HouseholdId = h.Id, Type = EventTypes.DecisionTaken, OccurredAt = now, EffectiveDate = on,
                    ActorId = "test-user", ActorName = "Test", Summary = "Beschikking", Data = "{\"uitkomst\":\"toegekend\",\"specialistisch\":true}",
                });
        }
        await db.SaveChangesAsync();
    }

    private async Task<ScenarioParameters> EstimateAsync(string gemeentecode)
    {
        await using var scope = Scope(gemeentecode);
        return (await scope.ServiceProvider.GetRequiredService<ScenarioQueries>().EstimateAsync(From, To, CancellationToken.None)).Parameters;
    }

    private static readonly ScenarioParameters Defaults = ScenarioParameters.Defaults();

    [Fact]
    public async Task A_zrm_class_of_fewer_than_ten_households_keeps_the_default_and_no_source_names_a_small_count()
    {
        // 78 households, 46 asked in the year: 6 screened "geen zorg" (too few), 17 "enkelvoudig", 12 "meervoudig", 11 "acuut";
        // 7 asked for maatwerk (too few).
        var classes = Enumerable.Repeat(CaseClass.GeenZorg, 6).Concat(Enumerable.Repeat(CaseClass.Enkelvoudig, 17))
            .Concat(Enumerable.Repeat(CaseClass.Meervoudig, 12)).Concat(Enumerable.Repeat(CaseClass.Acuut, 11)).ToList();
        await SeedAsync("0901", 78, classes.Select((c, i) => new Request(new DateOnly(2026, 1, 15), c, Maatwerk: i < 7)).ToList());

        var p = await EstimateAsync("0901");

        Assert.Equal(Defaults[ScenarioParameters.KlasseGeenZorg].Base, p[ScenarioParameters.KlasseGeenZorg].Base);
        Assert.EndsWith("eigen gegevens te weinig (minder dan 10 huishoudens in de groep of daarbuiten): standaardwaarde", p[ScenarioParameters.KlasseGeenZorg].Source);
        Assert.Equal((0.37, 0.32, 0.42), (p[ScenarioParameters.KlasseEnkelvoudig].Base, p[ScenarioParameters.KlasseEnkelvoudig].Low, p[ScenarioParameters.KlasseEnkelvoudig].High));
        Assert.Equal(0.26, p[ScenarioParameters.KlasseMeervoudig].Base);
        Assert.Equal(0.24, p[ScenarioParameters.KlasseAcuut].Base);
        Assert.Equal("Eigen gegevens: ZRM-screening bij de intake, ongeveer 45 hulpvragen van ongeveer 45 huishoudens, periode 01-07-2025 t/m 30-06-2026 (bereik ± 5 procentpunt)",
            p[ScenarioParameters.KlasseAcuut].Source);
        Assert.Equal(Defaults[ScenarioParameters.Maatwerkvraag].Base, p[ScenarioParameters.Maatwerkvraag].Base);
        Assert.EndsWith("standaardwaarde", p[ScenarioParameters.Maatwerkvraag].Source);
        Assert.Equal(0.59, p[ScenarioParameters.Instroom].Base);
        Assert.StartsWith("Eigen gegevens: ongeveer 45 huishoudens met een hulpvraag", p[ScenarioParameters.Instroom].Source);

        // None of the exact counts (6, 7, 11, 12, 17, 46) appears in a source that rests on the data.
        var exact = new Regex(@"(?<![\d.,-])(6|7|11|12|17|46)(?![\d.,-]| maanden)");
        for (var i = ScenarioParameters.Instroom; i <= ScenarioParameters.KansAcuut; i++)
            Assert.False(exact.IsMatch(p[i].Source), p[i].Source);
    }

    [Fact]
    public async Task Calibration_counts_only_households_followed_for_twelve_months_and_falls_back_below_ten()
    {
        // This year's 30 households all reached specialist care, but none can have been followed 12 months yet; of the year
        // before, 8 households asked: too few to calibrate on.
        var recent = Enumerable.Range(0, 30).Select(_ => new Request(new DateOnly(2026, 1, 15), Specialist: new DateOnly(2026, 2, 1)));
        var followed = Enumerable.Range(0, 8).Select(_ => new Request(new DateOnly(2024, 9, 1)));
        await SeedAsync("0902", 60, [.. recent, .. followed]);

        var p = await EstimateAsync("0902");

        for (var i = ScenarioParameters.KansGeenZorg; i <= ScenarioParameters.KansAcuut; i++)
        {
            Assert.Equal(Defaults[i].Base, p[i].Base);
            Assert.EndsWith(" — te weinig huishoudens die al 12 maanden gevolgd konden worden (eerste hulpvraag in 01-07-2024 t/m 30-06-2025: minder dan 10 huishoudens): standaardwaarde", p[i].Source);
        }

        // With 22 households of the year before, 11 of whom reached specialist care within 12 months (one more got it later, which
        // does not count), the calibration rests on those 22 alone: 50 %, not the 100 % of this year.
        var reached = Enumerable.Range(0, 11).Select(_ => new Request(new DateOnly(2024, 9, 1), Specialist: new DateOnly(2024, 12, 1)));
        var late = new Request(new DateOnly(2024, 9, 1), Specialist: new DateOnly(2025, 10, 1));
        var not = Enumerable.Range(0, 10).Select(_ => new Request(new DateOnly(2024, 9, 1)));
        await SeedAsync("0903", 60, [.. recent, .. reached, late, .. not]);

        p = await EstimateAsync("0903");

        Assert.StartsWith("Aanname geschaald naar eigen gegevens: 50 % van ongeveer 20 huishoudens met een eerste hulpvraag in 01-07-2024 t/m 30-06-2025 kreeg binnen 12 maanden maatwerk of specialistische zorg",
            p[ScenarioParameters.KansMeervoudig].Source);
        Assert.DoesNotContain("begrensd", p[ScenarioParameters.KansMeervoudig].Source);
        Assert.NotEqual(Defaults[ScenarioParameters.KansMeervoudig].Base, p[ScenarioParameters.KansMeervoudig].Base);
    }

    [Fact]
    public async Task The_back_test_withholds_an_observed_share_of_fewer_than_ten_households_and_rounds_the_count()
    {
        // A change of model on 1 July 2025; after it 43 households asked, 4 of whom reached specialist care.
        var reached = Enumerable.Range(0, 4).Select(_ => new Request(new DateOnly(2025, 9, 1), Specialist: new DateOnly(2025, 11, 1)));
        var not = Enumerable.Range(0, 39).Select(_ => new Request(new DateOnly(2025, 9, 1)));
        await SeedAsync("0905", 80, [.. reached, .. not]);
        Guid change;
        await using (var scope = Scope("0905"))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            foreach (var (model, from) in new[] { (TriageModel.TeamVoorAlles, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), (TriageModel.TeamVoorComplex, new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc)) })
                db.TriageConfigurations.Add(new TriageConfiguration { Id = Guid.CreateVersion7(), Gemeentecode = "0905", Model = model, Routes = "", ValidFrom = from, ChangedBy = "Test" });
            await db.SaveChangesAsync();
            change = (await scope.ServiceProvider.GetRequiredService<ScenarioQueries>().ChangesAsync(CancellationToken.None)).Single().Id;
        }

        await using var s = Scope("0905");
        var view = (await s.ServiceProvider.GetRequiredService<ScenarioQueries>().BackTestAsync(change, CancellationToken.None))!;

        Assert.Equal(45, view.Rijen.Single(r => r.Key == "huishoudens").Observed);
        Assert.Null(view.Rijen.Single(r => r.Key == "aandeelMaatwerk").Observed);
    }

    [Fact]
    public async Task The_back_test_shows_no_share_reaching_care_for_households_not_yet_followed_twelve_months()
    {
        // A change eight months ago; seven months ago 30 households asked, 15 of whom reached specialist care: enough on both sides,
        // but none of them can have been followed 12 months yet, so the share would be a guess that grows as time passes.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var reached = Enumerable.Range(0, 15).Select(_ => new Request(today.AddMonths(-7), Specialist: today.AddMonths(-6)));
        var not = Enumerable.Range(0, 15).Select(_ => new Request(today.AddMonths(-7)));
        await SeedAsync("0906", 60, [.. reached, .. not]);
        Guid change;
        await using (var scope = Scope("0906"))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            foreach (var (model, from) in new[] { (TriageModel.TeamVoorAlles, today.AddYears(-3)), (TriageModel.TeamVoorComplex, today.AddMonths(-8)) })
                db.TriageConfigurations.Add(new TriageConfiguration { Id = Guid.CreateVersion7(), Gemeentecode = "0906", Model = model, Routes = "", ValidFrom = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ChangedBy = "Test" });
            await db.SaveChangesAsync();
            change = (await scope.ServiceProvider.GetRequiredService<ScenarioQueries>().ChangesAsync(CancellationToken.None)).Single().Id;
        }

        await using var s = Scope("0906");
        var view = (await s.ServiceProvider.GetRequiredService<ScenarioQueries>().BackTestAsync(change, CancellationToken.None))!;

        Assert.Equal(30, view.Rijen.Single(r => r.Key == "huishoudens").Observed);
        Assert.Null(view.Rijen.Single(r => r.Key == "aandeelMaatwerk").Observed);
    }

    [Fact]
    public async Task A_calibration_that_hits_its_bound_says_so_in_its_source()
    {
        // 10 of 300 households followed for a year reached specialist care: far fewer than a fifth of what the defaults predict.
        var reached = Enumerable.Range(0, 10).Select(_ => new Request(new DateOnly(2024, 9, 1), Specialist: new DateOnly(2024, 12, 1)));
        var not = Enumerable.Range(0, 290).Select(_ => new Request(new DateOnly(2024, 9, 1)));
        await SeedAsync("0904", 320, [.. reached, .. not]);

        var p = await EstimateAsync("0904");

        Assert.Equal(0.06, p[ScenarioParameters.KansEnkelvoudig].Base);
        Assert.EndsWith("factor 0,20 op de standaardkans (begrensd: de eigen gegevens wijken meer af dan een factor 0,2 tot 5 op de standaardkans; de werkelijke kans ligt lager)",
            p[ScenarioParameters.KansEnkelvoudig].Source);
        Assert.Contains("3 % van ongeveer 300 huishoudens", p[ScenarioParameters.KansEnkelvoudig].Source);
    }
}
