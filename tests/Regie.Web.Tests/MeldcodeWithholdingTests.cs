using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Privacy;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 20 item 5: the coordinator withholds a Meldcode track or one entry from the resident's inzage (UAVG art. 41) and
/// lifts it; the inzage export holds the resident's tracks and Veilig Verder plan except what is withheld, and says that
/// a part is withheld without saying which; the privacy officer lists the withholdings, nobody else.
/// </summary>
public sealed class MeldcodeWithholdingTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private const string TeamLead = "teamleider@voorbeeld.nl";
    private const string Aandachtsfunctionaris = "aandachtsfunctionaris@voorbeeld.nl";
    private const string Zuid = "regisseur.zuid@voorbeeld.nl";
    private const string Privacy = "privacy@voorbeeld.nl";

    /// <summary>A family held by Noord with the demo coordinator, and a track about <paramref name="about"/> with signals and a consultation.</summary>
    private async Task<(Family Family, Guid Track, Guid Signals, Guid Consultation)> TrackAsync(HttpClient coordinator, string surname, Func<Family, Guid> about,
        string signals = "Kind vertelt over slaan thuis", string advice = "Advies: gesprek met beide ouders")
    {
        var given = new Given(_app);
        var family = await given.Family(surname, team: Given.Noord);
        await given.CoordinatedBy(family.Household, Given.Coordinator);
        var opened = await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/meldcode/signals",
            new { wat = signals, doorWie = "De leerkracht", personen = new[] { about(family) } });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var track = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trajectId").GetGuid();
        var consulted = await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/meldcode/{track}/consultations",
            new { met = "Aandachtsfunctionaris", naam = "Sanne Jansen", advies = advice, versie = 1 });
        Assert.Equal(HttpStatusCode.OK, consulted.StatusCode);
        await using var scope = _app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().MeldcodeEntries.Where(e => e.TrackId == track).ToListAsync();
        return (family, track, entries.Single(e => e.Step == MeldcodeStep.Signalen).Id, entries.Single(e => e.Step == MeldcodeStep.Overleg).Id);
    }

    private async Task<List<MeldcodeWithholding>> WithholdingsAsync(Guid track)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().MeldcodeWithholdings.Where(w => w.TrackId == track).OrderBy(w => w.WithheldAt).ToListAsync();
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    [Fact]
    public async Task Coordinator_withholds_an_entry_on_the_page_and_the_track_by_the_api_and_lifts_both()
    {
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var (family, track, _, consultation) = await TrackAsync(coordinator, "Beperkingtest", f => f.Child);
        var page = $"/huishoudens/{family.Household}/meldcode/{track}/beperking";
        var api = $"/api/v1/households/{family.Household}/meldcode/{track}/withholdings";

        // The page: without a reason, a Dutch field error and nothing saved.
        Assert.Contains("Niet verstrekken", await coordinator.GetStringAsync(page));
        var noReason = await TestApp.PostFormAsync(coordinator, page, new Dictionary<string, string> { ["Input.VastleggingId"] = consultation.ToString(), ["Input.Reden"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Vul de reden om dit deel niet te verstrekken in.", await noReason.Content.ReadAsStringAsync());
        Assert.Empty(await WithholdingsAsync(track));

        var withheld = await TestApp.PostFormAsync(coordinator, page,
            new Dictionary<string, string> { ["Input.VastleggingId"] = consultation.ToString(), ["Input.Reden"] = "Veiligheid van het kind: de vader mag het advies niet lezen" });
        Assert.Equal(HttpStatusCode.Redirect, withheld.StatusCode);
        var entryWithholding = Assert.Single(await WithholdingsAsync(track));
        Assert.Equal((consultation, "Fatima Bouzid", (DateTime?)null), (entryWithholding.EntryId!.Value, entryWithholding.WithheldByName, entryWithholding.LiftedAt));

        // The API: the same entry again, no reason, an unknown entry, another household's id, the whole track.
        var again = await coordinator.PostAsJsonAsync(api, new { vastleggingId = consultation, reden = "Nogmaals" });
        Assert.Equal((HttpStatusCode.BadRequest, MeldcodeWithholdingRules.AlreadyWithheldCode), (again.StatusCode, await CodeAsync(again)));
        var empty = await coordinator.PostAsJsonAsync(api, new { reden = "" });
        Assert.Equal((HttpStatusCode.BadRequest, TextRules.RequiredCode), (empty.StatusCode, await CodeAsync(empty)));
        var unknownEntry = await coordinator.PostAsJsonAsync(api, new { vastleggingId = Guid.NewGuid(), reden = "Veiligheid" });
        Assert.Equal((HttpStatusCode.NotFound, DomainError.NotFoundCode), (unknownEntry.StatusCode, await CodeAsync(unknownEntry)));
        var other = await new Given(_app).Family("Anderhuis", team: Given.Noord);
        await new Given(_app).CoordinatedBy(other.Household, Given.Coordinator);
        var elsewhere = await coordinator.PostAsJsonAsync($"/api/v1/households/{other.Household}/meldcode/{track}/withholdings", new { reden = "Veiligheid" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var whole = await coordinator.PostAsJsonAsync(api, new { reden = "Melding loopt bij Veilig Thuis; inzage brengt het kind in gevaar" });
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        var wholeId = (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Readers see both; the list names the part, not what the entry says.
        var list = await coordinator.GetFromJsonAsync<JsonElement>(api);
        Assert.Equal(["Het hele traject", "Stap 2: overleg, vastlegging van " + DateTime.UtcNow.ToString("dd-MM-yyyy")],
            list.EnumerateArray().Select(w => w.GetProperty("onderdeel").GetString()!).ToArray());

        // Lift the whole track by the API, the entry on the page; a second lift is refused.
        var lifted = await coordinator.PostAsync($"{api}/{wholeId}/lift", null);
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        var twice = await coordinator.PostAsync($"{api}/{wholeId}/lift", null);
        Assert.Equal((HttpStatusCode.BadRequest, MeldcodeWithholdingRules.AlreadyLiftedCode), (twice.StatusCode, await CodeAsync(twice)));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync($"{api}/{Guid.NewGuid()}/lift", null)).StatusCode);
        var liftedOnPage = await TestApp.PostFormAsync(coordinator, page, new Dictionary<string, string> { ["beperking"] = entryWithholding.Id.ToString() }, page + "?handler=Opheffen");
        Assert.Equal(HttpStatusCode.Redirect, liftedOnPage.StatusCode);
        var rows = await WithholdingsAsync(track);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, w => Assert.NotNull(w.LiftedAt));
        Assert.Contains("Opgeheven door Fatima Bouzid", await coordinator.GetStringAsync(page));

        await using var scope = _app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.HouseholdId == family.Household && a.Resource == "meldcode" && (a.Action == "create" || a.Action == "update")).Select(a => a.Detail!).ToListAsync();
        Assert.Contains($"beperking inzage: vastlegging {consultation}", audit);
        Assert.Contains($"beperking inzage: traject {track}", audit);
        Assert.Contains($"beperking inzage opgeheven: {wholeId}", audit);
        Assert.Contains($"beperking inzage opgeheven: {entryWithholding.Id}", audit);
    }

    [Fact]
    public async Task Only_the_coordinator_withholds_the_other_readers_are_refused_and_who_cannot_read_the_track_finds_nothing()
    {
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var (family, track, _, _) = await TrackAsync(coordinator, "Weigeringtest", f => f.Child);
        var api = $"/api/v1/households/{family.Household}/meldcode/{track}/withholdings";
        var page = $"/huishoudens/{family.Household}/meldcode/{track}/beperking";

        foreach (var reader in new[] { TeamLead, Aandachtsfunctionaris })
        {
            using var client = await _app.SignedInClientAsync(reader);
            var refused = await client.PostAsJsonAsync(api, new { reden = "Veiligheid" });
            Assert.Equal((HttpStatusCode.Forbidden, MeldcodeWithholdingRules.NotCoordinatorCode), (refused.StatusCode, await CodeAsync(refused)));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(api)).StatusCode);
            var html = await client.GetStringAsync(page);
            Assert.Contains("Alleen de regisseur van het huishouden beperkt de inzage", html);
            Assert.DoesNotContain("Niet verstrekken</button>", html);
            var onPage = await TestApp.PostFormAsync(client, page, new Dictionary<string, string> { ["Input.Reden"] = "Veiligheid" });
            Assert.Equal(HttpStatusCode.OK, onPage.StatusCode);
            Assert.Contains("Alleen de regisseur van het huishouden beperkt de inzage in een meldcodetraject", await onPage.Content.ReadAsStringAsync());
        }
        using (var zuid = await _app.SignedInClientAsync(Zuid))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await zuid.PostAsJsonAsync(api, new { reden = "Veiligheid" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync(api)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync(page)).StatusCode);
        }
        Assert.Empty(await WithholdingsAsync(track));
    }

    [Fact]
    public async Task Inzage_gives_the_residents_tracks_and_safety_plan_but_not_what_is_withheld_and_says_a_part_is_withheld()
    {
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var (family, track, _, consultation) = await TrackAsync(coordinator, "Inzagemeldcode", f => f.Parent,
            signals: "Buren horen geschreeuw en slaan", advice: "ADVIES-ALLEEN-VOOR-HET-TEAM");
        // A second, closed track about the parent, and one about the child only.
        Guid secret;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var household = await db.Households.SingleAsync(h => h.Id == family.Household);
            var at = DateTime.UtcNow.AddDays(-40);
            var old = MeldcodeTrack.Open(household.Gemeentecode, family.Household, household.ResponsibleTeamId, null, [family.Parent], DateOnly.FromDateTime(at), at, "t");
            Assert.NotNull(old.Record(new MeldcodeEntryFields(MeldcodeStep.Signalen, DateOnly.FromDateTime(at), "TRAJECT-GEHEIM blauwe plekken", "Huisarts"), "t", "Medewerker", at, new ErrorList()));
            var child = MeldcodeTrack.Open(household.Gemeentecode, family.Household, household.ResponsibleTeamId, null, [family.Child], DateOnly.FromDateTime(at), at, "t");
            Assert.NotNull(child.Record(new MeldcodeEntryFields(MeldcodeStep.Signalen, DateOnly.FromDateTime(at), "ALLEEN-OVER-HET-KIND", "School"), "t", "Medewerker", at, new ErrorList()));
            // Decided earlier (a household has one open track at a time): stored as they stand, as an import would.
            db.AddRange(old, child);
            foreach (var earlier in new[] { old, child }) db.Entry(earlier).Property(t => t.Status).CurrentValue = MeldcodeTrackStatus.Besloten;
            await db.SaveChangesAsync();
            secret = old.Id;
        }
        await new Given(_app).StartPlan(family.Household);
        var vv = await coordinator.PostAsync($"/api/v1/households/{family.Household}/plan/veilig-verder", null);
        Assert.Equal(HttpStatusCode.Created, vv.StatusCode);
        var goal = await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/plan/veilig-verder/goals",
            new { wat = "Er wordt thuis niet meer geslagen", streefdatum = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"), versie = 1 });
        Assert.Equal(HttpStatusCode.Created, goal.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/meldcode/{track}/withholdings",
            new { vastleggingId = consultation, reden = "Advies noemt de melder" })).StatusCode);
        var whole = await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/meldcode/{secret}/withholdings", new { reden = "Veiligheid van het kind" });
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        // A correction of the withheld consultation repeats what it corrects: it is withheld with it.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/v1/households/{family.Household}/meldcode/{track}/entries/{consultation}/corrections",
            new { overleg = new { met = "Aandachtsfunctionaris", naam = "Sanne Jansen", advies = "GECORRIGEERD-ADVIES-VOOR-HET-TEAM" }, versie = 2 })).StatusCode);

        string parentBsn, childBsn;
        await using (var scope = _app.Scope())
        {
            var persons = scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons;
            parentBsn = await persons.Where(p => p.Id == family.Parent).Select(p => p.Bsn!).SingleAsync();
            childBsn = await persons.Where(p => p.Id == family.Child).Select(p => p.Bsn!).SingleAsync();
        }
        using var privacy = await _app.SignedInClientAsync(Privacy);
        var json = await TestApp.InzageAsync(privacy, parentBsn, json: true);
        var html = await TestApp.InzageAsync(privacy, parentBsn);
        foreach (var text in new[] { json, html })
        {
            Assert.DoesNotContain("ADVIES-ALLEEN-VOOR-HET-TEAM", text);
            Assert.DoesNotContain("GECORRIGEERD-ADVIES-VOOR-HET-TEAM", text);
            Assert.DoesNotContain("TRAJECT-GEHEIM", text);
            Assert.DoesNotContain("ALLEEN-OVER-HET-KIND", text);
            Assert.DoesNotContain("Advies noemt de melder", text);
            Assert.Contains("Buren horen geschreeuw en slaan", text);
            Assert.Contains("Er wordt thuis niet meer geslagen", text);
        }
        Assert.Contains(System.Net.WebUtility.HtmlEncode(ResidentSafetyExport.Statement), html);
        var export = JsonDocument.Parse(json).RootElement;
        Assert.Equal(ResidentSafetyExport.Statement, export.GetProperty("beperking").GetString());
        var exported = Assert.Single(export.GetProperty("meldcode").EnumerateArray());
        Assert.Equal(["Stap 1: signalen"], exported.GetProperty("vastleggingen").EnumerateArray().Select(e => e.GetProperty("stap").GetString()!).ToArray());
        var plan = Assert.Single(export.GetProperty("veiligVerder").EnumerateArray());
        Assert.Equal(["Er wordt thuis niet meer geslagen"], plan.GetProperty("veiligheidsdoelen").EnumerateArray().Select(g => g.GetProperty("wat").GetString()!).ToArray());
        // With a whole track withheld, the trail's Meldcode reads of the household do not show it exists.
        Assert.DoesNotContain(export.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("onderdeel").GetString() == "meldcode");

        // The child gets the track about the child, and nothing is withheld from the child.
        var childExport = JsonDocument.Parse(await TestApp.InzageAsync(privacy, childBsn, json: true)).RootElement;
        Assert.Equal(JsonValueKind.Null, childExport.GetProperty("beperking").ValueKind);
        var childTrack = Assert.Single(childExport.GetProperty("meldcode").EnumerateArray());
        Assert.Equal("ALLEEN-OVER-HET-KIND", Assert.Single(childTrack.GetProperty("vastleggingen").EnumerateArray()).GetProperty("tekst").GetString());

        // Lifted, the track is in the next export.
        var wholeId = (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"/api/v1/households/{family.Household}/meldcode/{secret}/withholdings/{wholeId}/lift", null)).StatusCode);
        var after = JsonDocument.Parse(await TestApp.InzageAsync(privacy, parentBsn, json: true)).RootElement;
        Assert.Equal(2, after.GetProperty("meldcode").GetArrayLength());
        Assert.Contains("TRAJECT-GEHEIM", after.GetRawText());
        Assert.Equal(ResidentSafetyExport.Statement, after.GetProperty("beperking").GetString()); // the entry is still withheld
        Assert.Contains(after.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("onderdeel").GetString() == "meldcode");
    }

    [Fact]
    public async Task A_household_member_no_track_is_about_does_not_learn_from_the_trail_that_a_track_exists()
    {
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var (family, track, _, _) = await TrackAsync(coordinator, "Medebewoner", f => f.Parent);
        using var af = await _app.SignedInClientAsync(Aandachtsfunctionaris);
        Assert.Equal(HttpStatusCode.OK, (await af.GetAsync($"/api/v1/households/{family.Household}/meldcode/{track}")).StatusCode);
        string parentBsn, childBsn;
        await using (var scope = _app.Scope())
        {
            var persons = scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons;
            parentBsn = await persons.Where(p => p.Id == family.Parent).Select(p => p.Bsn!).SingleAsync();
            childBsn = await persons.Where(p => p.Id == family.Child).Select(p => p.Bsn!).SingleAsync();
        }
        using var privacy = await _app.SignedInClientAsync(Privacy);
        var child = JsonDocument.Parse(await TestApp.InzageAsync(privacy, childBsn, json: true)).RootElement;
        Assert.Empty(child.GetProperty("meldcode").EnumerateArray());
        Assert.DoesNotContain(child.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("onderdeel").GetString() == "meldcode");
        // The parent the track is about sees who read it.
        var parent = JsonDocument.Parse(await TestApp.InzageAsync(privacy, parentBsn, json: true)).RootElement;
        Assert.Contains(parent.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("onderdeel").GetString() == "meldcode");
    }

    [Fact]
    public async Task Privacy_officer_lists_withholdings_with_reason_and_who_but_not_the_content_and_nobody_else_may()
    {
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        var (family, track, signals, _) = await TrackAsync(coordinator, "Privacylijst", f => f.Child, signals: "INHOUD-VAN-DE-SIGNALEN");
        var api = $"/api/v1/households/{family.Household}/meldcode/{track}/withholdings";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync(api, new { vastleggingId = signals, reden = "REDEN-ACTIEF: de melder is de oma" })).StatusCode);
        var lifted = await coordinator.PostAsJsonAsync(api, new { reden = "REDEN-OPGEHEVEN: tijdelijk tijdens het onderzoek" });
        var liftedId = (await lifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"{api}/{liftedId}/lift", null)).StatusCode);

        using var privacy = await _app.SignedInClientAsync(Privacy);
        var list = await privacy.GetAsync("/privacy/meldcode-beperkingen");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync());
        Assert.Contains("REDEN-ACTIEF: de melder is de oma", html);
        Assert.Contains("REDEN-OPGEHEVEN: tijdelijk tijdens het onderzoek", html);
        Assert.Contains("Opgeheven door Fatima Bouzid", html);
        Assert.Contains("Huishouden Privacylijst", html);
        Assert.True(html.IndexOf("REDEN-ACTIEF", StringComparison.Ordinal) < html.IndexOf("REDEN-OPGEHEVEN", StringComparison.Ordinal), "active first");
        Assert.DoesNotContain("INHOUD-VAN-DE-SIGNALEN", html);

        foreach (var other in new[] { Given.Coordinator, TeamLead, "beheerder@voorbeeld.nl", "beleid@voorbeeld.nl" })
        {
            using var client = await _app.SignedInClientAsync(other);
            var refused = await client.GetAsync("/privacy/meldcode-beperkingen");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/geen-toegang", refused.Headers.Location!.AbsolutePath);
        }
        await using var scope = _app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .AnyAsync(a => a.Action == "read" && a.Resource == "meldcode" && a.Role == "privacy" && a.Detail == "beperking inzage gelezen (privacy officer)"));
    }
}
