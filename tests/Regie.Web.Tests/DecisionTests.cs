using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Applications for custom provisions and their beschikkingen: terms, decisions, the letter, the own-employer mark.</summary>
public sealed class DecisionTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private Given Given { get; } = new(fixture.App);
    private static string Ago(int days) => Today.AddDays(-days).ToString("dd-MM-yyyy");

    private async Task<(Guid Household, Guid Person, string Bsn)> ResidentAsync(string name)
    {
        var (id, person, bsn) = await Given.Resident(name, "Anna", birthDate: "12-03-1948");
        return (id, person, bsn);
    }

    /// <summary>A scope acting as a demo user with their real role, team and employer.</summary>
    private async Task<AsyncServiceScope> AsUserAsync(string email, string role)
    {
        var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Systeem");
        var user = await sp.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, user.Id, user.DisplayName, role, user.TeamId);
        return scope;
    }

    private async Task<T> AsDesk<T>(Func<UseCases, Task<T>> act)
    {
        await using var scope = await AsUserAsync("consulent@voorbeeld.nl", Roles.Consulent);
        return await act(new UseCases(scope.ServiceProvider));
    }

    /// <summary>The area's use cases and reads as one user calls them, so a test reads as the steps the consulent takes.</summary>
    private sealed class UseCases(IServiceProvider sp)
    {
        private DecisionQueries Queries => sp.GetRequiredService<DecisionQueries>();
        public Task<CommandResult<Guid>> RegisterAsync(ApplicationInput input, CancellationToken ct) => sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(input, ct);
        public Task<CommandResult<int>> ReceiveAsync(Guid id, ReceiveInput input, CancellationToken ct) => sp.GetRequiredService<ReceiveApplicationHandler>().HandleAsync(id, input, ct);
        public Task<CommandResult<int>> ExtendAsync(Guid id, ExtendInput input, CancellationToken ct) => sp.GetRequiredService<ExtendDecisionTermHandler>().HandleAsync(id, input, ct);
        public Task<CommandResult<int>> WithdrawAsync(Guid id, WithdrawInput input, CancellationToken ct) => sp.GetRequiredService<WithdrawApplicationHandler>().HandleAsync(id, input, ct);
        public Task<CommandResult<Guid>> DecideAsync(Guid id, DecisionInput input, CancellationToken ct) => sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(id, input, ct);
        public Task<CommandResult<int>> SaveTermsAsync(TermsInput input, CancellationToken ct) => sp.GetRequiredService<SetLegalTermsHandler>().HandleAsync(input, ct);
        public Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct) => Queries.GetAsync(id, ct);
        public Task<IReadOnlyList<ApplicationRow>> ForHouseholdAsync(Guid household, CancellationToken ct) => Queries.ForHouseholdAsync(household, ct);
        public Task<(IReadOnlyList<ApplicationRow> Open, IReadOnlyList<ApplicationRow> Decided)> WorklistAsync(bool mineOnly, Regie.Domain.Care.LegalFramework? framework, CancellationToken ct) =>
            Queries.WorklistAsync(mineOnly, framework, ct);
        public Task<int> TermsVersionAsync(CancellationToken ct) => Queries.TermsVersionAsync(ct);
    }

    private async Task<Guid> ProviderAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static ProductInput HouseholdHelp(Guid? provider, string cost = "3.300,00") => new()
    {
        Categorie = "01", Omvang = 3, Eenheid = "04", Frequentie = "2", Van = Ago(0), Tot = Today.AddYears(1).AddDays(-1).ToString("dd-MM-yyyy"),
        AanbiederId = provider, GeschatteKosten = cost,
    };

    /// <summary>The letter's text with its line breaks as spaces: wrapping depends on the font, the wording does not.</summary>
    private static string Flat(byte[] pdf) => System.Text.RegularExpressions.Regex.Replace(string.Join(" ", PdfText.Pages(pdf)), @"\s+", " ");

    private const string Reasoning = "Uit het onderzoek blijkt dat mevrouw door haar artrose het huis niet zelf kan schoonhouden en dat haar netwerk dit niet kan overnemen.";

    private async Task<JsonElement> EventDataAsync(Guid household, string type)
    {
        await using var scope = _app.Scope();
        var data = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type == type).OrderByDescending(e => e.Id).Select(e => e.Data).FirstAsync();
        return JsonDocument.Parse(data!).RootElement;
    }

    [Fact]
    public async Task Consulent_turns_a_Wmo_report_into_an_application_and_decides_it_in_time_with_a_letter()
    {
        var (household, person, bsn) = await ResidentAsync("Melding");
        var provider = await ProviderAsync("Zorgaanbieder De Brug");
        var id = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Hulp bij het huishouden", Meldingsdatum = Ago(20) }, default))).Value;

        var report = (await AsDesk(h => h.GetAsync(id, default)))!;
        Assert.Equal(ApplicationStatus.Melding, report.Status);
        Assert.Equal(person, report.PersoonId);
        Assert.Equal(Today.AddDays(-20 + 42), report.OnderzoekUiterlijk);
        Assert.Equal("Onderzoek", report.Termijn!.Stap);
        Assert.Equal(DecisionRules.NotReceivedCode,
            (await AsDesk(h => h.DecideAsync(id, new DecisionInput { Uitkomst = "Afgewezen", Motivering = Reasoning }, default))).Errors[0].Code);

        Assert.True((await AsDesk(h => h.ReceiveAsync(id, new ReceiveInput { Aanvraagdatum = Ago(3), OnderzoekAfgerond = Ago(4), Versie = report.Versie }, default))).IsOk);
        var application = (await AsDesk(h => h.GetAsync(id, default)))!;
        Assert.Equal(Today.AddDays(-3 + 14), application.BeslissenUiterlijk);
        var received = await EventDataAsync(household, EventTypes.ApplicationReceived);
        Assert.Equal(id, received.GetProperty("aanvraag").GetGuid());
        Assert.Equal("Wmo2015", received.GetProperty("kader").GetString());

        var decided = await AsDesk(h => h.DecideAsync(id, new DecisionInput
        {
            Uitkomst = "Toegekend", Motivering = Reasoning, Versie = application.Versie, Producten = [HouseholdHelp(provider), new ProductInput()],
        }, default));
        Assert.True(decided.IsOk, string.Join("; ", decided.Errors.Select(e => e.Code)));
        var done = (await AsDesk(h => h.GetAsync(id, default)))!;
        Assert.Equal(ApplicationStatus.Beslist, done.Status);
        Assert.True(done.OpTijd);
        var product = Assert.Single(done.Beschikking!.Producten);
        Assert.Equal("3 uur per week", product.OmvangTekst);
        Assert.Equal("Zorgaanbieder De Brug", product.Aanbieder);
        Assert.Equal(3300.00m, done.Beschikking.GeschatteKosten);

        var taken = await EventDataAsync(household, EventTypes.DecisionTaken);
        Assert.Equal(["aanvraag", "beschikking", "kader", "uitkomst", "productcategorie", "specialistisch", "geschatteKosten", "eigenWerkgever"],
            taken.EnumerateObject().Select(p => p.Name));
        Assert.Equal(decided.Value, taken.GetProperty("beschikking").GetGuid());
        Assert.Equal("toegekend", taken.GetProperty("uitkomst").GetString());
        Assert.Equal("01", taken.GetProperty("productcategorie").GetString());
        Assert.True(taken.GetProperty("specialistisch").GetBoolean());
        Assert.Equal(3300.00m, taken.GetProperty("geschatteKosten").GetDecimal());
        Assert.False(taken.GetProperty("eigenWerkgever").GetBoolean());

        await using var scope = await AsUserAsync("consulent@voorbeeld.nl", Roles.Consulent);
        var letter = await scope.ServiceProvider.GetRequiredService<DecisionLetter>().CreateAsync(id, default);
        var text = Flat(letter!.Content);
        Assert.Contains("Beschikking: toegekend", text, StringComparison.Ordinal);
        Assert.Contains("Anna Melding", text, StringComparison.Ordinal);
        Assert.Contains("Hulp bij het huishouden (01)", text, StringComparison.Ordinal);
        Assert.Contains("3 uur per week", text, StringComparison.Ordinal);
        Assert.Contains("Zorgaanbieder De Brug", text, StringComparison.Ordinal);
        Assert.Contains("artrose", text, StringComparison.Ordinal);
        Assert.Contains("binnen 6 weken", text, StringComparison.Ordinal);
        Assert.Contains("2.3.5 (beslissing op de aanvraag)", text, StringComparison.Ordinal);
        Assert.Contains("Peter Smit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("niet binnen de wettelijke termijn", text, StringComparison.Ordinal);
        // The same decision gives the same letter.
        var again = await scope.ServiceProvider.GetRequiredService<DecisionLetter>().CreateAsync(id, default);
        Assert.Equal(text, Flat(again!.Content));
    }

    [Fact]
    public async Task A_late_application_is_flagged_first_on_the_worklist_and_stays_late_after_its_decision()
    {
        var (lateHousehold, _, lateBsn) = await ResidentAsync("Laat");
        var (_, _, soonBsn) = await ResidentAsync("Bijna");
        var late = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = lateBsn, Kader = "Jeugdwet", Gevraagd = "Ambulante jeugdhulp", Aanvraagdatum = Ago(60) }, default))).Value;
        var soon = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = soonBsn, Kader = "Wmo2015", Gevraagd = "Begeleiding", Aanvraagdatum = Ago(12) }, default))).Value;

        var (open, _) = await AsDesk(h => h.WorklistAsync(false, null, default));
        var lateRow = open.Single(r => r.Id == late);
        Assert.True(lateRow.Termijn!.Status.Late);
        Assert.Equal(Today.AddDays(-60 + 57), lateRow.Termijn.Status.LateSince);
        var soonRow = open.Single(r => r.Id == soon);
        Assert.False(soonRow.Termijn!.Status.Late);
        Assert.True(soonRow.Termijn.Status.DueSoon);
        Assert.Equal(2, soonRow.Termijn.Status.DaysLeft);
        Assert.True(open.ToList().IndexOf(lateRow) < open.ToList().IndexOf(soonRow));

        // The household's file shows the late application too.
        await using (var scope = _app.Scope())
            Assert.True(Assert.Single(await new UseCases(scope.ServiceProvider).ForHouseholdAsync(lateHousehold, default)).Termijn!.Status.Late);

        Assert.True((await AsDesk(h => h.DecideAsync(late, new DecisionInput
        {
            Uitkomst = "Toegekend", Motivering = Reasoning,
            Producten = [new ProductInput { Categorie = "45", Omvang = 2, Eenheid = "04", Frequentie = "2", Van = Ago(0), Tot = Today.AddMonths(6).ToString("dd-MM-yyyy") }],
        }, default))).IsOk);
        var (_, decided) = await AsDesk(h => h.WorklistAsync(false, null, default));
        Assert.False(decided.Single(r => r.Id == late).OpTijd);
        var view = (await AsDesk(h => h.GetAsync(late, default)))!;
        Assert.True(view.Termijn!.Status.Late);
        Assert.False((await EventDataAsync(lateHousehold, EventTypes.DecisionTaken)).GetProperty("specialistisch").GetBoolean());
        await using var s = await AsUserAsync("consulent@voorbeeld.nl", Roles.Consulent);
        var text = Flat((await s.ServiceProvider.GetRequiredService<DecisionLetter>().CreateAsync(late, default))!.Content);
        Assert.Contains("niet binnen de wettelijke termijn", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_decisions_are_refused_with_their_codes_and_nothing_is_saved()
    {
        var (household, _, bsn) = await ResidentAsync("Fout");
        var id = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Scootmobiel", Aanvraagdatum = Ago(2) }, default))).Value;

        async Task<string[]> Codes(DecisionInput input) => (await AsDesk(h => h.DecideAsync(id, input, default))).Errors.Select(e => e.Code).ToArray();
        Assert.Equal([DecisionRules.ReasoningRequiredCode], await Codes(new DecisionInput { Uitkomst = "Afgewezen", Motivering = "Nee." }));
        Assert.Equal([DecisionRules.ProductsRequiredCode], await Codes(new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning }));
        Assert.Equal([DecisionRules.OutcomeInvalidCode], await Codes(new DecisionInput { Uitkomst = "Misschien", Motivering = Reasoning }));
        var bad = HouseholdHelp(Guid.NewGuid(), cost: "veel");
        bad.Categorie = "45";
        bad.Eenheid = "99";
        Assert.Equal([DecisionRules.CostInvalidCode, DecisionRules.CategoryInvalidCode, DecisionRules.UnitInvalidCode, DecideApplicationHandler.ProviderUnknownCode],
            await Codes(new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [bad] }));
        var errors = (await AsDesk(h => h.DecideAsync(id, new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [bad] }, default))).Errors;
        Assert.Contains(errors, e => e.Field == "Producten[0].Eenheid");

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.False(await db.Decisions.AnyAsync(d => d.ApplicationId == id));
            Assert.False(await db.HouseholdEvents.AnyAsync(e => e.HouseholdId == household && e.Type == EventTypes.DecisionTaken));
            Assert.Equal(ApplicationStatus.InBehandeling, (await db.ProvisionApplications.SingleAsync(a => a.Id == id)).Status);
        }

        Assert.True((await AsDesk(h => h.DecideAsync(id, new DecisionInput { Uitkomst = "Afgewezen", Motivering = Reasoning }, default))).IsOk);
        Assert.Equal([DecisionRules.AlreadyDecidedCode], await Codes(new DecisionInput { Uitkomst = "Afgewezen", Motivering = Reasoning }));
        var refused = await EventDataAsync(household, EventTypes.DecisionTaken);
        Assert.Equal("afgewezen", refused.GetProperty("uitkomst").GetString());
        Assert.False(refused.GetProperty("specialistisch").GetBoolean());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("geschatteKosten").ValueKind);

        var registration = await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = "123456789", Kader = "Wmo", Gevraagd = "" }, default));
        Assert.Equal(["bsn-invalid", Regie.Domain.Care.LegalFrameworks.InvalidCode, "text-required"], registration.Errors.Select(e => e.Code));
        var notYet = await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Jeugdwet", Gevraagd = "Jeugdhulp", Meldingsdatum = Ago(1) }, default));
        Assert.Equal(DecisionRules.NotAReportCode, notYet.Errors[0].Code);
        var future = await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Jeugdwet", Gevraagd = "Jeugdhulp", Aanvraagdatum = Ago(-3) }, default));
        Assert.Equal(DecisionRules.DateInFutureCode, future.Errors[0].Code);
    }

    [Fact]
    public async Task A_decision_towards_the_deciders_own_employer_is_marked_in_the_decision_and_the_event()
    {
        var (household, person, _) = await ResidentAsync("Eigen");
        var brug = await ProviderAsync("Zorgaanbieder De Brug");
        var other = await ProviderAsync("Stichting Sociaal Werk Voorbeeld");
        Guid own, notOwn;
        // Koen Verhoeven is seconded to Wijkteam Zuid by De Brug.
        await using (var scope = await AsUserAsync("regisseur.zuid@voorbeeld.nl", Roles.Professional))
        {
            var h = new UseCases(scope.ServiceProvider);
            own = (await h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Wmo2015", Gevraagd = "Begeleiding", Aanvraagdatum = Ago(1) }, default)).Value;
            notOwn = (await h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Wmo2015", Gevraagd = "Dagbesteding", Aanvraagdatum = Ago(1) }, default)).Value;
            var begeleiding = HouseholdHelp(brug);
            begeleiding.Categorie = "02";
            Assert.True((await h.DecideAsync(own, new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [begeleiding] }, default)).IsOk);
            var dagbesteding = HouseholdHelp(other);
            dagbesteding.Categorie = "07";
            Assert.True((await h.DecideAsync(notOwn, new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [dagbesteding] }, default)).IsOk);
        }
        var marked = (await AsDesk(h => h.GetAsync(own, default)))!.Beschikking!;
        Assert.True(marked.EigenWerkgever);
        Assert.True(Assert.Single(marked.Producten).EigenWerkgever);
        Assert.False((await AsDesk(h => h.GetAsync(notOwn, default)))!.Beschikking!.EigenWerkgever);

        await using var s = _app.Scope();
        var events = await s.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type == EventTypes.DecisionTaken).OrderBy(e => e.Id).Select(e => e.Data!).ToListAsync();
        Assert.Equal([true, false], events.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("eigenWerkgever").GetBoolean()));
    }

    [Fact]
    public async Task Specialist_youth_care_carries_its_estimated_cost_to_the_event_log()
    {
        var (household, person, _) = await ResidentAsync("Verblijf");
        var id = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Jeugdwet", Gevraagd = "Behandelgroep", Aanvraagdatum = Ago(10) }, default))).Value;
        Assert.True((await AsDesk(h => h.DecideAsync(id, new DecisionInput
        {
            Uitkomst = "DeelsToegekend", Motivering = Reasoning,
            Producten = [new ProductInput { Categorie = "43", Omvang = 1, Eenheid = "14", Frequentie = "1", Van = Ago(0), Tot = Today.AddMonths(6).ToString("dd-MM-yyyy"), GeschatteKosten = "16.000,00" }],
        }, default))).IsOk);
        var data = await EventDataAsync(household, EventTypes.DecisionTaken);
        Assert.Equal("deels", data.GetProperty("uitkomst").GetString());
        Assert.Equal("43", data.GetProperty("productcategorie").GetString());
        Assert.True(data.GetProperty("specialistisch").GetBoolean());
        Assert.Equal(16000.00m, data.GetProperty("geschatteKosten").GetDecimal());
        Assert.Equal("Jeugdwet", data.GetProperty("kader").GetString());
    }

    [Fact]
    public async Task The_decision_term_is_extended_once_with_a_reason_before_it_ends()
    {
        var (_, person, _) = await ResidentAsync("Verdaagd");
        var id = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Jeugdwet", Gevraagd = "Pleegzorg", Aanvraagdatum = Ago(50) }, default))).Value;
        var before = (await AsDesk(h => h.GetAsync(id, default)))!;
        Assert.Equal(Today.AddDays(6), before.BeslissenUiterlijk);
        Assert.Equal(DecisionRules.ExtensionReasonCode,
            (await AsDesk(h => h.ExtendAsync(id, new ExtendInput { Weken = 4, Reden = "", Versie = before.Versie }, default))).Errors[0].Code);
        Assert.True((await AsDesk(h => h.ExtendAsync(id, new ExtendInput { Weken = 4, Reden = "Wij wachten op het advies van de jeugdarts.", Versie = before.Versie }, default))).IsOk);
        var after = (await AsDesk(h => h.GetAsync(id, default)))!;
        Assert.Equal(Today.AddDays(34), after.BeslissenUiterlijk);
        Assert.Equal(DecisionRules.ExtensionTwiceCode,
            (await AsDesk(h => h.ExtendAsync(id, new ExtendInput { Weken = 2, Reden = "Nog meer advies nodig van de arts.", Versie = after.Versie }, default))).Errors[0].Code);
        // A stale form is a conflict, not a silent overwrite.
        Assert.Equal("concurrency-conflict",
            (await AsDesk(h => h.WithdrawAsync(id, new WithdrawInput { Reden = "Gezin verhuist", Versie = before.Versie }, default))).Errors[0].Code);
    }

    [Fact]
    public async Task A_team_member_sees_the_applications_of_households_they_may_open_and_the_desk_sees_all()
    {
        // A household held by Wijkteam Zuid: Fatima of Wijkteam Noord may not open it.
        var (household, person) = await Given.Resident("Zuid", "Bram", team: Given.Zuid);
        var id = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Participatiewet", Gevraagd = "Loonkostensubsidie", Aanvraagdatum = Ago(1) }, default))).Value;
        await using (var scope = await AsUserAsync("regisseur@voorbeeld.nl", Roles.Professional))
        {
            var h = new UseCases(scope.ServiceProvider);
            Assert.Null(await h.GetAsync(id, default));
            Assert.Empty(await h.ForHouseholdAsync(household, default));
            Assert.DoesNotContain((await h.WorklistAsync(false, null, default)).Open, r => r.Id == id);
            Assert.Equal("not-found", (await h.DecideAsync(id, new DecisionInput { Uitkomst = "Afgewezen", Motivering = Reasoning }, default)).Errors[0].Code);
            Assert.Equal("not-found", (await h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Wmo2015", Gevraagd = "Hulp", Aanvraagdatum = Ago(0) }, default)).Errors[0].Code);
        }
        await using (var scope = await AsUserAsync("regisseur.zuid@voorbeeld.nl", Roles.Professional))
            Assert.NotNull(await new UseCases(scope.ServiceProvider).GetAsync(id, default));
        Assert.NotNull(await AsDesk(h => h.GetAsync(id, default)));
    }

    [Fact]
    public async Task Administrator_shortens_a_term_and_only_applications_received_afterwards_get_it()
    {
        var (_, person, _) = await ResidentAsync("Termijn");
        var before = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Participatiewet", Gevraagd = "Bijzondere bijstand", Aanvraagdatum = Ago(0) }, default))).Value;
        await using (var scope = await AsUserAsync("beheerder@voorbeeld.nl", Roles.Beheerder))
        {
            var h = new UseCases(scope.ServiceProvider);
            var version = await h.TermsVersionAsync(default);
            var tooLong = await h.SaveTermsAsync(new TermsInput { WmoInvestigationWeeks = 6, WmoDecisionWeeks = 3, JeugdwetWeeks = 8, ParticipatiewetWeeks = 4, WgsWeeks = 8, MaxExtensionWeeks = 6, DueSoonDays = 5, Versie = version }, default);
            Assert.Equal(DecisionTerms.WeeksInvalidCode, Assert.Single(tooLong.Errors).Code);
            Assert.True((await h.SaveTermsAsync(new TermsInput { WmoInvestigationWeeks = 6, WmoDecisionWeeks = 2, JeugdwetWeeks = 8, ParticipatiewetWeeks = 4, WgsWeeks = 8, MaxExtensionWeeks = 6, DueSoonDays = 5, Versie = version }, default)).IsOk);
        }
        try
        {
            var after = (await AsDesk(h => h.RegisterAsync(new ApplicationInput { PersoonId = person, Kader = "Participatiewet", Gevraagd = "Bijzondere bijstand", Aanvraagdatum = Ago(0) }, default))).Value;
            Assert.Equal(Today.AddDays(56), (await AsDesk(h => h.GetAsync(before, default)))!.BeslissenUiterlijk);
            Assert.Equal(Today.AddDays(28), (await AsDesk(h => h.GetAsync(after, default)))!.BeslissenUiterlijk);
        }
        finally
        {
            await using var scope = await AsUserAsync("beheerder@voorbeeld.nl", Roles.Beheerder);
            var h = new UseCases(scope.ServiceProvider);
            Assert.True((await h.SaveTermsAsync(new TermsInput { WmoInvestigationWeeks = 6, WmoDecisionWeeks = 2, JeugdwetWeeks = 8, ParticipatiewetWeeks = 8, WgsWeeks = 8, MaxExtensionWeeks = 6, DueSoonDays = 5, Versie = await h.TermsVersionAsync(default) }, default)).IsOk);
        }
    }

    [Fact]
    public async Task Desk_registers_and_decides_through_the_API_and_partners_are_kept_out()
    {
        var (_, _, bsn) = await ResidentAsync("Api");
        using var client = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var created = await client.PostAsJsonAsync("/api/v1/applications", new { bsn, kader = "Wmo2015", gevraagd = "Woningaanpassing", aanvraagdatum = Ago(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await client.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { uitkomst = "Toegekend", motivering = Reasoning });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DecisionRules.ProductsRequiredCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var decided = await client.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new
        {
            uitkomst = "Toegekend", motivering = Reasoning,
            producten = new[] { new { categorie = "13", omvang = 1, eenheid = "82", frequentie = "6", van = Ago(0), tot = Today.AddMonths(3).ToString("dd-MM-yyyy"), geschatteKosten = "4250.50" } },
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("Beslist", view.GetProperty("status").GetString());
        Assert.Equal(4250.50m, view.GetProperty("beschikking").GetProperty("geschatteKosten").GetDecimal());
        var letter = await client.GetAsync($"/api/v1/applications/{id}/decision/letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Woonvoorzieningen", Flat(await letter.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/code-lists/WMO020");
        Assert.Equal(18, list.GetProperty("entries").GetArrayLength());

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        var page = await partner.GetAsync($"/aanvragen/{id}/beschikking.pdf");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/geen-toegang", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desk_registering_an_application_received_in_year_one_is_refused_on_the_application_date_and_nothing_is_saved()
    {
        var (_, person, bsn) = await ResidentAsync("Jaareen");
        var refused = await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Jeugdwet", Gevraagd = "Jeugdhulp", Aanvraagdatum = "01-01-0001" }, default));

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((Regie.Domain.Common.DateRules.TooEarlyCode, "Aanvraagdatum"), (error.Code, error.Field));
        Assert.Equal($"De datum van de aanvraag (01-01-0001) ligt meer dan 20 jaar terug. Kies een datum vanaf {Today.AddYears(-20):dd-MM-yyyy}; controleer het jaar.", error.Message);
        await using (var scope = _app.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ProvisionApplications.AnyAsync(a => a.PersonId == person));

        // A Wmo report of twenty years and a day ago is as implausible; one of today is registered.
        var report = await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Begeleiding", Meldingsdatum = Today.AddYears(-20).AddDays(-1).ToString("dd-MM-yyyy") }, default));
        Assert.Equal([(Regie.Domain.Common.DateRules.TooEarlyCode, "Meldingsdatum")], report.Errors.Select(e => (e.Code, e.Field)));
        Assert.True((await AsDesk(h => h.RegisterAsync(new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Begeleiding", Meldingsdatum = Ago(0) }, default))).IsOk);
    }
}
