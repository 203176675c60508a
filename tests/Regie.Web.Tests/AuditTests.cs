using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using System.Net;
using System.Net.Http.Json;

namespace Regie.Web.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class AuditTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<AuditEntry>> TrailAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private string[] DatabaseArgs => [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    private async Task<(Guid Household, string Bsn)> HouseholdAsync()
    {
        using var client = await _app.SignedInClientAsync();
        var bsn = TestApp.NextBsn();
        var created = await client.PostAsJsonAsync("/api/v1/households", new
        {
            adres = new { postcode = "9915 AA", huisnummer = "9", woonplaats = "Voorbeeld" },
            leden = new[] { new { rol = "ouder", voornamen = "Gezien", achternaam = "Inwoner" + bsn[^3..].Replace('0', 'o'), geboortedatum = "1970-01-01", bsn } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), bsn);
    }

    [Fact]
    public async Task Reading_a_household_page_and_the_api_leaves_a_trace_with_who_and_role()
    {
        var (id, _) = await HouseholdAsync();
        using var client = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/huishoudens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{id}")).StatusCode);

        var trail = await TrailAsync();
        Assert.Contains(trail, e => e.Action == AuditActions.Create && e.HouseholdId == id);
        var reads = trail.Where(e => e.Action == AuditActions.Read && e.Resource == AuditResources.Household && e.HouseholdId == id).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e =>
        {
            Assert.Equal("Fatima Bouzid", e.ActorName);
            Assert.Equal("professional", e.Role);
            Assert.Equal(TestApp.Gemeentecode, e.Gemeentecode);
        });

        // Another team's professional guessing the id is refused, and that is on record too.
        using var other = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/huishoudens/{id}")).StatusCode);
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Denied && e.HouseholdId == id && e.ActorName == "Koen Verhoeven");
    }

    [Fact]
    public async Task Search_is_audited_without_the_bsn_or_name_that_was_typed()
    {
        var (_, bsn) = await HouseholdAsync();
        using var client = await _app.SignedInClientAsync();
        await client.GetStringAsync($"/?q={bsn}");
        var search = Assert.Single(await TrailAsync(), e => e.Action == AuditActions.Search);
        Assert.Equal("soort=bsn; resultaten=1", search.Detail);
        Assert.DoesNotContain(await TrailAsync(), e => (e.Detail ?? "").Contains(bsn) || (e.Purpose ?? "").Contains(bsn));
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain_and_verify_says_intact()
    {
        var tasks = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = _app.Scope($"Gelijktijdig {i}");
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Person, personId: Guid.NewGuid());
        });
        await Task.WhenAll(tasks);
        var trail = await TrailAsync();
        Assert.True(trail.Count >= 20);
        // Group commit writes several waiting entries at once: each exactly once, none lost.
        Assert.Equal(20, trail.Count(e => e.ActorName.StartsWith("Gelijktijdig ", StringComparison.Ordinal)));
        Assert.Equal(trail.Count, trail.Select(e => e.PreviousHash).Distinct().Count()); // no fork: every hash is followed once

        var (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(0, exit);
        Assert.Contains($"Audittrail intact: {trail.Count}", output);
    }

    [Fact]
    public async Task Audit_verify_detects_a_changed_and_a_deleted_entry()
    {
        for (var i = 0; i < 5; i++)
        {
            await using var scope = _app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        }
        var trail = await TrailAsync();
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            // Someone with database rights first switches off the append-only guard.
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_append_only\"");
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_update\"");
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_delete\"");
            }
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Niemand' WHERE \"Id\" = {trail[1].Id}");
        }
        var (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(1, exit);
        Assert.Contains($"regel {trail[1].Id}: de inhoud is gewijzigd", output);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = {trail[1].ActorName} WHERE \"Id\" = {trail[1].Id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {trail[3].Id}");
        }
        (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(1, exit);
        Assert.Contains($"regel {trail[4].Id}: de schakel naar de vorige regel ontbreekt", output);
    }

    [Fact]
    public async Task Audit_trail_refuses_updates_and_deletes()
    {
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
    }

    /// <summary>The privacy officer's search by BSN, as the page sends it: by POST, so the BSN stays out of the URL.</summary>
    private static async Task<HttpResponseMessage> SearchByBsnResponseAsync(HttpClient privacy, string bsn, bool csv = false)
    {
        var token = await TestApp.AntiforgeryTokenAsync(privacy, "/privacy/audit");
        return await privacy.PostAsync(csv ? "/privacy/audit?handler=Csv" : "/privacy/audit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Filter.Bsn"] = bsn, ["__RequestVerificationToken"] = token }));
    }

    private static async Task<string> SearchByBsnAsync(HttpClient privacy, string bsn) => await (await SearchByBsnResponseAsync(privacy, bsn)).Content.ReadAsStringAsync();

    [Fact]
    public async Task A_bsn_in_the_audit_search_url_is_not_searched_for()
    {
        var (_, bsn) = await HouseholdAsync();
        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = System.Net.WebUtility.HtmlDecode(await privacy.GetStringAsync($"/privacy/audit?Filter.Bsn={bsn}"));
        Assert.Contains(Features.Audit.IndexModel.BsnNotInUrl, page);
        Assert.DoesNotContain("<tbody", page[..page.IndexOf("snel-ingetrokken", StringComparison.Ordinal)]);
        Assert.Contains(Features.Audit.IndexModel.BsnNotInUrl, System.Net.WebUtility.HtmlDecode(await privacy.GetStringAsync($"/privacy/audit?handler=Csv&Filter.Bsn={bsn}")));
        // The form itself posts.
        Assert.Contains("<form method=\"post\" action=\"/privacy/audit\"", page);
    }

    [Fact]
    public async Task Privacy_officer_finds_who_looked_at_a_person_and_exports_it()
    {
        var (id, bsn) = await HouseholdAsync();
        using (var snooper = await _app.SignedInClientAsync("teamleider@voorbeeld.nl"))
            Assert.Equal(HttpStatusCode.OK, (await snooper.GetAsync($"/huishoudens/{id}")).StatusCode);

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = await SearchByBsnAsync(privacy, bsn);
        Assert.Contains("Marloes de Groot", page);
        Assert.Contains("Fatima Bouzid", page);

        var csv = await SearchByBsnResponseAsync(privacy, bsn, csv: true);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("\uFEFFid;tijdstip_utc;gebruiker", text);
        Assert.Contains(";Marloes de Groot;teamleider;", text);
        // Asking the trail about a person is itself on record, with the person, never the BSN typed.
        var person = await PersonAsync(bsn);
        var export = Assert.Single(await TrailAsync(), e => e.Action == AuditActions.Export && e.Resource == AuditResources.Audit);
        Assert.Equal(person.Id, export.PersonId);
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Read && e.Resource == AuditResources.Audit && e.PersonId == person.Id);
        Assert.DoesNotContain(await TrailAsync(), e => $"{e.Detail} {e.Purpose}".Contains(bsn));

        var invalid = await SearchByBsnAsync(privacy, "123");
        Assert.Contains("Een BSN bestaat uit 9 cijfers.", invalid);

        using var professional = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await professional.GetAsync("/privacy/audit")).StatusCode);
    }

    /// <summary>
    /// A department's look-up names the person by BSN only, and the person may not be in Regie at all: the entry keeps
    /// the BSN, so the privacy officer finds who asked about it, and the resident's own export lists it.
    /// </summary>
    [Fact]
    public async Task Privacy_officer_and_resident_see_which_department_looked_up_a_bsn_and_why()
    {
        var (_, bsn) = await HouseholdAsync();
        var stranger = TestApp.NextBsn();
        await using (var wonen = _app.Scope())
        {
            wonen.ServiceProvider.GetRequiredService<Infrastructure.CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen-systeem", "Wonen", Infrastructure.Roles.Afdeling, organisation: "Wonen");
            var lookup = wonen.ServiceProvider.GetRequiredService<Features.Involvements.InvolvementLookup>();
            Assert.True((await lookup.LookupAsync(bsn, "aanvraag urgentieverklaring", default)).IsOk);
            Assert.True((await lookup.LookupAsync(stranger, "controle bijstand", default)).IsOk);
        }
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Lookup && e.SubjectBsn == bsn && e.Purpose == "aanvraag urgentieverklaring" && e.Organisation == "Wonen");

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = await SearchByBsnAsync(privacy, bsn);
        Assert.Contains("aanvraag urgentieverklaring", page);
        Assert.DoesNotContain("controle bijstand", page);
        // Someone Regie does not know: no error, the look-ups of that BSN and nothing else.
        var unknown = await SearchByBsnAsync(privacy, stranger);
        Assert.Contains("controle bijstand", unknown);
        Assert.DoesNotContain("aanvraag urgentieverklaring", unknown);
        Assert.DoesNotContain("utrecht-form-field-error-message", unknown);
        Assert.DoesNotContain("Er staat geen inwoner", unknown);
        var csv = await (await SearchByBsnResponseAsync(privacy, stranger, csv: true)).Content.ReadAsStringAsync();
        Assert.Contains($";{stranger};controle bijstand;", csv);
        // Asking the trail about that BSN is itself on record with the BSN as its subject, not in its text.
        var trail = await TrailAsync();
        Assert.Contains(trail, e => e.Action == AuditActions.Read && e.Resource == AuditResources.Audit && e.SubjectBsn == stranger && e.PersonId == null);
        Assert.DoesNotContain(trail, e => $"{e.Detail} {e.Purpose}".Contains(stranger));

        await using var scope = _app.Scope();
        scope.ServiceProvider.GetRequiredService<Infrastructure.CurrentUser>().ActAs(TestApp.Gemeentecode, "privacy", "Privacy officer", Infrastructure.Roles.Privacy);
        var export = (await scope.ServiceProvider.GetRequiredService<Features.Privacy.ResidentExportService>().ExportAsync(bsn, default)).Value;
        Assert.Contains(export.WieHeeftGegevensGezien, r => r.Organisatie == "Wonen" && r.Doel == "aanvraag urgentieverklaring");
        Assert.DoesNotContain(export.WieHeeftGegevensGezien, r => r.Doel == "controle bijstand");
        // Someone without a file asks too: the answer is the look-ups of their BSN, and there is nothing to erase.
        var inzage = await TestApp.InzageAsync(privacy, stranger);
        Assert.Contains("Regie heeft geen dossier van deze inwoner", inzage);
        Assert.Contains("doel: controle bijstand", inzage);
        Assert.DoesNotContain("Gegevens wissen", inzage);
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Export && e.Resource == AuditResources.Person && e.SubjectBsn == stranger);
        Assert.Contains("Regie heeft geen gegevens", await TestApp.InzageAsync(privacy, TestApp.NextBsn()));
        Assert.True(Domain.Audit.AuditChain.Check((await TrailAsync()).Select(AuditLog.ToChained)).Intact);
    }

    private async Task<Person> PersonAsync(string bsn)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.AsNoTracking().SingleAsync(p => p.Bsn == bsn);
    }

    [Fact]
    public async Task Reading_a_person_the_timeline_and_zrm_scores_and_changing_contact_details_are_each_on_record()
    {
        var (household, bsn) = await HouseholdAsync();
        var person = await PersonAsync(bsn);
        using var client = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/personen/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/persons/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{household}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{household}/assessments")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/v1/persons/{person.Id}/contact", new { telefoon = "0612345678", email = "gezien@example.nl", versie = person.Version });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var trail = await TrailAsync();
        var personReads = trail.Where(e => e.Action == AuditActions.Read && e.Resource == AuditResources.Person && e.PersonId == person.Id).ToList();
        Assert.Equal(2, personReads.Count);
        Assert.All(personReads, e => Assert.Equal(("Fatima Bouzid", "professional"), (e.ActorName, e.Role)));
        Assert.Single(trail, e => e.Action == AuditActions.Read && e.Resource == AuditResources.Timeline && e.HouseholdId == household);
        Assert.Single(trail, e => e.Action == AuditActions.Read && e.Resource == AuditResources.Assessment && e.HouseholdId == household);
        var change = Assert.Single(trail, e => e.Action == AuditActions.Update && e.PersonId == person.Id);
        Assert.Equal(household, change.HouseholdId);
        // The new phone number is in the file, not in the trail.
        Assert.DoesNotContain(trail, e => (e.Detail ?? "").Contains("0612345678"));
    }

    [Fact]
    public async Task Searching_by_name_is_audited_without_the_name()
    {
        await HouseholdAsync();
        using var client = await _app.SignedInClientAsync();
        await client.GetStringAsync("/?q=Zeldzaamnaam");
        var search = Assert.Single(await TrailAsync(), e => e.Action == AuditActions.Search);
        Assert.StartsWith("soort=", search.Detail);
        Assert.DoesNotContain(await TrailAsync(), e => $"{e.Detail} {e.Purpose}".Contains("eldzaam", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Appenders_that_do_not_share_a_gate_like_two_processes_still_keep_one_chain()
    {
        // Each appender gets its own in-process gate, as a CLI run next to the server would: only the
        // database lock (BEGIN IMMEDIATE / advisory lock) stands between them and a forked chain.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = _app.Scope($"Proces {i}");
            var sp = scope.ServiceProvider;
            var log = new AuditLog(sp.GetRequiredService<DbContextOptions<RegieDbContext>>(), sp.GetRequiredService<Infrastructure.CurrentUser>(),
                TimeProvider.System, new AuditWriteGate(), sp.GetRequiredService<AuditJournal>());
            await Task.Yield();
            await log.RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        }));
        var trail = await TrailAsync();
        Assert.Equal(20, trail.Count);
        Assert.Equal(20, trail.Select(e => e.PreviousHash).Distinct().Count());
        Assert.Null(Domain.Audit.AuditChain.Verify(trail.Select(AuditLog.ToChained), out _));
    }

    [Fact]
    public async Task Audit_verify_with_an_anchor_detects_that_the_newest_entries_were_cut_off()
    {
        for (var i = 0; i < 4; i++)
        {
            await using var scope = _app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        }
        var (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(0, exit);
        var trail = await TrailAsync();
        var anchor = $"{trail[^1].Id}:{trail[^1].Hash}";
        Assert.Contains(anchor, output);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_append_only\"");
            else await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_delete\"");
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {trail[2].Id}");
        }
        (exit, _) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(0, exit); // without the anchor a cut-off tail looks like a shorter trail
        (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", "--anker", anchor, .. DatabaseArgs]);
        Assert.Equal(1, exit);
        Assert.Contains($"regel {trail[^1].Id}: deze geankerde regel ontbreekt", output);
    }

    [Fact]
    public async Task Privacy_officer_narrows_by_household_user_and_dutch_day_and_pages_back_without_gaps()
    {
        var household = Guid.NewGuid();
        for (var i = 0; i < AuditSearch.PageSize + 30; i++)
        {
            await using var scope = _app.Scope("Veelkijker");
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, household);
        }
        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var first = await privacy.GetStringAsync($"/privacy/audit?Filter.Huishouden={household}");
        Assert.Equal(AuditSearch.PageSize, CountOf(first, "Veelkijker"));
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\">Oudere regels").Groups[1].Value;
        Assert.Contains("Filter.Voor=", next);
        var second = await privacy.GetStringAsync(System.Net.WebUtility.HtmlDecode(next));
        Assert.Equal(30, CountOf(second, "Veelkijker"));
        Assert.DoesNotContain("Oudere regels", second);
        var ids = RowIds(first).Concat(RowIds(second)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.OrderDescending(), ids);

        // The Dutch day of today holds them, yesterday none; a user without entries has none either.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("dd-MM-yyyy");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("dd-MM-yyyy");
        // (The privacy officer's own look-ups of this household are in the selection too, newest first.)
        var todays = await privacy.GetStringAsync($"/privacy/audit?Filter.Huishouden={household}&Filter.Van={today}&Filter.Tot={today}");
        Assert.Equal(AuditSearch.PageSize, RowIds(todays).Count());
        Assert.Contains("Oudere regels", todays);
        Assert.Contains("Geen regels gevonden", await privacy.GetStringAsync($"/privacy/audit?Filter.Huishouden={household}&Filter.Tot={yesterday}"));
        Assert.Contains("Geen regels gevonden", await privacy.GetStringAsync($"/privacy/audit?Filter.Huishouden={household}&Filter.Gebruiker=teamleider@voorbeeld.nl"));
        Assert.Contains("De einddatum ligt vóór de begindatum.", System.Net.WebUtility.HtmlDecode(await privacy.GetStringAsync($"/privacy/audit?Filter.Van={today}&Filter.Tot={yesterday}")));
        Assert.Contains("Vul het nummer van het huishouden in", await privacy.GetStringAsync("/privacy/audit?Filter.Huishouden=12"));

        // The export is the whole selection, not one page, and it is recorded once, with the household.
        var csv = await privacy.GetAsync($"/privacy/audit?handler=Csv&Filter.Huishouden={household}");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditSearch.PageSize + 30, lines.Count(l => l.Contains($";Veelkijker;systeem;;read;household;{household};")));
        var ownLookups = lines.Skip(1).Where(l => !l.Contains(";Veelkijker;")).ToList();
        Assert.Equal(5, ownLookups.Count); // two pages, today, yesterday, the team lead filter
        Assert.All(ownLookups, l => Assert.Contains(";Priya Ramdin;privacy;;read;audit;", l));
        var export = Assert.Single(await TrailAsync(), e => e.Action == AuditActions.Export && e.Resource == AuditResources.Audit);
        Assert.Equal(household, export.HouseholdId);
        Assert.Equal("Priya Ramdin", export.ActorName);
        Assert.Equal("privacy", export.Role);
        Assert.EndsWith($"regels={AuditSearch.PageSize + 30 + 5}", export.Detail);
    }

    private static int CountOf(string html, string text) => System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(text)).Count;

    private static IEnumerable<long> RowIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "regel (\\d+)</span>").Select(m => long.Parse(m.Groups[1].Value));

    [Theory]
    [InlineData("regisseur@voorbeeld.nl")]
    [InlineData("teamleider@voorbeeld.nl")]
    [InlineData("beleid@voorbeeld.nl")]
    [InlineData(null)]
    public async Task Only_the_privacy_officer_reads_or_exports_the_trail(string? email)
    {
        using var client = email is null ? _app.AnonymousClient() : await _app.SignedInClientAsync(email);
        foreach (var url in new[] { "/privacy/audit", "/privacy/audit?handler=Csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches("/(geen-toegang|inloggen)", response.Headers.Location!.OriginalString);
            Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.DoesNotContain(await TrailAsync(), e => e.Resource == AuditResources.Audit);
    }

    [Fact]
    public void Csv_cells_cannot_become_spreadsheet_formulas()
    {
        Assert.Equal("'=HYPERLINK(1)", AuditSearch.Csv("=HYPERLINK(1)"));
        Assert.Equal("\"a;b\"", AuditSearch.Csv("a;b"));
        Assert.Equal("\"zei \"\"hoi\"\"\"", AuditSearch.Csv("zei \"hoi\""));
    }
}
