using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 22 point 7: the demo shows vroegsignalering at work. Six weeks of signals from the corporation, the insurer, the energy
/// and the water company; the seed-003 family's rent arrears with its coordinator told; cases on time, almost late and late;
/// closed cases with their DDAS outcome, one with vervolghulp and a request; two signals waiting to be matched by hand.
/// </summary>
public sealed class DemoVroegsignaleringTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task The_demo_worker_finds_the_story_familys_rent_arrears_late_cases_outcomes_and_signals_to_match()
    {
        var worker = await _app.SignedInClientAsync("vroegsignalering@voorbeeld.nl");
        var open = await worker.GetFromJsonAsync<JsonElement>("/api/v1/vroegsignalering/zaken");
        var zaken = open.GetProperty("zaken").EnumerateArray().ToList();
        var first = zaken[0];
        // Eviction threatened first: the story family, already known to the team, its term met by the first call.
        Assert.Equal((DemoMeldcode.StoryHousehold, true, true, "Gehaald", 2),
            (first.GetProperty("huishouden").GetString(), first.GetProperty("dreigendeUitzettingOfAfsluiting").GetBoolean(), first.GetProperty("alGeholpen").GetBoolean(),
                first.GetProperty("stand").GetString(), first.GetProperty("contactpogingen").GetInt32()));
        Assert.Equal(DemoVroegsignalering.StoryAmount, first.GetProperty("bedrag").GetDecimal());
        Assert.Equal((8, 1, 1), (open.GetProperty("totaal").GetInt32(), open.GetProperty("teLaat").GetInt32(), open.GetProperty("bijnaTeLaat").GetInt32()));

        var closed = await worker.GetFromJsonAsync<JsonElement>("/api/v1/vroegsignalering/zaken?afgesloten=true");
        Assert.Equal(["BudgetadviesQuickFix", "GeenContact", "GeenHulpNodig", "VervolghulpFinancieel", "ZelfBetaald"],
            closed.GetProperty("zaken").EnumerateArray().Select(z => z.GetProperty("resultaat").GetString()!).Order().ToList());

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var story = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => new { h.Id, h.CoordinatorId }).SingleAsync();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.HouseholdId == story.Id && n.UserId == story.CoordinatorId
            && n.Title == "Vroegsignaal: betalingsachterstand bij een huishouden dat u regisseert"));
        var vervolg = await db.Vroegsignaalzaken.Where(z => z.Resultaat == Eindresultaat.VervolghulpFinancieel).Select(z => z.RequestId).SingleAsync();
        Assert.Equal(Regie.Domain.Care.RequestSource.Vroegsignaal, await db.HelpRequests.Where(r => r.Id == vervolg).Select(r => r.Source).SingleAsync());
        Assert.Equal(2, await db.Vroegsignalen.CountAsync(s => s.ZaakId == null));
        Assert.Equal(["Energieleverancier Stroom: Energie", "Waterbedrijf Helder: Water", "Woningcorporatie Thuis: Huur", "Zorgverzekeraar Zeker: Zorg"],
            (await db.Organisations.Where(o => o.SignaalpartnerSoort != null).Select(o => new { o.Name, o.SignaalpartnerSoort }).ToListAsync())
                .Select(o => $"{o.Name}: {o.SignaalpartnerSoort}").Order().ToList());

        var page = WebUtility.HtmlDecode(await worker.GetStringAsync($"/vroegsignalering/zaken/{first.GetProperty("id").GetGuid()}"));
        Assert.Contains("Wijkteam Noord, regisseur", page);
    }

    [Fact]
    public async Task The_demo_monitor_shows_the_months_signals_and_their_outcomes()
    {
        using var policy = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await policy.GetStringAsync("/monitor"));
        Assert.Contains("<h2 class=\"utrecht-heading-2\">Vroegsignalering</h2>", page, StringComparison.Ordinal);
        // Fifteen signals of fifteen households (two of them still unmatched): enough to show.
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__cell\">Vroegsignalen ontvangen</th>", page, StringComparison.Ordinal);
        Assert.Matches(@"Vroegsignalen ontvangen</th>\s*<td class=""utrecht-table__cell"">\s*15 signalen\s*</td>", page);
        Assert.Contains($"<h2 class=\"utrecht-heading-2\">{Regie.Web.Features.Monitor.MonitorExports.SignalsCaption}</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__cell\">Huur</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<h2 class=\"utrecht-heading-2\">{Regie.Web.Features.Monitor.MonitorExports.OutcomesCaption}</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__cell\">Vervolghulp en/of verwijzing financieel</th>", page, StringComparison.Ordinal);
    }
}
