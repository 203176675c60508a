using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Households;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

public sealed class NeedToKnowFixture : IAsyncLifetime
{
    public ShiftedClock Clock { get; } = new();
    public TestApp App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(clock: Clock);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The ways around need-to-know that a review found (issue 16), each tried as the attacker or careless colleague
/// would, through the HTTP API and pages of the real application.
/// </summary>
public sealed class NeedToKnowTests(NeedToKnowFixture fixture) : IClassFixture<NeedToKnowFixture>
{
    private readonly TestApp _app = fixture.App;
    private const string Noord = "Wijkteam Noord";
    private const string Zuid = "Wijkteam Zuid";
    private const string EmergencyReason = "Crisismelding politie zaterdagnacht, regisseur niet bereikbaar";

    private Given Given { get; } = new(fixture.App);

    private async Task<(Guid Household, Guid Person)> HouseholdAsync(string? team, string achternaam, string? postcode = null, int? huisnummer = null)
    {
        var (household, person) = await Given.Resident(achternaam, team: team, address: postcode is null ? null : Address(postcode, huisnummer));
        return (household, person);
    }

    private static Task<Guid> TeamAsync(RegieDbContext db, string team) => db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();

    private async Task<T> DbAsync<T>(Func<RegieDbContext, Task<T>> work)
    {
        await using var scope = _app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private Task<string> UserIdAsync(string email) => DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task BreakGlassAsync(HttpClient client, Guid household)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, $"/huishoudens/{household}/noodtoegang");
        var granted = await client.PostAsync($"/huishoudens/{household}/noodtoegang",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reden"] = EmergencyReason, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    // ---- 1. Breaking the glass never becomes lasting access ----

    [Fact]
    public async Task A_worker_who_broke_the_glass_cannot_name_themselves_coordinator_or_change_the_household()
    {
        var (household, person) = await HouseholdAsync(Noord, "Glasbreuk");
        var (otherNoord, _) = await HouseholdAsync(Noord, "Buurhuis");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        await BreakGlassAsync(zuid, household);
        var me = await UserIdAsync("regisseur.zuid@voorbeeld.nl");
        var version = await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Version).SingleAsync());

