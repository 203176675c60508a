using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Infrastructure;

namespace Regie.Browser.Tests;

/// <summary>
/// Seed 003 with an integral budget: instead of crisis places for the two children, the team pays the rent
/// arrears. The coordinator compares the options and commits the arrears above her mandate, the team lead
/// approves, the payment is recorded and the municipality sees the spend under the laws it serves.
/// </summary>
public sealed class BudgetTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    [Fact]
    public async Task Coordinator_pays_the_rent_arrears_above_her_mandate_the_team_lead_approves_and_the_municipality_reports_it_per_law()
    {
        var surname = TestData.Surname("Bakker");
        Guid household;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Test");
            var db = sp.GetRequiredService<RegieDbContext>();
            household = (await sp.GetRequiredService<CreateHouseholdHandler>().HandleAsync(new CreateHouseholdInput
            {
                Adres = new AddressInput { Straat = "Molenweg", Huisnummer = "8", Postcode = TestData.Postcode(), Woonplaats = "Voorbeeld", Wijk = "Noord" },
                Leden =
                [
                    new MemberInput { Rol = "ouder", Voornamen = "Sanne", Achternaam = surname, Geboortedatum = "03-09-1989", Bsn = TestApp.NextBsn() },
                    new MemberInput { Rol = "kind", Voornamen = "Noah", Achternaam = surname, Geboortedatum = "17-02-2015", Bsn = TestApp.NextBsn() },
                    new MemberInput { Rol = "kind", Voornamen = "Lieke", Achternaam = surname, Geboortedatum = "30-11-2018", Bsn = TestApp.NextBsn() },
                ],
            }, default)).Value;
            var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
            (await db.Households.SingleAsync(h => h.Id == household)).HandOverTo(noord);
            await db.SaveChangesAsync();
            var plans = new PlanUseCases(sp);
            await plans.StartAsync(household, default);
            await plans.AddGoalAsync(household, new GoalInput
            {
                Leefgebied = "Financien", Wat = "Geen huurachterstand meer", MeetbaarResultaat = "De achterstand is nul en de huur gaat automatisch",
                Streefdatum = DateTime.UtcNow.AddDays(60).ToString("dd-MM-yyyy"), Wie = "Sanne met de regisseur", Versie = 1,
            }, default);
            await sp.GetRequiredService<AllocateBudgetHandler>().HandleAsync(new AllocationInput { TeamId = noord, Jaar = DateTime.UtcNow.Year, Bedrag = "250.000", Reden = "Begroting" }, default);
        }

        // The coordinator (mandate € 500) weighs paying the arrears against eviction and crisis places.
        await using var coordinator = await fixture.NewSessionAsync();
        var page = coordinator.Page;
        page.SetDefaultTimeout(20_000);
        await coordinator.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Uitgaven", Exact = true }).ClickAsync();
        await page.GetByLabel("Bij welk doel hoort de uitgave?").SelectOptionAsync(new SelectOptionValue { Label = "Financiën: Geen huurachterstand meer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel kiezen" }).ClickAsync();
        // The laws suggested from the goal's domain are ticked; she confirms them.
        Assert.True(await page.GetByLabel("Participatiewet").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Wet gemeentelijke schuldhulpverlening").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Jeugdwet").IsCheckedAsync());
        await page.GetByLabel("Waarvoor is het geld?").SelectOptionAsync("Huurachterstand");
        await page.GetByLabel("Bedrag", new() { Exact = true }).FillAsync("1.800,00");
        await page.GetByLabel("Korte omschrijving").FillAsync("Huurachterstand betalen aan Woningcorporatie Thuis");
        await page.GetByLabel("Onderbouwing").FillAsync("Betalen voorkomt de uitzetting; Sanne en de kinderen blijven thuis wonen.");
        await page.GetByLabel("Het alternatief").FillAsync("Huisuitzetting en crisisplaatsing van twee kinderen voor drie maanden");
        await page.GetByLabel("Aantal Huisuitzetting (kosten verhuurder) (per uitzetting)").FillAsync("1");
        await page.GetByLabel("Aantal Crisisplaatsing jeugdige (verblijf) (per kind per maand)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kosten vergelijken" }).ClickAsync();
        var comparison = page.Locator("#vergelijking");
        await comparison.WaitForAsync();
        var text = await comparison.InnerTextAsync();
        Assert.Contains("Deze uitgave: € 1.800,00", text);
        Assert.Contains("€ 23.500,02", text);
        Assert.Contains("Geschatte vermeden kosten: € 21.700,02", text);
        await coordinator.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitgave vastleggen" }).ClickAsync();
        await page.WaitForURLAsync("**/uitgaven/*");
        var spend = coordinator.IdFromUrl("/uitgaven/");
        Assert.Equal("Wacht op goedkeuring", await page.Locator("#status").InnerTextAsync());
        Assert.Contains("€ 21.700,02", await page.Locator("main").InnerTextAsync());
        await coordinator.AssertAccessibleAsync();

        // The team lead sees it waiting and approves.
        await using var lead = await fixture.NewSessionAsync(signedIn: false);
        await lead.SignInAsync("teamleider@voorbeeld.nl");
        lead.Page.SetDefaultTimeout(20_000);
        await lead.GotoAsync("/uitgaven");
        await lead.AssertAccessibleAsync();
        await lead.Page.Locator($"a[href='/uitgaven/{spend}']").ClickAsync();
        await lead.Page.GetByLabel("Toelichting of reden").FillAsync("Goedkoper en beter dan uitzetting en crisisplaatsing");
        await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await lead.Page.GetByText("De uitgave is goedgekeurd.").WaitForAsync();
        Assert.Equal("Goedgekeurd", await lead.Page.Locator("#status").InnerTextAsync());
        await lead.AssertAccessibleAsync();

        // The coordinator records the payment to the landlord.
        await coordinator.GotoAsync($"/uitgaven/{spend}");
        await page.GetByLabel("Betaald aan").FillAsync("Woningcorporatie Thuis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Betaling vastleggen" }).ClickAsync();
        await page.GetByText("De betaling is vastgelegd.").WaitForAsync();
        Assert.Equal("Betaald", await page.Locator("#status").InnerTextAsync());

        // The municipality reports it as before: per law, half under each law the spend serves.
        await using var municipality = await fixture.NewSessionAsync(signedIn: false);
        await municipality.SignInAsync("beleid@voorbeeld.nl");
        await municipality.GotoAsync("/budget/rapportage");
        var rows = await municipality.Page.Locator("#regels tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("Wijkteam Noord") && r.Contains("Participatiewet") && r.Contains("Financiën") && r.Split('\t').Count(c => c.Trim() == "€ 900,00") == 2);
        Assert.Contains(rows, r => r.Contains("Wijkteam Noord") && r.Contains("Wet gemeentelijke schuldhulpverlening") && r.Contains("Financiën") && r.Split('\t').Count(c => c.Trim() == "€ 900,00") == 2);
        Assert.Contains("€ 21.700,02", await municipality.Page.Locator("#vermeden").InnerTextAsync());
        await municipality.AssertAccessibleAsync();
        await municipality.GotoAsync("/budget");
        Assert.Contains("€ 1.800,00", await municipality.Page.Locator("#budgetten").InnerTextAsync());
        await municipality.AssertAccessibleAsync();
        coordinator.AssertNoBrowserProblems();
        lead.AssertNoBrowserProblems();
    }
}
