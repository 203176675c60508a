using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure.Demo;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 22 point 3: the vroegsignalering worker offers help in time. The worklist puts threatened eviction or cut-off first,
/// then the nearest contact term, with "te laat" and "bijna te laat"; contact attempts are recorded as DDAS has them; the case
/// closes with a DDAS outcome that fits what happened, and "Vervolghulp" opens a request for the household that the team triages.
/// </summary>
public sealed class VroegsignaleringCaseTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Worker = "vroegsignalering@voorbeeld.nl";
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A signal of the demo housing corporation, received <paramref name="daysAgo"/> days ago, in a new case for the household.</summary>
    private async Task<Guid> CaseAsync(Guid household, Guid person, int daysAgo, bool crisis = false, decimal amount = 812.50m)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var partner = await db.Organisations.Where(o => o.Name == "Woningcorporatie Thuis").Select(o => o.Id).SingleAsync();
        var received = DateTime.UtcNow.AddDays(-daysAgo);
        var signal = new Vroegsignaal
        {
            Id = Guid.CreateVersion7(), Gemeentecode = DemoSeeder.Gemeentecode, PartnerOrganisationId = partner, PartnerName = "Woningcorporatie Thuis",
            PartnerSoort = SignaalpartnerSoort.Huur, Kenmerk = "HUUR-" + Guid.NewGuid().ToString("N")[..8], Bedrag = amount, MaandenAchterstand = 2,
            Signaaldatum = DateOnly.FromDateTime(received).AddDays(-1), Crisis = crisis, ReceivedAt = received, ReceivedOn = DateOnly.FromDateTime(received),
            Via = SignalRules.ViaApi, PersonId = person, Telefoon = "06 12345678", Achternaam = "Test", Status = Signaalstatus.NogNietOpgepakt,
        };
        var zaak = Vroegsignaalzaak.Open(DemoSeeder.Gemeentecode, household, signal, false, ContactTermSettings.Default, received);
        db.Vroegsignalen.Add(signal);
        db.Vroegsignaalzaken.Add(zaak);
        await db.SaveChangesAsync();
        return zaak.Id;
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<IReadOnlyList<(string Code, string Field)>> ProblemAsync(HttpResponseMessage response)
    {
        var body = await OkAsync(response, HttpStatusCode.BadRequest);
        return body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("field").GetString()!)).ToList();
    }

    private static string Path(Guid zaak, string rest = "") => $"/api/v1/vroegsignalering/zaken/{zaak}{rest}";

    [Fact]
    public async Task Worker_sees_threatened_eviction_first_then_the_nearest_term_with_late_and_almost_late_marked()
    {
        var late = await Given.Resident("Laatsignaal");
        var almost = await Given.Resident("Bijnasignaal");
        var crisis = await Given.Resident("Crisissignaal");
        var lateCase = await CaseAsync(late.Household, late.Person, daysAgo: 30);
        var almostCase = await CaseAsync(almost.Household, almost.Person, daysAgo: 27);
        var crisisCase = await CaseAsync(crisis.Household, crisis.Person, daysAgo: 0, crisis: true);
        var client = await _app.SignedInClientAsync(Worker);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/vroegsignalering/zaken");
        var mine = list.GetProperty("zaken").EnumerateArray().Where(z => new[] { lateCase, almostCase, crisisCase }.Contains(z.GetProperty("id").GetGuid()))
            .Select(z => (z.GetProperty("id").GetGuid(), z.GetProperty("stand").GetString(), z.GetProperty("termijn").GetString())).ToList();
        Assert.Equal([
            (crisisCase, "OpTijd", ContactTerm.AddWorkingDays(Today, 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (lateCase, "TeLaat", Day(-2)),
            (almostCase, "BijnaTeLaat", Day(1)),
        ], mine);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/vroegsignalering"));
        Assert.True(page.IndexOf($"/vroegsignalering/zaken/{crisisCase}", StringComparison.Ordinal) < page.IndexOf($"/vroegsignalering/zaken/{lateCase}", StringComparison.Ordinal));
        Assert.Contains("<span class=\"regie-badge regie-badge--late\">te laat</span>", page);
        Assert.Contains("<span class=\"regie-badge regie-badge--soon\">bijna te laat</span>", page);
        Assert.Contains("<strong>Dreigende uitzetting of afsluiting</strong>", page);
        // The list read is on the trail with every household it showed.
        var audited = await InDbAsync(db => db.AuditEntries.Where(a => a.Resource == AuditResources.EarlySignalCase && a.Action == AuditActions.Read
            && a.Detail == "vroegsignalering: werklijst" && a.HouseholdId == late.Household).CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Worker_tries_to_reach_the_resident_and_closes_with_vervolghulp_which_opens_a_request_the_coordinator_is_told_of()
    {
        var resident = await Given.HouseholdWithActivePlan("Vervolghulp", "Sanne", team: Given.Noord, coordinator: Given.Coordinator);
        var zaak = await CaseAsync(resident.Household, resident.Person, daysAgo: 5);
        var client = await _app.SignedInClientAsync(Worker);

        var first = await OkAsync(await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"),
            new { soort = "Telefoon", datum = Day(-4), dagdeel = "Ochtend", bereikt = false, versie = 1 }), HttpStatusCode.Created);
        Assert.Equal(2, first.GetProperty("versie").GetInt32());
        // Spoken to? Not yet: an outcome that says so is refused, and nothing changes.
        Assert.Equal([(CaseRules.ResultNeedsContactCode, "resultaat")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/afsluiting"), new { resultaat = "GeenHulpNodig", versie = 2 })));
        var second = await OkAsync(await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"),
            new { soort = "Huisbezoek", datum = Day(-2), dagdeel = "Middag", bereikt = true, toelichting = "Sanne wil hulp bij haar administratie", versie = 2 }),
            HttpStatusCode.Created);
        var closed = await OkAsync(await client.PostAsJsonAsync(Path(zaak, "/afsluiting"), new
        {
            resultaat = "Vervolghulp en/of verwijzing financieel", hulpvraag = "Hulp bij huurachterstand en administratie", toelichting = "Afgestemd met de regisseur",
            versie = second.GetProperty("versie").GetInt32(),
        }));
        Assert.Equal(("VervolghulpFinancieel", 4), (closed.GetProperty("resultaat").GetString(), closed.GetProperty("versie").GetInt32()));
        var requestId = closed.GetProperty("hulpvraagId").GetGuid();

        var (request, persons, stored, statuses, notification, events) = await InDbAsync(async db => (
            await db.HelpRequests.Where(r => r.Id == requestId).Select(r => new { r.HouseholdId, r.Source, r.SourceDetail, r.Description, r.Status }).SingleAsync(),
            await db.Set<HelpRequestPerson>().Where(p => p.RequestId == requestId).Select(p => p.PersonId).ToListAsync(),
            await db.Vroegsignaalzaken.Where(z => z.Id == zaak).Select(z => new { z.RequestId, z.Resultaat, z.OpgepaktOn, z.ClosedOn }).SingleAsync(),
            await db.Vroegsignalen.Where(s => s.ZaakId == zaak).Select(s => s.Status).ToListAsync(),
            await db.Notifications.Where(n => n.HouseholdId == resident.Household && n.Title.StartsWith("Vervolghulp")).Select(n => n.Title).SingleAsync(),
            await db.HouseholdEvents.Where(e => e.HouseholdId == resident.Household && (e.Type == EventTypes.EarlySignalCaseClosed || e.Type == EventTypes.RequestRegistered))
                .OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync()));
        Assert.Equal((resident.Household, RequestSource.Vroegsignaal, "Vroegsignaal van Woningcorporatie Thuis", "Hulp bij huurachterstand en administratie", RequestStatus.Ontvangen),
            (request.HouseholdId, request.Source, request.SourceDetail, request.Description, request.Status));
        Assert.Equal([resident.Person], persons);
        Assert.Equal((requestId, Eindresultaat.VervolghulpFinancieel, Today.AddDays(-4), Today), (stored.RequestId, stored.Resultaat, stored.OpgepaktOn, stored.ClosedOn));
        Assert.Equal([Signaalstatus.Opgepakt], statuses);
        Assert.Equal("Vervolghulp na vroegsignalering: nieuwe hulpvraag bij een huishouden dat u regisseert", notification);
        Assert.Equal(["Hulpvraag ontvangen via vroegsignaal (betalingsachterstand)", "Vroegsignaalzaak afgesloten: Vervolghulp en/of verwijzing financieel"], events);

        // The team's coordinator opens the request as any other; the closed case answers what became of it.
        var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/hulpvragen/{requestId}")).StatusCode);
        var view = await client.GetFromJsonAsync<JsonElement>(Path(zaak));
        Assert.Equal((false, requestId, 2), (view.GetProperty("open").GetBoolean(), view.GetProperty("afsluiting").GetProperty("hulpvraagId").GetGuid(),
            view.GetProperty("contactpogingen").GetArrayLength()));
        // Closed is closed: no second outcome, no more attempts.
        Assert.Equal([(Vroegsignaalzaak.ClosedCode, "resultaat")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/afsluiting"), new { resultaat = "GeenHulpNodig", versie = 4 })));
        Assert.Equal([(Vroegsignaalzaak.ClosedCode, "soort")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"), new { soort = "Brief", datum = Day(0), dagdeel = "Avond", versie = 4 })));
    }

    [Fact]
    public async Task A_wrong_attempt_is_refused_field_by_field_and_a_stale_form_is_a_conflict_and_nothing_is_saved()
    {
        var resident = await Given.Resident("Foutpoging");
        var zaak = await CaseAsync(resident.Household, resident.Person, daysAgo: 3);
        var client = await _app.SignedInClientAsync(Worker);

        Assert.Equal([(CaseRules.AttemptSoortInvalidCode, "soort"), (CaseRules.AttemptDateInvalidCode, "datum"), (CaseRules.AttemptDagdeelInvalidCode, "dagdeel")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"), new { soort = "Duif", datum = Day(1), dagdeel = "Nacht", versie = 1 })));
        // Before the signal came in is no attempt on this case either.
        Assert.Equal([(CaseRules.AttemptDateInvalidCode, "datum")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"), new { soort = "Brief", datum = Day(-4), dagdeel = "Ochtend", versie = 1 })));
        Assert.Equal([(CaseRules.ResultNeedsAttemptCode, "resultaat")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/afsluiting"), new { resultaat = "GeenContact", versie = 1 })));
        Assert.Equal([(CaseRules.ResultInvalidCode, "resultaat")],
            await ProblemAsync(await client.PostAsJsonAsync(Path(zaak, "/afsluiting"), new { resultaat = "Opgelost", versie = 1 })));
        var stale = await client.PostAsJsonAsync(Path(zaak, "/contactpogingen"), new { soort = "SMS/Whatsapp", datum = Day(0), dagdeel = "Avond", versie = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal((0, 1, (DateOnly?)null), await InDbAsync(async db => (await db.Contactpogingen.CountAsync(p => p.ZaakId == zaak),
            await db.Vroegsignaalzaken.Where(z => z.Id == zaak).Select(z => z.Version).SingleAsync(),
            await db.Vroegsignaalzaken.Where(z => z.Id == zaak).Select(z => z.OpgepaktOn).SingleAsync())));

        // On the page the same rule speaks Dutch at the field.
        var page = await TestApp.PostFormAsync(client, $"/vroegsignalering/zaken/{zaak}", new Dictionary<string, string>
        {
            ["Poging.Soort"] = "", ["Poging.Datum"] = Today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), ["Poging.Dagdeel"] = "Middag", ["Poging.Versie"] = "1",
        }, $"/vroegsignalering/zaken/{zaak}?handler=Poging");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Kies hoe u contact zocht: Mail, Brief, SMS/Whatsapp, Telefoon, Huisbezoek, Kaartje, Overige, Administratief.", html);
        var done = await TestApp.PostFormAsync(client, $"/vroegsignalering/zaken/{zaak}", new Dictionary<string, string>
        {
            ["Poging.Soort"] = "Kaartje", ["Poging.Datum"] = Today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), ["Poging.Dagdeel"] = "Middag",
            ["Poging.Bereikt"] = "false", ["Poging.Versie"] = "1",
        }, $"/vroegsignalering/zaken/{zaak}?handler=Poging");
        Assert.Equal((HttpStatusCode.Redirect, $"/vroegsignalering/zaken/{zaak}"), (done.StatusCode, done.Headers.Location?.OriginalString));
        Assert.Equal((Contactsoort.Kaartje, false), await InDbAsync(db => db.Contactpogingen.Where(p => p.ZaakId == zaak).Select(p => new ValueTuple<Contactsoort, bool>(p.Soort, p.Bereikt)).SingleAsync()));
    }

    [Theory]
    [InlineData(Given.Coordinator)]
    [InlineData("beleid@voorbeeld.nl")]
    [InlineData("woningcorporatie@voorbeeld.nl")]
    public async Task Nobody_but_the_vroegsignalering_workers_reads_a_case(string email)
    {
        var resident = await Given.Resident("Geenzicht" + email[..4]);
        var zaak = await CaseAsync(resident.Household, resident.Person, daysAgo: 1);
        var client = await _app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Path(zaak))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/vroegsignalering/zaken")).StatusCode);
        var worker = await _app.SignedInClientAsync(Worker);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(Path(Guid.NewGuid()))).StatusCode);
        var read = await worker.GetFromJsonAsync<JsonElement>(Path(zaak));
        var signal = read.GetProperty("signalen")[0].GetProperty("id").GetGuid();
        var detail = await InDbAsync(db => db.AuditEntries.Where(a => a.Resource == AuditResources.EarlySignalCase && a.HouseholdId == resident.Household && a.Action == AuditActions.Read)
            .Select(a => a.Detail).SingleAsync());
        Assert.Equal($"vroegsignaalzaak {zaak}, signalen {signal}", detail);
    }
}
