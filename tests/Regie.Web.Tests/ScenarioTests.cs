using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Scenarios;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

public sealed class ScenarioFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    // The demo with households: its requests, decisions and cost entries feed the estimate, and it saves the two demo scenarios.
    public async Task InitializeAsync() => App = await TestApp.StartAsync(demoHouseholds: 120);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The policy officer's scenarios (issue 24): the cockpit, saving and reproducing, the demo's two scenarios, the refusals at each
/// field, the exports and the read-only API; nobody but the policy officer reaches any of it.
/// </summary>
public sealed partial class ScenarioTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private readonly TestApp _app = fixture.App;
    private const string Beleid = "beleid@voorbeeld.nl";

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\b(name|value|type)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    /// <summary>Every field of the cockpit as the page filled it (checked boxes only), as a browser without script would send it.</summary>
    private static async Task<List<KeyValuePair<string, string>>> CockpitAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/monitor/scenarios/nieuw");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(html))
        {
            var attributes = AttributePattern().Matches(input.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            if (!attributes.TryGetValue("name", out var name) || !name.StartsWith("Input.", StringComparison.Ordinal)) continue;
            if (attributes.GetValueOrDefault("type") == "checkbox" && !input.Value.Contains("checked", StringComparison.Ordinal)) continue;
            fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
        }
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)));
        return fields;
    }

    private static List<KeyValuePair<string, string>> Set(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private async Task<int> ScenarioCountAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Scenarios.IgnoreQueryFilters().CountAsync();
    }

    private async Task<Scenario> DemoScenarioAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Scenarios.IgnoreQueryFilters().SingleAsync(s => s.Name == name);
    }

    [Fact]
    public async Task Policy_officer_runs_a_scenario_saves_it_and_gets_the_identical_result_again()
    {
        using var client = await _app.SignedInClientAsync(Beleid);
        var fields = await CockpitAsync(client);
        Assert.Contains(fields, f => f.Key == "Input.Parameters[kosten-per-fte].Basis");
        Assert.Equal(2, fields.Count(f => f.Key == "Input.Modellen"));

        var run = await client.PostAsync("/monitor/scenarios/nieuw", new FormUrlEncodedContent(fields));
        var html = await run.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("Uitkomst (startgetal 2024, 10.000 rekenrondes; niet opgeslagen)", html);
        Assert.Contains("data-scenario-chart", html);

        var before = await ScenarioCountAsync();
        fields = Set(Set(fields, "Input.Naam", "Toets voor de raad"), "Input.Parameters[tarief-wmo].Basis", "3500");
        var saved = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(before + 1, await ScenarioCountAsync());

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var stored = await db.Scenarios.IgnoreQueryFilters().SingleAsync(s => s.Id == id);
            Assert.Equal((2024, 10_000, "Toets voor de raad"), (stored.Seed, stored.Runs, stored.Name));
            var wmo = ScenarioQueries.Parameters(stored).Find("tarief-wmo")!;
            Assert.Equal((3500, true), (wmo.Base, wmo.Changed));
            Assert.False(ScenarioQueries.Parameters(stored).Find("tarief-jeugd-ambulant")!.Changed);
            Assert.True(SaveScenarioHandler.Reproduces(stored));
            Assert.Equal(MonteCarlo.ModelVersion, stored.ModelVersion);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Resource == AuditResources.Scenario && a.Action == AuditActions.Create && a.Detail!.Contains(id.ToString())));
        }

        var page = await client.GetStringAsync($"/monitor/scenarios/{id}");
        Assert.Contains("Toets voor de raad", page);
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var again = await client.PostAsync($"/monitor/scenarios/{id}?handler=Recompute", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("elke uitkomst is precies gelijk aan de opgeslagen uitkomst", await again.Content.ReadAsStringAsync());

        var deleted = await client.PostAsync($"/monitor/scenarios/{id}?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(before, await ScenarioCountAsync());
        await using (var scope = _app.Scope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
                .Where(a => a.Resource == AuditResources.Scenario && a.Detail!.Contains(id.ToString())).Select(a => a.Action).ToListAsync();
            Assert.Equal([AuditActions.Create, AuditActions.Delete], entries.Order().ToList());
        }
    }

    [Fact]
    public async Task Demo_has_todays_model_and_the_cpb_suggestion_and_the_suggestion_sends_fewer_households_to_maatwerk()
    {
        var today = await DemoScenarioAsync(DemoScenarios.TodayName);
        var cpb = await DemoScenarioAsync(DemoScenarios.CpbName);
        Assert.Equal((DemoScenarios.Seed, DemoScenarios.Runs), (today.Seed, today.Runs));
        Assert.Equal([ScenarioModel.TeamVoorAlles], ScenarioQueries.Models(today));
        Assert.Equal([ScenarioModel.TeamVoorAlles, ScenarioModel.TeamVoorComplex], ScenarioQueries.Models(cpb));

        var now = ScenarioQueries.Result(today).Result.For(ScenarioModel.TeamVoorAlles)!;
        var suggestion = ScenarioQueries.Result(cpb).Result.For(ScenarioModel.TeamVoorComplex)!;
        // Same data and seed: the team-for-everything model is the same in both scenarios.
        Assert.Equal(now[ScenarioOutput.TotaleKosten].Mean, ScenarioQueries.Result(cpb).Result.For(ScenarioModel.TeamVoorAlles)![ScenarioOutput.TotaleKosten].Mean);
        // The CPB's direction: without the team in between for single questions, fewer referrals to maatwerk, less staff, lower cost.
        Assert.True(suggestion[ScenarioOutput.Maatwerk].Mean < now[ScenarioOutput.Maatwerk].Mean);
        Assert.True(suggestion[ScenarioOutput.Formatie].Mean < now[ScenarioOutput.Formatie].Mean);
        Assert.True(suggestion[ScenarioOutput.TotaleKosten].Mean < now[ScenarioOutput.TotaleKosten].Mean);
        Assert.True(SaveScenarioHandler.Reproduces(cpb));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_each_field_in_Dutch_and_nothing_is_saved()
    {
        using var client = await _app.SignedInClientAsync(Beleid);
        var fields = (await CockpitAsync(client)).Where(f => f.Key != "Input.Modellen").ToList();
        fields = Set(fields, "Input.Parameters[instroom].Basis", "veel");
        fields = Set(fields, "Input.Parameters[tarief-wmo].Laag", "9000");
        fields = Set(fields, "Input.Parameters[maatwerkvraag].Hoog", "1,5");
        fields = Set(fields, "Input.Seed", "-1");
        fields = Set(fields, "Input.Runs", "20001");
        fields = Set(fields, "Input.Naam", "");
        var before = await ScenarioCountAsync();

        var response = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vul een naam voor het scenario in.", html);
        Assert.Contains("Huishoudens met een hulpvraag per jaar: vul een getal in, bijvoorbeeld 0,25 of 68.500.", html);
        Assert.Contains("Tarief maatwerk Wmo per huishouden per jaar: de ondergrens ligt boven de basiswaarde.", html);
        Assert.Contains("Aandeel vragen waarin maatwerk wordt gevraagd: vul een getal in tussen 0 en 1.", html);
        Assert.Contains("Vul als startgetal een heel getal van 0 of meer in.", html);
        Assert.Contains("Vul een aantal rekenrondes in van 1 tot en met 20.000.", html);
        Assert.Contains("Kies ten minste één werkwijze om te vergelijken.", html);
        // Each message sits at its field.
        Assert.Contains("id=\"Input_Parameters_instroom__Basis-error\"", html);
        Assert.Contains("id=\"Input_Parameters_tarief-wmo__Laag-error\"", html);
        Assert.Equal(before, await ScenarioCountAsync());
    }

    [Fact]
    public async Task An_astronomical_tariff_is_refused_at_its_field_instead_of_breaking_the_page()
    {
        using var client = await _app.SignedInClientAsync(Beleid);
        var fields = Set(Set(await CockpitAsync(client), "Input.Parameters[tarief-wmo].Hoog", "1" + new string('0', 307)), "Input.Naam", "Oneindig");
        var before = await ScenarioCountAsync();

        foreach (var handler in new[] { "", "?handler=Save" })
        {
            var response = await client.PostAsync("/monitor/scenarios/nieuw" + handler, new FormUrlEncodedContent(fields));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Tarief maatwerk Wmo per huishouden per jaar: vul een getal in tussen 0 en 1.000.000.", html);
            Assert.Contains("id=\"Input_Parameters_tarief-wmo__Hoog-error\"", html);
        }
        Assert.Equal(before, await ScenarioCountAsync());
    }

    public static TheoryData<string> Outsiders => new() { "teamleider@voorbeeld.nl", "regisseur@voorbeeld.nl", "woningcorporatie@voorbeeld.nl" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Nobody_but_the_policy_officer_reaches_pages_exports_or_api(string email)
    {
        var id = (await DemoScenarioAsync(DemoScenarios.CpbName)).Id;
        using var client = await _app.SignedInClientAsync(email);
        foreach (var page in new[] { "/monitor/scenarios", "/monitor/scenarios/nieuw", $"/monitor/scenarios/{id}", $"/monitor/scenarios/{id}?handler=Pdf",
                     $"/monitor/scenarios/{id}?handler=Csv", $"/monitor/scenarios/{id}?handler=Xlsx", "/monitor/scenarios/terugblik" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal((page, HttpStatusCode.Redirect, "/geen-toegang"), (page, response.StatusCode, response.Headers.Location?.AbsolutePath ?? new Uri(_app.BaseAddress, response.Headers.Location!).AbsolutePath));
        }
        foreach (var api in new[] { "/api/v1/scenario's", $"/api/v1/scenario's/{id}" })
            Assert.Equal((api, HttpStatusCode.Forbidden), (api, (await client.GetAsync(api)).StatusCode));
    }

    [Fact]
    public async Task Another_municipalitys_scenario_is_not_found_and_a_malformed_id_is_refused()
    {
        var other = (await DemoScenarioAsync(DemoScenarios.TodayName));
        Guid elsewhere;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var copy = SaveScenarioHandler.Create("0363", "Elders", null,
                new ScenarioRun(ScenarioQueries.Parameters(other), ScenarioQueries.Models(other), 1, 10, other.DataDate, ScenarioQueries.Result(other)), "x", "Elders", DateTime.UtcNow);
            db.Scenarios.Add(copy);
            await db.SaveChangesAsync();
            elsewhere = copy.Id;
        }
        using var client = await _app.SignedInClientAsync(Beleid);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/monitor/scenarios/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/monitor/scenarios/{elsewhere}?handler=Pdf")).StatusCode);
        var api = await client.GetAsync($"/api/v1/scenario's/{elsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("Elders", await client.GetStringAsync("/api/v1/scenario's"));

        var bad = await client.GetAsync("/api/v1/scenario%27s/geen-guid");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ScenariosApi.IdInvalidCode, JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_api_answers_the_saved_figures()
    {
        var cpb = await DemoScenarioAsync(DemoScenarios.CpbName);
        var stored = ScenarioQueries.Result(cpb).Result.For(ScenarioModel.TeamVoorComplex)!;
        using var client = await _app.SignedInClientAsync(Beleid);

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/scenario's")).RootElement;
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == cpb.Id && s.GetProperty("naam").GetString() == DemoScenarios.CpbName);

        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/scenario's/{cpb.Id}")).RootElement;
        Assert.Equal(2024, detail.GetProperty("seed").GetInt32());
        Assert.Equal(10_000, detail.GetProperty("rekenrondes").GetInt32());
        Assert.Equal(MonteCarlo.ModelVersion, detail.GetProperty("modelversie").GetInt32());
        Assert.Equal(cpb.DataDate.ToString("yyyy-MM-dd"), detail.GetProperty("standVan").GetString());
        Assert.Equal(ScenarioParameters.Count, detail.GetProperty("parameters").GetArrayLength());
        var model = detail.GetProperty("uitkomsten").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "TeamVoorComplex");
        var cost = model.GetProperty("uitkomsten").EnumerateArray().Single(o => o.GetProperty("sleutel").GetString() == "totaleKosten");
        Assert.Equal(Math.Round(stored[ScenarioOutput.TotaleKosten].Mean, 0, MidpointRounding.AwayFromZero), cost.GetProperty("gemiddelde").GetDouble());
        Assert.Equal(Math.Round(stored[ScenarioOutput.TotaleKosten].P10, 0, MidpointRounding.AwayFromZero), cost.GetProperty("p10").GetDouble());
        Assert.Equal(Math.Round(stored[ScenarioOutput.TotaleKosten].P90, 0, MidpointRounding.AwayFromZero), cost.GetProperty("p90").GetDouble());
        Assert.Equal("TeamVoorAlles", detail.GetProperty("gevoeligheid").GetProperty("vergelekenMet").GetString());
    }

    [Fact]
    public async Task Policy_officer_downloads_the_scenario_as_pdf_csv_and_xlsx()
    {
        var id = (await DemoScenarioAsync(DemoScenarios.CpbName)).Id;
        using var client = await _app.SignedInClientAsync(Beleid);

        var pdf = await client.GetAsync($"/monitor/scenarios/{id}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var csv = await client.GetAsync($"/monitor/scenarios/{id}?handler=Csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith($"Scenario;{DemoScenarios.CpbName};startgetal 2024;10000 rekenrondes;", text.TrimStart('\uFEFF'));
        Assert.Contains("Werkwijze;Uitkomst;Eenheid;Basis;Gemiddelde;Mediaan;P10;P90", text);
        Assert.Contains("Sleutel;Aanname;Eenheid;Basis;Laag;Hoog;Aangepast;Bron", text);

        var xlsx = await client.GetAsync($"/monitor/scenarios/{id}?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task Policy_officer_sees_the_demos_triage_change_predicted_next_to_what_followed()
    {
        using var client = await _app.SignedInClientAsync(Beleid);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/monitor/scenarios/terugblik"));

        Assert.Contains($"{ScenarioModels.Label(ScenarioModel.TeamVoorComplex)} → {ScenarioModels.Label(ScenarioModel.TeamVoorAlles)}", html);
        Assert.Contains("Aandeel naar maatwerk of specialistische zorg", html);
        Assert.Contains("Voorspeld", html);
    }
}
