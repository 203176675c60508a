using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Every date a worker or a system types, through the API and on the main forms: a year 0001 or 9999 that the parser
/// accepts is refused at its field with the field's code, and nothing is saved. Query periods refuse a year no report can answer.
/// </summary>
public sealed class PlausibleDateTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private const string YearOne = "01-01-0001";
    private const string Year9999 = "31-12-9999";
    private const string Reasoning = "Uit het onderzoek blijkt dat de inwoner hulp nodig heeft die het netwerk niet kan bieden.";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string InDays(int days) => Today.AddDays(days).ToString("dd-MM-yyyy");
    private static int _names;

    /// <summary>A household of Wijkteam Noord coordinated by the demo's regisseur, with a plan and one goal.</summary>
    private sealed record File(Guid Household, Guid Person, string Bsn, Guid Goal);

    private sealed record Call(string User, HttpMethod Method, string Path, Func<string, object> Body, Func<RegieDbContext, Task<string>>? Extra = null);

    private async Task<File> FileAsync()
    {
        var planned = await new Given(_app).HouseholdWithPlanAndGoal($"Datum{Interlocked.Increment(ref _names)}", "Ella", team: Given.Noord, coordinator: Given.Coordinator,
            goal: Given.Goal(what: "Rust in de financiën", measurable: "Geen nieuwe achterstanden", who: "Ella", days: 90));
        await using var scope = _app.Scope();
        var bsn = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.Where(p => p.Id == planned.Person).Select(p => p.Bsn).SingleAsync();
        return new File(planned.Household, planned.Person, bsn!, planned.Goal);
    }

    /// <summary>Everything a refused date could have saved in the file: when this is the same after the call, nothing was saved.</summary>
    private static async Task<string> StateAsync(RegieDbContext db, File f)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.HouseholdId == f.Household);
        var applications = db.ProvisionApplications.Where(a => a.PersonId == f.Person);
        return string.Join("|",
            plan.Version, plan.NextEvaluationOn,
            await db.PlanGoals.CountAsync(g => g.PlanId == plan.Id), await db.PlanActions.CountAsync(a => a.PlanId == plan.Id),
            await db.PlanAgreements.CountAsync(a => a.PlanId == plan.Id), await db.PlanEvaluations.CountAsync(e => e.PlanId == plan.Id),
            await db.ZrmAssessments.CountAsync(z => z.HouseholdId == f.Household),
            await db.HouseholdMembers.CountAsync(m => m.PersonId == f.Person), await db.HouseholdMembers.CountAsync(m => m.PersonId == f.Person && m.Until == null),
            await db.Referrals.CountAsync(r => r.HouseholdId == f.Household),
            await db.LightSupports.CountAsync(l => l.HouseholdId == f.Household), await db.LightSupports.CountAsync(l => l.HouseholdId == f.Household && l.EndedOn != null),
            await db.HelpRequests.CountAsync(r => r.HouseholdId == f.Household),
            await db.Involvements.CountAsync(i => i.Bsn == f.Bsn),
            await applications.CountAsync(), await applications.CountAsync(a => a.AppliedOn != null),
            await db.Decisions.CountAsync(d => d.PersonId == f.Person),
            await db.Spends.CountAsync(s => s.HouseholdId == f.Household && s.PaidOn != null));
    }

    private async Task<T> InScopeAsync<T>(Func<RegieDbContext, Task<T>> work)
    {
        await using var scope = _app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> OrganisationAsync(string name) =>
        await InScopeAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private async Task<int> PlanVersionAsync(File f) => await InScopeAsync(db => db.Plans.Where(p => p.HouseholdId == f.Household).Select(p => p.Version).SingleAsync());

    /// <summary>The call that carries the date of <paramref name="field"/>, with whatever it needs to exist first.</summary>
    private async Task<Call> ArrangeAsync(string field, File f)
    {
        var plan = $"/api/v1/households/{f.Household}/plan";
        var version = await PlanVersionAsync(f);
        switch (field)
        {
            case "Streefdatum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"{plan}/goals", d => new { leefgebied = "Huisvesting", wat = "Blijven wonen", meetbaarResultaat = "Geen uitzetting", wie = "Ella", streefdatum = d, versie = version });
            case "Deadline":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"{plan}/actions", d => new { doelId = f.Goal, omschrijving = "Samen de post openen", uitvoerder = "Netwerk", naam = "Buurvrouw Anja", deadline = d, versie = version });
            case "Evaluatiedatum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Put, plan, d => new { afspraken = "Elke week contact", evaluatiedatum = d, kaders = Array.Empty<string>(), versie = version });
            case "Akkoord.Datum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"{plan}/agreement", d => new { persoonId = f.Person, datum = d, wijze = "mondeling", versie = version });
            case "Evaluatie.Datum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"{plan}/evaluations", d => new { datum = d, samenvatting = "De afspraken lopen goed.", versie = version });
            case "Zrm.Datum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/assessments", d => new { personId = f.Person, datum = d, scores = new Dictionary<string, string> { ["Financien"] = "2" } });
            case "Uitschrijven.Datum":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/members/{f.Person}/end", d => new { reden = "overleden", datum = d });
            case "Verhuisdatum":
                {
                    var target = (await FileAsync()).Household;
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/persons/{f.Person}/move", d => new { naarHuishoudenId = target, rol = "overig", verhuisdatum = d });
                }
            case "Opvolgdatum":
                {
                    var brug = await OrganisationAsync("Zorgaanbieder De Brug");
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/referrals",
                        d => new { persoonId = f.Person, doelId = f.Goal, organisatieId = brug, dienst = "Gezinsbegeleiding", soort = "maatwerk", vraag = "Hulp bij de post", toestemming = true, opvolgdatum = d });
                }
            case "LichteSteun.Startdatum":
                {
                    var brug = await OrganisationAsync("Zorgaanbieder De Brug");
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/light-support",
                        d => new { doelId = f.Goal, omschrijving = "Wekelijks de post doornemen", startdatum = d, einddatum = InDays(28), organisatieId = brug });
                }
            case "LichteSteun.Einddatum":
                {
                    var brug = await OrganisationAsync("Zorgaanbieder De Brug");
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/light-support",
                        d => new { doelId = f.Goal, omschrijving = "Wekelijks de post doornemen", einddatum = d, organisatieId = brug });
                }
            case "LichteSteun.Beeindigd":
                {
                    var brug = await OrganisationAsync("Zorgaanbieder De Brug");
                    using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
                    var support = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/households/{f.Household}/light-support",
                        new { doelId = f.Goal, omschrijving = "Wekelijks de post doornemen", einddatum = InDays(28), organisatieId = brug }));
                    var supportVersion = await InScopeAsync(db => db.LightSupports.Where(l => l.Id == support).Select(l => l.Version).SingleAsync());
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/households/{f.Household}/light-support/{support}/end",
                        d => new { einddatum = d, uitkomst = "De post is op orde.", versie = supportVersion });
                }
            case "Betrokkenheid.Startdatum":
                return new("werkeninkomen@voorbeeld.nl", HttpMethod.Post, "/api/v1/involvements",
                    d => new { bsn = f.Bsn, contactpersoon = "Ruud Hendriks", email = "ruud@voorbeeld.nl", reden = "Bijstandsuitkering", startdatum = d });
            case "Hulpvraag.Ontvangen":
                return new("regisseur@voorbeeld.nl", HttpMethod.Post, "/api/v1/requests",
                    d => new { huishoudenId = f.Household, bron = "Inwoner", omschrijving = "Huurachterstand", ontvangen = d, personen = new[] { f.Person } });
            case "Meldingsdatum":
                return new("consulent@voorbeeld.nl", HttpMethod.Post, "/api/v1/applications", d => new { bsn = f.Bsn, kader = "Wmo2015", gevraagd = "Begeleiding", meldingsdatum = d });
            case "Aanvraagdatum":
                return new("consulent@voorbeeld.nl", HttpMethod.Post, "/api/v1/applications", d => new { bsn = f.Bsn, kader = "Jeugdwet", gevraagd = "Jeugdhulp", aanvraagdatum = d });
            case "Ontvangst.Aanvraagdatum":
                {
                    var (id, appVersion) = await ApplicationAsync(new { bsn = f.Bsn, kader = "Wmo2015", gevraagd = "Begeleiding", meldingsdatum = InDays(0) });
                    return new("consulent@voorbeeld.nl", HttpMethod.Post, $"/api/v1/applications/{id}/receive", d => new { aanvraagdatum = d, versie = appVersion });
                }
            case "Besluitdatum":
                {
                    var (id, _) = await ApplicationAsync(new { bsn = f.Bsn, kader = "Wmo2015", gevraagd = "Woningaanpassing", aanvraagdatum = InDays(0) });
                    return new("consulent@voorbeeld.nl", HttpMethod.Post, $"/api/v1/applications/{id}/decision", d => new { uitkomst = "Afgewezen", motivering = Reasoning, besluitdatum = d });
                }
            case "Producten[0].Van":
            case "Producten[0].Tot":
                {
                    var (id, _) = await ApplicationAsync(new { bsn = f.Bsn, kader = "Wmo2015", gevraagd = "Woningaanpassing", aanvraagdatum = InDays(0) });
                    var isFrom = field.EndsWith(".Van", StringComparison.Ordinal);
                    return new("consulent@voorbeeld.nl", HttpMethod.Post, $"/api/v1/applications/{id}/decision", d => new
                    {
                        uitkomst = "Toegekend", motivering = Reasoning,
                        producten = new[] { new { categorie = "13", omvang = 1, eenheid = "82", frequentie = "6", van = isFrom ? d : InDays(0), tot = isFrom ? InDays(90) : d } },
                    });
                }
            case "Betaaldatum":
                {
                    var spend = await ApprovedSpendAsync(f);
                    return new("regisseur@voorbeeld.nl", HttpMethod.Post, $"/api/v1/spends/{spend}/pay", d => new { bedrag = "1800,00", datum = d, ontvanger = "Woningcorporatie Thuis", versie = 2 });
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    private async Task<(Guid Id, int Version)> ApplicationAsync(object input)
    {
        using var client = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var id = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/applications", input));
        return (id, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("versie").GetInt32());
    }

    private async Task<Guid> ApprovedSpendAsync(File f)
    {
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
            var allocated = await scope.ServiceProvider.GetRequiredService<AllocateBudgetHandler>().HandleAsync(
                new AllocationInput { TeamId = noord, Jaar = Today.Year, Bedrag = "100.000", Reden = "Begroting" }, default);
            Assert.True(allocated.IsOk, string.Join(", ", allocated.Errors.Select(e => e.Code)));
        }
        using var coordinator = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var id = await CreatedIdAsync(await coordinator.PostAsJsonAsync("/api/v1/spends", new
        {
            huishoudenId = f.Household,
            uitgave = new { doelId = f.Goal, soort = "Huurachterstand", omschrijving = "Huurachterstand", bedrag = "1800.00", onderbouwing = "Uitzetting voorkomen", kaders = new[] { "Wmo2015" } },
        }));
        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/spends/{id}/approve", new { versie = 1 })).StatusCode);
        return id;
    }

    [Theory]
    [InlineData("Streefdatum", "streefdatum", "goal-target-date-in-past", "goal-target-date-invalid")]
    [InlineData("Deadline", "deadline", DateRules.TooEarlyCode, DateRules.TooLateCode)]
    [InlineData("Evaluatiedatum", "evaluatiedatum", "evaluation-date-in-past", "evaluation-date-invalid")]
    [InlineData("Akkoord.Datum", "datum", "agreement-date-invalid", "agreement-date-invalid")]
    [InlineData("Evaluatie.Datum", "datum", "evaluation-date-invalid", "evaluation-date-invalid")]
    [InlineData("Zrm.Datum", "datum", "zrm-date-too-old", "zrm-date-in-future")]
    [InlineData("Uitschrijven.Datum", "datum", "move-date-before-membership", "move-date-before-membership")]
    [InlineData("Verhuisdatum", "verhuisdatum", "move-date-before-membership", "move-date-in-future")]
    [InlineData("Opvolgdatum", "opvolgdatum", "referral-follow-up-invalid", DateRules.TooLateCode)]
    [InlineData("LichteSteun.Startdatum", "startdatum", DateRules.TooEarlyCode, DateRules.TooLateCode)]
    [InlineData("LichteSteun.Einddatum", "einddatum", DateRules.TooEarlyCode, DateRules.TooLateCode)]
    [InlineData("LichteSteun.Beeindigd", "einddatum", "light-support-dates-invalid", "light-support-dates-invalid")]
    [InlineData("Betrokkenheid.Startdatum", "startdatum", DateRules.TooEarlyCode, "involvement-start-invalid")]
    [InlineData("Hulpvraag.Ontvangen", "ontvangen", "request-date-invalid", "request-date-invalid")]
    [InlineData("Meldingsdatum", "meldingsdatum", DateRules.TooEarlyCode, DecisionRules.DateInFutureCode)]
    [InlineData("Aanvraagdatum", "aanvraagdatum", DateRules.TooEarlyCode, DecisionRules.DateInFutureCode)]
    [InlineData("Ontvangst.Aanvraagdatum", "aanvraagdatum", DateRules.TooEarlyCode, DecisionRules.DateInFutureCode)]
    [InlineData("Besluitdatum", "besluitdatum", DateRules.TooEarlyCode, DecisionRules.DateInFutureCode)]
    [InlineData("Producten[0].Van", "producten[0].van", DateRules.TooEarlyCode, DateRules.TooLateCode)]
    [InlineData("Producten[0].Tot", "producten[0].tot", DateRules.TooEarlyCode, DateRules.TooLateCode)]
    [InlineData("Betaaldatum", "datum", "payment-date-invalid", "payment-date-invalid")]
    public async Task Api_caller_sending_a_date_in_year_one_or_9999_is_refused_at_the_field_and_nothing_is_saved(string field, string errorField, string yearOneCode, string year9999Code)
    {
        foreach (var (date, code) in new[] { (YearOne, yearOneCode), (Year9999, year9999Code) })
        {
            var file = await FileAsync();
            var call = await ArrangeAsync(field, file);
            var before = await InScopeAsync(db => StateAsync(db, file));
            using var client = await _app.SignedInClientAsync(call.User);
            var response = await client.SendAsync(new HttpRequestMessage(call.Method, call.Path) { Content = JsonContent.Create(call.Body(date)) });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal((code, errorField, code), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
            Assert.Equal(before, await InScopeAsync(db => StateAsync(db, file)));
        }
    }

    [Fact]
    public async Task Consulent_deciding_a_product_that_runs_eighteen_years_gets_it_and_one_day_longer_is_refused()
    {
        var file = await FileAsync();
        var call = await ArrangeAsync("Producten[0].Tot", file);
        using var client = await _app.SignedInClientAsync(call.User);
        var tooFar = await client.PostAsJsonAsync(call.Path, call.Body(Today.AddYears(18).AddDays(1).ToString("dd-MM-yyyy")));
        var error = Assert.Single((await tooFar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(
            $"De einddatum ({Today.AddYears(18).AddDays(1):dd-MM-yyyy}) ligt meer dan 18 jaar vooruit. Kies een datum tot en met {Today.AddYears(18):dd-MM-yyyy}; controleer het jaar.",
            error.GetProperty("message").GetString());
        // Youth care for a newborn runs until the eighteenth birthday: that period is granted.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(call.Path, call.Body(Today.AddYears(18).ToString("dd-MM-yyyy")))).StatusCode);
        Assert.Equal(Today.AddYears(18), await InScopeAsync(db => db.DecisionProducts.Where(p => db.Decisions.Any(d => d.Id == p.DecisionId && d.PersonId == file.Person)).Select(p => p.To).SingleAsync()));
    }

    [Theory]
    [InlineData("teamleider@voorbeeld.nl", "/api/v1/team/waiting-times?van={0}", "van")]
    [InlineData("teamleider@voorbeeld.nl", "/api/v1/team/waiting-times?tot={0}", "tot")]
    [InlineData("teamleider@voorbeeld.nl", "/api/v1/conflict-of-interest?van={0}", "van")]
    [InlineData("teamleider@voorbeeld.nl", "/api/v1/conflict-of-interest?tot={0}", "tot")]
    public async Task Asking_a_report_about_year_one_or_9999_is_a_problem_at_the_parameter(string user, string path, string field)
    {
        using var client = await _app.SignedInClientAsync(user);
        foreach (var date in new[] { YearOne, Year9999 })
        {
            var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, date));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
            Assert.Equal((DateRules.PeriodInvalidCode, field), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
            Assert.Equal($"{(field == "van" ? "De begindatum" : "De einddatum")} ({date}) valt buiten de jaren 1900 tot en met {Today.Year + 10}; controleer het jaar.",
                error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Asking_waiting_times_for_a_period_that_ends_before_it_starts_is_a_problem_at_the_end()
    {
        using var client = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var response = await client.GetAsync($"/api/v1/team/waiting-times?van={InDays(0)}&tot={InDays(-1)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((DateRules.PeriodInvalidCode, "tot", "De einddatum ligt vóór de begindatum."),
            (error.GetProperty("code").GetString(), error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/budgets?jaar=1")]
    [InlineData("/api/v1/budgets?jaar=9999")]
    [InlineData("/api/v1/budgets/report?jaar=1")]
    [InlineData("/api/v1/budgets/report?jaar=9999")]
    public async Task Asking_the_budget_about_year_one_or_9999_is_a_problem_not_a_crash(string path)
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((DateRules.PeriodInvalidCode, "jaar", $"Kies een jaar van 1900 tot en met {Today.Year + 10}."),
            (error.GetProperty("code").GetString(), error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/budgets/report?jaar={Today.Year}")).StatusCode);
    }

    [Fact]
    public async Task Policy_officer_entering_a_cost_from_year_one_to_9999_sees_both_dates_refused_and_nothing_is_recorded()
    {
        using var client = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var response = await TestApp.PostFormAsync(client, "/monitor/kosten", new Dictionary<string, string>
        {
            ["Input.Soort"] = "Overhead", ["Input.Omschrijving"] = "Huisvesting wijkteams", ["Input.Bedrag"] = "12.000,00", ["Input.Van"] = YearOne, ["Input.Tot"] = Year9999,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"De begindatum (01-01-0001) ligt meer dan 20 jaar terug. Kies een datum vanaf {Today.AddYears(-20):dd-MM-yyyy}; controleer het jaar.", page, StringComparison.Ordinal);
        Assert.Contains($"De einddatum (31-12-9999) ligt meer dan 18 jaar vooruit. Kies een datum tot en met {Today.AddYears(18):dd-MM-yyyy}; controleer het jaar.", page, StringComparison.Ordinal);
        Assert.False(await InScopeAsync(db => db.MonitorCostEntries.AnyAsync(e => e.Description == "Huisvesting wijkteams")));
    }

    [Fact]
    public async Task Consulent_posting_the_decision_form_with_a_product_from_year_one_sees_it_at_the_field_and_no_decision_is_taken()
    {
        var file = await FileAsync();
        var (id, version) = await ApplicationAsync(new { bsn = file.Bsn, kader = "Wmo2015", gevraagd = "Woningaanpassing", aanvraagdatum = InDays(0) });
        using var client = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var response = await TestApp.PostFormAsync(client, $"/aanvragen/{id}/beschikking", new Dictionary<string, string>
        {
            ["Input.Uitkomst"] = "Toegekend", ["Input.Motivering"] = Reasoning, ["Input.Versie"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Producten[0].Categorie"] = "13", ["Input.Producten[0].Omvang"] = "1", ["Input.Producten[0].Eenheid"] = "82", ["Input.Producten[0].Frequentie"] = "6",
            ["Input.Producten[0].Van"] = YearOne, ["Input.Producten[0].Tot"] = InDays(90),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"De begindatum (01-01-0001) ligt meer dan 20 jaar terug. Kies een datum vanaf {Today.AddYears(-20):dd-MM-yyyy}; controleer het jaar.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await InScopeAsync(db => db.Decisions.AnyAsync(d => d.ApplicationId == id)));
    }

    [Theory]
    [InlineData("/monitor?van=01-01-0001", "De begindatum (01-01-0001)")]
    [InlineData("/monitor?tot=31-12-9999", "De einddatum (31-12-9999)")]
    [InlineData("/team/wachttijden?van=01-01-0001", "De begindatum (01-01-0001)")]
    public async Task Team_lead_asking_a_page_about_year_one_or_9999_sees_why_and_the_last_twelve_months(string path, string start)
    {
        using var client = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains($"{start} valt buiten de jaren 1900 tot en met {Today.Year + 10}; controleer het jaar. Hieronder staan de afgelopen twaalf maanden.", page, StringComparison.Ordinal);
        // The monitor counts whole months: its twelve months begin on the first of the month.
        var from = Today.AddYears(-1).AddDays(1);
        if (path.StartsWith("/monitor", StringComparison.Ordinal)) from = new DateOnly(from.Year, from.Month, 1);
        Assert.Contains($"value=\"{from:dd-MM-yyyy}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_officer_searching_the_trail_from_year_one_sees_the_year_refused_instead_of_an_error_page()
    {
        using var client = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var response = await client.GetAsync("/privacy/audit?Filter.Van=01-01-0001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"De begindatum (01-01-0001) valt buiten de jaren 1900 tot en met {Today.Year + 10}; controleer het jaar.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
