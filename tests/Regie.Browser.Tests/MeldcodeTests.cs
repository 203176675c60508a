using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Coordination;
using Regie.Web.Features.Households;
using Regie.Web.Infrastructure;

namespace Regie.Browser.Tests;

/// <summary>
/// Safety first, in the browser: the intake's safety check finds a concern, which opens a Meldcode track; the coordinator
/// takes it through consultation, conversation and the afwegingskader to help organised with a goal of the plan, and adds
/// a Veilig Verder plan to the household plan.
/// </summary>
public sealed class MeldcodeTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");

    [Fact]
    public async Task A_safety_concern_at_intake_becomes_a_meldcode_track_that_ends_in_help_and_a_veilig_verder_plan()
    {
        var surname = TestData.Surname("Veldhuis");
        Guid household;
        // A mother and her son, held by Wijkteam Noord with the demo professional as coordinator and a plan with one goal.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Balie");
            household = (await sp.GetRequiredService<CreateHouseholdHandler>().HandleAsync(new CreateHouseholdInput
            {
                Adres = new AddressInput { Straat = "Lindelaan", Huisnummer = "3", Postcode = TestData.Postcode(), Woonplaats = "Voorbeeld", Wijk = "Noord" },
                Leden =
                [
                    new MemberInput { Rol = "ouder", Voornamen = "Mirjam", Achternaam = surname, Geboortedatum = "11-04-1988", Bsn = TestApp.NextBsn() },
                    new MemberInput { Rol = "kind", Voornamen = "Daan", Achternaam = surname, Geboortedatum = "05-06-2016" },
                ],
            }, default)).Value;
            var db = sp.GetRequiredService<RegieDbContext>();
            var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
            (await db.Households.SingleAsync(h => h.Id == household)).HandOverTo(noord);
            await db.SaveChangesAsync();
            var coordinator = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
            var version = await db.Households.Where(h => h.Id == household).Select(h => h.Version).SingleAsync();
            Assert.True((await sp.GetRequiredService<AssignCoordinatorHandler>().HandleAsync(household, new AssignCoordinatorInput { RegisseurId = coordinator, Versie = version }, default)).IsOk);
            var plans = new PlanUseCases(sp);
            Assert.True((await plans.StartAsync(household, default)).IsOk);
            Assert.True((await plans.AddGoalAsync(household, new Regie.Web.Features.Plans.GoalInput
            {
                Leefgebied = "HuiselijkeRelaties", Wat = "Thuis is het veilig voor Daan", MeetbaarResultaat = "Drie maanden geen incidenten",
                Wie = "Mirjam met de gezinscoach", Streefdatum = InDays(90), Versie = 1,
            }, default)).IsOk);
        }

        await using var s = await fixture.NewSessionAsync();
        var page = s.Page;
        page.SetDefaultTimeout(20_000);

        // 1. The request and the intake: the safety check finds signals about Daan; the professional has concerns.
        await s.GotoAsync($"/huishoudens/{household}");
        Assert.Equal(0, await page.Locator("#veiligheid").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.GetByLabel("Wie bracht de vraag in?").SelectOptionAsync("School");
        await page.GetByLabel("Waar vraagt het huishouden hulp bij?").FillAsync("Daan is stil en teruggetrokken, moeder vraagt hulp bij de opvoeding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.WaitForURLAsync("**/hulpvragen/*");
        foreach (var no in await page.Locator("input[type=radio][value=Nee][name^='Intake.Veiligheid[']").AllAsync()) await no.CheckAsync();
        await page.Locator("#veiligheid-kind-Ja").CheckAsync();
        await page.Locator("#veiligheid-oordeel-Zorgen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening opslaan" }).ClickAsync();
        // A concern without what was seen or heard is refused at the field.
        await page.Locator("#veiligheid-toelichting-error").WaitForAsync();
        await s.AssertAccessibleAsync();
        await page.GetByLabel("Toelichting: wat zag of hoorde u, van wie, wanneer?").FillAsync("De juf zag op maandag blauwe plekken op Daans rug; Daan zegt dat hij gevallen is.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening opslaan" }).ClickAsync();
        await page.Locator("#veiligheidsadvies", new() { HasText = "Er is een meldcodetraject geopend" }).WaitForAsync();

        // 2. The household shows "Veiligheid"; the coordinator opens the track, which waits for the consultation.
        await s.GotoAsync($"/huishoudens/{household}");
        await page.Locator("#veiligheid").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Meldcode", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/meldcode");
        await s.AssertAccessibleAsync();
        await page.Locator($"a[href^='/huishoudens/{household}/meldcode/']:not([href$='/signaal'])").First.ClickAsync();
        await page.GetByText("Volgende stap", new() { Exact = true }).WaitForAsync();
        Assert.Contains("Stap 2: overleg", await page.Locator(".regie-facts").InnerTextAsync());
        Assert.Contains("De juf zag op maandag blauwe plekken op Daans rug", await page.Locator("main").InnerTextAsync());
        await s.AssertAccessibleAsync();

        // 3. Consultation with the aandachtsfunctionaris, then the conversation with the mother.
        await page.GetByLabel("Met wie overlegd?").SelectOptionAsync("Aandachtsfunctionaris");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sanne Jansen");
        await page.GetByLabel("Wat is geadviseerd?").FillAsync("Spreek moeder deze week; weeg daarna samen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overleg vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stap 2: overleg", Exact = true }).WaitForAsync();
        await page.GetByText("De stap is vastgelegd.").WaitForAsync();
        await page.GetByLabel("Is het gesprek gevoerd?").SelectOptionAsync("Ja");
        await page.GetByLabel("Met wie?").FillAsync($"Mirjam {surname}");
        await page.GetByLabel("Verslag, of waarom het gesprek niet is gevoerd").FillAsync("Moeder vertelt over spanningen met haar ex-partner en wil hulp.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gesprek vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stap 3: gesprek", Exact = true }).WaitForAsync();

        // 4. The afwegingskader: a suspicion, no acute danger, help can be organised, is accepted and makes it safe.
        var weighing = page.Locator("#weging");
        var answers = await weighing.GetByLabel("Antwoord").AllAsync();
        var reasons = await weighing.GetByLabel("Onderbouwing").AllAsync();
        Assert.Equal(5, answers.Count);
        string[] chosen = ["Ja", "Nee", "Ja", "Ja", "Ja"];
        for (var i = 0; i < 5; i++)
        {
            await answers[i].SelectOptionAsync(chosen[i]);
            await reasons[i].FillAsync($"Onderbouwing bij afweging {i + 1}.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Weging vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stap 4: weging", Exact = true }).WaitForAsync();
        Assert.Contains("Hulp bieden of organiseren en de effecten volgen.", await page.Locator(".regie-facts").InnerTextAsync());
        await s.AssertAccessibleAsync();

        // 5. The decision: help organised, linked to the plan's goal; the track closes.
        await page.GetByLabel("Besluit", new() { Exact = true }).SelectOptionAsync("HulpGeorganiseerd");
        await page.GetByLabel("Welke hulp, wat is gemeld, of de reden van afsluiten").FillAsync("Gezinscoach twee keer per week; moeder en Daan naar Veilig Thuis-voorlichting.");
        await page.GetByLabel("Thuis is het veilig voor Daan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await page.GetByText("Besloten: Hulp georganiseerd").WaitForAsync();
        Assert.Contains("Gekoppeld aan 1 doel van het plan.", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).CountAsync());

        // 6. The Veilig Verder plan as an annex to the household plan.
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Veilig Verder-plan starten" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan/veilig-verder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Veiligheidsdoel toevoegen" }).ClickAsync();
        await page.GetByLabel("Wat moet veilig zijn?").FillAsync("Daan slaapt 's nachts rustig en wordt niet geslagen");
        await page.GetByLabel("Voor wie").SelectOptionAsync(new SelectOptionValue { Label = $"Daan {surname}" });
        await page.GetByLabel("Streefdatum").FillAsync(InDays(60));
        await page.GetByRole(AriaRole.Button, new() { Name = "Veiligheidsdoel opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan/veilig-verder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await page.GetByLabel("Wie doet het?").SelectOptionAsync("Huishoudlid");
        await page.GetByLabel("Uit het huishouden").SelectOptionAsync(new SelectOptionValue { Label = $"Mirjam {surname}" });
        await page.GetByLabel("Bij welk signaal of wanneer?").FillAsync("als haar ex-partner onaangekondigd voor de deur staat");
        await page.GetByLabel("Wat gebeurt er dan?").FillAsync("Mirjam doet niet open, gaat met Daan naar de buren en belt de regisseur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan/veilig-verder");
        var annex = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Daan slaapt 's nachts rustig en wordt niet geslagen", annex);
        Assert.Contains("Mirjam doet niet open, gaat met Daan naar de buren en belt de regisseur", annex);
        Assert.Contains("Versie 3", annex);
        Assert.Contains("Het huishouden heeft nog geen akkoord gegeven op dit Veilig Verder-plan.", annex);
        await s.AssertAccessibleAsync();

        await s.GotoAsync($"/huishoudens/{household}/plan");
        Assert.Contains("1 veiligheidsdoelen, 1 afspraken, 0 keer toezicht.", await page.Locator("main").InnerTextAsync());
        s.AssertNoBrowserProblems();
    }
}
