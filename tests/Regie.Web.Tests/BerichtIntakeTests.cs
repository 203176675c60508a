using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Berichten;
using Regie.Web.Features.Decisions;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 23 point 3: care providers send their starts (305), stops (307) and requests (315, 317). Each rule the XSD cannot express
/// refuses with its WJ001 retour code and saves nothing of the message; an accepted start or stop reaches the assignment and the
/// household's timeline, an accepted request the desk's worklist as an application with its decision term running.
/// </summary>
public sealed class BerichtIntakeTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Brug = "Zorgaanbieder De Brug";
    private const string BrugAgb = "98765432";
    private const string SocialWork = "Stichting Sociaal Werk Voorbeeld";
    private const string SocialWorkAgb = "98760001";
    private const string Reasoning = "Uit het onderzoek blijkt dat mevrouw begeleiding nodig heeft om haar administratie en haar dag zelf te kunnen regelen.";
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Dutch(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    /// <summary>The municipality records the provider's AGB code; then its partner API key sends messages.</summary>
    private async Task<Guid> ProviderAsync(string name, string agb)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Name == name);
        organisation.AgbCode = agb;
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task<HttpClient> ClientOfAsync(string name, string? agb)
    {
        if (agb is not null) await ProviderAsync(name, agb);
        await using var scope = _app.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "cli", "Beheer via de opdrachtregel");
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, Roles.Partner, TestApp.Gemeentecode, "test", default);
        Assert.True(key.IsValid, key.Error?.Message);
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key.Value.Key);
        return client;
    }

    /// <summary>The desk decides an application with one product for the provider; the product becomes an assignment with the next number.</summary>
    private async Task<Toewijzing> AssignedAsync(Resident resident, Guid providerId, LegalFramework framework = LegalFramework.Wmo2015, string category = "02")
    {
        await ContractGiven.CoversAsync(_app, providerId, framework, category);
        await using var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Systeem");
        var db = sp.GetRequiredService<RegieDbContext>();
        var consulent = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "consulent@voorbeeld.nl");
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, consulent.Id, consulent.DisplayName, Roles.Consulent);
        var registered = await sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(new ApplicationInput
        {
            PersoonId = resident.Person, Kader = framework.ToString(), Gevraagd = "Begeleiding", Aanvraagdatum = Dutch(Today.AddDays(-20)),
        }, default);
        Assert.True(registered.IsOk, string.Join("; ", registered.Errors.Select(e => e.Message)));
        var decided = await sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(registered.Value, new DecisionInput
        {
            Uitkomst = "Toegekend", Motivering = Reasoning,
            Producten = [new ProductInput { Categorie = category, Omvang = 3, Eenheid = "04", Frequentie = "2", Van = Dutch(Today.AddDays(-10)), Tot = Dutch(Today.AddYears(1)), AanbiederId = providerId }],
        }, default);
        Assert.True(decided.IsOk, string.Join("; ", decided.Errors.Select(e => e.Message)));
        var decision = await db.Decisions.Include(d => d.Products).SingleAsync(d => d.Id == decided.Value);
        var product = decision.Products.Single();
        // Deciding may already have made the assignment (with its 301); otherwise it is made here as the decision would.
        if (await db.Toewijzingen.AsNoTracking().FirstOrDefaultAsync(t => t.DecisionProductId == product.Id) is { } made) return made;
        // A number no assignment of either framework has, so a test can send a number of the other framework.
        var nummer = (await db.Toewijzingen.MaxAsync(t => (int?)t.Nummer) ?? 1000) + 1;
        var assignment = Toewijzing.Assign(product, decision, nummer, DateTime.UtcNow);
        db.Toewijzingen.Add(assignment);
        await db.SaveChangesAsync();
        return assignment;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string xml)
    {
        var response = await client.PostAsync("/api/v1/berichten", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private static async Task<Guid> AcceptedAsync(HttpClient client, string xml)
    {
        var (status, body) = await SendAsync(client, xml);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status}: {body}");
        Assert.Equal(["id", "soort", "status", "retourcode"], body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("0200", "Ontvangen"), (body.GetProperty("retourcode").GetString(), body.GetProperty("status").GetString()));
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Sends a message that must be refused: 422 bericht-afgewezen; the retour codes and the refusal's id.</summary>
    private static async Task<(string[] Codes, JsonElement Problem)> RefusedAsync(HttpClient client, string xml)
    {
        var response = await client.PostAsync("/api/v1/berichten", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((ReceiveBerichtHandler.RefusedCode, 422), (problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
        return (problem.GetProperty("retourmeldingen").EnumerateArray().Select(m => m.GetProperty("retourcode").GetString()!).ToArray(), problem);
    }

    /// <summary>Of a refused message only the refusal is kept: no XML, no client, the retour codes as JSON.</summary>
    private async Task AssertOnlyRefusalKeptAsync(JsonElement problem, string code)
    {
        var id = problem.GetProperty("id").GetGuid();
        var kept = await InDbAsync(db => db.IstandaardBerichten.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal((BerichtStatus.Afgewezen, BerichtRichting.In, null, null, null, null), (kept.Status, kept.Richting, kept.Xml, kept.PersonId, kept.HouseholdId, kept.ApplicationId));
        Assert.Contains($"\"retourcode\":\"{code}\"", kept.Problemen, StringComparison.Ordinal);
    }

    private Task<int> EventsAsync(Guid household, string type) => InDbAsync(db => db.HouseholdEvents.CountAsync(e => e.HouseholdId == household && e.Type == type));

    [Fact]
    public async Task Provider_reports_the_start_and_the_stop_and_both_reach_the_household_file()
    {
        var resident = await Given.Resident("Startbericht", team: Given.Noord);
        await Given.CoordinatedBy(resident.Household, Given.Coordinator);
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var providerId = await ProviderAsync(Brug, BrugAgb);
        var assignment = await AssignedAsync(resident, providerId);
        var messages = new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn);

        var id = await AcceptedAsync(brug, messages.Start((assignment.Nummer, Today.AddDays(-5))));

        var started = await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id));
        Assert.Equal((Today.AddDays(-5), (DateOnly?)null, assignment.Version + 1), (started.StartedOn, started.StoppedOn, started.Version));
        var kept = await InDbAsync(db => db.IstandaardBerichten.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal(("WMO305", BerichtStatus.Ontvangen, resident.Person, resident.Household), (kept.Soort, kept.Status, kept.PersonId, kept.HouseholdId));
        Assert.StartsWith("<?xml", kept.Xml, StringComparison.Ordinal);
        var startEvent = await InDbAsync(db => db.HouseholdEvents.AsNoTracking().SingleAsync(e => e.HouseholdId == resident.Household && e.Type == EventTypes.CareStarted));
        Assert.Equal(($"Zorg gestart bij {Brug}: Begeleiding", Today.AddDays(-5)), (startEvent.Summary, startEvent.EffectiveDate));

        await AcceptedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Stop((assignment.Nummer, Today.AddDays(-5), Today, "23")));

        var stopped = await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id));
        Assert.Equal((Today, "23"), (stopped.StoppedOn, stopped.StopReason));
        var stopEvent = await InDbAsync(db => db.HouseholdEvents.AsNoTracking().SingleAsync(e => e.HouseholdId == resident.Household && e.Type == EventTypes.CareStopped));
        Assert.Equal($"Zorg gestopt bij {Brug}: Begeleiding (Levering is in overeenstemming voortijdig beëindigd)", stopEvent.Summary);
        var data = JsonDocument.Parse(stopEvent.Data!).RootElement;
        Assert.Equal((assignment.Id, "23"), (data.GetProperty("toewijzing").GetGuid(), data.GetProperty("reden").GetString()));

        // The household file shows the provision as started and stopped.
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{resident.Household}"));
        Assert.Contains($"Begeleiding bij {Brug}: gestart op {Dutch(Today.AddDays(-5))}", page, StringComparison.Ordinal);
        Assert.Contains($"gestopt op {Dutch(Today)} (Levering is in overeenstemming voortijdig beëindigd)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_on_another_providers_assignment_is_refused_with_9019_and_nothing_is_saved()
    {
        var resident = await Given.Resident("Andermans");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var other = await ClientOfAsync(SocialWork, SocialWorkAgb);
        var before = await InDbAsync(db => db.IstandaardBerichten.CountAsync(b => b.Status != BerichtStatus.Afgewezen));

        var (codes, problem) = await RefusedAsync(other, new BerichtXml(LegalFramework.Wmo2015, SocialWorkAgb, resident.Bsn).Start((assignment.Nummer, Today)));

        Assert.Equal([Retourcodes.NietGekoppeld], codes);
        var melding = problem.GetProperty("retourmeldingen")[0];
        Assert.Equal("Client/StartProducten/StartProduct[1]/ToewijzingNummer", melding.GetProperty("element").GetString());
        Assert.Equal("Er is geen toewijzing met dit nummer.", melding.GetProperty("toelichting").GetString());
        Assert.Equal("WMO305", problem.GetProperty("soort").GetString());
        await AssertOnlyRefusalKeptAsync(problem, Retourcodes.NietGekoppeld);
        var unchanged = await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id));
        Assert.Equal(((DateOnly?)null, assignment.Version), (unchanged.StartedOn, unchanged.Version));
        Assert.Equal(0, await EventsAsync(resident.Household, EventTypes.CareStarted));
        Assert.Equal(before, await InDbAsync(db => db.IstandaardBerichten.CountAsync(b => b.Status != BerichtStatus.Afgewezen)));
    }

    [Fact]
    public async Task A_start_outside_the_assignments_period_is_refused_with_9019()
    {
        var resident = await Given.Resident("Buitenperiode");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);

        var (codes, problem) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((assignment.Nummer, Today.AddDays(-30))));

        Assert.Equal([Retourcodes.NietGekoppeld], codes);
        Assert.Equal("Client/StartProducten/StartProduct[1]/Begindatum", problem.GetProperty("retourmeldingen")[0].GetProperty("element").GetString());
        Assert.Null((await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id))).StartedOn);
    }

    [Fact]
    public async Task A_stop_without_a_start_is_refused_with_9069()
    {
        var resident = await Given.Resident("Zonderstart");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);

        var (codes, problem) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Stop((assignment.Nummer, Today.AddDays(-5), Today, "19")));

        Assert.Equal([Retourcodes.GeenStart], codes);
        await AssertOnlyRefusalKeptAsync(problem, Retourcodes.GeenStart);
        Assert.Null((await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id))).StoppedOn);
        Assert.Equal(0, await EventsAsync(resident.Household, EventTypes.CareStopped));
    }

    [Fact]
    public async Task A_reused_message_identification_is_refused_with_9056_and_a_repeated_start_with_9074()
    {
        var resident = await Given.Resident("Hergebruik");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var messages = new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn);
        await AcceptedAsync(brug, messages.Start((assignment.Nummer, Today)));

        Assert.Equal([Retourcodes.IdentificatieNietUniek], (await RefusedAsync(brug, messages.Stop((assignment.Nummer, Today, Today, "19")))).Codes);
        var again = new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((assignment.Nummer, Today));
        Assert.Equal([Retourcodes.SleutelAlOntvangen], (await RefusedAsync(brug, again)).Codes);
        Assert.Equal(1, await EventsAsync(resident.Household, EventTypes.CareStarted));
    }

    [Fact]
    public async Task Two_identical_starts_at_once_start_the_care_once()
    {
        var resident = await Given.Resident("Tegelijk");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            SendAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((assignment.Nummer, Today)))));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Created));
        var loser = answers.Single(a => a.Status != HttpStatusCode.Created);
        Assert.True(loser.Status == HttpStatusCode.Conflict
            || (loser.Status == HttpStatusCode.UnprocessableEntity && loser.Body.GetProperty("retourmeldingen")[0].GetProperty("retourcode").GetString() == Retourcodes.SleutelAlOntvangen),
            loser.Body.ToString());
        Assert.Equal(1, await EventsAsync(resident.Household, EventTypes.CareStarted));
    }

    [Fact]
    public async Task A_wrongly_addressed_request_says_nothing_about_whether_the_BSN_is_known()
    {
        var known = await Given.Resident("Bekendbsn");
        await ProviderAsync(Brug, BrugAgb);
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var unknownBsn = TestApp.NextBsn();

        var (forKnown, _) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, known.Bsn) { Dagtekening = Today.AddDays(1) }.Request(("PROBE-1", "02", Today, 3)));
        var (forUnknown, _) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, unknownBsn) { Dagtekening = Today.AddDays(1) }.Request(("PROBE-2", "02", Today, 3)));

        Assert.Equal([Retourcodes.DagtekeningInToekomst], forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task A_message_nested_too_deep_is_refused_and_a_refusal_keeps_no_value_it_quoted()
    {
        await ProviderAsync(Brug, BrugAgb);
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var resident = await Given.Resident("Diepgenest");
        var valid = new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((1, Today));
        // Thousands of levels deep would overflow the validator's stack; it is refused before validation.
        Assert.Contains("<wmo305:Client>", valid, StringComparison.Ordinal);
        var deep = valid.Replace("<wmo305:Client>", "<wmo305:Client>" + string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)), StringComparison.Ordinal);
        var (deepCodes, deepProblem) = await RefusedAsync(brug, deep);
        Assert.Equal([Retourcodes.Technisch], deepCodes);
        Assert.Contains($"dieper genest dan {Regie.Web.Features.Berichten.BerichtSchemas.MaxDepth} niveaus", deepProblem.GetRawText(), StringComparison.Ordinal);

        // A BSN that breaks its type: the refusal says where and why, never the value itself.
        var (codes, problem) = await RefusedAsync(brug, valid.Replace($">{resident.Bsn}<", ">99999998912<", StringComparison.Ordinal));
        Assert.Equal([Retourcodes.Technisch], codes);
        Assert.DoesNotContain("99999998912", problem.GetRawText(), StringComparison.Ordinal);
        Assert.False(await InDbAsync(db => db.IstandaardBerichten.AnyAsync(b => b.Problemen != null && b.Problemen.Contains("99999998912"))));
    }

    [Fact]
    public async Task A_future_dagtekening_is_refused_with_8848_and_another_municipality_with_S300()
    {
        var resident = await Given.Resident("Toekomst");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);

        var (future, problem) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn) { Dagtekening = Today.AddDays(1) }
            .Start((assignment.Nummer, Today)));
        Assert.Equal([Retourcodes.DagtekeningInToekomst], future);
        Assert.Equal("Header/BerichtIdentificatie/Dagtekening", problem.GetProperty("retourmeldingen")[0].GetProperty("element").GetString());

        var (elsewhere, _) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn) { Ontvanger = "0363" }.Start((assignment.Nummer, Today)));
        Assert.Equal([Retourcodes.GemeentecodeOngeldig], elsewhere);
        Assert.Null((await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id))).StartedOn);
    }

    [Fact]
    public async Task A_message_that_is_no_valid_305_307_315_or_317_is_refused_with_0001()
    {
        var resident = await Given.Resident("Ongeldig");
        var assignment = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb));
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var valid = new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((assignment.Nummer, Today));

        var (codes, problem) = await RefusedAsync(brug, valid.Replace($"<wmo305:Bsn>{resident.Bsn}</wmo305:Bsn>", "<wmo305:Bsn>12345</wmo305:Bsn>", StringComparison.Ordinal));
        Assert.Equal(Retourcodes.Technisch, Assert.Single(codes.Distinct()));
        Assert.Contains("Voldoet niet aan het XSD van WMO305", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertOnlyRefusalKeptAsync(problem, Retourcodes.Technisch);

        Assert.Equal([Retourcodes.Technisch], (await RefusedAsync(brug, "<Bericht>niet af")).Codes);
        var toewijzing = valid.Replace("wmo305", "wmo301", StringComparison.Ordinal);
        var (notOurs, refusal) = await RefusedAsync(brug, toewijzing);
        Assert.Equal([Retourcodes.Technisch], notOurs);
        Assert.Contains("Een WMO301 stuurt de gemeente zelf", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The sender must be the caller: another AGB code in the header is refused.
        var (afzender, wrong) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, SocialWorkAgb, resident.Bsn).Start((assignment.Nummer, Today)));
        Assert.Equal([Retourcodes.Technisch], afzender);
        Assert.StartsWith("Afzender is niet uw AGB-code", wrong.GetProperty("retourmeldingen")[0].GetProperty("toelichting").GetString(), StringComparison.Ordinal);
        Assert.Null((await InDbAsync(db => db.Toewijzingen.AsNoTracking().SingleAsync(t => t.Id == assignment.Id))).StartedOn);

        // Not XML at all: 415, nothing read.
        var text = await brug.PostAsync("/api/v1/berichten", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task A_Wmo_message_for_a_Jeugdwet_assignment_number_is_not_linked()
    {
        var resident = await Given.Resident("Jeugdnummer");
        var youth = await AssignedAsync(resident, await ProviderAsync(Brug, BrugAgb), LegalFramework.Jeugdwet, "45");
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        // Numbers are unique per framework (TR332): a Wmo assignment may carry the same number, but never for this client.
        Assert.False(await InDbAsync(db => db.Toewijzingen.AnyAsync(t => t.Framework == LegalFramework.Wmo2015 && t.Nummer == youth.Nummer && t.PersonId == resident.Person)));

        var (codes, _) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Start((youth.Nummer, Today)));

        Assert.Equal([Retourcodes.NietGekoppeld], codes);
        await AcceptedAsync(brug, new BerichtXml(LegalFramework.Jeugdwet, BrugAgb, resident.Bsn).Start((youth.Nummer, Today)));
    }

    [Fact]
    public async Task A_partner_without_an_AGB_code_gets_403_and_nothing_is_saved()
    {
        var resident = await Given.Resident("Geenaanbieder");
        using var corporation = await ClientOfAsync("Woningcorporatie Thuis", agb: null);
        var before = await InDbAsync(db => db.IstandaardBerichten.CountAsync());

        var (status, body) = await SendAsync(corporation, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Request(("REF-GEEN", "02", Today, 3)));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(ReceiveBerichtHandler.NotAProviderCode, body.GetProperty("code").GetString());
        Assert.Equal(before, await InDbAsync(db => db.IstandaardBerichten.CountAsync()));
    }

    [Fact]
    public async Task A_request_for_an_assignment_lands_on_the_desks_worklist_with_its_decision_term_running()
    {
        var resident = await Given.Resident("Verzoek");
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var reference = "REF-" + Guid.NewGuid().ToString("N")[..8];

        var id = await AcceptedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Request((reference, "02", Today.AddDays(14), 4)));

        var kept = await InDbAsync(db => db.IstandaardBerichten.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal(("WMO315", resident.Person, resident.Household), (kept.Soort, kept.PersonId, kept.HouseholdId));
        var app = await InDbAsync(db => db.ProvisionApplications.AsNoTracking().SingleAsync(a => a.Id == kept.ApplicationId));
        Assert.Equal((LegalFramework.Wmo2015, ApplicationStatus.InBehandeling, Today, (string?)null), (app.Framework, app.Status, app.AppliedOn, app.HandlerUserId));
        Assert.Equal(Deadlines.DecisionDue(LegalFramework.Wmo2015, Today, 0, DecisionTerms.Default), app.DecisionDueOn);
        Assert.Equal($"Verzoek om toewijzing (WMO315) van {Brug}: Begeleiding, 4 uur per week, vanaf {Dutch(Today.AddDays(14))} tot en met {Dutch(Today.AddDays(14).AddMonths(6))}"
            + $" (referentie {reference}).", app.Requested);
        Assert.Equal(1, await EventsAsync(resident.Household, EventTypes.ApplicationReceived));
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        Assert.Contains($"Verzoek om toewijzing (WMO315) van {Brug}", WebUtility.HtmlDecode(await desk.GetStringAsync("/aanvragen")), StringComparison.Ordinal);

        // While it waits: the same reference again is 9347, another request for the client 9374.
        var (codes, _) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).Request((reference, "02", Today, 4)));
        Assert.Equal([Retourcodes.ReferentieNietUniek, Retourcodes.VerzoekOnderhanden], codes);
        Assert.Equal(1, await InDbAsync(db => db.ProvisionApplications.CountAsync(a => a.PersonId == resident.Person)));
    }

    [Fact]
    public async Task A_request_about_someone_the_municipality_does_not_know_is_refused()
    {
        using var brug = await ClientOfAsync(Brug, BrugAgb);
        var (codes, problem) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, TestApp.NextBsn()).Request(("REF-ONBEKEND", "02", Today, 2)));
        Assert.Equal([Retourcodes.Technisch], codes);
        Assert.Equal("Client/Bsn", problem.GetProperty("retourmeldingen")[0].GetProperty("element").GetString());
    }

    [Fact]
    public async Task A_request_to_change_needs_a_current_assignment_of_the_provider_for_the_client()
    {
        var resident = await Given.Resident("Wijziging");
        var providerId = await ProviderAsync(Brug, BrugAgb);
        var assignment = await AssignedAsync(resident, providerId);
        var other = await AssignedAsync(await Given.Resident("Wijzigingbuur"), providerId);
        using var brug = await ClientOfAsync(Brug, BrugAgb);

        var (codes, problem) = await RefusedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).ChangeRequest("WIJZ-1", [other.Nummer]));
        Assert.Equal([Retourcodes.TeWijzigenOnbekend], codes);
        Assert.Equal("Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]/ToewijzingNummer", problem.GetProperty("retourmeldingen")[0].GetProperty("element").GetString());
        Assert.Equal(0, await InDbAsync(db => db.ProvisionApplications.CountAsync(a => a.PersonId == resident.Person && a.Status == ApplicationStatus.InBehandeling)));

        var id = await AcceptedAsync(brug, new BerichtXml(LegalFramework.Wmo2015, BrugAgb, resident.Bsn).ChangeRequest("WIJZ-2", [assignment.Nummer]));
        var kept = await InDbAsync(db => db.IstandaardBerichten.AsNoTracking().SingleAsync(b => b.Id == id));
        var app = await InDbAsync(db => db.ProvisionApplications.AsNoTracking().SingleAsync(a => a.Id == kept.ApplicationId));
        Assert.StartsWith($"Verzoek om wijziging (WMO317) van {Brug}, referentie WIJZ-2: toewijzing {assignment.Nummer} wijzigen", app.Requested, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InBehandeling, app.Status);
    }

    [Fact]
    public async Task The_API_document_describes_the_XML_body_and_the_refusal_with_its_retour_codes()
    {
        using var anonymous = _app.AnonymousClient();
        var doc = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var post = doc.GetProperty("paths").GetProperty("/api/v1/berichten").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/xml", out _));
        var refusal = post.GetProperty("responses").GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        var name = refusal.GetProperty("$ref").GetString()!.Split('/')[^1];
        var properties = doc.GetProperty("components").GetProperty("schemas").GetProperty(name).GetProperty("properties");
        Assert.True(properties.TryGetProperty("retourmeldingen", out _));
        Assert.Contains(ReceiveBerichtHandler.NotAProviderCode, post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(Retourcodes.VerzoekOnderhanden, post.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
