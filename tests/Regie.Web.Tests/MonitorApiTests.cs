using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Monitor;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

public sealed class MonitorApiFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(demoHouseholds: 120);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The municipality's BI tool reads the monitor as JSON: the page's figures, withheld cells and all, for the policy officer only.</summary>
public sealed class MonitorApiTests(MonitorApiFixture fixture) : IClassFixture<MonitorApiFixture>
{
    private readonly TestApp _app = fixture.App;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<Guid> TeamAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private static async Task<MonitorAnswer> ReadAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/monitor" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<MonitorAnswer>(Json))!;
    }

    private static async Task<(string Code, string Field)> RefusedAsync(HttpClient client, string query, HttpStatusCode status)
    {
        var response = await client.GetAsync("/api/v1/monitor" + query);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        return (problem.GetProperty("code").GetString()!, errors.GetArrayLength() > 0 ? errors[0].GetProperty("field").GetString()! : "");
    }

    /// <summary>The CSV's indicator rows by label: value and households as the export writes them.</summary>
    private static Dictionary<string, (string Value, string Households, string Note)> CsvRows(string csv) =>
        csv.Split('\n').Skip(2).TakeWhile(l => l.Trim().Length > 0).Select(l => l.TrimEnd('\r').Split(';'))
            .ToDictionary(c => c[1], c => (c[2], c[4], c[5]));

    private static void SameAsCsv(MonitorAnswer api, string csv)
    {
        var rows = CsvRows(csv);
        Assert.Equal(rows.Count, api.Indicatoren.Count);
        foreach (var i in api.Indicatoren)
        {
            var (value, households, note) = rows[i.Naam];
            Assert.Equal(value, i.Achtergehouden ? "" : MonitorQuery.Value(new Indicator(i.Doel, i.Sleutel, i.Naam, i.Definitie, i.Waarde, i.Eenheid, 0, false)));
            Assert.Equal(households, i.Achtergehouden ? "<10" : i.Huishoudens!.Value.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(note.Length > 0, i.Achtergehouden);
        }
    }

    [Fact]
    public async Task Policy_officer_reads_the_same_figures_as_the_page_export_for_the_same_period_and_scope()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The standard period, the whole municipality: the precomputed figures, as the page reads them.
        await MonitorRefreshJob.RefreshAllAsync(_app.Services.GetRequiredService<IServiceScopeFactory>(), default);
        var whole = await ReadAsync(client, "");
        Assert.True(whole.Voorberekend);
        // Twelve whole months and the running month up to today.
        var yearAgo = today.AddYears(-1).AddDays(1);
        Assert.Equal((new DateOnly(yearAgo.Year, yearAgo.Month, 1), today), (whole.Periode.Van, whole.Periode.Tot));
        Assert.Equal((yearAgo, today), (whole.Periode.GevraagdVan, whole.Periode.GevraagdTot));
        Assert.Equal("Alle teams", whole.Bereik.Omschrijving);
        Assert.Equal(MonitorIndicators.MinimumHouseholds, whole.MinimumHuishoudens);
        SameAsCsv(whole, await client.GetStringAsync("/monitor?handler=Csv"));
        // Several figures shown, not all withheld: the comparison compares numbers.
        Assert.True(whole.Indicatoren.Count(i => i.Waarde is not null) >= 5, string.Join(", ", whole.Indicatoren.Select(i => $"{i.Sleutel}={i.Waarde}")));
        Assert.Contains(whole.Indicatoren, i => i.Sleutel == "instroom" && i.Waarde > 0);
        Assert.NotNull(whole.Vroegsignalering);
        Assert.NotNull(whole.Toewijzingen);

        // Another period and a team: computed now, the same as the page computes it, funnel and months included.
        var noord = await TeamAsync("Wijkteam Noord");
        var (van, tot) = (today.AddMonths(-8), today.AddDays(-3));
        var team = await ReadAsync(client, $"?team={noord}&van={van:yyyy-MM-dd}&tot={tot:yyyy-MM-dd}");
        Assert.False(team.Voorberekend);
        // Widened to whole months; the end day lies in the running month (or the one before), which ends today.
        var lastOfTot = new DateOnly(tot.Year, tot.Month, 1).AddMonths(1).AddDays(-1);
        Assert.Equal((new DateOnly(van.Year, van.Month, 1), lastOfTot > today ? today : lastOfTot), (team.Periode.Van, team.Periode.Tot));
        Assert.Equal((van, tot), (team.Periode.GevraagdVan, team.Periode.GevraagdTot));
        Assert.Equal(noord, team.Bereik.Team);
        Assert.Null(team.Vroegsignalering);
        Assert.Null(team.Toewijzingen);
        SameAsCsv(team, await client.GetStringAsync($"/monitor?handler=Csv&team={noord}&van={DutchDate.Format(van)}&tot={DutchDate.Format(tot)}"));
        await using var scope = _app.Scope();
        var live = await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(noord, team.Periode.Van, team.Periode.Tot, default);
        Assert.Equal(live.Trechter.Select(f => (f.Stap, f.Aantal)), team.Trechter.Select(f => (f.Naam, f.Aantal)));
        Assert.Equal(live.Maanden!.Select(m => (m.Maand, m.Instroom, m.Uitstroom)), team.Maanden.Select(m => (m.Maand, m.Instroom, m.Uitstroom)));
        Assert.Equal(live.Indicatoren.Where(i => !i.Suppressed).Select(i => (i.Key, i.Value, i.Households)),
            team.Indicatoren.Where(i => !i.Achtergehouden).Select(i => (i.Sleutel, i.Waarde, i.Huishoudens!.Value)));

        // A wijk and a working model are the page's filters too.
        var wijk = await ReadAsync(client, "?wijk=Noord");
        Assert.Equal("Noord", wijk.Bereik.Wijk);
        SameAsCsv(wijk, await client.GetStringAsync("/monitor?handler=Csv&wijk=Noord"));
        var model = await ReadAsync(client, "?werkwijze=TeamVoorComplex");
        Assert.Equal("TeamVoorComplex", model.Bereik.Werkwijze);
        SameAsCsv(model, await client.GetStringAsync("/monitor?handler=Csv&werkwijze=TeamVoorComplex"));
    }

    [Fact]
    public async Task A_figure_the_page_withholds_is_withheld_in_the_api_without_its_value_or_count()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        // No demo household came in under the GeenTeam model: every figure rests on fewer than ten households.
        var csv = await client.GetStringAsync("/monitor?handler=Csv&werkwijze=GeenTeam");
        Assert.Contains("Uitstroom;;huishoudens;<10;niet getoond: minder dan 10 huishoudens", csv, StringComparison.Ordinal);
        var response = await client.GetAsync("/api/v1/monitor?werkwijze=GeenTeam");
        var raw = await response.Content.ReadAsStringAsync();
        var answer = JsonSerializer.Deserialize<MonitorAnswer>(raw, Json)!;
        var uitstroom = answer.Indicatoren.Single(i => i.Sleutel == "uitstroom");
        Assert.True(uitstroom.Achtergehouden);
        Assert.Null(uitstroom.Waarde);
        Assert.Null(uitstroom.Huishoudens);
        Assert.Equal("minder dan 10 huishoudens", uitstroom.Reden);
        SameAsCsv(answer, csv);
        Assert.All(answer.Trechter, f => Assert.Null(f.Aantal));
        Assert.All(answer.Maanden, m => Assert.Equal((null, null), (m.Instroom, m.Uitstroom)));

        // Within a team the small cells differ per figure; wherever the page withholds one, so does the api.
        var zuid = await TeamAsync("Wijkteam Zuid");
        var team = await ReadAsync(client, $"?team={zuid}");
        SameAsCsv(team, await client.GetStringAsync($"/monitor?handler=Csv&team={zuid}"));
        Assert.All(team.Indicatoren.Where(i => i.Achtergehouden), i => Assert.Equal((null, null), (i.Waarde, i.Huishoudens)));
        Assert.All(team.Indicatoren.Where(i => !i.Achtergehouden), i => Assert.True(i.Huishoudens >= MonitorIndicators.MinimumHouseholds));
    }

    [Fact]
    public async Task A_bi_tool_reads_the_monitor_with_a_key_of_role_beleid_and_other_roles_and_keys_are_refused()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var beleidKey = await keys.CreateAsync("BI-omgeving", Roles.Beleid, TestApp.Gemeentecode, "test", default);
        var partnerKey = await keys.CreateAsync("Woningcorporatie Thuis", Roles.Partner, TestApp.Gemeentecode, "test", default);
        var teamleiderKey = await keys.CreateAsync("Rapportage Noord", Roles.Teamleider, TestApp.Gemeentecode, "test", default, team: "Wijkteam Noord");
        HttpClient KeyClient(string key)
        {
            var client = _app.AnonymousClient();
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
            return client;
        }

        using var bi = KeyClient(beleidKey.Value!.Key);
        var answer = await ReadAsync(bi, "?van=2026-01-01&tot=2026-03-31");
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (answer.Periode.Van, answer.Periode.Tot));
        Assert.Equal(["2026-01", "2026-02", "2026-03"], answer.Maanden.Select(m => m.Maand));

        using var partner = KeyClient(partnerKey.Value!.Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/monitor")).StatusCode);
        using var leadKey = KeyClient(teamleiderKey.Value!.Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await leadKey.GetAsync("/api/v1/monitor")).StatusCode);
        // The team lead sees the monitor page, but the API is the policy officer's alone.
        foreach (var email in new[] { "teamleider@voorbeeld.nl", "regisseur@voorbeeld.nl", "woningcorporatie@voorbeeld.nl" })
        {
            using var person = await _app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/monitor")).StatusCode);
        }
        using var anonymous = _app.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/monitor")).StatusCode);
    }

    [Fact]
    public async Task Wrong_questions_get_a_problem_with_a_stable_code_and_another_municipalitys_team_is_not_found()
    {
        Guid foreign;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            if (!await db.Municipalities.IgnoreQueryFilters().AnyAsync(m => m.Code == "0002"))
                db.Municipalities.Add(new Municipality { Code = "0002", Name = "Buurgemeente Twee", CreatedAt = DateTime.UtcNow });
            var team = new Team { Id = Guid.CreateVersion7(), Gemeentecode = "0002", Name = "Wijkteam Elders", Wijk = "Elders" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            foreign = team.Id;
        }
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");

        // Another municipality's team and a team that does not exist get the same answer.
        Assert.Equal(DomainError.NotFoundCode, (await RefusedAsync(client, $"?team={foreign}", HttpStatusCode.NotFound)).Code);
        Assert.Equal(DomainError.NotFoundCode, (await RefusedAsync(client, $"?team={Guid.NewGuid()}", HttpStatusCode.NotFound)).Code);
        // Nor is its wijk one of ours.
        Assert.Equal((MonitorApi.WijkUnknownCode, "wijk"), await RefusedAsync(client, "?wijk=Elders", HttpStatusCode.BadRequest));
        Assert.Equal((MonitorApi.WijkUnknownCode, "wijk"), await RefusedAsync(client, "?wijk=Nergens", HttpStatusCode.BadRequest));
        Assert.Equal((MonitorApi.WerkwijzeUnknownCode, "werkwijze"), await RefusedAsync(client, "?werkwijze=teamvooralles", HttpStatusCode.BadRequest));
        // Dates: ISO only, a real day, a year a report can answer, the end not before the start.
        Assert.Equal((DateRules.PeriodInvalidCode, "van"), await RefusedAsync(client, "?van=01-02-2026", HttpStatusCode.BadRequest));
        Assert.Equal((DateRules.PeriodInvalidCode, "van"), await RefusedAsync(client, "?van=2026-02-30", HttpStatusCode.BadRequest));
        Assert.Equal((DateRules.PeriodInvalidCode, "tot"), await RefusedAsync(client, "?tot=morgen", HttpStatusCode.BadRequest));
        Assert.Equal((DateRules.PeriodInvalidCode, "van"), await RefusedAsync(client, "?van=1850-01-01&tot=2026-01-01", HttpStatusCode.BadRequest));
        Assert.Equal((DateRules.PeriodInvalidCode, "tot"), await RefusedAsync(client, "?van=2026-03-01&tot=2026-02-28", HttpStatusCode.BadRequest));
        // A team that is no uuid is named as the parameter, not as unreadable JSON.
        Assert.Equal(("request-invalid", "team"), await RefusedAsync(client, "?team=noord", HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_period_of_odd_days_is_answered_for_its_whole_months_on_the_api_and_the_page()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var odd = await ReadAsync(client, "?van=2026-03-05&tot=2026-04-17");
        var whole = await ReadAsync(client, "?van=2026-03-01&tot=2026-04-30");
        Assert.Equal(new MonitorPeriodAnswer(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 3, 5), new DateOnly(2026, 4, 17),
            "Gevraagd: 05-03-2026 tot en met 17-04-2026. De monitor telt hele kalendermaanden, dus: 01-03-2026 tot en met 30-04-2026."), odd.Periode);
        Assert.Null(whole.Periode.Toelichting);
        Assert.Contains(whole.Indicatoren, i => i.Waarde is not null);
        SameFigures(whole, odd);
        // Two periods a day apart, the one trick the rule is for: the same figures, nothing to subtract.
        SameFigures(await ReadAsync(client, "?van=2026-03-05&tot=2026-04-16"), odd);
        SameFigures(await ReadAsync(client, "?van=2026-03-06&tot=2026-04-17"), odd);

        // The page: the used period in its fields, the reason beside them, and the same figures as the whole months.
        var oddPage = WebUtility.HtmlDecode(await client.GetStringAsync("/monitor?van=05-03-2026&tot=17-04-2026"));
        var wholePage = WebUtility.HtmlDecode(await client.GetStringAsync("/monitor?van=01-03-2026&tot=30-04-2026"));
        Assert.Contains("id=\"van\" name=\"van\" value=\"01-03-2026\"", oddPage, StringComparison.Ordinal);
        Assert.Contains("id=\"tot\" name=\"tot\" value=\"30-04-2026\"", oddPage, StringComparison.Ordinal);
        Assert.Contains("Gevraagd: 05-03-2026 tot en met 17-04-2026. De monitor telt hele kalendermaanden, dus: 01-03-2026 tot en met 30-04-2026.", oddPage, StringComparison.Ordinal);
        Assert.Contains(MonitorPeriod.Rule, wholePage, StringComparison.Ordinal);
        Assert.Equal(Figures(wholePage), Figures(oddPage));
        Assert.Equal(Figures(oddPage), Figures(WebUtility.HtmlDecode(await client.GetStringAsync("/monitor?van=05-03-2026&tot=16-04-2026"))));
        Assert.EndsWith(";2026-03-01;2026-04-30;" + MonitorPeriod.Rule, (await client.GetStringAsync("/monitor?handler=Csv&van=05-03-2026&tot=17-04-2026")).Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);

        // A period that begins after the running month has nothing to show: refused, not widened.
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        Assert.Equal((DateRules.PeriodInvalidCode, "van"), await RefusedAsync(client, $"?van={next:yyyy-MM-01}&tot={next:yyyy-MM-dd}", HttpStatusCode.BadRequest));
    }

    private static void SameFigures(MonitorAnswer expected, MonitorAnswer actual)
    {
        Assert.Equal((expected.Periode.Van, expected.Periode.Tot), (actual.Periode.Van, actual.Periode.Tot));
        Assert.Equal(expected.Indicatoren, actual.Indicatoren);
        Assert.Equal(expected.Trechter, actual.Trechter);
        Assert.Equal(expected.Maanden, actual.Maanden);
        Assert.Equal(JsonSerializer.Serialize(expected.Vroegsignalering), JsonSerializer.Serialize(actual.Vroegsignalering));
        Assert.Equal(JsonSerializer.Serialize(expected.Toewijzingen), JsonSerializer.Serialize(actual.Toewijzingen));
    }

    /// <summary>The page from the first table on: its figures, without the time of computing or the reason for the period.</summary>
    private static string Figures(string page)
    {
        var start = page.IndexOf("Deze cijfers als", StringComparison.Ordinal);
        Assert.True(start > 0);
        return System.Text.RegularExpressions.Regex.Replace(page[start..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");
    }

    [Fact]
    public async Task The_answer_names_no_household_person_or_bsn()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var noord = await TeamAsync("Wijkteam Noord");
        var texts = new List<string>();
        foreach (var query in new[] { "", $"?team={noord}", "?wijk=Noord", "?werkwijze=TeamVoorAlles", "?van=2025-06-01&tot=2026-05-31" })
            texts.Add(await client.GetStringAsync("/api/v1/monitor" + query));

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var people = await db.Persons.Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Bsn }).ToListAsync();
        var households = await db.Households.Select(h => new { h.Id, h.Naam }).ToListAsync();
        Assert.NotEmpty(people);
        Assert.NotEmpty(households);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(people, p => text.Contains(new Regie.Domain.Registry.PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName, StringComparison.Ordinal));
            Assert.DoesNotContain(people, p => p.Bsn != null && text.Contains(p.Bsn, StringComparison.Ordinal));
            Assert.DoesNotContain(people, p => text.Contains(p.Id.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(households, h => text.Contains(h.Id.ToString(), StringComparison.OrdinalIgnoreCase) || text.Contains(h.Naam, StringComparison.Ordinal));
        }
    }
}
