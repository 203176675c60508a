using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

/// <summary>Issue 23 point 1: the functional admin keeps a provider's AGB code and contract lines, and a decision stays within the contract.</summary>
public sealed class ProviderContractTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Ago(int days) => Today.AddDays(-days).ToString("dd-MM-yyyy");

    private async Task<Guid> ProviderAsync(string name, string? agb = null, string gemeente = TestApp.Gemeentecode)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(gemeente, "test", "Test");
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = gemeente, Name = name, Kind = OrganisationKinds.Partner, AgbCode = agb };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private static async Task<(string? Code, string? Field)> ProblemAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string?)body["code"], (string?)body["errors"]![0]!["field"]);
    }

    [Fact]
    public async Task Admin_sets_changes_and_clears_a_providers_AGB_code_through_the_API()
    {
        var provider = await ProviderAsync("Thuiszorg Api Agb");
        var other = await ProviderAsync("Thuiszorg Api Agb Twee", agb: "98100002");
        var elsewhere = await ProviderAsync("Thuiszorg Buurgemeente", gemeente: "0999");
        using var admin = (await _app.SignedInWithTwoFactorAsync(Roles.Beheerder)).Client;

        var set = await admin.PutAsJsonAsync($"/api/v1/organisations/{provider}/agb-code", new { agbCode = "98 10 00 01" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var answer = JsonNode.Parse(await set.Content.ReadAsStringAsync())!;
        Assert.Equal(("98100001", "Thuiszorg Api Agb", 0), ((string?)answer["agbCode"], (string?)answer["naam"], (int)answer["contractregels"]!));
        Assert.Equal("98100001", await InDbAsync(db => db.Organisations.Where(o => o.Id == provider).Select(o => o.AgbCode).SingleAsync()));

        var invalid = await admin.PutAsJsonAsync($"/api/v1/organisations/{provider}/agb-code", new { agbCode = "00123456" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal((AgbCode.InvalidCode, "agbCode"), await ProblemAsync(invalid));
        var taken = await admin.PutAsJsonAsync($"/api/v1/organisations/{provider}/agb-code", new { agbCode = "98100002" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal((ContractRules.AgbTakenCode, "agbCode"), await ProblemAsync(taken));
        Assert.Equal("98100001", await InDbAsync(db => db.Organisations.Where(o => o.Id == provider).Select(o => o.AgbCode).SingleAsync()));

        var cleared = await admin.PutAsJsonAsync($"/api/v1/organisations/{provider}/agb-code", new { agbCode = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(await InDbAsync(db => db.Organisations.Where(o => o.Id == provider).Select(o => o.AgbCode).SingleAsync()));
        var trail = await InDbAsync(db => db.AuditEntries.Where(a => a.Resource == AuditResources.Organisation && a.Detail!.StartsWith("AGB-code van Thuiszorg Api Agb:"))
            .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal(["AGB-code van Thuiszorg Api Agb: 98100001", "AGB-code van Thuiszorg Api Agb: geen"], trail);

        // Another municipality's organisation, an unknown one, and the API for another role.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/organisations/{elsewhere}/agb-code", new { agbCode = "98100003" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/organisations/{Guid.NewGuid()}/agb-code", new { agbCode = "98100003" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/organisations/{elsewhere}/contracts")).StatusCode);
        using var worker = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/v1/organisations/{other}/agb-code", new { agbCode = "98100004" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/organisations/{other}/contracts")).StatusCode);
        Assert.Equal("98100002", await InDbAsync(db => db.Organisations.Where(o => o.Id == other).Select(o => o.AgbCode).SingleAsync()));
    }

    [Fact]
    public async Task Admin_adds_and_removes_contract_lines_through_the_API()
    {
        var provider = await ProviderAsync("Jeugdhulp Api Contract", agb: "98200001");
        var other = await ProviderAsync("Jeugdhulp Api Contract Twee");
        using var admin = (await _app.SignedInWithTwoFactorAsync(Roles.Beheerder)).Client;
        var url = $"/api/v1/organisations/{provider}/contracts";

        var added = await admin.PostAsJsonAsync(url, new { kader = "Jeugdwet", categorie = "45" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var line = JsonNode.Parse(await added.Content.ReadAsStringAsync())!;
        Assert.Equal(("Jeugdwet", "45", "Jeugdhulp ambulant", null), ((string?)line["kader"], (string?)line["categorie"], (string?)line["categorieNaam"], (string?)line["productcode"]));
        var withCode = await admin.PostAsJsonAsync(url, new { kader = "Jeugdwet", categorie = "45", productcode = "45a12" });
        Assert.Equal(HttpStatusCode.Created, withCode.StatusCode);
        Assert.Equal("45A12", (string?)JsonNode.Parse(await withCode.Content.ReadAsStringAsync())!["productcode"]);

        Assert.Equal((ContractRules.DuplicateCode, "categorie"), await ProblemAsync(await admin.PostAsJsonAsync(url, new { kader = "Jeugdwet", categorie = "45" })));
        Assert.Equal((ContractRules.CategoryInvalidCode, "categorie"), await ProblemAsync(await admin.PostAsJsonAsync(url, new { kader = "Wmo2015", categorie = "45" })));
        Assert.Equal((ContractRules.FrameworkInvalidCode, "kader"), await ProblemAsync(await admin.PostAsJsonAsync(url, new { kader = "Participatiewet", categorie = "01" })));
        Assert.Equal((ContractRules.ProductCodeInvalidCode, "productcode"),
            await ProblemAsync(await admin.PostAsJsonAsync(url, new { kader = "Jeugdwet", categorie = "45", productcode = "TE-LANG" })));

        var view = JsonNode.Parse(await admin.GetStringAsync(url))!;
        Assert.Equal("98200001", (string?)view["agbCode"]);
        var lines = view["contracten"]!.AsArray();
        Assert.Equal([null, "45A12"], lines.Select(l => (string?)l!["productcode"]));

        var id = (Guid)lines[0]!["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/organisations/{other}/contracts/{id}")).StatusCode);
        using var worker = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync(url, new { kader = "Jeugdwet", categorie = "43" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(["45A12"], await InDbAsync(db => db.ProviderContracts.Where(c => c.OrganisationId == provider).Select(c => c.ProductCode).ToListAsync()));
        var trail = await InDbAsync(db => db.AuditEntries.Where(a => a.Resource == AuditResources.Organisation && a.Detail!.Contains("contract van Jeugdhulp Api Contract:"))
            .OrderBy(a => a.Id).Select(a => a.Action + " " + a.Detail).ToListAsync());
        Assert.Equal([$"{AuditActions.Create} contract van Jeugdhulp Api Contract: Jeugdwet 45 Jeugdhulp ambulant",
            $"{AuditActions.Create} contract van Jeugdhulp Api Contract: Jeugdwet 45 Jeugdhulp ambulant, productcode 45A12"], trail);
    }

    [Fact]
    public async Task Admin_keeps_the_AGB_code_and_contracts_on_the_page_without_javascript()
    {
        var provider = await ProviderAsync("Zorgboerderij Pagina");
        await ProviderAsync("Zorgboerderij Pagina Twee", agb: "98300002");
        using var admin = (await _app.SignedInWithTwoFactorAsync(Roles.Beheerder)).Client;
        var page = $"/beheer/aanbieders/{provider}";
        Assert.Contains($"href=\"/beheer/aanbieders/{provider}\"", await admin.GetStringAsync("/beheer/aanbieders"), StringComparison.Ordinal);

        var wrong = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Agb.AgbCode"] = "1234" }, $"{page}?handler=Agb");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Een AGB-code bestaat uit acht cijfers en begint niet met 00", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var taken = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Agb.AgbCode"] = "98300002" }, $"{page}?handler=Agb");
        Assert.Contains("AGB-code 98300002 hoort al bij Zorgboerderij Pagina Twee.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Agb.AgbCode"] = "98300001" }, $"{page}?handler=Agb");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("De AGB-code is nu 98300001.", await admin.GetStringAsync(page), StringComparison.Ordinal);

        var badLine = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Contract.Kader"] = "Wmo2015", ["Contract.Categorie"] = "99" }, $"{page}?handler=Contract");
        Assert.Contains("Kies een productcategorie uit WMO020", await badLine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var line = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Contract.Kader"] = "Wmo2015", ["Contract.Categorie"] = "07" }, $"{page}?handler=Contract");
        Assert.Equal(HttpStatusCode.Redirect, line.StatusCode);
        var html = await admin.GetStringAsync(page);
        Assert.Contains("De contractregel is toegevoegd.", html, StringComparison.Ordinal);
        Assert.Contains("07 Dagbesteding", html, StringComparison.Ordinal);
        var id = await InDbAsync(db => db.ProviderContracts.Where(c => c.OrganisationId == provider).Select(c => c.Id).SingleAsync());
        var removed = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["contractId"] = id.ToString() }, $"{page}?handler=Verwijder");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await InDbAsync(db => db.ProviderContracts.AnyAsync(c => c.OrganisationId == provider)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/beheer/aanbieders/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<CommandResult<Guid>> DecideAsync(Guid person, string framework, string category, Guid provider)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Systeem");
        var user = await sp.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == "consulent@voorbeeld.nl");
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, user.Id, user.DisplayName, Roles.Consulent, user.TeamId);
        var application = await sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(
            new ApplicationInput { PersoonId = person, Kader = framework, Gevraagd = "Ondersteuning thuis", Aanvraagdatum = Ago(2) }, default);
        Assert.True(application.IsOk, string.Join("; ", application.Errors.Select(e => e.Code)));
        return await sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(application.Value, new DecisionInput
        {
            Uitkomst = "Toegekend", Motivering = "Uit het onderzoek blijkt dat deze ondersteuning nodig is en het netwerk haar niet kan geven.",
            Producten =
            [
                new ProductInput
                {
                    Categorie = category, Omvang = 2, Eenheid = "04", Frequentie = "2", Van = Ago(0), Tot = Today.AddMonths(6).ToString("dd-MM-yyyy"), AanbiederId = provider,
                },
            ],
        }, default);
    }

    [Fact]
    public async Task A_decision_for_a_provider_with_an_AGB_code_must_stay_within_its_contract()
    {
        var (_, person, _) = await Given.Resident("Contractregel", "Anna", birthDate: "12-03-1950");
        var provider = await ProviderAsync("Thuiszorg Beslissing", agb: "98400001");
        var withoutAgb = await ProviderAsync("Thuiszorg Zonder Agb");
        await using (var scope = _app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheer", "Beheer", Roles.Beheerder);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.Providers.AddContractHandler>()
                .HandleAsync(provider, new Regie.Web.Features.Providers.ContractInput { Kader = "Wmo2015", Categorie = "02" }, default)).IsOk);
        }
        var decisionsBefore = await InDbAsync(db => db.Decisions.CountAsync());

        var refused = await DecideAsync(person, "Wmo2015", "01", provider);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((ContractRules.ProductNotContractedCode, "Producten[0].AanbiederId"), (error.Code, error.Field));
        Assert.Contains("geen contract voor productcategorie 01 Hulp bij het huishouden (Wmo 2015)", error.Message, StringComparison.Ordinal);
        // The same category under the other framework is no contract either.
        Assert.Equal(ContractRules.ProductNotContractedCode, Assert.Single((await DecideAsync(person, "Jeugdwet", "45", provider)).Errors).Code);
        Assert.Equal(decisionsBefore, await InDbAsync(db => db.Decisions.CountAsync()));

        Assert.True((await DecideAsync(person, "Wmo2015", "02", provider)).IsOk);
        // A provider without an AGB code takes no part in the exchange and is not checked.
        Assert.True((await DecideAsync(person, "Wmo2015", "01", withoutAgb)).IsOk);
        Assert.Equal(decisionsBefore + 2, await InDbAsync(db => db.Decisions.CountAsync()));
    }

    [Fact]
    public async Task The_decide_route_names_the_contract_code_and_answers_it_at_the_field()
    {
        var (_, person, _) = await Given.Resident("Contractroute", "Bert", birthDate: "02-05-1948");
        var provider = await ProviderAsync("Thuiszorg Route", agb: "98400002");
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var created = await desk.PostAsJsonAsync("/api/v1/applications", new { persoonId = person, kader = "Wmo2015", gevraagd = "Hulp bij het huishouden", aanvraagdatum = Ago(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (Guid)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var decided = await desk.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new
        {
            uitkomst = "Toegekend", motivering = "Uit het onderzoek blijkt dat hulp bij het huishouden nodig is.", versie = 0,
            producten = new[] { new { categorie = "01", omvang = 3, eenheid = "04", frequentie = "2", van = Ago(0), tot = Today.AddMonths(6).ToString("dd-MM-yyyy"), aanbiederId = provider } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, decided.StatusCode);
        Assert.Equal((ContractRules.ProductNotContractedCode, "producten[0].aanbiederId"), await ProblemAsync(decided));
        var doc = await _app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains(ContractRules.ProductNotContractedCode, doc, StringComparison.Ordinal);
    }
}
