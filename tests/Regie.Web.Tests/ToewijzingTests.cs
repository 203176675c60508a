using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Berichten;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Toewijzingen;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;

namespace Regie.Web.Tests;

/// <summary>Decisions that travel: a granted product for a provider becomes a numbered assignment and a 301 that validates against the iWmo/iJw XSD.</summary>
public sealed class ToewijzingTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int offset) => Today.AddDays(offset).ToString("dd-MM-yyyy");
    private Given Given { get; } = new(fixture.App);
    private const string Reasoning = "Uit het onderzoek blijkt dat de inwoner hulp nodig heeft die het netwerk niet kan bieden, voor de duur van een jaar.";

    private async Task<AsyncServiceScope> AsAsync(string email, string role, string gemeentecode = TestApp.Gemeentecode)
    {
        var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Systeem");
        var user = await sp.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        sp.GetRequiredService<CurrentUser>().ActAs(gemeentecode, user.Id, user.DisplayName, role, user.TeamId);
        return scope;
    }

    private async Task<T> AsDesk<T>(Func<IServiceProvider, Task<T>> act, string gemeentecode = TestApp.Gemeentecode)
    {
        await using var scope = await AsAsync("consulent@voorbeeld.nl", Roles.Consulent, gemeentecode);
        return await act(scope.ServiceProvider);
    }

    /// <summary>A partner organisation of the test municipality, made a provider with <paramref name="agb"/> (null: without one).</summary>
    private async Task<Guid> ProviderAsync(string name, string? agb)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name);
        if (org is null)
        {
            org = new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = name, Kind = OrganisationKinds.Partner };
            db.Organisations.Add(org);
        }
        org.AgbCode = agb;
        await db.SaveChangesAsync();
        // Its contract covers what the tests decide.
        foreach (var (framework, category) in new[] { (Regie.Domain.Care.LegalFramework.Wmo2015, "01"), (Regie.Domain.Care.LegalFramework.Wmo2015, "02"), (Regie.Domain.Care.LegalFramework.Jeugdwet, "45") })
            await ContractGiven.CoversAsync(_app, org.Id, framework, category);
        return org.Id;
    }

    /// <summary>Registers an application for a new resident and decides it with the products; returns the application and the person's BSN.</summary>
    private async Task<(Guid Application, Guid Person, string Bsn)> DecidedAsync(string name, string kader, params ProductInput[] products)
    {
        var (_, person, bsn) = await Given.Resident(name, "Sam", team: "Wijkteam Noord", birthDate: "12-03-2012");
        var id = (await AsDesk(sp => sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(
            new ApplicationInput { Bsn = bsn, Kader = kader, Gevraagd = "Ondersteuning thuis", Aanvraagdatum = Day(-3) }, default))).Value;
        var decided = await AsDesk(sp => sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(id,
            new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [.. products] }, default));
        Assert.True(decided.IsOk, string.Join("; ", decided.Errors.Select(e => $"{e.Code} {e.Field}")));
        return (id, person, bsn);
    }

    private static ProductInput Product(Guid provider, string category, int volume = 3) => new()
    {
        Categorie = category, Omvang = volume, Eenheid = "04", Frequentie = "2", Van = Day(0), Tot = Day(364), AanbiederId = provider,
    };

    private async Task<List<IstandaardBericht>> MessagesAsync(Guid person)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().IstandaardBerichten.AsNoTracking()
            .Where(b => b.PersonId == person).OrderBy(b => b.Identificatie).ToListAsync();
    }

    private async Task<List<Toewijzing>> AssignmentsAsync(Guid person)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Toewijzingen.AsNoTracking().Where(t => t.PersonId == person).OrderBy(t => t.Nummer).ToListAsync();
    }

    private static XNamespace Ns(IstandaardBericht b) => BerichtSoorten.ByName(b.Soort)!.Namespace;
    /// <summary>The children of the basisschema's composite types are in its namespace.</summary>
    private static XNamespace Basis(IstandaardBericht b) => BerichtSoorten.BasisNamespace(BerichtSoorten.ByName(b.Soort)!.Framework);

    private static XDocument Valid(IstandaardBericht message)
    {
        Assert.NotNull(message.Xml);
        var (document, problems) = BerichtSchemas.Parse(message.Xml!, BerichtSoorten.ByName(message.Soort)!);
        Assert.Empty(problems);
        return document!;
    }

    [Fact]
    public async Task A_granted_Wmo_decision_sends_the_provider_a_WMO301_that_validates_against_the_XSD()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (application, person, bsn) = await DecidedAsync("Ankerwmo", "Wmo2015", Product(provider, "01"), Product(provider, "02", volume: 2));

        var assignments = await AssignmentsAsync(person);
        Assert.Equal(2, assignments.Count);
        Assert.Equal(assignments[0].Nummer + 1, assignments[1].Nummer);
        var message = Assert.Single(await MessagesAsync(person));
        Assert.True(message.Problemen is null, message.Problemen);
        Assert.Equal(("WMO301", BerichtRichting.Uit, BerichtStatus.Klaar, provider), (message.Soort, message.Richting, message.Status, message.OrganisationId));
        Assert.Null(message.Problemen);
        var xml = Valid(message);
        var ns = Ns(message);
        var bs = Basis(message);
        var header = xml.Root!.Element(ns + "Header")!;
        Assert.Equal(["414", "3", "2", TestApp.Gemeentecode, "98000101"],
            new[] { "BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger" }.Select(n => header.Element(ns + n)!.Value));
        Assert.Equal(message.Identificatie, header.Element(ns + "BerichtIdentificatie")!.Element(bs + "Identificatie")!.Value);
        var client = xml.Root.Element(ns + "Client")!;
        Assert.Equal(bsn, client.Element(ns + "Bsn")!.Value);
        Assert.Equal("2012-03-12", client.Element(ns + "Geboortedatum")!.Element(bs + "Datum")!.Value);
        Assert.Equal("Ankerwmo", client.Element(ns + "Naam")!.Element(bs + "Geslachtsnaam")!.Element(bs + "Achternaam")!.Value);
        var products = client.Element(ns + "ToegewezenProducten")!.Elements(ns + "ToegewezenProduct").ToList();
        Assert.Equal(assignments.Select(a => a.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture)), products.Select(p => p.Element(ns + "ToewijzingNummer")!.Value));
        Assert.Equal(["01", "02"], products.Select(p => p.Element(ns + "Product")!.Element(bs + "Categorie")!.Value));
        Assert.Equal(["3", "2"], products.Select(p => p.Element(ns + "Omvang")!.Element(bs + "Volume")!.Value));
        Assert.All(products, p => Assert.Null(p.Element(ns + "RedenWijziging")));

        // The desk sees them on the application, through the API too.
        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var list = await desk.GetFromJsonAsync<List<ToewijzingView>>($"/api/v1/applications/{application}/toewijzingen");
        Assert.Equal(assignments.Select(a => a.Nummer), list!.Select(t => t.Nummer));
        Assert.Equal("klaar", list![0].LaatsteBericht!.Status);
    }

    [Fact]
    public async Task A_granted_Jeugdwet_decision_sends_a_JW301_and_numbers_its_assignments_apart_from_the_Wmo()
    {
        var provider = await ProviderAsync("Jeugdhulp De Kompasroos", "98000202");
        var (_, person, _) = await DecidedAsync("Kompasjw", "Jeugdwet", Product(provider, "45"));

        var message = Assert.Single(await MessagesAsync(person));
        Assert.Equal(("JW301", BerichtStatus.Klaar), (message.Soort, message.Status));
        var xml = Valid(message);
        Assert.Equal("436", xml.Root!.Element(Ns(message) + "Header")!.Element(Ns(message) + "BerichtCode")!.Value);
        var assignment = Assert.Single(await AssignmentsAsync(person));
        Assert.Equal(Regie.Domain.Care.LegalFramework.Jeugdwet, assignment.Framework);
    }

    [Fact]
    public async Task Ending_an_assignment_early_sends_a_new_301_with_the_reason_and_the_new_end()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (_, person, _) = await DecidedAsync("Eindewmo", "Wmo2015", Product(provider, "01"), Product(provider, "02"));
        var first = (await AssignmentsAsync(person))[0];

        var changed = await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(first.Id,
            new ToewijzingWijzigingInput { Einddatum = Day(30), Reden = "05", Versie = first.Version }, default));
        Assert.True(changed.IsOk, string.Join("; ", changed.Errors.Select(e => e.Code)));
        Assert.Equal((Today.AddDays(30), "klaar"), (changed.Value!.Einddatum, changed.Value.BerichtStatus));

        var messages = await MessagesAsync(person);
        Assert.Equal(2, messages.Count);
        var xml = Valid(messages[1]);
        var ns = Ns(messages[1]);
        var products = xml.Root!.Element(ns + "Client")!.Element(ns + "ToegewezenProducten")!.Elements(ns + "ToegewezenProduct").ToList();
        // The 301 carries every current assignment at the provider: the changed one with its reason, the other unchanged.
        Assert.Equal(2, products.Count);
        Assert.Equal(Today.AddDays(30).ToString("yyyy-MM-dd"), products[0].Element(ns + "Einddatum")!.Value);
        Assert.Equal("05", products[0].Element(ns + "RedenWijziging")!.Value);
        Assert.Null(products[1].Element(ns + "RedenWijziging"));

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var e = await db.HouseholdEvents.Where(x => x.PersonId == person && x.Type == EventTypes.AssignmentChanged).SingleAsync();
            Assert.Equal($"Toewijzing {first.Nummer} gewijzigd: 05 Herbeoordeling: verkorting toewijzing, loopt tot en met {Today.AddDays(30):dd-MM-yyyy}", e.Summary);
        }
    }

    [Fact]
    public async Task Withdrawing_an_assignment_that_should_never_have_gone_ends_it_before_it_began_and_closes_it()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (_, person, _) = await DecidedAsync("Verwijderdwmo", "Wmo2015", Product(provider, "01"));
        var assignment = Assert.Single(await AssignmentsAsync(person));

        var removed = await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id,
            new ToewijzingWijzigingInput { Reden = AssignmentRules.RedenVerwijderd }, default));
        Assert.True(removed.IsOk);
        Assert.Equal(Today.AddDays(-1), removed.Value!.Einddatum);
        var last = (await MessagesAsync(person))[^1];
        var xml = Valid(last);
        var product = xml.Descendants(Ns(last) + "ToegewezenProduct").Single();
        Assert.Equal("13", product.Element(Ns(last) + "RedenWijziging")!.Value);

        var again = await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id,
            new ToewijzingWijzigingInput { Einddatum = Day(10), Reden = "04" }, default));
        Assert.Equal([AssignmentRules.AlreadyEndedCode], again.Errors.Select(e => e.Code));
        Assert.Equal(2, (await MessagesAsync(person)).Count);
    }

    [Fact]
    public async Task A_wrong_change_is_refused_with_its_code_and_nothing_is_saved()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (_, person, _) = await DecidedAsync("Foutwmo", "Wmo2015", Product(provider, "01"));
        var assignment = Assert.Single(await AssignmentsAsync(person));

        async Task<string[]> Codes(ToewijzingWijzigingInput input) =>
            (await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id, input, default))).Errors.Select(e => e.Code).ToArray();
        Assert.Equal([AssignmentRules.ReasonInvalidCode], await Codes(new() { Einddatum = Day(30), Reden = "01" }));
        Assert.Equal([AssignmentRules.EndInvalidCode], await Codes(new() { Einddatum = Day(-10), Reden = "05" }));
        Assert.Equal([AssignmentRules.VolumeInvalidCode], await Codes(new() { Omvang = 0, Reden = "05" }));
        Assert.Equal([AssignmentRules.NothingChangedCode], await Codes(new() { Reden = "05" }));
        Assert.Equal([Regie.Domain.Common.DutchDate.InvalidCode], await Codes(new() { Einddatum = "morgen", Reden = "05" }));
        Assert.Equal(CommandStatus.Conflict, (await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id,
            new ToewijzingWijzigingInput { Einddatum = Day(30), Reden = "05", Versie = assignment.Version + 7 }, default))).Status);

        Assert.Single(await MessagesAsync(person));
        var unchanged = Assert.Single(await AssignmentsAsync(person));
        Assert.Equal((assignment.Einddatum, assignment.Volume, (string?)null), (unchanged.Einddatum, unchanged.Volume, unchanged.RedenWijziging));

        using var desk = await _app.SignedInClientAsync("consulent@voorbeeld.nl");
        var refused = await desk.PostAsJsonAsync($"/api/v1/toewijzingen/{assignment.Id}/wijziging", new { reden = "99" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(AssignmentRules.ReasonInvalidCode, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_301_that_does_not_validate_is_kept_as_refused_with_why_and_never_released()
    {
        var withoutAgb = await ProviderAsync("Buurtzorg Zonder Code", null);
        var (_, person, _) = await DecidedAsync("Zonderagb", "Wmo2015", Product(withoutAgb, "01"));
        var message = Assert.Single(await MessagesAsync(person));
        Assert.Equal(BerichtStatus.Afgewezen, message.Status);
        Assert.Null(message.Xml);
        Assert.Equal("Buurtzorg Zonder Code heeft geen AGB-code. Leg die vast bij de organisatie en wijzig de toewijzing opnieuw, of vraag de functioneel beheerder.",
            Retourmeldingen.FromJson(message.Problemen).Single().Toelichting);

        // A street name longer than the standard's 24 characters: the XSD validator itself refuses the message.
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (household, longStreet, _) = await Given.Resident("Langestraat", "Kim", birthDate: "01-01-1950");
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.Households.Where(h => h.Id == household).ExecuteUpdateAsync(s => s.SetProperty(h => h.Straat, "Burgemeester van Roijensingelweg"));
        }
        var bsn = await AsDesk(async sp => await sp.GetRequiredService<RegieDbContext>().Persons.Where(p => p.Id == longStreet).Select(p => p.Bsn).SingleAsync());
        var id = (await AsDesk(sp => sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(
            new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Hulp", Aanvraagdatum = Day(-1) }, default))).Value;
        Assert.True((await AsDesk(sp => sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(id,
            new DecisionInput { Uitkomst = "Toegekend", Motivering = Reasoning, Producten = [Product(provider, "01")] }, default))).IsOk);
        var refused = Assert.Single(await MessagesAsync(longStreet));
        Assert.Equal(BerichtStatus.Afgewezen, refused.Status);
        Assert.Null(refused.Xml);
        Assert.Contains("Straatnaam", Assert.Single(Retourmeldingen.FromJson(refused.Problemen)).Toelichting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_or_Participatiewet_decision_makes_no_assignment()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (_, person, bsn) = await Given.Resident("Afwijswmo", "Lex", birthDate: "01-01-1960");
        var id = (await AsDesk(sp => sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(
            new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Hulp", Aanvraagdatum = Day(-1) }, default))).Value;
        Assert.True((await AsDesk(sp => sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(id,
            new DecisionInput { Uitkomst = "Afgewezen", Motivering = Reasoning }, default))).IsOk);
        Assert.Empty(await AssignmentsAsync(person));
        Assert.Empty(await MessagesAsync(person));
        _ = provider;
    }

    [Fact]
    public async Task Nobody_outside_the_application_changes_or_lists_its_assignments()
    {
        var provider = await ProviderAsync("Thuiszorg Het Anker", "98000101");
        var (application, person, _) = await DecidedAsync("Buitenwmo", "Wmo2015", Product(provider, "01"));
        var assignment = Assert.Single(await AssignmentsAsync(person));
        var input = new ToewijzingWijzigingInput { Einddatum = Day(20), Reden = "05" };

        // Another municipality's desk: not found, as if it did not exist.
        Assert.Equal(CommandStatus.NotFound, (await AsDesk(sp => sp.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id, input, default), "0344")).Status);
        // A professional who does not handle the application: not found either.
        await using (var scope = await AsAsync("regisseur.zuid@voorbeeld.nl", Roles.Professional))
            Assert.Equal(CommandStatus.NotFound, (await scope.ServiceProvider.GetRequiredService<ChangeToewijzingHandler>().HandleAsync(assignment.Id, input, default)).Status);
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/toewijzingen/{assignment.Id}/wijziging", new { reden = "05", einddatum = Day(20) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/applications/{application}/toewijzingen")).StatusCode);
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/applications/{application}/toewijzingen")).StatusCode);
        Assert.Single(await MessagesAsync(person));
    }
}
