using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Households;

using static Regie.Testing.Builders;

namespace Regie.Browser.Tests;

/// <summary>
/// "Eén gezin, één plan, één regisseur" from the first question to the closing, in the browser:
/// request → intake with screen → triage decision → assessment → plan with goals and actions →
/// household agreement → PDF → coordinator transfer → closing with outcomes.
/// </summary>
public sealed class WholeJourneyTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");

    [Fact]
    public async Task A_household_goes_from_request_to_plan_to_transfer_to_closing()
    {
        var surname = TestData.Surname();
        var household = await new Given(fixture.App).Household(
            [Member("Sanne", surname, geboortedatum: "03-09-1989"), Member("Noah", surname, rol: "kind", geboortedatum: "17-02-2015", bsn: null)],
            address: new AddressInput { Straat = "Molenweg", Huisnummer = "8", Postcode = TestData.Postcode(), Woonplaats = "Voorbeeld", Wijk = "Noord" });
        Guid mother, child;
        await using (var scope = fixture.App.Scope())
        {
            var view = (await scope.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(household, default))!;
            (mother, child) = (view.Leden[0].PersonId, view.Leden[1].PersonId);
        }

        await using var s = await fixture.NewSessionAsync();
        var page = s.Page;

        // 1. The request: the housing corporation reports rent arrears.
        await s.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.GetByLabel("Wie bracht de vraag in?").SelectOptionAsync("Organisatie");
        await page.GetByLabel("Toelichting op de bron").FillAsync("Woningcorporatie Thuis");
        await page.GetByLabel("Waar vraagt het huishouden hulp bij?").FillAsync("Huurachterstand van drie maanden, dreigende ontruiming");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.WaitForURLAsync("**/hulpvragen/*");

        // 2. The intake screens the life domains; 3. the suggested route is taken.
        await page.Locator($"select[name='Intake.Scores[{mother}:Financien]']").SelectOptionAsync("2");
        await page.Locator($"select[name='Intake.Scores[{mother}:Huisvesting]']").SelectOptionAsync("1");
        await page.Locator($"select[name='Intake.Scores[{child}:Tijdsbesteding]']").SelectOptionAsync("3");
        // The safety check every intake answers: nothing seen or heard, judged safe.
        foreach (var no in await page.Locator("input[type=radio][value=Nee][name^='Intake.Veiligheid[']").AllAsync()) await no.CheckAsync();
        await page.Locator("#veiligheid-oordeel-Veilig").CheckAsync();
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening opslaan" }).ClickAsync();
        await page.GetByText("Voorstel: Wijkteam").WaitForAsync();
        Assert.Contains("acute problematiek", await page.Locator("#route + .regie-card").InnerTextAsync());
        Assert.Equal("Wijkteam", await page.GetByLabel("Besluit").InputValueAsync());
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Route vastleggen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");

        // The professional becomes the coordinator.
        await s.GotoAsync($"/huishoudens/{household}/regisseur");
        await page.GetByLabel("Regisseur").SelectOptionAsync(new SelectOptionValue { Label = "Fatima Bouzid (Wijkteam Noord)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Regisseur toewijzen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}");

        // 4. A ZRM assessment of the mother.
        await s.GotoAsync($"/huishoudens/{household}/zrm");
        await page.GetByLabel("Lid").SelectOptionAsync(new SelectOptionValue { Label = $"Sanne {surname}" });
        await page.GetByLabel("Financiën").SelectOptionAsync("2");
        await page.GetByLabel("Huisvesting").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meting opslaan" }).ClickAsync();
        await page.GetByText("beperkt zelfredzaam").Or(page.GetByText("acute problematiek")).First.WaitForAsync();
        // The household summary also as a chart, drawn by Chart.js under the content security policy.
        await s.GotoAsync($"/huishoudens/{household}/zrm");
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('zrm-grafiek'))");
        Assert.Equal(2, await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('zrm-grafiek')).data.labels.length"));
        await s.AssertAccessibleAsync();

        // 5. The plan: a SMART goal and actions by the mother herself and her network.
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan starten" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Doel toevoegen" }).First.ClickAsync();
        await page.GetByLabel("Leefgebied").SelectOptionAsync("Financien");
        await page.GetByLabel("Voor wie").SelectOptionAsync(new SelectOptionValue { Label = $"Sanne {surname}" });
        await page.GetByLabel("Wat wil het huishouden bereiken?").FillAsync("Geen huurachterstand meer");
        await page.GetByLabel("Meetbaar resultaat").FillAsync("De achterstand is nul en de huur gaat automatisch");
        await page.GetByLabel("Wie werkt eraan?").FillAsync("Sanne met de regisseur");
        await page.GetByLabel("Streefdatum").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel opslaan" }).ClickAsync();
        // Without a target date the goal is not SMART: the error stands at the field and nothing is saved.
        Assert.Equal("Vul een streefdatum in, bijvoorbeeld 01-03-2027.", await page.Locator("#Input_Streefdatum-error").InnerTextAsync());
        await s.AssertAccessibleAsync();
        await page.GetByLabel("Streefdatum").FillAsync(InDays(90));
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Actie toevoegen bij Geen huurachterstand meer" }).ClickAsync();
        await page.GetByLabel("Wat wordt er gedaan?").FillAsync("Gaat mee naar het gesprek bij de corporatie");
        await page.GetByLabel("Wie voert het uit?").SelectOptionAsync("Netwerk");
        await page.GetByLabel("Of een naam").FillAsync("Oma Ria");
        await page.GetByLabel("Uiterlijk klaar op").FillAsync(InDays(14));
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Actie opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");
        Assert.Contains("door Oma Ria (netwerk)", await page.Locator("main").InnerTextAsync());
        await s.AssertAccessibleAsync();

        // 6. The household agrees with this version.
        await page.GetByRole(AriaRole.Link, new() { Name = "Akkoord vastleggen" }).ClickAsync();
        await page.GetByLabel("Wie gaf akkoord?").SelectOptionAsync(new SelectOptionValue { Label = $"Sanne {surname}" });
        await page.GetByLabel("Hoe?").SelectOptionAsync("ondertekend");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Akkoord vastleggen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");
        Assert.Contains($"Akkoord van het huishouden: Sanne {surname}", await page.Locator("main").InnerTextAsync());

        // 7. The plan as PDF for the household.
        var pdf = await page.APIRequest.GetAsync($"/huishoudens/{household}/plan.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        // Versions side by side: the goal appears between version 1 and the latest.
        await s.GotoAsync($"/huishoudens/{household}/plan/versies?links=1&rechts=3");
        Assert.Contains("nieuw", await page.Locator("table.regie-diff").InnerTextAsync());
        await s.AssertAccessibleAsync();

        // 8. The family moves to Zuid. A coordinator chooses among her own team only; moving the file to another
        //    team is the team lead's decision, with the handover note.
        await s.GotoAsync($"/huishoudens/{household}/regisseur");
        Assert.Equal(0, await page.GetByLabel("Nieuwe regisseur").Locator("option", new() { HasText = "Wijkteam Zuid" }).CountAsync());
        await using (var lead = await fixture.NewSessionAsync(signedIn: false))
        {
            await lead.SignInAsync("teamleider@voorbeeld.nl");
            await lead.GotoAsync($"/huishoudens/{household}/regisseur");
            await lead.Page.GetByLabel("Nieuwe regisseur").SelectOptionAsync(new SelectOptionValue { Label = "Koen Verhoeven (Wijkteam Zuid)" });
            await lead.Page.GetByLabel("Overdracht").FillAsync("Gezin verhuist naar Zuid; betalingsregeling loopt, oma helpt mee bij de corporatie.");
            await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Regie overdragen" }).ClickAsync();
            // The file moves to team Zuid with the coordinator: Noord no longer opens it (need to know).
            await lead.Page.WaitForURLAsync("**/mijn-huishoudens");
            Assert.Contains("De regie is overgedragen aan een ander team", await lead.Page.Locator("main").InnerTextAsync());
        }
        await s.GotoAsync($"/huishoudens/{household}", expectedStatus: 404);

        // 9. The new coordinator closes the trajectory with the outcome of the goal.
        await using var koen = await fixture.NewSessionAsync(signedIn: false);
        await koen.SignInAsync("regisseur.zuid@voorbeeld.nl");
        await koen.GotoAsync($"/huishoudens/{household}");
        Assert.Contains("Regisseur: Koen Verhoeven", await koen.Page.Locator("main").InnerTextAsync());
        await koen.GotoAsync($"/huishoudens/{household}/afsluiten");
        await koen.Page.GetByLabel("Uitkomst").SelectOptionAsync("Behaald");
        await koen.Page.GetByLabel("Wat is er bereikt?").FillAsync("Achterstand afgelost in vier maanden");
        await koen.Page.GetByLabel("Reden van afsluiten").SelectOptionAsync("DoelenBehaald");
        await koen.AssertAccessibleAsync();
        await koen.Page.GetByRole(AriaRole.Button, new() { Name = "Traject afsluiten" }).ClickAsync();
        await koen.Page.WaitForURLAsync($"**/huishoudens/{household}");
        var main = await koen.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Het traject is afgesloten", main);
        Assert.Contains("Nog geen regisseur", main);
        Assert.Contains("Traject afgesloten: doelen behaald; 1 van 1 doelen behaald", await koen.Page.Locator("#tijdlijn").InnerTextAsync());
        s.AssertNoBrowserProblems();
        koen.AssertNoBrowserProblems();
    }
}
