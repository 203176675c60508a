using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Evaluaties;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Regie.Web.Tests;

public sealed class EvaluationDemoFixture : IAsyncLifetime
{
    /// <summary>The default demo's size: the planted effects must show there, not only in a larger one.</summary>
    public const int Households = DemoSeeder.DefaultHouseholds;
    public TestApp App { get; private set; } = default!;
    /// <summary>
    /// The demo is generated from a seed, but relative to today: on another day the starts fall differently over the quarters. The
    /// evaluation's figures hang on whole quarters of at least 10 households, so the fixture fixes the day the demo is made on (the
    /// clock still runs from there), and the planted effects are checked on the same data every day.
    /// </summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var clock = new ShiftedClock();
        clock.Advance(Today - DateTimeOffset.UtcNow);
        App = await TestApp.StartAsync(demoHouseholds: Households, clock: clock);
    }
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Issue 24: the policy officer evaluates the demo's change of triage model and Zuid's light support against the other teams, the
/// evaluation finds the effects the demo planted, and nobody else gets it.
/// </summary>
public sealed class EvaluationTests(EvaluationDemoFixture fixture, ITestOutputHelper output) : IClassFixture<EvaluationDemoFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<(Guid Triage, Guid LightSupport)> ChangesAsync()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var light = await db.Werkwijzewijzigingen.Where(w => w.Title == DemoEvaluations.LightSupportTitle).Select(w => w.Id).SingleAsync();
        var triage = await db.TriageConfigurations.OrderByDescending(c => c.ValidFrom).Select(c => c.Id).FirstAsync();
        return (triage, light);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Outcome(JsonElement answer, string key) => answer.GetProperty("uitkomsten").EnumerateArray().Single(u => u.GetProperty("sleutel").GetString() == key);

    private static double? Number(JsonElement e, string property) => e.GetProperty(property).ValueKind == JsonValueKind.Number ? e.GetProperty(property).GetDouble() : null;

    [Fact]
    public async Task Policy_officer_sees_the_triage_change_and_Zuids_light_support_evaluated_with_intervals()
    {
        var (triage, light) = await ChangesAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");

        var list = await JsonAsync(await beleid.GetAsync("/api/v1/evaluaties"));
        var changes = list.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetGuid());
        Assert.Equal("triagemodel", changes[triage].GetProperty("soort").GetString());
        Assert.Equal($"Triagemodel: van {Regie.Domain.Care.TriageRules.Label(Regie.Domain.Care.TriageModel.TeamVoorComplex).ToLowerInvariant()} naar {Regie.Domain.Care.TriageRules.Label(Regie.Domain.Care.TriageModel.TeamVoorAlles).ToLowerInvariant()}",
            changes[triage].GetProperty("titel").GetString());
        Assert.Equal("werkwijze", changes[light].GetProperty("soort").GetString());
        Assert.Equal(["Wijkteam Zuid"], changes[light].GetProperty("teams").EnumerateArray().Select(t => t.GetString()));

        // The triage change is six months old: an interrupted time series, with the days to first support (no horizon) estimated.
        var its = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{triage}?horizon=3"));
        Assert.Equal("onderbroken-tijdreeks", its.GetProperty("ontwerp").GetString());
        var days = Outcome(its, "dagen-tot-steun");
        output.WriteLine($"ITS days: {days.GetProperty("effect")}; cells {days.GetProperty("cellen")}");
        Assert.NotNull(Number(days.GetProperty("effect"), "waarde"));
        Assert.Equal(JsonValueKind.Object, days.GetProperty("effect").GetProperty("interval90").ValueKind);
        Assert.Equal(JsonValueKind.Object, days.GetProperty("niveauverandering").ValueKind);
        // With a horizon of 12 months nobody after a change of six months ago has been followed long enough.
        var twelve = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{triage}?horizon=12"));
        Assert.Contains("nog geen kwartaal na de wijziging is helemaal 12 maanden gevolgd", Outcome(twelve, "zwaarder").GetProperty("nietGetoond").GetString(), StringComparison.Ordinal);

        // Zuid against the other teams: a difference in differences, not withheld on at least two outcomes.
        var did = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{light}?horizon=3"));
        Assert.Equal("verschil-in-verschillen", did.GetProperty("ontwerp").GetString());
        Assert.Equal(["Wijkteam Centrum", "Wijkteam Noord", "Wijkteam Oost"], did.GetProperty("vergelijkingsteams").EnumerateArray().Select(t => t.GetString()));
        var shown = did.GetProperty("uitkomsten").EnumerateArray().Where(u => u.GetProperty("nietGetoond").ValueKind == JsonValueKind.Null).Select(u => u.GetProperty("sleutel").GetString()).ToList();
        output.WriteLine("DiD shown: " + string.Join(", ", shown));
        Assert.True(shown.Count >= 2, string.Join(", ", shown));
        Assert.Contains("dagen-tot-steun", shown);
        Assert.All(did.GetProperty("uitkomsten").EnumerateArray(), u => Assert.Equal(JsonValueKind.Object, u.GetProperty("pretrendVerschil").ValueKind));

        var page = await beleid.GetStringAsync($"/monitor/evaluatie?wijziging={light}&horizon=3");
        Assert.Contains(DemoEvaluations.LightSupportTitle, page, StringComparison.Ordinal);
        Assert.Contains("Verschil in verschillen", page, StringComparison.Ordinal);
        Assert.Contains("90%-interval", page, StringComparison.Ordinal);
        Assert.Contains("data-evaluation-chart", page, StringComparison.Ordinal);
        Assert.Contains("parallelle trends", page, StringComparison.Ordinal);
        // Without a choice the page evaluates the newest change: the triage model, six months ago.
        Assert.Contains("Onderbroken tijdreeks", await beleid.GetStringAsync("/monitor/evaluatie?horizon=3"), StringComparison.Ordinal);
        Assert.Contains("/monitor/evaluatie", await beleid.GetStringAsync("/monitor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_effect_planted_in_Zuid_is_recovered_within_its_interval()
    {
        var (_, light) = await ChangesAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        // The months after Zuid's change include the triage change, which the demo plants for every team alike: the comparison takes it out.
        var did = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{light}?horizon=3&voor=12&na=5"));
        var days = Outcome(did, "dagen-tot-steun").GetProperty("effect");
        output.WriteLine($"days: {days}; {Outcome(did, "dagen-tot-steun").GetProperty("cellen")}; {Outcome(did, "dagen-tot-steun").GetProperty("maanden")}; {did.GetProperty("geteldVanaf")}");
        // Planted: a wait of 3–20 days (mean 11.5) became 1 + a quarter of it (mean 3.5): 8 days sooner.
        var ci = days.GetProperty("interval95");
        Assert.InRange(-8.0, ci.GetProperty("laag").GetDouble(), ci.GetProperty("hoog").GetDouble());
        Assert.True(days.GetProperty("interval90").GetProperty("hoog").GetDouble() < 0, "the 90 % interval should lie below zero");
        // The demo also plants one point more for the help in Zuid, but within three months too few of Zuid's households give a mark:
        // the estimate is withheld there, as the small-number rule says, with its reason.
        Assert.Contains(Evaluation.WithheldReason, Outcome(did, "cijfer").GetProperty("nietGetoond").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_that_count_from_the_same_quarter_give_the_same_answer_so_subtracting_them_reveals_nothing()
    {
        await using var scope = _app.Scope();
        var zuid = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == "Wijkteam Zuid").Select(t => t.Id).SingleAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");

        // 20 March and 1 and 14 April all count from 1 April, the start of a quarter; the answers differ only in the date they repeat.
        var answers = new List<JsonElement>();
        foreach (var datum in new[] { "20-03-2026", "01-04-2026", "14-04-2026" })
            answers.Add(await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/adhoc?datum={datum}&teams={zuid}&horizon=3&voor=6&na=6")));
        Assert.All(answers, a => Assert.Equal("2026-04-01", a.GetProperty("geteldVanaf").GetString()));
        Assert.All(answers, a => Assert.Equal(answers[0].GetProperty("uitkomsten").GetRawText(), a.GetProperty("uitkomsten").GetRawText()));
        Assert.Equal(JsonValueKind.Null, answers[0].GetProperty("overgangskwartaal").ValueKind);
        // 16 April counts from 1 May, inside the quarter April–June, which then counts neither before nor after.
        var mid = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/adhoc?datum=16-04-2026&teams={zuid}&horizon=3"));
        Assert.Equal(("2026-07-01", "2026-04-01"), (mid.GetProperty("geteldVanaf").GetString(), mid.GetProperty("overgangskwartaal").GetString()));
    }

    [Fact]
    public async Task The_comparison_follows_the_team_not_its_name()
    {
        var (_, light) = await ChangesAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var before = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{light}?horizon=3"));

        // Noord renamed to Zuid's name: a comparison by name would count Noord's households as changed.
        await using (var scope = _app.Scope())
            await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == "Wijkteam Noord").ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, "Wijkteam Zuid"));
        try
        {
            var after = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{light}?horizon=3"));
            Assert.Equal(Outcome(before, "dagen-tot-steun").GetProperty("cellen").GetRawText(), Outcome(after, "dagen-tot-steun").GetProperty("cellen").GetRawText());
            Assert.Equal(["Wijkteam Centrum", "Wijkteam Oost", "Wijkteam Zuid"], after.GetProperty("vergelijkingsteams").EnumerateArray().Select(t => t.GetString()));
        }
        finally
        {
            await using var scope = _app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var zuid = Guid.Parse(await db.Werkwijzewijzigingen.Where(w => w.Id == light).Select(w => w.TeamIds).SingleAsync());
            await db.Teams.Where(t => t.Name == "Wijkteam Zuid" && t.Id != zuid).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, "Wijkteam Noord"));
        }
    }

    [Fact]
    public async Task The_api_answers_the_same_figures_as_the_page_and_the_exports_and_no_household()
    {
        var (_, light) = await ChangesAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var query = $"wijziging={light}&horizon=3&voor=12&na=6";
        var api = await JsonAsync(await beleid.GetAsync($"/api/v1/evaluaties/{light}?horizon=3&voor=12&na=6"));
        var page = System.Net.WebUtility.HtmlDecode(await beleid.GetStringAsync($"/monitor/evaluatie?{query}"));
        var csv = await beleid.GetStringAsync($"/monitor/evaluatie?handler=Csv&{query}");
        var pdf = await beleid.GetByteArrayAsync($"/monitor/evaluatie?handler=Pdf&{query}");
        var xlsx = await beleid.GetAsync($"/monitor/evaluatie?handler=Xlsx&{query}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        // The report's table may wrap a cell over two lines: compare without white space.
        var pdfRaw = string.Join("\n", PdfText.Pages(pdf));
        var pdfText = string.Concat(pdfRaw.Where(c => !char.IsWhiteSpace(c)));
        foreach (var u in api.GetProperty("uitkomsten").EnumerateArray())
        {
            var unit = u.GetProperty("eenheid").GetString()!;
            var effect = u.GetProperty("effect");
            var value = Number(effect, "waarde");
            Assert.Contains(EvaluationExports.Effect(value, unit), page, StringComparison.Ordinal);
            if (effect.GetProperty("interval90").ValueKind == JsonValueKind.Object)
            {
                var i = new Interval(effect.GetProperty("interval90").GetProperty("laag").GetDouble(), effect.GetProperty("interval90").GetProperty("hoog").GetDouble());
                Assert.Contains(EvaluationExports.Interval(i, unit), page, StringComparison.Ordinal);
                Assert.Contains(string.Concat(EvaluationExports.Interval(i, unit).Where(c => !char.IsWhiteSpace(c))), pdfText, StringComparison.Ordinal);
                Assert.Contains($"{u.GetProperty("naam").GetString()};Effect;{unit};{value!.Value.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))};"
                    + i.Laag.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), csv, StringComparison.Ordinal);
            }
        }

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var households = await db.Households.Select(h => new { h.Id, h.Naam }).ToListAsync();
        var bsns = await db.Persons.Where(p => p.Bsn != null).Select(p => p.Bsn!).ToListAsync();
        var rawApi = await beleid.GetStringAsync($"/api/v1/evaluaties/{light}?horizon=3");
        foreach (var text in new[] { rawApi, page, csv, pdfRaw })
        {
            Assert.DoesNotContain(households, h => text.Contains(h.Id.ToString(), StringComparison.OrdinalIgnoreCase) || text.Contains(h.Naam, StringComparison.Ordinal));
            Assert.DoesNotContain(bsns, b => text.Contains(b, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("teamleider@voorbeeld.nl")]
    [InlineData("regisseur@voorbeeld.nl")]
    [InlineData("woningcorporatie@voorbeeld.nl")]
    public async Task Nobody_but_the_policy_officer_gets_the_evaluation(string email)
    {
        var (_, light) = await ChangesAsync();
        using var client = await _app.SignedInClientAsync(email);
        foreach (var path in new[] { "/monitor/evaluatie", $"/monitor/evaluatie?handler=Csv&wijziging={light}", $"/monitor/evaluatie?handler=Pdf&wijziging={light}",
                     $"/monitor/evaluatie?handler=Xlsx&wijziging={light}", "/monitor/evaluatie/wijzigingen" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden || (page.StatusCode == HttpStatusCode.Redirect
                && page.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal)), $"{path}: {page.StatusCode}");
        }
        foreach (var path in new[] { "/api/v1/evaluaties", $"/api/v1/evaluaties/{light}", "/api/v1/evaluaties/adhoc?datum=01-01-2026" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("/monitor/evaluatie", email == "teamleider@voorbeeld.nl" ? await client.GetStringAsync("/monitor") : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipalitys_change_or_an_unknown_id_is_not_found()
    {
        var foreign = await new Given(_app).PracticeChangeOfAnotherMunicipality();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        foreach (var id in new[] { foreign, Guid.NewGuid() })
        {
            var api = await beleid.GetAsync($"/api/v1/evaluaties/{id}");
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await beleid.GetAsync($"/monitor/evaluatie?wijziging={id}")).StatusCode);
        }
        Assert.DoesNotContain(foreign.ToString(), await beleid.GetStringAsync("/api/v1/evaluaties"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_get_a_problem_with_a_stable_code()
    {
        var (triage, _) = await ChangesAsync();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        string teams;
        await using (var scope = _app.Scope())
            teams = string.Join(",", await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Select(t => t.Id).ToListAsync());
        foreach (var (path, code) in new[]
        {
            ($"/api/v1/evaluaties/{triage}?horizon=5", EvaluationRules.HorizonInvalidCode),
            ($"/api/v1/evaluaties/{triage}?voor=0", EvaluationRules.MonthsInvalidCode),
            ($"/api/v1/evaluaties/{triage}?na=veel", EvaluationRules.MonthsInvalidCode),
            ("/api/v1/evaluaties/adhoc?datum=gisteren", Regie.Domain.Common.DutchDate.InvalidCode),
            ("/api/v1/evaluaties/adhoc", Regie.Domain.Common.DutchDate.InvalidCode),
            ("/api/v1/evaluaties/adhoc?datum=01-01-2099", Regie.Domain.Common.DateRules.TooLateCode),
            ($"/api/v1/evaluaties/adhoc?datum=01-01-2026&teams={Guid.NewGuid()}", EvaluationRules.TeamUnknownCode),
            ($"/api/v1/evaluaties/adhoc?datum=01-01-2026&teams={teams}", EvaluationRules.NoComparisonCode),
        })
        {
            var response = await beleid.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
        // A date of one's own, for the whole municipality: an interrupted time series.
        var own = await JsonAsync(await beleid.GetAsync("/api/v1/evaluaties/adhoc?datum=2026-06-01&horizon=6"));
        Assert.Equal("onderbroken-tijdreeks", own.GetProperty("ontwerp").GetString());
        // The page shows the error at its field.
        var page = await beleid.GetStringAsync($"/monitor/evaluatie?wijziging={triage}&horizon=5");
        Assert.Contains("Kies een horizon van 3, 6 of 12 maanden.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_officer_records_a_change_of_working_practice_and_bad_input_saves_nothing()
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        int Count(RegieDbContext db) => db.Werkwijzewijzigingen.Count();
        int before;
        Guid noord;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            before = Count(db);
            noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
        }
        var refused = await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string> { ["Input.Datum"] = "31-02-2026", ["Input.Titel"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Vul de datum van de wijziging in als dd-mm-jjjj.", html, StringComparison.Ordinal);
        Assert.Contains("Vul de titel van de wijziging in.", html, StringComparison.Ordinal);
        Assert.Contains("Kies het team of de teams die anders gingen werken.", html, StringComparison.Ordinal);
        await using (var scope = _app.Scope()) Assert.Equal(before, Count(scope.ServiceProvider.GetRequiredService<RegieDbContext>()));

        var saved = await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string>
        {
            ["Input.Datum"] = "01-03-2026", ["Input.Titel"] = "Eén vaste regisseur per huishouden", ["Input.Teams"] = noord.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal(before + 1, Count(db));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Resource == Regie.Web.Features.Audit.AuditResources.PracticeChange));
        }
        Assert.Contains("Eén vaste regisseur per huishouden", System.Net.WebUtility.HtmlDecode(await beleid.GetStringAsync("/monitor/evaluatie/wijzigingen")), StringComparison.Ordinal);
    }
}