        var attempts = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("coordinator", () => zuid.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = me, versie = version })),
            ("member", () => zuid.PostAsJsonAsync($"/api/v1/households/{household}/members", new { lid = new { rol = "kind", voornamen = "Nieuw", achternaam = "Glasbreuk", geboortedatum = "01-01-2015" } })),
            ("end membership", () => zuid.PostAsJsonAsync($"/api/v1/households/{household}/members/{person}/end", new { reden = "anders" })),
            ("move out", () => zuid.PostAsJsonAsync($"/api/v1/persons/{person}/move", new { naarHuishoudenId = otherNoord, rol = "overig" })),
            ("address", () => zuid.PutAsJsonAsync($"/api/v1/households/{household}/address", new { adres = new { postcode = "9911 AB", huisnummer = "99", woonplaats = "Voorbeeld" }, versie = version })),
            ("contact", () => zuid.PutAsJsonAsync($"/api/v1/persons/{person}/contact", new { telefoon = "0612345678", versie = 0 })),
            ("close", () => zuid.PostAsJsonAsync($"/api/v1/households/{household}/trajectories/close", new { reden = "DoelenBehaald", versie = 0 })),
            ("open trajectory", () => zuid.PostAsJsonAsync($"/api/v1/households/{household}/trajectories", new { aanleiding = "Opnieuw hulp nodig na crisis" })),
            ("plan", () => zuid.PostAsJsonAsync($"/api/v1/households/{household}/plan", new { })),
            ("request", () => zuid.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Politie", omschrijving = "Crisis", personen = new[] { person } })),
        };
        foreach (var (what, send) in attempts)
        {
            var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
            Assert.Equal(FileAccessRules.EmergencyReadOnlyCode, await CodeAsync(response));
        }

        var after = await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => new { h.ResponsibleTeamId, h.CoordinatorId, h.Version }).SingleAsync());
        Assert.Equal(await DbAsync(db => TeamAsync(db, Noord)), after.ResponsibleTeamId);
        Assert.Null(after.CoordinatorId);
        Assert.Equal(version, after.Version);
        Assert.Equal(1, await DbAsync(db => db.HouseholdMembers.CountAsync(m => m.HouseholdId == household)));

        // The page says so where the worker tried, and offers no way to do it.
        var file = await zuid.GetStringAsync($"/huishoudens/{household}");
        Assert.Contains("U heeft noodtoegang: u kunt dit dossier lezen en een notitie op de tijdlijn zetten.", file);
        Assert.DoesNotContain($"/huishoudens/{household}/regisseur\"", file);
        Assert.DoesNotContain($"/huishoudens/{household}/lid-toevoegen\"", file);
        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{household}/regisseur");
        var page = await zuid.PostAsync($"/huishoudens/{household}/regisseur", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.RegisseurId"] = me, ["Input.Versie"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Wijzigen doet het team dat het dossier heeft.", await page.Content.ReadAsStringAsync());
        Assert.Null(await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorId).SingleAsync()));
    }

    [Fact]
    public async Task A_worker_with_emergency_access_can_leave_a_note_on_the_timeline_for_the_team()
    {
        var (household, _) = await HouseholdAsync(Noord, "Notitie");
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var refused = await zuid.PostAsJsonAsync($"/api/v1/households/{household}/notes", new { tekst = "Kinderen opgevangen bij oma" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        await BreakGlassAsync(zuid, household);
        var empty = await zuid.PostAsJsonAsync($"/api/v1/households/{household}/notes", new { tekst = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("text-required", await CodeAsync(empty));
        var noted = await zuid.PostAsJsonAsync($"/api/v1/households/{household}/notes", new { tekst = "Kinderen opgevangen bij oma, moeder naar de SEH" });
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);

        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var timeline = await noord.GetStringAsync($"/huishoudens/{household}/tijdlijn");
        Assert.Contains("Notitie bij noodtoegang van Koen Verhoeven: Kinderen opgevangen bij oma, moeder naar de SEH", timeline);
    }

    [Fact]
    public async Task Five_hours_after_breaking_the_glass_every_door_it_opened_is_closed_again()
    {
        var (household, person) = await HouseholdAsync(Noord, "Vijfuur");
        using (var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl"))
        {
            await BreakGlassAsync(zuid, household);
            Assert.Equal(HttpStatusCode.OK, (await zuid.GetAsync($"/huishoudens/{household}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await zuid.GetAsync($"/api/v1/persons/{person}")).StatusCode);
        }

        fixture.Clock.Advance(TimeSpan.FromHours(5));
        try
        {
            using var later = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
            foreach (var path in new[]
                     {
                         $"/huishoudens/{household}", $"/huishoudens/{household}/tijdlijn", $"/huishoudens/{household}/plan", $"/huishoudens/{household}/zrm",
                         $"/huishoudens/{household}/regisseur", $"/huishoudens/{household}/notitie", $"/personen/{person}",
                         $"/api/v1/households/{household}", $"/api/v1/households/{household}/timeline", $"/api/v1/households/{household}/plan",
                         $"/api/v1/households/{household}/assessments", $"/api/v1/households/{household}/trajectories", $"/api/v1/persons/{person}",
                     })
                Assert.True((await later.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
            var note = await later.PostAsJsonAsync($"/api/v1/households/{household}/notes", new { tekst = "Nog een notitie achteraf" });
            Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
            // The file stayed where it was.
            Assert.Equal(await DbAsync(db => TeamAsync(db, Noord)), await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ResponsibleTeamId).SingleAsync()));
        }
        finally
        {
            fixture.Clock.Advance(TimeSpan.FromHours(-5));
        }
    }

    [Fact]
    public async Task Coordinator_candidates_are_the_holding_teams_staff_and_only_its_lead_hands_the_household_to_another_team()
    {
        var (household, _) = await HouseholdAsync(Noord, "Overdracht");
        var zuidWorker = await UserIdAsync("regisseur.zuid@voorbeeld.nl");
        var noordWorker = await UserIdAsync("regisseur@voorbeeld.nl");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");

        var page = await noord.GetStringAsync($"/huishoudens/{household}/regisseur");
        Assert.Contains(noordWorker, page);
        Assert.DoesNotContain(zuidWorker, page);
        var toZuid = await noord.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = zuidWorker, versie = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, toZuid.StatusCode);
        Assert.Equal(CoordinatorRules.OtherTeamCode, await CodeAsync(toZuid));
        Assert.Equal(HttpStatusCode.NoContent, (await noord.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = noordWorker, versie = 1 })).StatusCode);

        // The lead of the holding team decides on the move, with the handover note.
        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        Assert.Contains(zuidWorker, await lead.GetStringAsync($"/huishoudens/{household}/regisseur"));
        var noNote = await lead.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = zuidWorker, versie = 2 });
        Assert.Equal(CoordinatorRules.HandoverRequiredCode, await CodeAsync(noNote));
        var moved = await lead.PutAsJsonAsync($"/api/v1/households/{household}/coordinator",
            new { regisseurId = zuidWorker, overdracht = "Gezin verhuist naar Zuid; schuldhulp loopt, afspraak met school staat.", versie = 2 });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(await DbAsync(db => TeamAsync(db, Zuid)), await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ResponsibleTeamId).SingleAsync()));
    }

    [Fact]
    public async Task A_professional_added_to_the_file_works_in_it_but_cannot_take_it_over()
    {
        var (household, _) = await HouseholdAsync(Noord, "Toegevoegd");
        var zuidWorker = await UserIdAsync("regisseur.zuid@voorbeeld.nl");
        await DbAsync(async db =>
        {
            db.HouseholdAccess.Add(new HouseholdAccess { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, UserId = zuidWorker, Kind = AccessKinds.Added, GrantedBy = "test", GrantedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var coordinator = await zuid.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = zuidWorker, versie = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal(FileAccessRules.HeldByOtherTeamCode, await CodeAsync(coordinator));
        var member = await zuid.PostAsJsonAsync($"/api/v1/households/{household}/members", new { lid = new { rol = "kind", voornamen = "Extra", achternaam = "Toegevoegd", geboortedatum = "01-01-2015" } });
        Assert.Equal(FileAccessRules.HeldByOtherTeamCode, await CodeAsync(member));
        // Working in the file is what being added is for.
        Assert.Equal(HttpStatusCode.Created, (await zuid.PostAsJsonAsync($"/api/v1/households/{household}/notes", new { tekst = "Contact gehad met de school" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await zuid.PutAsJsonAsync($"/api/v1/households/{household}/address",
            new { adres = new { straat = "Dorpsstraat", postcode = "9911 AB", huisnummer = "501", woonplaats = "Voorbeeld" }, versie = 1 })).StatusCode);
    }

    // ---- 2. The address search shows only what the caller may open ----

    [Fact]
    public async Task A_partner_learns_nothing_from_the_address_search()
    {
        await HouseholdAsync(Noord, "Adrespartner", "9911 AB", 701);
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        var response = await partner.GetAsync("/api/v1/households?postcode=9911AB&huisnummer=701");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Adrespartner", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_teams_household_at_an_address_shows_only_that_one_is_known_and_the_search_is_audited()
    {
        var (zuidHousehold, _) = await HouseholdAsync(Zuid, "Adreszuid", "9911 AB", 702);
        var (noordHousehold, _) = await HouseholdAsync(Noord, "Adresnoord", "9911 AB", 702);
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var raw = await noord.GetStringAsync("/api/v1/households?postcode=9911AB&huisnummer=702");
        var result = JsonDocument.Parse(raw).RootElement;
        var hit = Assert.Single(result.GetProperty("huishoudens").EnumerateArray());
        Assert.Equal(noordHousehold, hit.GetProperty("id").GetGuid());
        Assert.True(result.GetProperty("anderHuishoudenBekend").GetBoolean());
        Assert.DoesNotContain("Adreszuid", raw);
        Assert.DoesNotContain(zuidHousehold.ToString(), raw);

        var entry = await DbAsync(db => db.AuditEntries.Where(a => a.Action == "search" && a.Resource == "household").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("soort=adres; resultaten=1; andere=1", entry.Detail);
        Assert.DoesNotContain("9911", entry.Detail);

        // The move page says the same, without the name or the number of members.
        var (mover, moverPerson) = await HouseholdAsync(Noord, "Verhuizer");
        var page = await noord.GetStringAsync($"/personen/{moverPerson}/verhuizen?Postcode=9911AB&Huisnummer=702");
        Assert.Contains("Op dit adres is ook een huishouden bekend waarvan u het dossier niet heeft.", page);
        Assert.DoesNotContain("Adreszuid", page);
        Assert.Contains("Adresnoord", page);
        Assert.NotEqual(Guid.Empty, mover);
    }

    // ---- 3. A person's record follows their current household ----

    private async Task<(Guid OldHousehold, Guid NewHousehold, Guid Person)> MovedToZuidAsync(string achternaam)
    {
        var (oldHousehold, _) = await HouseholdAsync(Noord, achternaam + "oud");
        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RegieDbContext>();
        var leaver = await sp.GetRequiredService<AddMemberHandler>().HandleAsync(oldHousehold,
            new AddMemberInput { Lid = Member("Ex", achternaam, rol: "partner") }, default);
        var (newHousehold, _) = await HouseholdAsync(null, achternaam + "nieuw", "9922 CD", 33);
        var moved = await sp.GetRequiredService<MovePersonHandler>().HandleAsync(leaver.Value, new MovePersonInput { NaarHuishoudenId = newHousehold, Rol = "ouder" }, default);
        Assert.True(moved.IsOk);
        var person = await db.Persons.SingleAsync(p => p.Id == leaver.Value);
        person.ChangeContact("0611112222", "nieuw.adres@voorbeeld.nl", DateTime.UtcNow);
        var target = await db.Households.SingleAsync(h => h.Id == newHousehold);
        target.HandOverTo(await TeamAsync(db, Zuid));
        await db.SaveChangesAsync();
        return (oldHousehold, newHousehold, leaver.Value);
    }

    [Fact]
    public async Task The_old_households_worker_reads_an_ex_member_without_the_new_address_or_contact_details()
    {
        var (oldHousehold, newHousehold, person) = await MovedToZuidAsync("Expartner");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var raw = await noord.GetStringAsync($"/api/v1/persons/{person}");
        var read = JsonDocument.Parse(raw).RootElement;
        Assert.True(read.GetProperty("alleenEerderHuishouden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("telefoon").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("huidigHuishoudenId").ValueKind);
        Assert.Equal(oldHousehold, Assert.Single(read.GetProperty("huishoudens").EnumerateArray()).GetProperty("huishoudenId").GetGuid());
        foreach (var secret in new[] { "0611112222", "nieuw.adres@voorbeeld.nl", "9922CD", "9922 CD", newHousehold.ToString() }) Assert.DoesNotContain(secret, raw);

        var page = await noord.GetStringAsync($"/personen/{person}");
        foreach (var secret in new[] { "0611112222", "nieuw.adres@voorbeeld.nl", "9922CD", "9922 CD", newHousehold.ToString() }) Assert.DoesNotContain(secret, page);
        Assert.Contains("U ziet deze persoon via een huishouden waar hij of zij niet meer woont", page);
        // The old household's timeline says that the person moved, not where to.
        var timeline = await noord.GetStringAsync($"/huishoudens/{oldHousehold}/tijdlijn");
        foreach (var postcode in new[] { "9922CD", "9922 CD" }) Assert.DoesNotContain(postcode, timeline);

        // The team of the new household sees everything.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var full = await zuid.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{person}");
        Assert.Equal("0611112222", full.GetProperty("telefoon").GetString());
        Assert.False(full.GetProperty("alleenEerderHuishouden").GetBoolean());
    }

    [Fact]
    public async Task The_old_households_worker_cannot_move_correct_or_change_the_contact_details_of_an_ex_member()
    {
        var (oldHousehold, newHousehold, person) = await MovedToZuidAsync("Exwijzig");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var move = await noord.PostAsJsonAsync($"/api/v1/persons/{person}/move", new { naarHuishoudenId = oldHousehold, rol = "partner" });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(PersonAccess.OtherFileCode, await CodeAsync(move));
        var contact = await noord.PutAsJsonAsync($"/api/v1/persons/{person}/contact", new { telefoon = "0699999999", versie = 1 });
        Assert.Equal(PersonAccess.OtherFileCode, await CodeAsync(contact));

        var token = await TestApp.AntiforgeryTokenAsync(noord, $"/personen/{person}/corrigeren");
        var correct = await noord.PostAsync($"/personen/{person}/corrigeren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Voornamen"] = "Ex", ["Input.Achternaam"] = "Anders", ["Input.Geboortedatum"] = "03-07-1985", ["Input.Reden"] = "Naam verkeerd gespeld",
            ["Input.Versie"] = "1", ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("Deze persoon woont nu in een huishouden waarvan u het dossier niet heeft.", await correct.Content.ReadAsStringAsync());

        var after = await DbAsync(db => db.Persons.Where(p => p.Id == person).Select(p => new { p.Achternaam, p.Telefoon }).SingleAsync());
        Assert.Equal(("Exwijzig", "0611112222"), (after.Achternaam, after.Telefoon));
        Assert.Equal(newHousehold, await DbAsync(db => db.HouseholdMembers.Where(m => m.PersonId == person && m.Until == null).Select(m => m.HouseholdId).SingleAsync()));
    }

    [Fact]
    public async Task Adding_someone_who_left_another_teams_household_to_ones_own_household_is_refused()
    {
        var (zuidHousehold, zuidPerson) = await HouseholdAsync(Zuid, "Vertrokken");
        await DbAsync(async db =>
        {
            var until = DateOnly.FromDateTime(DateTime.UtcNow);
            return await db.HouseholdMembers.Where(m => m.PersonId == zuidPerson).ExecuteUpdateAsync(u => u.SetProperty(m => m.Until, until));
        });
        var (noordHousehold, _) = await HouseholdAsync(Noord, "Eigen");
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var add = await noord.PostAsJsonAsync($"/api/v1/households/{noordHousehold}/members", new { lid = new { personId = zuidPerson, rol = "partner" } });
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        var register = await noord.PostAsJsonAsync("/api/v1/households", new { adres = new { straat = "Dorpsstraat", postcode = "9911 AB", huisnummer = "801", woonplaats = "Voorbeeld" }, leden = new[] { new { personId = zuidPerson, rol = "ouder" } } });
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noord.GetAsync($"/api/v1/persons/{zuidPerson}")).StatusCode);
        Assert.Equal(0, await DbAsync(db => db.HouseholdMembers.CountAsync(m => m.PersonId == zuidPerson && m.Until == null)));
        Assert.NotEqual(Guid.Empty, zuidHousehold);
    }

    [Fact]
    public async Task A_search_by_address_names_only_the_residents_whose_file_the_worker_may_open()
    {
        await HouseholdAsync(Zuid, "Adrespersoon", "9911 AB", 711);
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        foreach (var query in new[] { "/api/v1/persons?postcode=9911AB&huisnummer=711", "/api/v1/persons?q=9911AB%20711" })
        {
            var raw = await noord.GetStringAsync(query);
            Assert.Equal(0, JsonDocument.Parse(raw).RootElement.GetProperty("resultaten").GetArrayLength());
            Assert.DoesNotContain("Adrespersoon", raw);
        }
        // Someone Noord knows only from a former household is not found at their new address either.
        var (_, newHousehold, person) = await MovedToZuidAsync("Adresverhuisd");
        var raw2 = await noord.GetStringAsync("/api/v1/persons?postcode=9922CD&huisnummer=33");
        Assert.DoesNotContain(person.ToString(), raw2);
        Assert.DoesNotContain(newHousehold.ToString(), raw2);
        // The team that holds the file finds its residents there.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Contains("Adrespersoon", await zuid.GetStringAsync("/api/v1/persons?postcode=9911AB&huisnummer=711"));
    }

    [Fact]
    public async Task A_search_by_bsn_is_found_by_the_privacy_officer_under_that_bsn()
    {
        var bsn = TestApp.NextBsn();
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        await noord.GetStringAsync($"/api/v1/persons?bsn={bsn}");
        var entry = await DbAsync(db => db.AuditEntries.Where(a => a.Action == "search" && a.SubjectBsn == bsn).SingleAsync());
        Assert.Equal("soort=bsn; resultaten=0", entry.Detail);
    }

    [Fact]
    public async Task Another_team_neither_reads_nor_takes_a_household_the_desk_routed_elsewhere()
    {
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var created = await desk.PostAsJsonAsync("/api/v1/households", new
        {
            adres = new { straat = "Loketstraat", postcode = "9911 AB", huisnummer = "902", woonplaats = "Voorbeeld" },
            leden = new[] { new { rol = "ouder", voornamen = "Rian", achternaam = "Routering", geboortedatum = "03-07-1985", bsn = TestApp.NextBsn() } },
        });
        var household = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var person = await DbAsync(db => db.HouseholdMembers.Where(m => m.HouseholdId == household).Select(m => m.PersonId).SingleAsync());
        var registered = await desk.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Inwoner", omschrijving = "Huurachterstand, dreigende ontruiming", personen = new[] { person } });
        var request = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Waiting for intake, the request is any team's to take up.
        using (var before = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl"))
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync($"/api/v1/requests/{request}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.PutAsJsonAsync($"/api/v1/requests/{request}/intake", new { scores = new Dictionary<string, string> { [$"{person}:Financien"] = "2" }, veiligheid = Intakes.NoSignals(), veiligheidOordeel = "Veilig", versie = 0 })).StatusCode);
        var routed = await desk.PostAsJsonAsync($"/api/v1/requests/{request}/triage", new { route = "AlgemeneVoorziening", reden = "Budgetcursus in de wijk past beter dan het team", versie = 1 });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Null(await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ResponsibleTeamId).SingleAsync()));

        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/requests/{request}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/households/{household}")).StatusCode);
        var me = await UserIdAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = me, versie = 1 })).StatusCode);
        Assert.Null(await DbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorId).SingleAsync()));
        // The desk, which holds no team, keeps working in it.
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/requests/{request}")).StatusCode);
    }

    // ---- 4. A desk consultant's grant ends with the hand-over ----

    [Fact]
    public async Task A_desk_consultant_who_routed_a_household_to_a_team_no_longer_opens_it()
    {
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var created = await desk.PostAsJsonAsync("/api/v1/households", new
        {
            adres = new { straat = "Loketstraat", postcode = "9911 AB", huisnummer = "901", woonplaats = "Voorbeeld" },
            leden = new[] { new { rol = "ouder", voornamen = "Lotte", achternaam = "Loket", geboortedatum = "03-07-1985", bsn = TestApp.NextBsn() } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var household = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var grant = await DbAsync(db => db.HouseholdAccess.SingleAsync(a => a.HouseholdId == household));
        Assert.Equal(AccessKinds.Desk, grant.Kind);
        Assert.Equal(grant.GrantedAt + FileAccessRules.DeskGrantDuration, grant.ExpiresAt);

        var person = await DbAsync(db => db.HouseholdMembers.Where(m => m.HouseholdId == household).Select(m => m.PersonId).SingleAsync());
        var request = await desk.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Vroegsignaal", omschrijving = "Energieachterstand", personen = new[] { person } });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await desk.PutAsJsonAsync($"/api/v1/requests/{requestId}/intake", new { scores = new Dictionary<string, string> { [$"{person}:Financien"] = "1" }, veiligheid = Intakes.NoSignals(), veiligheidOordeel = "Veilig", versie = 0 })).StatusCode);
        var noordTeam = await DbAsync(db => TeamAsync(db, Noord));
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/v1/requests/{requestId}/triage", new { route = "Wijkteam", team = noordTeam, versie = 1 })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/households/{household}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/huishoudens/{household}")).StatusCode);
        Assert.NotNull(await DbAsync(db => db.HouseholdAccess.Where(a => a.Id == grant.Id).Select(a => a.RevokedAt).SingleAsync()));
    }
}
