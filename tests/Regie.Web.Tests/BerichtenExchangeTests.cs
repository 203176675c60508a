using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Berichten;
using Regie.Web.Features.Monitor;
using System.Net;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Issue 23 point 4: the desk and the teams read the iWmo/iJw exchange; the client's household and the XML only for who may open the file.</summary>
public sealed class BerichtenExchangeTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private BerichtenSteps Steps { get; } = new(fixture.App);
    private static readonly DateTime Now = DateTime.UtcNow;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("berichten").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();

    private const string Refusal = """[{"Retourcode":"9019","Element":"Bericht/Client/Product","Toelichting":"Toewijzing 77 is niet van deze aanbieder."}]""";

    [Fact]
    public async Task The_team_lists_waiting_and_rejected_messages_first_then_the_newest_and_filters_by_kind_status_and_date()
    {
        var d = await Steps.DecidedAsync("Berichtenlijst");
        var day = BerichtenSteps.Today.AddDays(-400);
        var ready = BerichtenSteps.Outgoing(d, BerichtenSteps.NewIdentificatie(), day, Now.AddMinutes(-4));
        var sent = BerichtenSteps.Outgoing(d, BerichtenSteps.NewIdentificatie(), day, Now.AddMinutes(-3));
        sent.MarkSent("WMO301_sent.xml", Now.AddMinutes(-1));
        var refused = IstandaardBericht.Refused(TestApp.Gemeentecode, "WMO305", d.Provider, BerichtenSteps.NewIdentificatie(), day, Refusal, Now.AddMinutes(-2));
        var received = IstandaardBericht.Accepted(TestApp.Gemeentecode, BerichtSoorten.ByName("WMO305")!, d.Provider, BerichtenSteps.NewIdentificatie(), day,
            d.Person, d.Household, null, "<Bericht/>", Now.AddMinutes(-1));
        await Steps.SaveAsync(ready, sent, refused, received);
        using var team = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var period = $"van={day:yyyy-MM-dd}&tot={day:dd-MM-yyyy}";

        var all = await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}"));
        Assert.Equal([refused.Id, ready.Id, received.Id, sent.Id], Ids(all));
        Assert.Equal((4, 1, 1, BerichtenQueries.PageSize), (all.GetProperty("totaal").GetInt32(), all.GetProperty("pagina").GetInt32(),
            all.GetProperty("paginas").GetInt32(), all.GetProperty("perPagina").GetInt32()));
        var first = all.GetProperty("berichten")[1];
        Assert.Equal(("WMO301", "Uit", "Klaar", BerichtenSteps.Provider, d.Agb, ready.Identificatie, day.ToString("yyyy-MM-dd"), d.Household),
            (first.GetProperty("soort").GetString(), first.GetProperty("richting").GetString(), first.GetProperty("status").GetString(),
             first.GetProperty("aanbieder").GetString(), first.GetProperty("aanbiederAgb").GetString(), first.GetProperty("identificatie").GetString(),
             first.GetProperty("dagtekening").GetString(), first.GetProperty("huishoudenId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("verzonden").ValueKind);
        var problem = all.GetProperty("berichten")[0].GetProperty("problemen").EnumerateArray().Single();
        Assert.Equal(("9019", Retourcodes.Betekenis["9019"], "Bericht/Client/Product", "Toewijzing 77 is niet van deze aanbieder."),
            (problem.GetProperty("code").GetString(), problem.GetProperty("betekenis").GetString(), problem.GetProperty("element").GetString(), problem.GetProperty("toelichting").GetString()));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("berichten")[0].GetProperty("huishoudenId").ValueKind);

        Assert.Equal([refused.Id, received.Id], Ids(await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}&type=305"))));
        Assert.Equal([ready.Id], Ids(await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}&type=wmo301&status=klaar"))));
        var onlySent = await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}&status=Verzonden"));
        Assert.Equal([sent.Id], Ids(onlySent));
        Assert.Equal("WMO301_sent.xml", onlySent.GetProperty("berichten")[0].GetProperty("bestandsnaam").GetString());
        Assert.Equal([refused.Id], Ids(await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}&status=afgewezen"))));
        Assert.Equal([], Ids(await JsonAsync(await team.GetAsync($"/api/v1/berichten?{period}&pagina=2"))));

        Assert.Equal(BerichtenQueries.TypeInvalidCode, await CodeAsync(await team.GetAsync("/api/v1/berichten?type=WMO999"), HttpStatusCode.BadRequest));
        Assert.Equal(BerichtenQueries.StatusInvalidCode, await CodeAsync(await team.GetAsync("/api/v1/berichten?status=weg"), HttpStatusCode.BadRequest));
        Assert.Equal(DateRules.PeriodInvalidCode, await CodeAsync(await team.GetAsync("/api/v1/berichten?van=31-02-2026"), HttpStatusCode.BadRequest));
        Assert.Equal(DateRules.PeriodInvalidCode, await CodeAsync(await team.GetAsync("/api/v1/berichten?van=2026-03-01&tot=2026-02-01"), HttpStatusCode.BadRequest));
        Assert.Equal(BerichtenQueries.PageInvalidCode, await CodeAsync(await team.GetAsync("/api/v1/berichten?pagina=0"), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_professional_of_another_team_sees_no_household_and_gets_no_xml_the_team_gets_it_as_xml()
    {
        var d = await Steps.DecidedAsync("Berichtxml");
        var day = BerichtenSteps.Today.AddDays(-401);
        var message = BerichtenSteps.Outgoing(d, BerichtenSteps.NewIdentificatie(), day, Now);
        await Steps.SaveAsync(message);
        var period = $"van={day:yyyy-MM-dd}&tot={day:yyyy-MM-dd}";

        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var listed = (await JsonAsync(await zuid.GetAsync($"/api/v1/berichten?{period}"))).GetProperty("berichten").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("huishoudenId").ValueKind);
        Assert.Equal(DomainError.NotFoundCode, await CodeAsync(await zuid.GetAsync($"/api/v1/berichten/{message.Id}"), HttpStatusCode.NotFound));
        var page = WebUtility.HtmlDecode(await zuid.GetStringAsync($"/berichtenverkeer/{message.Id}"));
        Assert.Contains("De inhoud van dit bericht ziet alleen wie het dossier", page);
        Assert.DoesNotContain("<Identificatie>", page);

        using var team = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var response = await team.GetAsync($"/api/v1/berichten/{message.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(BerichtenSteps.Xml(message.Identificatie), await response.Content.ReadAsStringAsync());
        var details = WebUtility.HtmlDecode(await team.GetStringAsync($"/berichtenverkeer/{message.Id}"));
        Assert.Contains($"<Identificatie>{message.Identificatie}</Identificatie>", details);
        Assert.Contains($"href=\"/huishoudens/{d.Household}\"", details);

        await using var scope = _app.Scope();
        var reads = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(e => e.Resource == AuditResources.IstandaardMessage && e.Action == AuditActions.Read && e.HouseholdId == d.Household).CountAsync();
        // Zuid's list and page, the team's XML and page: every read of the message names the household.
        Assert.Equal(4, reads);
    }

    [Fact]
    public async Task Another_municipalitys_message_is_not_found_and_a_refused_message_has_no_xml()
    {
        var d = await Steps.DecidedAsync("Berichtbuur");
        var foreign = BerichtenSteps.Outgoing(d, BerichtenSteps.NewIdentificatie(), BerichtenSteps.Today, Now, gemeentecode: "0001");
        var refused = IstandaardBericht.Refused(TestApp.Gemeentecode, "WMO307", d.Provider, BerichtenSteps.NewIdentificatie(), BerichtenSteps.Today, Refusal, Now);
        await Steps.SaveAsync(foreign, refused);

        using var team = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.Equal(DomainError.NotFoundCode, await CodeAsync(await team.GetAsync($"/api/v1/berichten/{foreign.Id}"), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/berichtenverkeer/{foreign.Id}")).StatusCode);
        Assert.Equal(BerichtenQueries.NoXmlCode, await CodeAsync(await team.GetAsync($"/api/v1/berichten/{refused.Id}"), HttpStatusCode.NotFound));
        Assert.Equal(DomainError.NotFoundCode, await CodeAsync(await team.GetAsync($"/api/v1/berichten/{Guid.NewGuid()}"), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_api_document_says_a_message_is_answered_as_xml_and_names_the_list_errors()
    {
        using var client = _app.AnonymousClient();
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        JsonElement Get(string path) => paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == path).Value.GetProperty("get");
        var one = Get("/api/v1/berichten/{id}");
        Assert.Equal(["application/xml"], one.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.Contains(BerichtenQueries.NoXmlCode, one.GetProperty("description").GetString());
        var list = Get("/api/v1/berichten").GetProperty("description").GetString()!;
        Assert.All(new[] { BerichtenQueries.TypeInvalidCode, BerichtenQueries.StatusInvalidCode, BerichtenQueries.PageInvalidCode, DateRules.PeriodInvalidCode },
            code => Assert.Contains(code, list));
    }

    [Fact]
    public async Task A_provider_may_not_read_the_exchange()
    {
        using var provider = await _app.SignedInClientAsync("aanbieder@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/v1/berichten")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/v1/berichten/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_desk_page_filters_and_shows_the_retour_codes_of_a_rejected_message_readable()
    {
        var d = await Steps.DecidedAsync("Berichtpagina");
        var day = BerichtenSteps.Today.AddDays(-402);
        var refused = IstandaardBericht.Refused(TestApp.Gemeentecode, "JW305", d.Provider, BerichtenSteps.NewIdentificatie(), day, Refusal, Now);
        var ready = BerichtenSteps.Outgoing(d, BerichtenSteps.NewIdentificatie(), day, Now);
        await Steps.SaveAsync(refused, ready);

        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var start = WebUtility.HtmlDecode(await desk.GetStringAsync("/aanvragen"));
        Assert.Contains("href=\"/berichtenverkeer\"", start);
        var probe = await desk.GetAsync($"/berichtenverkeer?soort=305&status=&van={day:dd-MM-yyyy}&tot={day:dd-MM-yyyy}");
        Assert.True(probe.StatusCode == HttpStatusCode.OK, $"{probe.StatusCode} {probe.Headers.Location}");
        var page = WebUtility.HtmlDecode(await probe.Content.ReadAsStringAsync());
        Assert.Contains("1 bericht", page);
        Assert.Contains($"href=\"/berichtenverkeer/{refused.Id}\"", page);
        Assert.Contains($"9019</strong> {Retourcodes.Betekenis["9019"]} – Toewijzing 77 is niet van deze aanbieder.", page);
        Assert.DoesNotContain(ready.Identificatie, page);
        Assert.Contains("<option value=\"305\" selected=\"selected\">", page);

        var details = WebUtility.HtmlDecode(await desk.GetStringAsync($"/berichtenverkeer/{refused.Id}"));
        Assert.Contains("Waarom afgewezen", details);
        Assert.Contains("alleen de retourcodes", details);

        var wrong = WebUtility.HtmlDecode(await desk.GetStringAsync("/berichtenverkeer?status=weg&van=99-99-2026"));
        Assert.Contains("Kies een status", wrong);
        Assert.Contains("Vul de begindatum in als dd-mm-jjjj.", wrong);
    }

    [Fact]
    public async Task The_monitor_shows_the_wait_for_care_and_withholds_it_on_few_households()
    {
        var d = await Steps.DecidedAsync("Berichtmonitor");
        using var policy = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await policy.GetStringAsync("/monitor"));
        Assert.Contains(MonitorExports.WaitPerProviderCaption, page);
        Assert.Contains(MonitorExports.NotStartedCaption, page);
        Assert.Contains(MonitorExports.StopsCaption, page);
        Assert.Contains("Van beschikking tot start van de zorg (mediaan)", page);
        var csv = await policy.GetStringAsync("/monitor?handler=Csv");
        Assert.Contains(MonitorExports.WaitPerCategoryCaption, csv);
        Assert.NotEqual(Guid.Empty, d.Assignment.Id);
    }
}
