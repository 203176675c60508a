using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Households;
using Regie.Web.Features.Vroegsignalering;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 22 points 1 and 2: signals of payment arrears come in from the signal partners (API and monthly file), are matched to
/// the person and household (by BSN, or by name, birth date and address, or by hand), and make one case per household while it
/// is open; the coordinator hears of it at once and the involvement register knows the vroegsignalering team is involved.
/// </summary>
public sealed class VroegsignalenIntakeTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Worker = "vroegsignalering@voorbeeld.nl";
    private const string Corporation = "Woningcorporatie Thuis";
    private const string Energy = "Energieleverancier Stroom";
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Dutch(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
    private static string Kenmerk(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>The municipality registers the organisation as a signal partner and its debt-help department as the one that handles the signals.</summary>
    private async Task<Guid> SignalPartnerAsync(string name, SignaalpartnerSoort soort)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var partner = await db.Organisations.SingleAsync(o => o.Name == name);
        partner.SignaalpartnerSoort = soort;
        if (!await db.VroegsignaleringSettings.AnyAsync())
            db.VroegsignaleringSettings.Add(new VroegsignaleringSettings
            {
                Gemeentecode = TestApp.Gemeentecode, UitvoerderOrganisationId = await db.Organisations.Where(o => o.Name == "Schuldhulpverlening").Select(o => o.Id).SingleAsync(),
                ContactNaam = "Yusuf Demir", ContactTelefoon = "030 1234567", ContactEmail = Worker, Version = 1,
            });
        await db.SaveChangesAsync();
        return partner.Id;
    }

    private async Task<HttpClient> PartnerClientAsync(string name, SignaalpartnerSoort? soort = SignaalpartnerSoort.Huur)
    {
        if (soort is { } s) await SignalPartnerAsync(name, s);
        await using var scope = _app.Scope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "cli", "Beheer via de opdrachtregel");
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, Roles.Partner, TestApp.Gemeentecode, "test", default);
        Assert.True(key.IsValid, key.Error?.Message);
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key.Value.Key);
        return client;
    }

    private static AddressInput Address(string postcode, string huisnummer = "12") => new() { Straat = "Signaalstraat", Huisnummer = huisnummer, Postcode = postcode, Woonplaats = "Voorbeeld" };

    /// <summary>A postcode no other test uses.</summary>
    private static string NewPostcode() => $"{Random.Shared.Next(1000, 9999)}{(char)('A' + Random.Shared.Next(0, 17))}{(char)('A' + Random.Shared.Next(0, 26))}";

    private static object Signal(string kenmerk, string? bsn, decimal bedrag = 812.50m, bool crisis = false, string? achternaam = null, string? geboortedatum = null,
        string? postcode = null, int? huisnummer = null) => new
        {
            kenmerk, bsn, achternaam, geboortedatum, postcode, huisnummer, telefoon = "06 12345678", bedrag, maanden = 2,
            signaaldatum = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), crisis,
        };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    [Fact]
    public async Task Housing_corporation_sends_a_signal_and_the_coordinator_hears_of_it_at_once()
    {
        var resident = await Given.Resident("Huurachter", team: Given.Noord);
        await Given.CoordinatedBy(resident.Household, Given.Coordinator);
        using var corporation = await PartnerClientAsync(Corporation);
        var kenmerk = Kenmerk("HUUR");

        var receipt = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(kenmerk, resident.Bsn)), HttpStatusCode.Created);

        // The partner learns that the signal arrived, and nothing about the resident or the case.
        Assert.Equal(["id", "kenmerk", "ontvangen", "nieuw"], receipt.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(receipt.GetProperty("nieuw").GetBoolean());
        var id = receipt.GetProperty("id").GetGuid();
        var signal = await InDbAsync(db => db.Vroegsignalen.SingleAsync(s => s.Id == id));
        Assert.Equal((resident.Person, resident.Household, SignalRules.MatchedOnBsn, 812.50m), (signal.PersonId, signal.HouseholdId, signal.MatchedHow, signal.Bedrag));
        var zaak = await InDbAsync(db => db.Vroegsignaalzaken.SingleAsync(z => z.HouseholdId == resident.Household));
        Assert.Equal((signal.ZaakId, true, Today.AddDays(ContactTermSettings.Default.TermDays), true), (zaak.Id, zaak.IsOpen, zaak.DeadlineOn, zaak.HouseholdAlreadyHelped));
        var coordinatorId = await InDbAsync(db => db.Users.Where(u => u.Email == Given.Coordinator).Select(u => u.Id).SingleAsync());
        var told = await InDbAsync(db => db.Notifications.Where(n => n.HouseholdId == resident.Household).ToListAsync());
        Assert.Equal(coordinatorId, Assert.Single(told).UserId);
        Assert.Contains("Woningcorporatie Thuis meldt een betalingsachterstand (signaalpartner Huur)", told[0].Body);
        Assert.DoesNotContain("812", told[0].Body);
        // Nothing in the involvement register yet: a partner that sent a signal and then looked the BSN up would learn that the
        // municipality knows the resident.
        Assert.Equal(0, await InDbAsync(db => db.Involvements.CountAsync(i => i.Bsn == resident.Bsn && i.OrganisationId != null)));
        var lookup = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/lookup", new { bsn = resident.Bsn, doel = "controle" }), HttpStatusCode.OK);
        Assert.DoesNotContain("Schuldhulpverlening", lookup.GetRawText());

        // The same signal again: the first receipt stands, nothing is stored or told twice.
        var again = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(kenmerk, resident.Bsn)), HttpStatusCode.OK);
        Assert.Equal((id, false), (again.GetProperty("id").GetGuid(), again.GetProperty("nieuw").GetBoolean()));
        Assert.Equal(1, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.HouseholdId == resident.Household)));
        Assert.Equal(1, await InDbAsync(db => db.Notifications.CountAsync(n => n.HouseholdId == resident.Household)));

        // The worker takes the case up: from the first contact attempt the register knows the debt-help team is involved.
        using var worker = await _app.SignedInClientAsync(Worker);
        await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/zaken/{zaak.Id}/contactpogingen",
            new { soort = "Telefoon", datum = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dagdeel = "Ochtend", bereikt = false, versie = zaak.Version }),
            HttpStatusCode.Created);
        var involvement = await InDbAsync(db => db.Involvements.Where(i => i.Bsn == resident.Bsn && i.OrganisationId != null).SingleAsync());
        Assert.Equal(("Yusuf Demir", SignalIntake.InvolvementReason), (involvement.ContactName, involvement.Reason));

        // A later signal joins the case the coordinator already knows of: no second message.
        await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), resident.Bsn)), HttpStatusCode.Created);
        Assert.Equal(1, await InDbAsync(db => db.Notifications.CountAsync(n => n.HouseholdId == resident.Household)));
        Assert.Equal(1, await InDbAsync(db => db.Involvements.CountAsync(i => i.Bsn == resident.Bsn && i.OrganisationId != null)));

        // The partner reads back its own receipt; another partner does not find it.
        var read = await JsonAsync(await corporation.GetAsync($"/api/v1/vroegsignalen/{id}"), HttpStatusCode.OK);
        Assert.Equal(kenmerk, read.GetProperty("kenmerk").GetString());
        using var energy = await PartnerClientAsync(Energy, SignaalpartnerSoort.Energie);
        Assert.Equal(HttpStatusCode.NotFound, (await energy.GetAsync($"/api/v1/vroegsignalen/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_second_signal_joins_the_open_case_and_a_threatened_cut_off_brings_the_term_forward()
    {
        var resident = await Given.Resident("Tweesignaal");
        using var corporation = await PartnerClientAsync(Corporation);
        using var energy = await PartnerClientAsync(Energy, SignaalpartnerSoort.Energie);

        await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), resident.Bsn)), HttpStatusCode.Created);
        await JsonAsync(await energy.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("ENERGIE"), resident.Bsn, 310m, crisis: true)), HttpStatusCode.Created);

        var zaak = await InDbAsync(db => db.Vroegsignaalzaken.SingleAsync(z => z.HouseholdId == resident.Household));
        Assert.Equal((true, ContactTerm.Deadline(Today, true, ContactTermSettings.Default)), (zaak.Crisis, zaak.DeadlineOn));
        Assert.Equal(2, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.ZaakId == zaak.Id)));
        // No coordinator, so nobody to tell.
        Assert.Equal(0, await InDbAsync(db => db.Notifications.CountAsync(n => n.HouseholdId == resident.Household)));

        // Closed, the next signal opens a new case.
        using var worker = await _app.SignedInClientAsync(Worker);
        await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/zaken/{zaak.Id}/afsluiting",
            new { resultaat = nameof(Eindresultaat.OnterechtSignaal), versie = zaak.Version }), HttpStatusCode.OK);
        await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), resident.Bsn)), HttpStatusCode.Created);
        var cases = await InDbAsync(db => db.Vroegsignaalzaken.Where(z => z.HouseholdId == resident.Household).OrderBy(z => z.OpenedAt).ToListAsync());
        Assert.Equal([false, true], cases.Select(c => c.IsOpen).ToArray());
    }

    [Fact]
    public async Task A_signal_without_bsn_is_matched_on_name_birth_date_and_address()
    {
        var postcode = NewPostcode();
        var resident = await Given.Resident("Zonderbsn", birthDate: "14-03-1979", address: Address(postcode, "7"));
        using var corporation = await PartnerClientAsync(Corporation);

        var receipt = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen",
            Signal(Kenmerk("HUUR"), null, achternaam: "zonderbsn", geboortedatum: "1979-03-14", postcode: postcode[..4] + " " + postcode[4..], huisnummer: 7)), HttpStatusCode.Created);

        var signal = await InDbAsync(db => db.Vroegsignalen.SingleAsync(s => s.Id == receipt.GetProperty("id").GetGuid()));
        Assert.Equal((resident.Person, resident.Household, SignalRules.MatchedOnNameAndAddress), (signal.PersonId, signal.HouseholdId, signal.MatchedHow));
    }

    [Fact]
    public async Task A_bad_signal_is_refused_at_every_field_and_nothing_is_stored()
    {
        using var corporation = await PartnerClientAsync(Corporation);
        var before = await InDbAsync(db => db.Vroegsignalen.CountAsync());

        var problem = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", new
        {
            kenmerk = " ", bsn = "123456789", postcode = "0123XX", telefoon = "bel me", bedrag = 0.001m, maanden = 0,
            signaaldatum = Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), HttpStatusCode.BadRequest);

        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([("kenmerk", SignalRules.KenmerkRequiredCode), ("bsn", Bsn.InvalidCode), ("postcode", Postcode.InvalidCode), ("telefoon", ContactDetails.PhoneInvalidCode),
            ("bedrag", SignalRules.AmountInvalidCode), ("maanden", SignalRules.MonthsInvalidCode), ("signaaldatum", SignalRules.DateInvalidCode)], codes);
        // Without a BSN, the four fields that find the resident are all needed.
        var noId = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), null, achternaam: "Alleennaam")), HttpStatusCode.BadRequest);
        Assert.Equal(SignalRules.IdentificationMissingCode, Assert.Single(noId.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(before, await InDbAsync(db => db.Vroegsignalen.CountAsync()));
    }

    [Fact]
    public async Task Only_a_signal_partner_sends_signals()
    {
        var resident = await Given.Resident("Geenpartner");
        using var uwv = await PartnerClientAsync("UWV", soort: null);
        var refused = await JsonAsync(await uwv.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("X"), resident.Bsn)), HttpStatusCode.Forbidden);
        Assert.Equal(SignalRules.NotASignalPartnerCode, refused.GetProperty("code").GetString());
        using var coordinator = await _app.SignedInClientAsync(Given.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("X"), resident.Bsn))).StatusCode);
        // The worker's unmatched list is not for partners.
        using var corporation = await PartnerClientAsync(Corporation);
        Assert.Equal(HttpStatusCode.Forbidden, (await corporation.GetAsync("/api/v1/vroegsignalering/signalen/ongekoppeld")).StatusCode);
        Assert.Equal(0, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.Bsn == resident.Bsn)));
    }

    [Fact]
    public async Task A_signal_nobody_fits_waits_and_the_worker_matches_it_by_hand()
    {
        var postcode = NewPostcode();
        var resident = await Given.Resident("Handmatig", birthDate: "02-11-1990", address: Address(postcode, "3"));
        using var corporation = await PartnerClientAsync(Corporation);
        // The partner has the birth date wrong: name and address fit, the birth date does not, so Regie does not guess.
        var receipt = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen",
            Signal(Kenmerk("HUUR"), null, achternaam: "Handmatig", geboortedatum: "1990-02-11", postcode: postcode, huisnummer: 3)), HttpStatusCode.Created);
        var id = receipt.GetProperty("id").GetGuid();
        Assert.Null(await InDbAsync(db => db.Vroegsignalen.Where(s => s.Id == id).Select(s => s.ZaakId).SingleAsync()));

        using var worker = await _app.SignedInClientAsync(Worker);
        var list = await JsonAsync(await worker.GetAsync("/api/v1/vroegsignalering/signalen/ongekoppeld"), HttpStatusCode.OK);
        var waiting = list.GetProperty("signalen").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        var candidate = Assert.Single(waiting.GetProperty("kandidaten").EnumerateArray());
        Assert.Equal((resident.Person, true, false, true), (candidate.GetProperty("persoonId").GetGuid(), candidate.GetProperty("zelfdeNaam").GetBoolean(),
            candidate.GetProperty("zelfdeGeboortedatum").GetBoolean(), candidate.GetProperty("zelfdeAdres").GetBoolean()));
        Assert.Contains("Handmatig", WebUtility.HtmlDecode(await worker.GetStringAsync("/vroegsignalering/ongekoppeld")));

        var unknown = await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{id}/koppeling", new { persoonId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.Equal(SignalRules.PersonUnknownCode, unknown.GetProperty("errors")[0].GetProperty("code").GetString());
        var matched = await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{id}/koppeling", new { persoonId = resident.Person }), HttpStatusCode.OK);
        Assert.Equal(resident.Household, matched.GetProperty("huishoudenId").GetGuid());
        var signal = await InDbAsync(db => db.Vroegsignalen.SingleAsync(s => s.Id == id));
        Assert.Equal((matched.GetProperty("zaakId").GetGuid(), SignalRules.MatchedByHand, resident.Person), (signal.ZaakId!.Value, signal.MatchedHow, signal.PersonId));
        var twice = await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{id}/koppeling", new { persoonId = resident.Person }), HttpStatusCode.BadRequest);
        Assert.Equal(SignalRules.AlreadyMatchedCode, twice.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_partners_signalling_one_household_at_the_same_moment_make_one_case()
    {
        var resident = await Given.Resident("Tegelijk");
        using var corporation = await PartnerClientAsync(Corporation);
        using var energy = await PartnerClientAsync(Energy, SignaalpartnerSoort.Energie);

        var sent = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(i => corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk($"H{i}"), resident.Bsn)))
                .Concat(Enumerable.Range(0, 3).Select(i => energy.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk($"E{i}"), resident.Bsn)))));

        Assert.All(sent, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var zaak = await InDbAsync(db => db.Vroegsignaalzaken.SingleAsync(z => z.HouseholdId == resident.Household));
        Assert.Equal(6, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.ZaakId == zaak.Id)));
    }

    [Fact]
    public async Task A_partners_monthly_file_is_taken_in_row_by_row_and_the_same_file_twice_creates_nothing_twice()
    {
        var known = await Given.Resident("Maandbestand");
        await Given.CoordinatedBy(known.Household, Given.Coordinator);
        var postcode = NewPostcode();
        var byName = await Given.Resident("Opnaam", birthDate: "21-06-1968", address: Address(postcode, "40"));
        var partnerId = await SignalPartnerAsync(Corporation, SignaalpartnerSoort.Huur);
        var prefix = Kenmerk("F")[..10];
        var date = Dutch(Today.AddDays(-2));
        var file = string.Join('\n',
            "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum",
            $"{prefix}-1;{known.Bsn};Maandbestand;03-07-1985;;;06 12345678;;1.234,56;3;{date}",
            $"{prefix}-2;;Opnaam;21-06-1968;{postcode};40;;;96,20;1;{date}",
            $"{prefix}-3;;Onbekend;01-01-1970;{postcode};41;;;50;2;{date}",
            $"{prefix}-4;;Fout;01-01-1970;{postcode};41;;;twaalf euro;2;31-02-2026",
            $"{prefix}-1;{known.Bsn};Maandbestand;03-07-1985;;;;;1.234,56;3;{date}",
            $";{known.Bsn};;;;;;;10;1;{date}");
        Organisation partner = await InDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == partnerId));
        var import = _app.Services.GetRequiredService<SignalImport>();

        var first = await import.ImportAsync(new StringReader(file), partner, null, default);

        Assert.Equal((6, 2, 1, 0), (first.Regels, first.Gekoppeld, first.TeKoppelen, first.AlOntvangen));
        Assert.Equal([(5, $"{prefix}-4"), (6, $"{prefix}-1"), (7, (string?)null)], first.Afgewezen.Select(r => (r.Line, r.Kenmerk)).ToArray());
        Assert.Equal(SignalImport.DuplicateInFile, Assert.Single(first.Afgewezen[1].Reasons));
        Assert.Equal([SignalRulesMessages.Amount, SignalRulesMessages.Date], first.Afgewezen[0].Reasons.Select(SignalRulesMessages.Kind).ToArray());
        var signal = await InDbAsync(db => db.Vroegsignalen.SingleAsync(s => s.Kenmerk == $"{prefix}-1"));
        Assert.Equal((1234.56m, 3, SignalRules.ViaImport, known.Household), (signal.Bedrag, signal.MaandenAchterstand, signal.Via, signal.HouseholdId));
        Assert.Equal(byName.Household, await InDbAsync(db => db.Vroegsignalen.Where(s => s.Kenmerk == $"{prefix}-2").Select(s => s.HouseholdId).SingleAsync()));
        Assert.Equal(1, await InDbAsync(db => db.Notifications.CountAsync(n => n.HouseholdId == known.Household)));

        var second = await import.ImportAsync(new StringReader(file), partner, null, default);
        Assert.Equal((0, 0, 3, 3), (second.Gekoppeld, second.TeKoppelen, second.AlOntvangen, second.Afgewezen.Count));
        Assert.Equal(3, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.Kenmerk!.StartsWith(prefix))));
        Assert.Equal(1, await InDbAsync(db => db.Notifications.CountAsync(n => n.HouseholdId == known.Household)));
    }

    [Fact]
    public async Task A_file_without_the_agreed_columns_is_refused_as_a_whole()
    {
        var partnerId = await SignalPartnerAsync(Corporation, SignaalpartnerSoort.Huur);
        Organisation partner = await InDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == partnerId));
        var result = await _app.Services.GetRequiredService<SignalImport>().ImportAsync(new StringReader("kenmerk;bsn;bedrag\nX;999990019;10"), partner, null, default);
        Assert.Equal(0, result.Regels);
        Assert.Equal("De kopregel mist de kolom(men) achternaam, geboortedatum, postcode, huisnummer, telefoon, email, maanden, datum; verwacht: "
            + "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum.", Assert.Single(Assert.Single(result.Afgewezen).Reasons));
    }

    [Fact]
    public async Task Worker_reads_a_monthly_file_in_on_the_page_and_sees_the_rejected_rows()
    {
        var resident = await Given.Resident("Paginabestand");
        var partnerId = await SignalPartnerAsync(Corporation, SignaalpartnerSoort.Huur);
        using var worker = await _app.SignedInClientAsync(Worker);
        var kenmerk = Kenmerk("PAGINA");
        var csv = "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum\n"
            + $"{kenmerk};{resident.Bsn};;;;;;;75,00;1;{Dutch(Today)}\n{kenmerk}-X;;;;;;;;75,00;1;{Dutch(Today)}\n";

        async Task<string> PostAsync(Guid? partner)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(await TestApp.AntiforgeryTokenAsync(worker, "/vroegsignalering/inlezen")), "__RequestVerificationToken" },
                { new StringContent(partner?.ToString() ?? ""), "Partner" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "bestand", "thuis-november.csv" },
            };
            var response = await worker.PostAsync("/vroegsignalering/inlezen", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var refused = await PostAsync(null);
        Assert.Contains("Kies de signaalpartner die het bestand stuurde.", refused);
        Assert.Equal(0, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.Kenmerk == kenmerk)));

        var page = await PostAsync(partnerId);
        Assert.Contains("Woningcorporatie Thuis: 2 regels gelezen.", page);
        Assert.Contains("Nieuw en gekoppeld aan een huishouden: 1. Nieuw, te koppelen met de hand: 0. Al eerder ontvangen: 0. Afgewezen: 1.", page);
        Assert.Contains("Geef het BSN, of anders de achternaam, geboortedatum, postcode en het huisnummer", page);
        Assert.Equal(resident.Household, await InDbAsync(db => db.Vroegsignalen.Where(s => s.Kenmerk == kenmerk).Select(s => s.HouseholdId).SingleAsync()));
        // The trail names the worker who read the file in, not the system.
        var entry = await InDbAsync(db => db.AuditEntries.Where(a => a.Resource == AuditResources.EarlySignal && a.Action == AuditActions.Create
            && a.Detail!.StartsWith("1 vroegsignalen van Woningcorporatie Thuis ingelezen")).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("Yusuf Demir", Roles.Vroegsignalering), (entry.ActorName, entry.Role));
    }

    [Fact]
    public async Task An_amount_from_the_api_is_read_as_the_number_it_is()
    {
        var resident = await Given.Resident("Bedragen");
        using var corporation = await PartnerClientAsync(Corporation);
        var kenmerk = Kenmerk("HUUR");
        await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(kenmerk, resident.Bsn, 1.000m)), HttpStatusCode.Created);
        Assert.Equal(1.00m, await InDbAsync(db => db.Vroegsignalen.Where(s => s.Kenmerk == kenmerk).Select(s => s.Bedrag).SingleAsync()));
        var refused = await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), resident.Bsn, 812.505m)), HttpStatusCode.BadRequest);
        Assert.Equal(SignalRules.AmountInvalidCode, Assert.Single(refused.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(1, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.Bsn == resident.Bsn)));
    }

    [Fact]
    public async Task Worker_cannot_match_a_signal_to_someone_with_another_bsn_nor_twice_at_the_same_moment()
    {
        var first = await Given.Resident("Eersteperson");
        var second = await Given.Resident("Tweedeperson");
        var other = await Given.Resident("Anderbsn");
        using var corporation = await PartnerClientAsync(Corporation);
        // A BSN the registry does not hold: the signal waits.
        var unknownBsn = TestApp.NextBsn();
        var withBsn = (await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), unknownBsn)), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        using var worker = await _app.SignedInClientAsync(Worker);
        var mismatch = await JsonAsync(await worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{withBsn}/koppeling", new { persoonId = other.Person }),
            HttpStatusCode.BadRequest);
        Assert.Equal(SignalRules.BsnMismatchCode, mismatch.GetProperty("errors")[0].GetProperty("code").GetString());

        var withoutBsn = (await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen",
            Signal(Kenmerk("HUUR"), null, achternaam: "Niemand", geboortedatum: "1971-01-01", postcode: NewPostcode(), huisnummer: 1)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var answers = await Task.WhenAll(
            worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{withoutBsn}/koppeling", new { persoonId = first.Person }),
            worker.PostAsJsonAsync($"/api/v1/vroegsignalering/signalen/{withoutBsn}/koppeling", new { persoonId = second.Person }));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True(a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, a.StatusCode.ToString()));
        // Exactly one household got a case, and it holds the signal.
        var cases = await InDbAsync(db => db.Vroegsignaalzaken.Where(z => z.HouseholdId == first.Household || z.HouseholdId == second.Household).ToListAsync());
        var zaak = Assert.Single(cases);
        Assert.Equal(zaak.Id, await InDbAsync(db => db.Vroegsignalen.Where(s => s.Id == withoutBsn).Select(s => s.ZaakId).SingleAsync()));
    }

    [Fact]
    public async Task A_resident_asking_what_Regie_holds_sees_the_signal_about_them()
    {
        var resident = await Given.Resident("Inzagesignaal");
        using var corporation = await PartnerClientAsync(Corporation);
        await JsonAsync(await corporation.PostAsJsonAsync("/api/v1/vroegsignalen", Signal(Kenmerk("HUUR"), resident.Bsn, 433.10m)), HttpStatusCode.Created);
        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await TestApp.InzageAsync(privacy, resident.Bsn));
        Assert.Contains("Signalen van betalingsachterstand (1)", page);
        Assert.Contains($"Woningcorporatie Thuis (Huur), ontvangen {Dutch(Today)}: € 433,10, 2 maanden achterstand", page);
    }
}

/// <summary>Which rule a rejected row's reason comes from, by the start of its message (the file carries messages, not codes).</summary>
internal static class SignalRulesMessages
{
    public const string Amount = "bedrag";
    public const string Date = "datum";

    public static string Kind(string message) => message.StartsWith("Vul het bedrag", StringComparison.Ordinal) ? Amount
        : message.StartsWith("Vul de signaaldatum", StringComparison.Ordinal) ? Date : message;
}
