using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The DDAS exchange model v0.9 as VNG publishes it (standards/ddas-vroegsignalering), and a validator for it (draft 2020-12, formats checked).</summary>
public static class DdasStandard
{
    public static string Directory { get; } = Find();

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Directory, "json_schema_Uitwisselmodel-v0.9.json")));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("REGIE_DDAS_DIR") is { Length: > 0 } configured) return configured;
        var candidate = Path.Combine(TestApp.RepositoryRoot(), "standards", "ddas-vroegsignalering");
        if (File.Exists(Path.Combine(candidate, "json_schema_Uitwisselmodel-v0.9.json"))) return candidate;
        throw new InvalidOperationException("The DDAS schema (standards/ddas-vroegsignalering) was not found in the repository; set REGIE_DDAS_DIR.");
    }

    /// <summary>Every place where <paramref name="json"/> breaks the schema; empty when it is a valid delivery.</summary>
    public static IReadOnlyList<string> Violations(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    public static void AssertValid(string json)
    {
        var violations = Violations(json);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }
}

/// <summary>
/// Issue 22 point 4: the monthly DDAS report to CBS. Policy and the vroegsignalering workers take the period's delivery from the API,
/// the page or the CLI; it is valid against VNG's schema, counts exactly the signals received in the period with their cases,
/// attempts and outcomes (anonymised signals too), and is refused with a clear reason when the settings lack the DDAS contact.
/// The functional admin keeps those settings on /beheer/vroegsignalering.
/// </summary>
public sealed class DdasReportTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Worker = "vroegsignalering@voorbeeld.nl";
    private const string Beleid = "beleid@voorbeeld.nl";
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    /// <summary>The settings with the DDAS contact, as the functional admin would have saved them.</summary>
    private async Task SettingsAsync(bool complete = true)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var row = await db.VroegsignaleringSettings.FirstOrDefaultAsync();
        if (row is null) db.VroegsignaleringSettings.Add(row = new VroegsignaleringSettings { Gemeentecode = TestApp.Gemeentecode, Version = 1 });
        row.CodeGegevensleverancier = complete ? "REGIE-01" : null;
        row.LeverancierNaam = "Gemeente Voorbeeld";
        row.KvkNummer = "12345678";
        row.ContactNaam = complete ? "J. de Vries" : null;
        row.ContactTelefoon = "14 0999";
        row.ContactEmail = "vroegsignalering@voorbeeld.nl";
        row.ContactFunctie = "Coördinator vroegsignalering";
        row.Version++;
        await db.SaveChangesAsync();
    }

    private static Vroegsignaal Signal(Guid partner, SignaalpartnerSoort soort, DateOnly received, decimal amount, Guid? person = null, bool crisis = false, string? bsn = null) =>
        new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, PartnerOrganisationId = partner, PartnerName = "Woningcorporatie Thuis", PartnerSoort = soort,
            Kenmerk = "DDAS-" + Guid.NewGuid().ToString("N")[..10], Bsn = bsn, Voorletters = "S.", Voorvoegsel = "van", Achternaam = "Dijk",
            Geboortedatum = new DateOnly(1985, 6, 15), Straat = "Voorbeeldstraat", Postcode = "1234AB", Huisnummer = 10, Huisnummertoevoeging = "A", Woonplaats = "Voorbeeldstad",
            Bedrag = amount, MaandenAchterstand = 2, Signaaldatum = received.AddDays(-1), Ontstaansdatum = received.AddMonths(-2), Crisis = crisis,
            ReceivedAt = received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), ReceivedOn = received, Via = SignalRules.ViaImport, PersonId = person,
            Status = Signaalstatus.NogNietOpgepakt,
        };

    private sealed record March(Guid A1, Guid A2, Guid B1, Guid C1, Guid U, Guid Later);

    /// <summary>
    /// March 2025: household A's rent signal (eviction threatened) and energy signal in one case, phoned and visited, closed with
    /// Vervolghulp; B's water signal, open and already anonymised by retention; C's case opened in February, its March signal joined,
    /// closed as not taken up; a signal nobody matched; and one case from April that is not in March's delivery.
    /// </summary>
    private async Task<March> MarchAsync()
    {
        var a = await Given.Resident("Ddasa");
        var b = await Given.Resident("Ddasb");
        var c = await Given.Resident("Ddasc");
        var d = await Given.Resident("Ddasd");
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var partner = await db.Organisations.Where(o => o.Name == "Woningcorporatie Thuis").Select(o => o.Id).SingleAsync();
        var term = ContactTermSettings.Default;
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

        var a1 = Signal(partner, SignaalpartnerSoort.Huur, D(3, 3), 812.50m, a.Person, crisis: true, bsn: a.Bsn);
        var a2 = Signal(partner, SignaalpartnerSoort.Energie, D(3, 10), 120.49m, a.Person);
        var zaakA = Vroegsignaalzaak.Open(TestApp.Gemeentecode, a.Household, a1, true, term, At(D(3, 3)));
        Assert.Null(zaakA.Join(a2, term));
        zaakA.RecordAttempt(Contactsoort.Telefoon, D(3, 4), Dagdeel.Ochtend, false, null, "w", "Werker", At(D(3, 4)));
        zaakA.RecordAttempt(Contactsoort.Huisbezoek, D(3, 5), Dagdeel.Middag, true, "Wil hulp", "w", "Werker", At(D(3, 5)));
        Assert.Null(zaakA.Close(Eindresultaat.VervolghulpFinancieel, null, [a1, a2], "w", "Werker", At(D(3, 12))));

        var b1 = Signal(partner, SignaalpartnerSoort.Water, D(3, 20), 45.00m, b.Person);
        var zaakB = Vroegsignaalzaak.Open(TestApp.Gemeentecode, b.Household, b1, false, term, At(D(3, 20)));
        (b1.Kenmerk, b1.Bsn, b1.Voorletters, b1.Voorvoegsel, b1.Achternaam, b1.Geboortedatum, b1.Straat, b1.Postcode, b1.Huisnummer, b1.Huisnummertoevoeging, b1.Woonplaats)
            = (null, null, null, null, null, null, null, null, null, null, null);
        b1.AnonymisedAt = At(D(5, 1));

        var c0 = Signal(partner, SignaalpartnerSoort.Zorg, D(2, 25), 300m, c.Person);
        var c1 = Signal(partner, SignaalpartnerSoort.Zorg, D(3, 15), 310m, c.Person);
        var zaakC = Vroegsignaalzaak.Open(TestApp.Gemeentecode, c.Household, c0, false, term, At(D(2, 25)));
        Assert.Null(zaakC.Join(c1, term));
        Assert.Null(zaakC.Close(Eindresultaat.OnterechtSignaal, null, [c0, c1], "w", "Werker", At(D(3, 16))));

        var u = Signal(partner, SignaalpartnerSoort.Overige, D(3, 31), 99.50m);
        var later = Signal(partner, SignaalpartnerSoort.Huur, D(4, 1), 500m, d.Person);
        var zaakD = Vroegsignaalzaak.Open(TestApp.Gemeentecode, d.Household, later, false, term, At(D(4, 1)));
        zaakD.RecordAttempt(Contactsoort.Brief, D(4, 2), Dagdeel.Ochtend, false, null, "w", "Werker", At(D(4, 2)));

        db.Vroegsignalen.AddRange(a1, a2, b1, c0, c1, u, later);
        db.Vroegsignaalzaken.AddRange(zaakA, zaakB, zaakC, zaakD);
        db.Contactpogingen.AddRange(zaakA.Contactpogingen.Concat(zaakD.Contactpogingen));
        await db.SaveChangesAsync();
        return new March(a1.Id, a2.Id, b1.Id, c1.Id, u.Id, later.Id);
    }

    private static string Id(Guid id) => id.ToString();

    [Fact]
    public async Task Worker_takes_marchs_ddas_delivery_valid_against_the_schema_with_exactly_the_months_signals_cases_attempts_and_outcomes()
    {
        await SettingsAsync();
        var m = await MarchAsync();
        var worker = await _app.SignedInClientAsync(Worker);

        var response = await worker.GetAsync("/api/v1/vroegsignalering/ddas?van=2025-03-01&tot=2025-03-31");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        DdasStandard.AssertValid(json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(("REGIE-01", "2025-03-01", "2025-03-31"),
            (root.GetProperty("codeGegevensleverancier").GetString(), root.GetProperty("startdatumLevering").GetString(), root.GetProperty("einddatumLevering").GetString()));
        var levering = Assert.Single(root.GetProperty("leveringen").EnumerateArray());
        Assert.Equal((1, TestApp.Gemeentecode), (levering.GetProperty("teller").GetInt32(), levering.GetProperty("gemeentecode").GetString()));
        Assert.Equal("""{"naam":"Gemeente Voorbeeld","kvk-nummer":"12345678","contactpersoonen":[{"naam":"J. de Vries","telefoonnummer":"14 0999","email":"vroegsignalering@voorbeeld.nl","functietitel":"Coördinator vroegsignalering"}]}""",
            JsonSerializer.Serialize(levering.GetProperty("aanleverende_organisatie"), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var signals = levering.GetProperty("vroegsignalen").EnumerateArray().ToDictionary(s => s.GetProperty("ID").GetString()!);
        Assert.Equal(new[] { m.A1, m.A2, m.B1, m.C1, m.U }.Select(Id).Order(), signals.Keys.Order());
        string? Status(Guid id) => signals[Id(id)].TryGetProperty("status", out var s) ? s.GetString() : null;
        Assert.Equal([(813L, "Huur", true, null), (120L, "Energie", false, null), (45L, "Water", false, "Nog niet opgepakt"),
                (310L, "Zorg", false, "Niet opgepakt: onterecht signaal"), (100L, "Overige", false, "Nog niet opgepakt")],
            new[] { m.A1, m.A2, m.B1, m.C1, m.U }.Select(id => (signals[Id(id)].GetProperty("bedrag").GetInt64(),
                signals[Id(id)].GetProperty("signaalpartner").GetProperty("type").GetString(), signals[Id(id)].GetProperty("crisissignaal").GetBoolean(), Status(id))).ToList());
        var a1Client = signals[Id(m.A1)].GetProperty("client");
        Assert.Equal((a1Client.GetProperty("Burgerservicenummer").GetString(), "Dijk", "10", "1985-06-15"),
            (await InDbAsync(db => db.Vroegsignalen.Where(s => s.Id == m.A1).Select(s => s.Bsn).SingleAsync()), a1Client.GetProperty("Achternaam").GetString(),
                a1Client.GetProperty("Huisnummer").GetString(), a1Client.GetProperty("Geboortedatum").GetString()));
        // Retention removed B's personal data: the signal still counts, with an empty client.
        Assert.Equal("{}", signals[Id(m.B1)].GetProperty("client").GetRawText());

        var zaken = levering.GetProperty("vroegsignaalzaken").EnumerateArray().Select(z => (
            Signalen: string.Join(",", z.GetProperty("vroegsignalen").EnumerateArray().Select(s => s.GetProperty("ID").GetString())),
            Resultaat: z.TryGetProperty("resultaat", out var r) ? r.GetString() : null,
            Opgepakt: z.TryGetProperty("datum_opgepakt", out var o) ? o.GetString() : null,
            Pogingen: string.Join(";", z.GetProperty("contactpogingen").EnumerateArray().Select(p =>
                $"{p.GetProperty("soort").GetString()} {p.GetProperty("datum").GetString()} {p.GetProperty("dagdeel").GetString()} {p.GetProperty("bereikt").GetBoolean()}")))).ToList();
        // C opened in February: its March signal is in this delivery, the February one was in February's.
        Assert.Equal([
            (Id(m.C1), "Niet opgepakt: onterecht signaal", null, ""),
            ($"{Id(m.A1)},{Id(m.A2)}", "Vervolghulp en/of verwijzing financieel", "2025-03-04", "Telefoon 2025-03-04 Ochtend False;Huisbezoek 2025-03-05 Middag True"),
            (Id(m.B1), null, null, ""),
        ], zaken);

        // Every generation is on the trail.
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Resource == AuditResources.DdasReport && a.Action == AuditActions.Export
            && a.Detail == "DDAS-levering 01-03-2025 t/m 31-03-2025 (API): 5 signalen, 3 zaken, 2 contactpogingen")));

        // The page shows the same counts and downloads the same delivery, without script.
        var page = WebUtility.HtmlDecode(await worker.GetStringAsync("/vroegsignalering/ddas?van=01-03-2025&tot=31-03-2025"));
        Assert.Contains("<strong>5</strong> signalen in <strong>3</strong> zaken, waarvan <strong>2</strong> afgesloten; <strong>2</strong> contactpogingen, waarvan <strong>1</strong> de inwoner bereikten.", page);
        Assert.Contains("href=\"/vroegsignalering/ddas?handler=Bestand&van=01-03-2025&tot=31-03-2025\"", page);
        var download = await worker.GetAsync("/vroegsignalering/ddas?handler=Bestand&van=01-03-2025&tot=31-03-2025");
        Assert.Equal((HttpStatusCode.OK, "application/json", $"ddas-{TestApp.Gemeentecode}-20250301-20250331.json"),
            (download.StatusCode, download.Content.Headers.ContentType?.MediaType, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName));
        var file = await download.Content.ReadAsStringAsync();
        DdasStandard.AssertValid(file);
        Assert.Equal(5, JsonDocument.Parse(file).RootElement.GetProperty("leveringen")[0].GetProperty("vroegsignalen").GetArrayLength());
        Assert.Equal([(AuditActions.Read, "telling op de pagina"), (AuditActions.Export, "bestand")], await InDbAsync(async db =>
            (await db.AuditEntries.Where(a => a.Resource == AuditResources.DdasReport && a.Detail!.StartsWith("DDAS-levering 01-03-2025 t/m 31-03-2025 (")
                    && !a.Detail.Contains("(API)")).OrderBy(a => a.Id).Select(a => new { a.Action, a.Detail }).ToListAsync())
                .Select(a => (a.Action, a.Detail![(a.Detail!.IndexOf('(') + 1)..a.Detail.IndexOf(')')])).ToList()));

        // Policy reads the same delivery for its figures, without any resident's personal data.
        var beleid = await _app.SignedInClientAsync(Beleid);
        Assert.Contains("href=\"/vroegsignalering/ddas\"", await beleid.GetStringAsync("/start"));
        var figures = await (await beleid.GetAsync("/api/v1/vroegsignalering/ddas?van=2025-03-01&tot=2025-03-31")).Content.ReadAsStringAsync();
        DdasStandard.AssertValid(figures);
        var policySignals = JsonDocument.Parse(figures).RootElement.GetProperty("leveringen")[0].GetProperty("vroegsignalen").EnumerateArray().ToList();
        Assert.Equal(["{}", "{}", "{}", "{}", "{}"], policySignals.Select(s => s.GetProperty("client").GetRawText()).ToArray());
        Assert.DoesNotContain("Dijk", figures, StringComparison.Ordinal);
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Resource == AuditResources.DdasReport
            && a.Detail == "DDAS-levering 01-03-2025 t/m 31-03-2025 (API, zonder persoonsgegevens): 5 signalen, 3 zaken, 2 contactpogingen")));
    }

    [Fact]
    public async Task Without_the_ddas_contact_in_the_settings_or_with_a_wrong_period_there_is_no_delivery_but_a_clear_reason()
    {
        var beleid = await _app.SignedInClientAsync(Beleid);
        await SettingsAsync(complete: false);
        try
        {
            var response = await beleid.GetAsync("/api/v1/vroegsignalering/ddas?van=2025-03-01&tot=2025-03-31");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json", DdasDelivery.SettingsIncompleteCode),
                (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("code").GetString()));
            Assert.Equal("De DDAS-levering kan niet worden gemaakt: in de instellingen voor vroegsignalering ontbreekt de code van de gegevensleverancier en de naam van de"
                + " contactpersoon. De functioneel beheerder vult die in onder Beheer, Vroegsignalering.", problem.GetProperty("detail").GetString());
            var page = WebUtility.HtmlDecode(await beleid.GetStringAsync("/vroegsignalering/ddas"));
            Assert.Contains("ontbreekt de code van de gegevensleverancier en de naam van de contactpersoon", page);
            Assert.DoesNotContain("Download de levering", page);
            var file = await beleid.GetAsync("/vroegsignalering/ddas?handler=Bestand&van=01-03-2025&tot=31-03-2025");
            Assert.Equal("text/html", file.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await SettingsAsync();
        }

        async Task<IReadOnlyList<(string, string)>> RefusedAsync(string query)
        {
            var response = await beleid.GetAsync("/api/v1/vroegsignalering/ddas" + query);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("field").GetString()!)).ToList();
        }
        Assert.Equal([(DateRules.PeriodInvalidCode, "van"), (DateRules.PeriodInvalidCode, "tot")], await RefusedAsync(""));
        Assert.Equal([(DateRules.PeriodInvalidCode, "van")], await RefusedAsync("?van=31-02-2025&tot=2025-03-31"));
        Assert.Equal([(DateRules.PeriodInvalidCode, "tot")], await RefusedAsync("?van=2025-03-31&tot=2025-03-01"));
        var wrong = WebUtility.HtmlDecode(await beleid.GetStringAsync("/vroegsignalering/ddas?van=01-04-2025&tot=01-03-2025"));
        Assert.Contains("De einddatum ligt vóór de begindatum.", wrong);
        Assert.DoesNotContain("Download de levering", wrong);
    }

    [Fact]
    public async Task The_official_example_is_valid_and_a_delivery_that_breaks_the_standard_is_not()
    {
        var example = await File.ReadAllTextAsync(Path.Combine(DdasStandard.Directory, "enkelvoudigVoorbeeld-v0.9.json"));
        Assert.Empty(DdasStandard.Violations(example));
        // An outcome DDAS does not know, an amount in cents and a date that is not a date: each is caught.
        Assert.NotEmpty(DdasStandard.Violations(example.Replace("\"Inwoner hoeft geen hulp vanuit vroegsignalering\"", "\"Opgelost\"", StringComparison.Ordinal)));
        Assert.NotEmpty(DdasStandard.Violations(example.Replace("\"bedrag\": 450", "\"bedrag\": 450.25", StringComparison.Ordinal)));
        Assert.NotEmpty(DdasStandard.Violations(example.Replace("\"2025-01-10\"", "\"10-01-2025\"", StringComparison.Ordinal)));
        Assert.NotEmpty(DdasStandard.Violations(example.Replace("j.devries@gemeentevoorbeeld.nl", "geen adres", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_page_opens_on_the_last_full_month()
    {
        await SettingsAsync();
        var worker = await _app.SignedInClientAsync(Worker);
        var page = WebUtility.HtmlDecode(await worker.GetStringAsync("/vroegsignalering/ddas"));
        var (van, tot) = DdasDelivery.LastFullMonth(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Contains($"<h2 class=\"utrecht-heading-2\">Van {DutchDate.Format(van)} tot en met {DutchDate.Format(tot)}</h2>", page);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), DdasDelivery.LastFullMonth(new DateOnly(2026, 12, 7)));
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)), DdasDelivery.LastFullMonth(new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData(Given.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData("teamleider@voorbeeld.nl", HttpStatusCode.Forbidden)]
    [InlineData(Beleid, HttpStatusCode.OK)]
    [InlineData(Worker, HttpStatusCode.OK)]
    public async Task Only_policy_and_the_vroegsignalering_workers_take_the_delivery(string email, HttpStatusCode expected)
    {
        await SettingsAsync();
        var client = await _app.SignedInClientAsync(email);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/vroegsignalering/ddas?van=2024-01-01&tot=2024-01-31")).StatusCode);
        var page = await client.GetAsync("/vroegsignalering/ddas");
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Functional_admin_saves_the_settings_and_a_wrong_field_is_refused_at_the_field_with_nothing_saved()
    {
        var (admin, _, _) = await _app.SignedInWithTwoFactorAsync(Roles.Beheerder);
        var before = WebUtility.HtmlDecode(await admin.GetStringAsync("/beheer/vroegsignalering"));
        var version = await InDbAsync(db => db.VroegsignaleringSettings.Select(s => (int?)s.Version).FirstOrDefaultAsync()) ?? 0;
        Assert.Contains($"name=\"Input.Versie\" value=\"{version}\"", before);
        var uitvoerder = await InDbAsync(db => db.Organisations.Where(o => o.SignaalpartnerSoort == null).OrderBy(o => o.Name).Select(o => o.Id).FirstAsync());
        Dictionary<string, string> Form(int termijn, int bewaar, string email, string kvk, int versie) => new()
        {
            ["Input.Contacttermijn"] = termijn.ToString(CultureInfo.InvariantCulture), ["Input.SpoedTermijn"] = "3",
            ["Input.Bewaartermijn"] = bewaar.ToString(CultureInfo.InvariantCulture), ["Input.Uitvoerder"] = uitvoerder.ToString(),
            ["Input.LeverancierCode"] = "REGIE-02", ["Input.LeverancierNaam"] = "Schuldhulp Samen", ["Input.KvkNummer"] = kvk,
            ["Input.ContactNaam"] = "P. Jansen", ["Input.ContactTelefoon"] = "030 1234567", ["Input.ContactEmail"] = email,
            ["Input.ContactFunctie"] = "Teamleider", ["Input.Versie"] = versie.ToString(CultureInfo.InvariantCulture),
        };

        var refused = await TestApp.PostFormAsync(admin, "/beheer/vroegsignalering", Form(0, 61, "geen-adres", "1234", version));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("De contacttermijn is 1 tot 90 dagen.", html);
        Assert.Contains("De bewaartermijn is 1 tot 60 maanden. De Wgs (art. 7) noemt 12 maanden voor signalen die niet tot schuldhulp leiden.", html);
        Assert.Contains("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.", html);
        Assert.Contains("Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.", html);
        Assert.Contains("id=\"Input_Bewaartermijn-error\"", html);
        Assert.Equal(version, await InDbAsync(db => db.VroegsignaleringSettings.Select(s => (int?)s.Version).FirstOrDefaultAsync()) ?? 0);

        var saved = await TestApp.PostFormAsync(admin, "/beheer/vroegsignalering", Form(21, 18, "p.jansen@voorbeeld.nl", "87654321", version));
        Assert.Equal((HttpStatusCode.Redirect, "/beheer/vroegsignalering"), (saved.StatusCode, saved.Headers.Location?.OriginalString));
        var row = await InDbAsync(db => db.VroegsignaleringSettings.AsNoTracking().SingleAsync());
        Assert.Equal((21, 3, 18, uitvoerder, "REGIE-02", "Schuldhulp Samen", "87654321", "P. Jansen", "030 1234567", "p.jansen@voorbeeld.nl", "Teamleider", version + 1),
            (row.TermDays, row.UrgentWorkingDays, row.RetentionMonths, row.UitvoerderOrganisationId, row.CodeGegevensleverancier, row.LeverancierNaam, row.KvkNummer,
                row.ContactNaam, row.ContactTelefoon, row.ContactEmail, row.ContactFunctie, row.Version));
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Resource == AuditResources.DdasReport && a.Action == AuditActions.Update
            && a.Detail!.StartsWith("instellingen vroegsignalering: contacttermijn 21 dagen"))));

        // The same form again is stale: someone saved in between.
        var stale = await TestApp.PostFormAsync(admin, "/beheer/vroegsignalering", Form(30, 12, "p.jansen@voorbeeld.nl", "87654321", version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(21, await InDbAsync(db => db.VroegsignaleringSettings.Select(s => s.TermDays).SingleAsync()));
        // An organisation that is not the municipality's is not in the list, and not accepted either.
        var unknown = Form(28, 12, "p.jansen@voorbeeld.nl", "", version + 1);
        unknown["Input.Uitvoerder"] = Guid.NewGuid().ToString();
        Assert.Contains("Kies een organisatie van de gemeente uit de lijst.", WebUtility.HtmlDecode(await (await TestApp.PostFormAsync(admin, "/beheer/vroegsignalering", unknown)).Content.ReadAsStringAsync()));

        Assert.Contains("href=\"/beheer/vroegsignalering\"", await admin.GetStringAsync("/start"));
        await SettingsAsync();
    }
}

/// <summary>The admin CLI writes the delivery to a file; a wrong period or missing settings write nothing and say why.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DdasCliTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Admin_writes_the_months_delivery_to_a_file_and_a_wrong_period_or_missing_contact_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)])).Exit);
        var file = Path.Combine(Directory.CreateTempSubdirectory("regie-ddas-").FullName, "ddas-maart.json");
        string[] Args(string van, string tot) => ["vroegsignalering", "ddas", "--van", van, "--tot", tot, "--out", file, "--gemeente", "0014", .. DatabaseArgs(db)];

        var (exit, output) = await ConsoleCollection.RunAsync(Args("01-03-2025", "31-03-2025"));
        Assert.Equal(3, exit);
        Assert.Contains("De DDAS-levering kan niet worden gemaakt: in de instellingen voor vroegsignalering ontbreekt de code van de gegevensleverancier,", output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));

        await using (var ctx = TestContexts.Create(db, "0014"))
        {
            ctx.VroegsignaleringSettings.Add(new VroegsignaleringSettings
            {
                Gemeentecode = "0014", CodeGegevensleverancier = "REGIE-01", LeverancierNaam = "Gemeente Veertien", ContactNaam = "J. de Vries",
                ContactEmail = "ddas@veertien.nl", Version = 1,
            });
            await ctx.SaveChangesAsync();
        }
        (exit, output) = await ConsoleCollection.RunAsync(Args("32-03-2025", "31-03-2025"));
        Assert.Equal((2, false), (exit, File.Exists(file)));
        Assert.Contains("--van: Vul de begindatum in als dd-mm-jjjj.", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(Args("31-03-2025", "01-03-2025"));
        Assert.Equal((2, false), (exit, File.Exists(file)));
        Assert.Contains("--tot: De einddatum ligt vóór de begindatum.", output, StringComparison.Ordinal);

        (exit, output) = await ConsoleCollection.RunAsync(Args("01-03-2025", "31-03-2025"));
        Assert.Equal(0, exit);
        Assert.Contains($"DDAS-levering 01-03-2025 t/m 31-03-2025 geschreven naar {file}: 0 signalen, 0 zaken (0 afgesloten), 0 contactpogingen.", output, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(file);
        DdasStandard.AssertValid(json);
        var levering = JsonDocument.Parse(json).RootElement.GetProperty("leveringen")[0];
        Assert.Equal(("0014", "Gemeente Veertien", 0), (levering.GetProperty("gemeentecode").GetString(),
            levering.GetProperty("aanleverende_organisatie").GetProperty("naam").GetString(), levering.GetProperty("vroegsignalen").GetArrayLength()));
    }
}

/// <summary>Issue 22 point 7: the demo's month of signals gives a delivery that downloads from the page and is valid.</summary>
public sealed class DemoDdasTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    [Fact]
    public async Task The_demos_delivery_downloads_from_the_page_valid_with_every_demo_signal()
    {
        var app = fixture.App;
        var worker = await app.SignedInClientAsync("vroegsignalering@voorbeeld.nl");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (van, tot) = (DutchDate.Format(today.AddDays(-90)), DutchDate.Format(today));
        var response = await worker.GetAsync($"/vroegsignalering/ddas?handler=Bestand&van={van}&tot={tot}");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        DdasStandard.AssertValid(json);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var from = today.AddDays(-90);
        var signals = await db.Vroegsignalen.CountAsync(s => s.ReceivedOn >= from && s.ReceivedOn <= today);
        var cases = await db.Vroegsignaalzaken.CountAsync(z => db.Vroegsignalen.Any(s => s.ZaakId == z.Id && s.ReceivedOn >= from && s.ReceivedOn <= today));
        var levering = JsonDocument.Parse(json).RootElement.GetProperty("leveringen")[0];
        Assert.True(signals >= 10, $"only {signals} demo signals");
        Assert.Equal((signals, cases, DemoSeeder.Gemeentecode),
            (levering.GetProperty("vroegsignalen").GetArrayLength(), levering.GetProperty("vroegsignaalzaken").GetArrayLength(), levering.GetProperty("gemeentecode").GetString()));
        // The story family's rent arrears is in it, as a rent signal with eviction threatened.
        Assert.Contains(levering.GetProperty("vroegsignalen").EnumerateArray(), s => s.GetProperty("signaalpartner").GetProperty("type").GetString() == "Huur"
            && s.GetProperty("crisissignaal").GetBoolean() && s.GetProperty("bedrag").GetInt64() == DdasDelivery.WholeEuros(DemoVroegsignalering.StoryAmount));
    }
}
