using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>Seed 003 in the demo: the housing corporation looks into Sanne Bakker's plan with her consent (issue 21).</summary>
public sealed class DemoConsentTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task The_corporations_demo_account_finds_its_action_in_the_story_households_plan_and_the_coordinator_the_consent()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => h.Id).SingleAsync();
        var consent = await db.Consents.SingleAsync();
        Assert.Equal(household, consent.HouseholdId);
        Assert.Equal("Inkijk,Berichten", consent.Scopes);
        Assert.StartsWith("Sanne Bakker", consent.GivenByName);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        var list = WebUtility.HtmlDecode(await partner.GetStringAsync("/inkijk"));
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/inkijk/{household}\">{DemoMeldcode.StoryHousehold}</a>", list);
        var page = WebUtility.HtmlDecode(await partner.GetStringAsync($"/inkijk/{household}"));
        Assert.Contains(DemoConsent.CorporationAction, page);
        Assert.Contains("Eerste gesprek gehad; voorstel voor een betalingsregeling is verstuurd.", page);

        using var coordinator = await _app.SignedInClientAsync();
        var consents = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{household}/toestemmingen"));
        Assert.Contains("<td class=\"utrecht-table__cell\">Woningcorporatie Thuis</td>", consents);
        Assert.Contains("<td class=\"utrecht-table__cell\">Inkijk in het plan, Berichten</td>", consents);
    }
}
