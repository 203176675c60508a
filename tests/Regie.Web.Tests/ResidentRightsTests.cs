using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Shared;
using System.Net;
using System.Text.Json;

namespace Regie.Web.Tests;

public sealed class ResidentRightsTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<(Guid Household, Guid Person, string Bsn)> ResidentAsync(string achternaam)
    {
        using var client = await _app.SignedInClientAsync();
        var (id, person, bsn) = await new Given(_app).Resident(achternaam, "Inzage");
        return (id, person, bsn);
    }

    [Fact]
    public async Task Privacy_officer_gives_a_resident_everything_Regie_holds_including_who_looked()
    {
        var (household, _, bsn) = await ResidentAsync("Inzager");
        using (var professional = await _app.SignedInClientAsync())
            Assert.Equal(HttpStatusCode.OK, (await professional.GetAsync($"/huishoudens/{household}")).StatusCode);

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = await TestApp.InzageAsync(privacy, bsn);
        Assert.Contains("Inzage Inzager", page);
        Assert.Contains("Inzage Inzager toegevoegd als ouder", page);
        Assert.Contains("Fatima Bouzid (professional)", page);

        var json = await TestApp.PostFormAsync(privacy, "/privacy/inzage", new Dictionary<string, string> { ["Bsn"] = bsn }, "/privacy/inzage?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(bsn, doc.GetProperty("persoon").GetProperty("bsn").GetString());
        Assert.StartsWith("Dorpsstraat ", doc.GetProperty("huishoudens")[0].GetProperty("adres").GetString());
        Assert.Equal(3, doc.GetProperty("gebeurtenissen").GetArrayLength());
        Assert.Contains(doc.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("wie").GetString() == "Fatima Bouzid");

        Assert.Contains("Regie heeft geen gegevens", await TestApp.InzageAsync(privacy, TestApp.NextBsn()));
        Assert.Contains("elfproef", await TestApp.InzageAsync(privacy, "123456781"));

        using var professionalAgain = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await professionalAgain.GetAsync("/privacy/inzage")).StatusCode);
        // A BSN in the URL is not used: it would be in logs and the browser history already, and must not become the way to ask.
        var inUrl = WebUtility.HtmlDecode(await privacy.GetStringAsync($"/privacy/inzage?Bsn={bsn}"));
        Assert.Contains(Regie.Web.Features.Audit.IndexModel.BsnNotInUrl, inUrl);
        Assert.DoesNotContain("Inzage Inzager toegevoegd", inUrl);
    }

    [Fact]
    public async Task Correction_keeps_old_and_new_values_and_the_reason()
    {
        var (household, person, bsn) = await ResidentAsync("Tikfoutt");
        await using var scope = _app.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<CorrectPersonHandler>();
        var input = new CorrectPersonInput { Voornamen = "Inzage", Achternaam = "Tikfout", Geboortedatum = "03-07-1985", Bsn = bsn, Versie = 0 };

        Assert.Equal(CorrectPersonHandler.ReasonRequiredCode, Assert.Single((await handler.HandleAsync(person, input, default)).Errors).Code);
        input.Reden = "Verzoek inwoner: achternaam verkeerd gespeld";
        Assert.Equal(CommandStatus.Ok, (await handler.HandleAsync(person, input, default)).Status);

        await using var check = _app.Scope();
        var view = (await check.ServiceProvider.GetRequiredService<PersonQueries>().GetAsync(person, default))!;
        Assert.Equal("Tikfout", view.Naam.Achternaam);
        var entry = (await check.ServiceProvider.GetRequiredService<Regie.Web.Features.Timeline.TimelineQuery>().ForHouseholdAsync(household, null, default)).Entries[0];
        Assert.Equal(Regie.Web.Data.EventTypes.PersonCorrected, entry.Type);
        Assert.Contains("Inzage Tikfoutt gecorrigeerd: Verzoek inwoner", entry.Summary);
        // The search finds the corrected name.
        var hits = await check.ServiceProvider.GetRequiredService<Regie.Web.Features.Search.PersonSearch>()
            .SearchAsync(Regie.Web.Features.Search.PersonSearch.ParseName("Tikfout").Value, default);
        Assert.Contains(hits.Hits, h => h.Id == person);
        // A second correction on the old version is refused.
        input.Achternaam = "Anders";
        Assert.Equal(CommandStatus.Conflict, (await handler.HandleAsync(person, input, default)).Status);
    }
}
