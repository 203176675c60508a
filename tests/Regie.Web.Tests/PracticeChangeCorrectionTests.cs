using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using System.Net;
using IndexModel = Regie.Web.Features.Evaluaties.IndexModel;

namespace Regie.Web.Tests;

public sealed class PracticeChangeFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync();
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Issue 24: the policy officer corrects or withdraws a recorded change of working practice; a withdrawn change is no longer
/// evaluated but stays stored and on the trail; a stale form, bad input, another municipality's change and other roles are refused.
/// </summary>
public sealed class PracticeChangeCorrectionTests(PracticeChangeFixture fixture) : IClassFixture<PracticeChangeFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string Path(Guid id) => $"/monitor/evaluatie/wijzigingen/{id}";

    private async Task<(Guid Noord, Guid Zuid)> TeamsAsync()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        return (await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync(),
            await db.Teams.Where(t => t.Name == "Wijkteam Zuid").Select(t => t.Id).SingleAsync());
    }

    private async Task<Guid> RecordAsync(HttpClient beleid, string title)
    {
        var (noord, _) = await TeamsAsync();
        var saved = await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string>
        {
            ["Input.Datum"] = "01-03-2026", ["Input.Titel"] = title, ["Input.Teams"] = noord.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Werkwijzewijzigingen.Where(w => w.Title == title).Select(w => w.Id).SingleAsync();
    }

    private async Task<Werkwijzewijziging> StoredAsync(Guid id)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Werkwijzewijzigingen.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<List<string>> AuditAsync(Guid id)
    {
        await using var scope = _app.Scope();
        var text = id.ToString();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.Resource == AuditResources.PracticeChange && a.Action == AuditActions.Update && a.Detail!.Contains(text)).Select(a => a.Detail!).ToListAsync();
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Policy_officer_corrects_a_recorded_change_and_a_stale_form_gets_a_conflict()
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var (noord, zuid) = await TeamsAsync();
        var id = await RecordAsync(beleid, "Vaste regisseur (typfout)");
        Assert.Contains("value=\"Vaste regisseur (typfout)\"", WebUtility.HtmlDecode(await beleid.GetStringAsync(Path(id))), StringComparison.Ordinal);

        var corrected = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string>
        {
            ["Input.Datum"] = "15-02-2026", ["Input.Titel"] = "Vaste regisseur per huishouden", ["Input.Omschrijving"] = "Eén regisseur van begin tot eind.",
            ["Input.Teams"] = zuid.ToString(), ["Input.Versie"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((new DateOnly(2026, 2, 15), "Vaste regisseur per huishouden", "Eén regisseur van begin tot eind.", zuid.ToString(), 2, "Thomas Bos"),
            (stored.Date, stored.Title, stored.Description, stored.TeamIds, stored.Version, stored.CorrectedBy));
        var entry = Assert.Single(await AuditAsync(id));
        Assert.Equal($"werkwijzewijziging {id} gecorrigeerd: was Vaste regisseur (typfout), 01-03-2026, teams Wijkteam Noord; nu Vaste regisseur per huishouden, 15-02-2026, teams Wijkteam Zuid", entry);
        Assert.Contains("Vaste regisseur per huishouden", WebUtility.HtmlDecode(await beleid.GetStringAsync("/api/v1/evaluaties")), StringComparison.Ordinal);

        // A second form filled in on version 1: refused with the Dutch message, nothing changed, the form shows what is stored now.
        var stale = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string>
        {
            ["Input.Datum"] = "01-01-2026", ["Input.Titel"] = "Oude versie", ["Input.Teams"] = noord.ToString(), ["Input.Versie"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await HtmlAsync(stale);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en sla uw wijziging opnieuw op.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Versie\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Vaste regisseur per huishouden\"", html, StringComparison.Ordinal);
        stored = await StoredAsync(id);
        Assert.Equal(("Vaste regisseur per huishouden", 2), (stored.Title, stored.Version));
        Assert.Single(await AuditAsync(id));
        var staleWithdrawal = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string> { ["Intrekken.Reden"] = "Dubbel", ["Intrekken.Versie"] = "1" }, Path(id) + "?handler=Intrekken");
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", await HtmlAsync(staleWithdrawal), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(id)).WithdrawnAt);
    }

    [Fact]
    public async Task Bad_input_in_a_correction_or_a_withdrawal_saves_nothing()
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var (noord, zuid) = await TeamsAsync();
        var id = await RecordAsync(beleid, "Lichte ondersteuning in Noord");
        string allTeams;
        await using (var scope = _app.Scope())
            allTeams = string.Join(",", await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Select(t => t.Id).ToListAsync());

        var refused = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string>
        {
            ["Input.Datum"] = "31-02-2026", ["Input.Titel"] = " ", ["Input.Teams"] = allTeams, ["Input.Versie"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await HtmlAsync(refused);
        Assert.Contains("Vul de datum van de wijziging in als dd-mm-jjjj.", html, StringComparison.Ordinal);
        Assert.Contains("Vul de titel van de wijziging in.", html, StringComparison.Ordinal);
        Assert.Contains("Kies niet alle teams: het verschil in verschillen vergelijkt met de teams die niet veranderden.", html, StringComparison.Ordinal);
        var futureResponse = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string>
        {
            ["Input.Datum"] = DateTime.UtcNow.AddDays(3).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), ["Input.Titel"] = "Later", ["Input.Versie"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, futureResponse.StatusCode);
        var future = await HtmlAsync(futureResponse);
        Assert.Contains("ligt in de toekomst", future, StringComparison.Ordinal);
        Assert.Contains("Kies het team of de teams die anders gingen werken.", future, StringComparison.Ordinal);
        var noReason = await HtmlAsync(await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string> { ["Intrekken.Reden"] = "", ["Intrekken.Versie"] = "1" }, Path(id) + "?handler=Intrekken"));
        Assert.Contains("Vul in waarom u de wijziging intrekt.", noReason, StringComparison.Ordinal);

        var stored = await StoredAsync(id);
        Assert.Equal(("Lichte ondersteuning in Noord", new DateOnly(2026, 3, 1), noord.ToString(), 1, (DateTime?)null, (string?)null),
            (stored.Title, stored.Date, stored.TeamIds, stored.Version, stored.WithdrawnAt, stored.CorrectedBy));
        Assert.Empty(await AuditAsync(id));
        Assert.NotEqual(noord, zuid);
    }

    [Fact]
    public async Task A_withdrawn_change_leaves_the_list_and_the_api_but_stays_stored_and_audited()
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var id = await RecordAsync(beleid, "Wmo-loket naast het team");
        Assert.Contains("Wmo-loket naast het team", WebUtility.HtmlDecode(await beleid.GetStringAsync("/monitor/evaluatie/wijzigingen")), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await beleid.GetStringAsync("/api/v1/evaluaties"), StringComparison.Ordinal);

        var withdrawn = await TestApp.PostFormAsync(beleid, Path(id), new Dictionary<string, string> { ["Intrekken.Reden"] = "Ging niet door", ["Intrekken.Versie"] = "1" }, Path(id) + "?handler=Intrekken");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(("Ging niet door", "Thomas Bos", 2), (stored.WithdrawalReason, stored.WithdrawnBy, stored.Version));
        Assert.NotNull(stored.WithdrawnAt);
        Assert.Equal([$"werkwijzewijziging {id} ingetrokken: Wmo-loket naast het team, 01-03-2026; reden: Ging niet door"], await AuditAsync(id));

        Assert.DoesNotContain("Wmo-loket naast het team", WebUtility.HtmlDecode(await beleid.GetStringAsync("/monitor/evaluatie/wijzigingen")), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await beleid.GetStringAsync("/api/v1/evaluaties"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await beleid.GetAsync($"/api/v1/evaluaties/{id}")).StatusCode);
        var evaluation = await beleid.GetAsync($"/monitor/evaluatie?wijziging={id}");
        Assert.Equal(HttpStatusCode.NotFound, evaluation.StatusCode);
        Assert.Contains(IndexModel.UnknownChange, await HtmlAsync(evaluation), StringComparison.Ordinal);

        // Its own page says it was withdrawn and offers nothing more; a form posted anyway is refused.
        var page = WebUtility.HtmlDecode(await beleid.GetStringAsync(Path(id)));
        Assert.Contains("Ingetrokken door Thomas Bos", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Correctie opslaan", page, StringComparison.Ordinal);
        var again = await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string>
        { ["Input.Datum"] = "01-01-2026", ["Input.Titel"] = "Terug", ["Input.Teams"] = (await TeamsAsync()).Noord.ToString(), ["Input.Versie"] = "2" }, Path(id));
        Assert.Contains("Deze wijziging van werkwijze is al ingetrokken.", await HtmlAsync(again), StringComparison.Ordinal);
        Assert.Equal(("Wmo-loket naast het team", 2), ((await StoredAsync(id)).Title, (await StoredAsync(id)).Version));
    }

    [Fact]
    public async Task Another_municipalitys_change_is_not_found_and_stays_as_it_was()
    {
        var foreign = await new Given(_app).PracticeChangeOfAnotherMunicipality();
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var (noord, _) = await TeamsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await beleid.GetAsync(Path(foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string>
        { ["Input.Datum"] = "01-01-2026", ["Input.Titel"] = "Overgenomen", ["Input.Teams"] = noord.ToString(), ["Input.Versie"] = "1" }, Path(foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TestApp.PostFormAsync(beleid, "/monitor/evaluatie/wijzigingen", new Dictionary<string, string>
        { ["Intrekken.Reden"] = "Weg ermee", ["Intrekken.Versie"] = "1" }, Path(foreign) + "?handler=Intrekken")).StatusCode);
        var stored = await StoredAsync(foreign);
        Assert.Equal(("Buurgemeente", 1, (DateTime?)null), (stored.Title, stored.Version, stored.WithdrawnAt));
    }

    [Theory]
    [InlineData("teamleider@voorbeeld.nl")]
    [InlineData("regisseur@voorbeeld.nl")]
    [InlineData("woningcorporatie@voorbeeld.nl")]
    public async Task Nobody_but_the_policy_officer_corrects_or_withdraws_a_change(string email)
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var id = await RecordAsync(beleid, "Alleen voor beleid " + email);
        using var client = await _app.SignedInClientAsync(email);
        static bool Refused(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Forbidden
            || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal));
        Assert.True(Refused(await client.GetAsync(Path(id))));
        // With a valid antiforgery token of the user's own start page, so that the refusal is the role's, not the token's.
        var token = await TestApp.AntiforgeryTokenAsync(client, "/");
        var correct = await client.PostAsync(Path(id), new FormUrlEncodedContent(new Dictionary<string, string>
        { ["__RequestVerificationToken"] = token, ["Input.Datum"] = "01-01-2026", ["Input.Titel"] = "Gekaapt", ["Input.Versie"] = "1" }));
        var withdraw = await client.PostAsync(Path(id) + "?handler=Intrekken", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["__RequestVerificationToken"] = token, ["Intrekken.Reden"] = "Weg", ["Intrekken.Versie"] = "1" }));
        Assert.True(Refused(correct), correct.StatusCode.ToString());
        Assert.True(Refused(withdraw), withdraw.StatusCode.ToString());
        var stored = await StoredAsync(id);
        Assert.Equal(("Alleen voor beleid " + email, 1, (DateTime?)null), (stored.Title, stored.Version, stored.WithdrawnAt));
    }

    [Fact]
    public async Task An_unknown_or_unreadable_change_asked_of_the_evaluation_is_named_at_the_picker_and_nothing_is_evaluated()
    {
        using var beleid = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var id = await RecordAsync(beleid, "Te evalueren wijziging");
        var known = await HtmlAsync(await beleid.GetAsync($"/monitor/evaluatie?wijziging={id}&horizon=3"));
        Assert.DoesNotContain(IndexModel.UnknownChange, known, StringComparison.Ordinal);
        Assert.Contains("Deze evaluatie als", known, StringComparison.Ordinal);

        foreach (var (value, status) in new[] { ("onzin", HttpStatusCode.OK), ("12", HttpStatusCode.OK), (Guid.NewGuid().ToString(), HttpStatusCode.NotFound) })
        {
            var response = await beleid.GetAsync($"/monitor/evaluatie?wijziging={value}&horizon=3");
            Assert.Equal(status, response.StatusCode);
            var html = await HtmlAsync(response);
            Assert.Contains($"<div class=\"utrecht-form-field-error-message\" id=\"wijziging-error\">{IndexModel.UnknownChange}</div>", html, StringComparison.Ordinal);
            Assert.Equal("Deze wijziging bestaat niet (meer); kies een wijziging uit de lijst.", IndexModel.UnknownChange);
            Assert.DoesNotContain("Deze evaluatie als", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<h2 class=\"utrecht-heading-2\">Te evalueren wijziging</h2>", html, StringComparison.Ordinal);
        }
    }
}
