using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

/// <summary>
/// Who else is involved, on the household's own file, and the register without its leaks (issue 17): the look-up and
/// the matches say who and how to reach them, registering is on record with its reason, and the BSN leaves the URL.
/// </summary>
public sealed class InvolvementPrivacyTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private AsyncServiceScope As(string role, string organisation)
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, organisation.ToLowerInvariant(), organisation, role, organisation: organisation);
        return scope;
    }

    private async Task<T> DbAsync<T>(Func<RegieDbContext, Task<T>> work)
    {
        await using var scope = _app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    /// <summary>Seed 003: Ria, her daughter Sanne and a grandchild; Fatima of Noord coordinates.</summary>
    private async Task<(Guid Household, string Ria, string Sanne)> StoryAsync(string family)
    {
        var (ria, sanne) = (TestApp.NextBsn(), TestApp.NextBsn());
        var given = new Given(_app);
        var household = await given.Household(
            Member("Ria", "Wit" + family, voorvoegsel: "de", bsn: ria, geboortedatum: "12-04-1961"),
            Member("Sanne", "Bakker" + family, rol: "overig", bsn: sanne, geboortedatum: "03-09-1989"));
        await given.CoordinatedBy(household, Given.Coordinator);
        return (household, ria, sanne);
    }

    private async Task<Guid> RegisterAsync(string organisation, string bsn, string contact, string domain = "Huisvesting", string reason = "Lopende aanvraag")
    {
        await using var scope = As(Roles.Afdeling, organisation);
        var result = await scope.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(new InvolvementInput
        {
            Bsn = bsn, Contactpersoon = contact, Telefoon = "14 0999", Email = $"{contact.Split(' ')[0].ToLowerInvariant()}@voorbeeld.nl", Leefgebied = domain, Reden = reason,
        }, default);
        Assert.True(result.IsOk, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private async Task<List<Notification>> InboxAsync(string organisation)
    {
        await using var scope = As(Roles.Afdeling, organisation);
        return await InboxModel.InboxQuery(scope.ServiceProvider.GetRequiredService<RegieDbContext>(), scope.ServiceProvider.GetRequiredService<CurrentUser>()).ToListAsync();
    }

    [Fact]
    public async Task The_coordinator_sees_on_the_household_file_who_else_is_involved_and_what_ended_without_the_concern()
    {
        var (household, ria, sanne) = await StoryAsync("Dossier");
        await RegisterAsync("Wonen", sanne, "Joke Vermeer", domain: "Middelengebruik", reason: "Aanvraag urgentieverklaring");
        var ended = await RegisterAsync("Handhaving", ria, "Karel Dijkstra");
        await using (var handhaving = As(Roles.Afdeling, "Handhaving"))
            Assert.True((await handhaving.ServiceProvider.GetRequiredService<WithdrawInvolvementHandler>().HandleAsync(ended, default)).IsOk);

        using var fatima = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var html = WebUtility.HtmlDecode(await fatima.GetStringAsync($"/huishoudens/{household}"));
        var section = html[html.IndexOf("id=\"betrokken-kop\"", StringComparison.Ordinal)..html.IndexOf("id=\"tijdlijn-kop\"", StringComparison.Ordinal)];
        Assert.Contains("<strong>Wonen</strong>", section);
        Assert.Contains("voor Sanne BakkerDossier", section);
        Assert.Contains("Joke Vermeer, 14 0999, joke@voorbeeld.nl", section);
        Assert.Contains("<strong>Wijkteam Noord</strong>", section);
        Assert.Contains("voor Ria de WitDossier, Sanne BakkerDossier", section);
        Assert.Contains($"<strong>Handhaving</strong> (beëindigd op {DateTime.UtcNow:dd-MM-yyyy})", section);
        // Never the concern: not the life domain, not the reason the department gave.
        foreach (var concern in new[] { "Middelengebruik", "middelengebruik", "Aanvraag urgentieverklaring", "Lopende aanvraag" }) Assert.DoesNotContain(concern, section);

        // A partner added to the file sees its members, not who else helps.
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/huishoudens/{household}")).StatusCode);
    }

    [Fact]
    public async Task No_look_up_answer_match_or_page_names_the_life_domain()
    {
        var (_, _, sanne) = await StoryAsync("Leefgebied");
        await RegisterAsync("Zorgpartner Oost", sanne, "Bram Kok", domain: "Middelengebruik");
        using var department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var posted = await department.PostAsJsonAsync("/api/v1/lookup", new { bsn = sanne, doel = "aanvraag bijzondere bijstand" });
        var body = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var organisation = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("organisaties").EnumerateArray());
        Assert.Equal(["organisatie", "contactpersoon", "telefoon", "email", "sinds"], organisation.EnumerateObject().Select(p => p.Name));
        foreach (var answer in new[] { body, await department.GetStringAsync($"/api/v1/lookup/{sanne}?doel=aanvraag bijzondere bijstand") })
        {
            Assert.DoesNotContain("leefgebied", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("middelengebruik", answer, StringComparison.OrdinalIgnoreCase);
        }
        var token = await TestApp.AntiforgeryTokenAsync(department, "/opzoeken");
        var page = await (await department.PostAsync("/opzoeken", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.Bsn"] = sanne, ["Input.Doel"] = "aanvraag bijzondere bijstand", ["__RequestVerificationToken"] = token }))).Content.ReadAsStringAsync();
        Assert.Contains("Zorgpartner Oost: Bram Kok", page);
        Assert.DoesNotContain("Middelengebruik", page);
        var messages = (await InboxAsync("Zorgpartner Oost")).Concat(await DbAsync(db => db.Notifications.ToListAsync())).ToList();
        Assert.All(messages, n => Assert.DoesNotContain("Middelengebruik", n.Body + n.Title));
        Assert.All(await DbAsync(db => db.OutboxMessages.ToListAsync()), m => Assert.DoesNotContain("Verslaving", m.Body.Replace("Zorgpartner Oost", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_registration_and_its_withdrawal_are_found_by_the_privacy_officer_under_the_bsn_and_in_the_residents_export()
    {
        var (_, _, sanne) = await StoryAsync("Spoor");
        using var department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var noReason = await department.PostAsJsonAsync("/api/v1/involvements", new { bsn = sanne, contactpersoon = "Ruud Hendriks", email = "ruud@voorbeeld.nl" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(InvolvementRules.ReasonRequiredCode, (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await DbAsync(db => db.Involvements.CountAsync(i => i.Bsn == sanne && i.OrganisationId != null)));

        var created = await department.PostAsJsonAsync("/api/v1/involvements",
            new { bsn = sanne, contactpersoon = "Ruud Hendriks", email = "ruud@voorbeeld.nl", reden = "Controle op samenwonen" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await department.DeleteAsync($"/api/v1/involvements/{id}")).StatusCode);

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var token = await TestApp.AntiforgeryTokenAsync(privacy, "/privacy/audit");
        var page = WebUtility.HtmlDecode(await (await privacy.PostAsync("/privacy/audit", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Filter.Bsn"] = sanne, ["__RequestVerificationToken"] = token }))).Content.ReadAsStringAsync());
        Assert.Contains("Controle op samenwonen betrokkenheid geregistreerd door Werk &amp; Inkomen".Replace("&amp;", "&", StringComparison.Ordinal), page);
        Assert.Contains("betrokkenheid ingetrokken door Werk & Inkomen", page);
        // Withdrawn within a day: counted for the organisation.
        var quick = page[page.IndexOf("id=\"snel-ingetrokken-tabel\"", StringComparison.Ordinal)..];
        Assert.Contains("<td class=\"utrecht-table__cell\">Werk & Inkomen</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">1</td>", quick);

        await using var scope = _app.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "privacy", "Privacy officer", Roles.Privacy);
        var export = (await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.Privacy.ResidentExportService>().ExportAsync(sanne, default)).Value!;
        Assert.Contains(export.WieHeeftGegevensGezien, r => r.Organisatie == "Werk & Inkomen" && r.Doel == "Controle op samenwonen" && r.Actie == "create");
        Assert.Contains(export.WieHeeftGegevensGezien, r => r.Organisatie == "Werk & Inkomen" && r.Actie == "update");
    }

    [Fact]
    public async Task A_departments_match_does_not_name_the_parties_of_other_household_members()
    {
        var (household, ria, sanne) = await StoryAsync("Match");
        await RegisterAsync("Handhaving", ria, "Karel Dijkstra");
        await RegisterAsync("Wonen", sanne, "Joke Vermeer");
        Assert.All(await InboxAsync("Wonen"), n => Assert.DoesNotContain("Handhaving", n.Title + n.Body));
        Assert.All(await InboxAsync("Handhaving"), n => Assert.DoesNotContain("Wonen", n.Title + n.Body));
        // Both heard of the team, which is involved with each of them.
        Assert.Contains(await InboxAsync("Wonen"), n => n.Body.Contains("Wijkteam Noord", StringComparison.Ordinal));
        Assert.Contains(await InboxAsync("Handhaving"), n => n.Body.Contains("Wijkteam Noord", StringComparison.Ordinal));
        // The coordinator, whose work is the whole household, hears of both, with the household to go to.
        var coordinator = await DbAsync(db => db.Notifications.Where(n => n.HouseholdId == household).Select(n => n.Title).ToListAsync());
        Assert.Contains("Match: Handhaving is ook betrokken bij een huishouden dat u regisseert", coordinator);
        Assert.Contains("Match: Wonen is ook betrokken bij een huishouden dat u regisseert", coordinator);
    }

    [Fact]
    public async Task A_match_in_the_inbox_shows_its_lines_as_text_and_links_to_the_household()
    {
        var (household, _, sanne) = await StoryAsync("Inbox");
        await RegisterAsync("Leerplicht", sanne, "Anja de Vries");
        await RegisterAsync("Wijkagent", sanne, "Piet Post");
        using var fatima = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var inbox = await fatima.GetStringAsync("/inbox");
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/huishoudens/{household}\">Naar het huishouden</a>", inbox);
        Assert.DoesNotContain("&#xA;", inbox);
        // The newcomer's message lists the others, one per line, and the page shows each line as text on its own.
        var lines = (await InboxAsync("Wijkagent")).Single(n => n.Title.StartsWith("Match: ook anderen", StringComparison.Ordinal)).Body.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("Bij deze inwoner zijn ook betrokken:", lines[0]);
        Assert.Contains("- Leerplicht: Anja de Vries, 14 0999, anja@voorbeeld.nl", lines);
        Assert.Contains(lines, l => l.StartsWith("- Wijkteam Noord: Fatima Bouzid", StringComparison.Ordinal));
        var coordinatorMessage = await DbAsync(db => db.Notifications.Where(n => n.HouseholdId == household).Select(n => n.Body).FirstAsync());
        Assert.Contains(coordinatorMessage.Split('\n')[0], WebUtility.HtmlDecode(inbox));
    }

    [Fact]
    public async Task The_look_up_takes_the_bsn_in_the_body_with_the_same_answers_and_the_get_is_marked_deprecated()
    {
        var known = TestApp.NextBsn();
        await new Given(_app).Household(Member("Post", "Lichaam", bsn: known));
        using var client = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var unknown = await client.PostAsJsonAsync("/api/v1/lookup", new { bsn = "123456782", doel = "bijstandsaanvraag" });
        var uninvolved = await client.PostAsJsonAsync("/api/v1/lookup", new { bsn = known, doel = "bijstandsaanvraag" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("""{"betrokken":false,"regisseur":null,"organisaties":[]}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await uninvolved.Content.ReadAsStringAsync());
        var deprecated = await client.GetAsync($"/api/v1/lookup/{known}?doel=bijstandsaanvraag");
        Assert.Equal(await deprecated.Content.ReadAsStringAsync(), await uninvolved.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(deprecated.Headers.GetValues("Deprecation")));

        var invalid = await client.PostAsJsonAsync("/api/v1/lookup", new { bsn = "123456789", doel = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("bsn-invalid", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var noPurpose = await client.PostAsJsonAsync("/api/v1/lookup", new { bsn = known });
        Assert.Equal(InvolvementLookup.PurposeRequiredCode, (await noPurpose.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // The look-up is on record with the BSN and purpose, which never went through a URL.
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "lookup" && e.SubjectBsn == known && e.Purpose == "bijstandsaanvraag")));

        var openapi = JsonDocument.Parse(await _app.AnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        Assert.True(openapi.GetProperty("/api/v1/lookup/{bsn}").GetProperty("get").GetProperty("deprecated").GetBoolean());
        var post = openapi.GetProperty("/api/v1/lookup").GetProperty("post");
        Assert.False(post.TryGetProperty("deprecated", out _));
        Assert.True(post.TryGetProperty("requestBody", out _));
    }
}
