using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21 point 6, contact notes (klantcontacten): a professional records a home visit, a phone call, an office visit or a
/// digital contact with the household; a change is a new version and the earlier ones stay readable. For the care roles who
/// may open the file; partners are refused and another team finds nothing, also by a known id.
/// </summary>
public sealed class ContactNoteTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static DateOnly TodayDate => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int days) => TodayDate.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Path(Guid household) => $"/api/v1/households/{household}/contact-notes";

    private static object HomeVisit(Guid with, string text = "Huisbezoek: Sanne vertelt over de huurachterstand.", int versie = 0, string? reden = null) => new
    {
        datum = Day(-3), soort = "Huisbezoek", metWie = new[] { with }, anderen = "buurvrouw Ans", tekst = text, reden, versie,
    };

    private async Task<(Family Family, HttpClient Client)> FamilyAsync(string surname) =>
        (await Given.Family(surname, team: Given.Noord), await _app.SignedInClientAsync());

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(1, body.GetProperty("versie").GetInt32());
        return body.GetProperty("id").GetGuid();
    }

    private static async Task<int> VersionAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("versie").GetInt32();
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    [Fact]
    public async Task Professional_records_a_home_visit_and_finds_it_in_the_list_on_the_page_and_on_the_timeline()
    {
        var ((household, parent, _), client) = await FamilyAsync("Huisbezoek");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent)));
        var call = await CreatedAsync(await client.PostAsJsonAsync(Path(household),
            new { datum = Day(-1), soort = "Telefonisch", metWie = new[] { parent }, tekst = "Sanne belde over de afspraak." }));

        var list = await client.GetFromJsonAsync<JsonElement>(Path(household));
        // The newest contact first.
        Assert.Equal([call, id], list.GetProperty("contacten").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList());
        var visit = list.GetProperty("contacten")[1];
        Assert.Equal((Day(-3), "Huisbezoek", "Sanne Huisbezoek", "buurvrouw Ans", "Huisbezoek: Sanne vertelt over de huurachterstand.", 1),
            (visit.GetProperty("datum").GetString(), visit.GetProperty("soort").GetString(), Assert.Single(visit.GetProperty("metWie").EnumerateArray()).GetProperty("naam").GetString(),
                visit.GetProperty("anderen").GetString(), visit.GetProperty("tekst").GetString(), visit.GetProperty("versie").GetInt32()));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/contacten"));
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/huishoudens/{household}/contacten/{id}\">{Format.Date(TodayDate.AddDays(-3))}", page);
        Assert.Contains("Huisbezoek: Sanne vertelt over de huurachterstand.", page);
        Assert.Contains("<td class=\"utrecht-table__cell\">Telefonisch</td>", page);
        Assert.Contains($"href=\"/huishoudens/{household}/contacten\">Contacten</a>", WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}")));

        var (by, events) = await InDbAsync(async db => (
            await db.ContactNotes.Where(n => n.Id == id).Select(n => n.CreatedByName).SingleAsync(),
            await db.HouseholdEvents.Where(e => e.HouseholdId == household && e.Type == EventTypes.ContactNoteRecorded).OrderBy(e => e.Id)
                .Select(e => new { e.Summary, e.EffectiveDate }).ToListAsync()));
        Assert.Equal([
            ($"Contact vastgelegd: huisbezoek op {Format.Date(TodayDate.AddDays(-3))}, door {by}", TodayDate.AddDays(-3)),
            ($"Contact vastgelegd: telefonisch op {Format.Date(TodayDate.AddDays(-1))}, door {by}", TodayDate.AddDays(-1)),
        ], events.Select(e => (e.Summary, e.EffectiveDate)).ToList());
        // The timeline says the kind and the date, never what was said.
        Assert.DoesNotContain(events, e => e.Summary.Contains("huurachterstand", StringComparison.Ordinal));
        Assert.Contains($"Contact vastgelegd: huisbezoek op {Format.Date(TodayDate.AddDays(-3))}",
            WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/tijdlijn")));
    }

    [Fact]
    public async Task Professional_revises_a_note_as_a_new_version_and_the_old_text_stays_readable()
    {
        var ((household, parent, _), client) = await FamilyAsync("Nieuweversie");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent)));

        Assert.Equal(2, await VersionAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}",
            HomeVisit(parent, "Huisbezoek: Sanne vertelt over de huurachterstand en belt zelf de corporatie.", versie: 1, reden: "Afspraak aangevuld"))));

        var note = await client.GetFromJsonAsync<JsonElement>($"{Path(household)}/{id}");
        Assert.Equal(("Huisbezoek: Sanne vertelt over de huurachterstand en belt zelf de corporatie.", 2),
            (note.GetProperty("huidig").GetProperty("tekst").GetString(), note.GetProperty("huidig").GetProperty("versie").GetInt32()));
        var versions = note.GetProperty("versies").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("versie").GetInt32()).ToList());
        Assert.Equal("Huisbezoek: Sanne vertelt over de huurachterstand.", versions[0].GetProperty("tekst").GetString());
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("reden").ValueKind);
        Assert.Equal("Afspraak aangevuld", versions[1].GetProperty("reden").GetString());
        Assert.Equal(["notitie"], versions[1].GetProperty("gewijzigd").EnumerateArray().Select(c => c.GetString()!).ToList());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/contacten/{id}"));
        Assert.Contains("Huidige versie (versie 2)", page);
        Assert.Contains("Gewijzigd: notitie. Reden: Afspraak aangevuld", page);
        Assert.Contains("<dd class=\"regie-pre\">Huisbezoek: Sanne vertelt over de huurachterstand.</dd>", page);
        Assert.Contains("<input type=\"hidden\" name=\"Input.Versie\" value=\"2\" />", page);

        var (rows, events) = await InDbAsync(async db => (
            await db.ContactNoteVersions.Where(v => v.ContactNoteId == id).OrderBy(v => v.Number).Select(v => v.Text).ToListAsync(),
            await db.HouseholdEvents.Where(e => e.HouseholdId == household && e.Type == EventTypes.ContactNoteRevised).Select(e => e.Summary).ToListAsync()));
        Assert.Equal(["Huisbezoek: Sanne vertelt over de huurachterstand.", "Huisbezoek: Sanne vertelt over de huurachterstand en belt zelf de corporatie."], rows);
        Assert.Equal([$"Contactnotitie (huisbezoek op {Format.Date(TodayDate.AddDays(-3))}) gewijzigd, versie 2: notitie"], events);
    }

    [Fact]
    public async Task A_save_against_an_older_version_is_refused_and_an_unchanged_save_makes_no_version()
    {
        var ((household, parent, _), client) = await FamilyAsync("Verouderd");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent)));

        // Nothing changed: the same version back, nothing saved, nothing on the timeline.
        Assert.Equal(1, await VersionAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, versie: 1))));
        Assert.Equal(1, await InDbAsync(db => db.ContactNoteVersions.CountAsync(v => v.ContactNoteId == id)));

        Assert.Equal(2, await VersionAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, "Eerste wijziging", versie: 1))));
        // Someone who read version 1 saves over nothing.
        Assert.Equal((ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(
            await client.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, "Tweede wijziging van wie versie 1 las", versie: 1)), HttpStatusCode.Conflict));
        var (texts, revised) = await InDbAsync(async db => (
            await db.ContactNoteVersions.Where(v => v.ContactNoteId == id).OrderBy(v => v.Number).Select(v => v.Text).ToListAsync(),
            await db.HouseholdEvents.CountAsync(e => e.HouseholdId == household && e.Type == EventTypes.ContactNoteRevised)));
        Assert.Equal(["Huisbezoek: Sanne vertelt over de huurachterstand.", "Eerste wijziging"], texts);
        Assert.Equal(1, revised);
    }

    [Fact]
    public async Task Each_invalid_field_is_refused_with_its_code_and_nothing_is_saved()
    {
        var ((household, parent, _), client) = await FamilyAsync("Ongeldig");
        var other = await Given.Family("Anderhuishouden", team: Given.Noord);
        var valid = new Dictionary<string, object?>
        {
            ["datum"] = Day(-1), ["soort"] = "OpKantoor", ["metWie"] = new[] { parent }, ["tekst"] = "Gesprek op kantoor.",
        };
        Dictionary<string, object?> With(string field, object? value) => new(valid) { [field] = value };

        foreach (var (body, expected) in new (Dictionary<string, object?>, (string, string))[]
                 {
                     (With("datum", Day(1)), (ContactNoteRules.DateInvalidCode, "datum")),
                     (With("datum", TodayDate.AddYears(-ContactNoteRules.MaxYearsBack).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                         (ContactNoteRules.DateInvalidCode, "datum")),
                     (With("soort", "Brief"), (ContactNoteRules.KindInvalidCode, "soort")),
                     (With("metWie", Array.Empty<Guid>()), (ContactNoteRules.WhoRequiredCode, "metWie")),
                     (With("metWie", new[] { other.Parent }), (ContactNoteRules.PersonUnknownCode, "metWie")),
                     (With("tekst", "  "), (ContactNoteRules.TextRequiredCode, "tekst")),
                     (With("tekst", new string('x', ContactNoteRules.TextMaxLength + 1)), (TextRules.TooLongCode, "tekst")),
                     (With("anderen", new string('x', ContactNoteRules.OthersMaxLength + 1)), (TextRules.TooLongCode, "anderen")),
                 })
            Assert.Equal(expected, await ProblemAsync(await client.PostAsJsonAsync(Path(household), body), HttpStatusCode.BadRequest));
        Assert.Equal(0, await InDbAsync(db => db.ContactNotes.CountAsync(n => n.HouseholdId == household)));

        // A revision is held to the same rules, and leaves the note as it was.
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), valid));
        Assert.Equal((ContactNoteRules.PersonUnknownCode, "metWie"), await ProblemAsync(
            await client.PutAsJsonAsync($"{Path(household)}/{id}", new Dictionary<string, object?>(With("metWie", new[] { other.Parent })) { ["versie"] = 1 }),
            HttpStatusCode.BadRequest));
        Assert.Equal((ContactNoteRules.DateInvalidCode, "datum"), await ProblemAsync(
            await client.PutAsJsonAsync($"{Path(household)}/{id}", new Dictionary<string, object?>(With("datum", Day(2))) { ["versie"] = 1 }), HttpStatusCode.BadRequest));
        Assert.Equal(1, await InDbAsync(db => db.ContactNoteVersions.CountAsync(v => v.ContactNoteId == id)));
    }

    [Fact]
    public async Task The_form_shows_each_error_at_its_field_and_keeps_what_was_typed()
    {
        var ((household, _, _), client) = await FamilyAsync("Formuliercontact");
        var other = await Given.Family("Formulierander", team: Given.Noord);
        var page = $"/huishoudens/{household}/contacten";

        var response = await TestApp.PostFormAsync(client, page, new Dictionary<string, string>
        {
            ["Input.Datum"] = Day(5), ["Input.Soort"] = "", ["Input.Tekst"] = "", ["Input.Anderen"] = "De tolk",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"#Input_Datum\">Vul de datum van het contact in als dd-mm-jjjj: niet in de toekomst en niet langer dan {ContactNoteRules.MaxYearsBack} jaar geleden.</a>", html);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Soort\">Kies de soort contact: huisbezoek, telefonisch, op kantoor of digitaal.</a>", html);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_MetWie\">Kies met wie uit het huishouden het contact was.</a>", html);
        Assert.Contains("<p class=\"utrecht-form-field-error-message\" id=\"metwie-error\">Kies met wie uit het huishouden het contact was.</p>", html);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Tekst\">Schrijf kort op wat er besproken of afgesproken is.</a>", html);
        Assert.Contains("value=\"De tolk\"", html);

        // A person of another household, slipped into the form, is refused at the field as well.
        response = await TestApp.PostFormAsync(client, page, new Dictionary<string, string>
        {
            ["Input.Datum"] = Day(0), ["Input.Soort"] = "Digitaal", ["Input.MetWie"] = other.Parent.ToString(), ["Input.Tekst"] = new string('y', ContactNoteRules.TextMaxLength + 1),
        });
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_MetWie\">Kies alleen leden van dit huishouden.</a>", html);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"#Input_Tekst\">De notitie mag maximaal {ContactNoteRules.TextMaxLength} tekens lang zijn (nu {ContactNoteRules.TextMaxLength + 1}).</a>", html);
        Assert.Equal(0, await InDbAsync(db => db.ContactNotes.CountAsync(n => n.HouseholdId == household)));
    }

    [Fact]
    public async Task The_form_records_a_contact_without_script_and_a_revision_from_the_notes_page()
    {
        var ((household, parent, _), client) = await FamilyAsync("Zonderscript");
        var response = await TestApp.PostFormAsync(client, $"/huishoudens/{household}/contacten", new Dictionary<string, string>
        {
            ["Input.Datum"] = DutchDate.Format(TodayDate.AddDays(-2)), ["Input.Soort"] = "OpKantoor", ["Input.MetWie"] = parent.ToString(), ["Input.Tekst"] = "Sanne kwam langs.",
        });
        Assert.Equal((HttpStatusCode.Redirect, $"/huishoudens/{household}/contacten"), (response.StatusCode, response.Headers.Location!.OriginalString));
        var id = await InDbAsync(db => db.ContactNotes.Where(n => n.HouseholdId == household).Select(n => n.Id).SingleAsync());

        var detail = $"/huishoudens/{household}/contacten/{id}";
        response = await TestApp.PostFormAsync(client, detail, new Dictionary<string, string>
        {
            ["Input.Datum"] = DutchDate.Format(TodayDate.AddDays(-2)), ["Input.Soort"] = "OpKantoor", ["Input.MetWie"] = parent.ToString(),
            ["Input.Tekst"] = "Sanne kwam langs met de brief van de corporatie.", ["Input.Reden"] = "Brief genoemd", ["Input.Versie"] = "1",
        });
        Assert.Equal((HttpStatusCode.Redirect, detail), (response.StatusCode, response.Headers.Location!.OriginalString));
        Assert.Equal([(1, "Sanne kwam langs.", (string?)null), (2, "Sanne kwam langs met de brief van de corporatie.", "Brief genoemd")], await InDbAsync(async db =>
            (await db.ContactNoteVersions.Where(v => v.ContactNoteId == id).OrderBy(v => v.Number).Select(v => new { v.Number, v.Text, v.Reason }).ToListAsync())
            .Select(v => (v.Number, v.Text, v.Reason)).ToList()));

        // Withdrawing from the page: the reason is required, shown at its field.
        var withdraw = $"{detail}?handler=Intrekken";
        response = await TestApp.PostFormAsync(client, detail, new Dictionary<string, string> { ["Intrekking.Reden"] = "", ["Intrekking.Versie"] = "2" }, withdraw);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Intrekking_Reden\">Vul de reden van het intrekken in.</a>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        response = await TestApp.PostFormAsync(client, detail, new Dictionary<string, string> { ["Intrekking.Reden"] = "Dubbel vastgelegd", ["Intrekking.Versie"] = "2" }, withdraw);
        Assert.Equal((HttpStatusCode.Redirect, detail), (response.StatusCode, response.Headers.Location!.OriginalString));
        Assert.Equal("Dubbel vastgelegd", await InDbAsync(db => db.ContactNotes.Where(n => n.Id == id).Select(n => n.WithdrawReason).SingleAsync()));
    }

    [Fact]
    public async Task A_partner_and_another_team_find_nothing_and_a_note_of_another_household_is_not_found()
    {
        var ((household, parent, _), client) = await FamilyAsync("Afgeschermdcontact");
        var ((otherHousehold, otherParent, _), _) = await FamilyAsync("Anderecontact");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent, "Geheim gesprek over de schulden")));
        var foreign = await CreatedAsync(await client.PostAsJsonAsync(Path(otherHousehold), HomeVisit(otherParent, "Gesprek bij de buren")));

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        foreach (var (who, expected) in new[] { (partner, HttpStatusCode.Forbidden), (zuid, HttpStatusCode.NotFound) })
            foreach (var response in new[]
                     {
                         await who.GetAsync(Path(household)), await who.GetAsync($"{Path(household)}/{id}"),
                         await who.GetAsync($"/huishoudens/{household}/contacten"), await who.GetAsync($"/huishoudens/{household}/contacten/{id}"),
                         await who.PostAsJsonAsync(Path(household), HomeVisit(parent)), await who.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, "Gekaapt", versie: 1)),
                     })
            {
                // A page refused by role sends the browser to the refusal page; the API answers 403.
                var refusedPage = expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains("/geen-toegang", StringComparison.Ordinal);
                Assert.True(refusedPage || response.StatusCode == expected, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
                Assert.DoesNotContain("Geheim gesprek", await response.Content.ReadAsStringAsync());
            }

        // The other household's note by its known id, through this household: not found, and untouched.
        foreach (var response in new[]
                 {
                     await client.GetAsync($"{Path(household)}/{foreign}"), await client.GetAsync($"/huishoudens/{household}/contacten/{foreign}"),
                     await client.PutAsJsonAsync($"{Path(household)}/{foreign}", HomeVisit(parent, "Overgenomen", versie: 1)),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Gesprek bij de buren", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal((1, 1), await InDbAsync(async db => (
            await db.ContactNoteVersions.CountAsync(v => v.ContactNoteId == id), await db.ContactNoteVersions.CountAsync(v => v.ContactNoteId == foreign))));
    }

    [Fact]
    public async Task Every_read_and_change_of_contact_notes_is_on_the_audit_trail()
    {
        var ((household, parent, _), client) = await FamilyAsync("Auditcontact");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent)));
        Assert.Equal(2, await VersionAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, "Gewijzigd", versie: 1))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Path(household))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Path(household)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/huishoudens/{household}/contacten/{id}")).StatusCode);

        var entries = await InDbAsync(db => db.AuditEntries.Where(a => a.HouseholdId == household && a.Resource == AuditResources.ContactNote).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Detail }).ToListAsync());
        Assert.Equal([
            (AuditActions.Create, $"contactnotitie {id} vastgelegd"),
            (AuditActions.Update, $"contactnotitie {id} gewijzigd: versie 2"),
            (AuditActions.Read, "contactnotities (1)"),
            (AuditActions.Read, $"contactnotitie {id}"),
            (AuditActions.Read, $"contactnotitie {id}"),
        ], entries.Select(e => (e.Action, e.Detail)).ToList());
    }
    [Fact]
    public async Task Professional_withdraws_a_note_with_a_reason_and_it_stays_in_the_history_unchangeable()
    {
        var ((household, parent, _), client) = await FamilyAsync("Intrekken");
        var id = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent)));
        var withdraw = $"{Path(household)}/{id}/withdraw";

        Assert.Equal((TextRules.RequiredCode, "reden"), await ProblemAsync(await client.PostAsJsonAsync(withdraw, new { reden = " ", versie = 1 }), HttpStatusCode.BadRequest));
        Assert.Equal((ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(await client.PostAsJsonAsync(withdraw, new { reden = "Verkeerd dossier", versie = 0 }),
            HttpStatusCode.Conflict));
        Assert.Equal(2, await VersionAsync(await client.PostAsJsonAsync(withdraw, new { reden = "Verkeerd dossier", versie = 1 })));
        Assert.Equal((ContactNoteRules.WithdrawnCode, ""), await ProblemAsync(await client.PostAsJsonAsync(withdraw, new { reden = "Nog eens", versie = 2 }),
            HttpStatusCode.BadRequest));
        Assert.Equal((ContactNoteRules.WithdrawnCode, ""), await ProblemAsync(await client.PutAsJsonAsync($"{Path(household)}/{id}", HomeVisit(parent, "Toch wijzigen", versie: 2)),
            HttpStatusCode.BadRequest));

        var note = await client.GetFromJsonAsync<JsonElement>($"{Path(household)}/{id}");
        var withdrawn = note.GetProperty("huidig").GetProperty("ingetrokken");
        Assert.Equal(("Verkeerd dossier", "Huisbezoek: Sanne vertelt over de huurachterstand.", 1), (withdrawn.GetProperty("reden").GetString(),
            note.GetProperty("huidig").GetProperty("tekst").GetString(), note.GetProperty("versies").GetArrayLength()));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/contacten/{id}"));
        Assert.Contains("Reden: Verkeerd dossier</p>", page);
        Assert.DoesNotContain("Opslaan als nieuwe versie", page);
        Assert.Equal([$"Contactnotitie (huisbezoek op {Format.Date(TodayDate.AddDays(-3))}) ingetrokken"], await InDbAsync(db => db.HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type == EventTypes.ContactNoteWithdrawn).Select(e => e.Summary).ToListAsync()));

        // Partners and another team cannot withdraw: 403 and 404, and the note is untouched by them.
        var other = await CreatedAsync(await client.PostAsJsonAsync(Path(household), HomeVisit(parent, "Tweede contact")));
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"{Path(household)}/{other}/withdraw", new { reden = "x", versie = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.PostAsJsonAsync($"{Path(household)}/{other}/withdraw", new { reden = "x", versie = 1 })).StatusCode);
        Assert.Null(await InDbAsync(db => db.ContactNotes.Where(n => n.Id == other).Select(n => n.WithdrawnAt).SingleAsync()));
    }
}
