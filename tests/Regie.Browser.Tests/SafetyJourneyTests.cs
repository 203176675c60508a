using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Households;
using Regie.Web.Tests;

using static Regie.Testing.Builders;

namespace Regie.Browser.Tests;

/// <summary>
/// Safety first, in the browser: a concern at the intake's safety check opens a Meldcode track and marks the household
/// "Veiligheid"; the coordinator records the consultation, the conversation and the weighing (the page says where the
/// afwegingskader leads), decides to organise help through a plan goal, and adds a Veilig Verder plan that the household
/// signs and that prints with the plan and on its own.
/// </summary>
public sealed class SafetyJourneyTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");

    [Fact]
    public async Task A_concern_at_intake_becomes_a_Meldcode_track_that_ends_in_help_and_a_signed_Veilig_Verder_plan()
    {
        var surname = TestData.Surname("Veldhuis");
        var given = new Given(fixture.App);
        var household = await given.Household(
            [Member("Maria", surname, geboortedatum: "14-06-1988"), Member("Daan", surname, rol: "kind", geboortedatum: "02-03-2016", bsn: null)],
            address: new AddressInput { Straat = "Lindelaan", Huisnummer = "5", Postcode = TestData.Postcode(), Woonplaats = "Voorbeeld", Wijk = "Noord" });
        Guid mother;
        await using (var scope = fixture.App.Scope())
        {
            var view = (await scope.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(household, default))!;
            mother = view.Leden.Single(m => m.Naam == $"Maria {surname}").PersonId;
        }
        var today = DateTime.UtcNow.ToString("dd-MM-yyyy");

        await using var s = await fixture.NewSessionAsync();
        var page = s.Page;
        page.SetDefaultTimeout(20_000);

        // 1. The GP's request; the intake's safety check finds a concern about the child.
        await s.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.GetByLabel("Wie bracht de vraag in?").SelectOptionAsync("Huisarts");
        await page.GetByLabel("Waar vraagt het huishouden hulp bij?").FillAsync("Moeder is uitgeput en zegt de opvoeding niet meer aan te kunnen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.WaitForURLAsync("**/hulpvragen/*");
        await page.Locator($"select[name='Intake.Scores[{mother}:HuiselijkeRelaties]']").SelectOptionAsync("2");
        foreach (var no in await page.Locator("input[type=radio][value=Nee][name^='Intake.Veiligheid[']").AllAsync()) await no.CheckAsync();
        await page.Locator("#veiligheid-kind-Ja").CheckAsync();
        await page.Locator("#veiligheid-oordeel-Zorgen").CheckAsync();
        await page.GetByLabel("Toelichting: wat zag of hoorde u, van wie, wanneer?").FillAsync("Daan vertelde de huisarts dat hij een klap kreeg toen hij niet wilde opruimen.");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening opslaan" }).ClickAsync();
        await page.Locator("#veiligheidsadvies").WaitForAsync();
        Assert.Equal("Er is een meldcodetraject geopend met deze signalen. Overleg met een collega of de aandachtsfunctionaris (stap 2).",
            (await page.Locator("#veiligheidsadvies").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Route vastleggen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");

        // 2. The professional becomes the coordinator; the household shows "Veiligheid" and its Meldcode.
        await s.GotoAsync($"/huishoudens/{household}/regisseur");
        await page.GetByLabel("Regisseur").SelectOptionAsync(new SelectOptionValue { Label = "Fatima Bouzid (Wijkteam Noord)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Regisseur toewijzen" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}");
        Assert.Equal("Veiligheid", await page.Locator("#veiligheid").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Meldcode", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/meldcode");
        Assert.Equal([today, $"Daan {surname}, Maria {surname}", "Open, volgende: stap 2: overleg"],
            (await page.Locator("table tbody tr td").AllInnerTextsAsync()).Select(t => t.Trim()));
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = today }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/meldcode/*");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Zijn er signalen van kindermishandeling of verwaarlozing, of is een kind getuige van geweld thuis? Ja.", main);
        Assert.Contains("Daan vertelde de huisarts dat hij een klap kreeg toen hij niet wilde opruimen.", main);
        Assert.Contains("Gezien of gehoord door: Fatima Bouzid", main);
        await s.AssertAccessibleAsync();

        // 3. Step 2: consulted the aandachtsfunctionaris.
        await page.Locator("[name='Overleg.Met']").SelectOptionAsync("Aandachtsfunctionaris");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sanne Jansen");
        await page.GetByLabel("Wat is geadviseerd?").FillAsync("Bespreek de signalen met moeder en vraag hoe het thuis gaat als Daan niet luistert.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overleg vastleggen" }).ClickAsync();
        await page.GetByText("De stap is vastgelegd.").WaitForAsync();
        Assert.Contains("Overleg met de aandachtsfunctionaris (Sanne Jansen)", await page.Locator("main").InnerTextAsync());

        // 4. Step 3: the conversation with the mother.
        await page.GetByLabel("Is het gesprek gevoerd?").SelectOptionAsync("Ja");
        await page.Locator("[name='Gesprek.Met']").FillAsync($"Maria {surname}");
        await page.GetByLabel("Verslag, of waarom het gesprek niet is gevoerd").FillAsync("Moeder schrok en vertelde dat het haar uit de hand liep. Zij wil hulp bij de opvoeding.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gesprek vastleggen" }).ClickAsync();
        await page.GetByText($"Gesprek gevoerd met Maria {surname}").WaitForAsync();

        // 5. Step 4: the afwegingskader, each answer with its reasoning; help can be organised, so no report.
        (string Answer, string Reasoning)[] weighing =
        [
            ("Ja", "Een klap bij het opruimen, door Daan zelf verteld en door moeder bevestigd."),
            ("Nee", "Eenmalig, geen letsel; moeder ziet het zelf als een grens die zij niet wil overschrijden."),
            ("Ja", "Het wijkteam kan opvoedondersteuning thuis bieden."),
            ("Ja", "Moeder vraagt er zelf om."),
            ("Ja", "Met steun bij de opvoeding en afspraken voor als het weer oploopt verwachten we dat het veilig blijft."),
        ];
        for (var q = 1; q <= weighing.Length; q++)
        {
            await page.Locator($"select[name='Weging.Afweging[{q}]']").SelectOptionAsync(weighing[q - 1].Answer);
            await page.Locator($"textarea[name='Weging.Onderbouwing[{q}]']").FillAsync(weighing[q - 1].Reasoning);
        }
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Weging vastleggen" }).ClickAsync();
        await page.GetByText("De stap is vastgelegd.").WaitForAsync();
        Assert.Equal("Hulp bieden of organiseren en de effecten volgen.", (await Fact(page, "Uitkomst van de laatste weging")).Trim());
        Assert.Equal(0, await page.Locator("#meldnorm").CountAsync());
        Assert.Equal("Stap 5: besluit", (await Fact(page, "Volgende stap")).Trim());

        // 6. Help organised needs a goal of the plan: the plan gets "Rust in huis".
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan starten" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Doel toevoegen" }).First.ClickAsync();
        await page.GetByLabel("Leefgebied").SelectOptionAsync("HuiselijkeRelaties");
        await page.GetByLabel("Voor wie").SelectOptionAsync(new SelectOptionValue { Label = $"Maria {surname}" });
        await page.GetByLabel("Wat wil het huishouden bereiken?").FillAsync("Rust in huis");
        await page.GetByLabel("Meetbaar resultaat").FillAsync("Geen klappen meer; moeder gebruikt de afspraken als het oploopt");
        await page.GetByLabel("Wie werkt eraan?").FillAsync("Maria met de regisseur");
        await page.GetByLabel("Streefdatum").FillAsync(InDays(90));
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/huishoudens/{household}/plan");

        // 7. Step 5: the decision, linked to the goal; it closes the track.
        await s.GotoAsync($"/huishoudens/{household}/meldcode");
        await page.GetByRole(AriaRole.Link, new() { Name = today }).ClickAsync();
        await page.GetByLabel("Besluit", new() { Exact = true }).SelectOptionAsync("HulpGeorganiseerd");
        await page.GetByLabel("Welke hulp, wat is gemeld, of de reden van afsluiten").FillAsync("Opvoedondersteuning thuis door het wijkteam, zes weken, en een Veilig Verder-plan.");
        await page.GetByLabel("Rust in huis").CheckAsync();
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await page.GetByText("De stap is vastgelegd.").WaitForAsync();
        Assert.Equal($"Besloten: Hulp georganiseerd op {today}", (await Fact(page, "Stand")).Trim());
        Assert.Contains("Gekoppeld aan 1 doel van het plan.", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).CountAsync());

        // 8. The Veilig Verder plan: a safety goal, an agreement for when danger returns, who checks, and the mother's agreement.
        await s.GotoAsync($"/huishoudens/{household}/plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Veilig Verder-plan starten" }).ClickAsync();
        await page.GetByText("Het Veilig Verder-plan is gestart. Leg vast wat veilig moet zijn en wat u afspreekt.").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Veiligheidsdoel toevoegen" }).ClickAsync();
        await page.GetByLabel("Wat moet veilig zijn?").FillAsync("Daan wordt thuis niet meer geslagen");
        await page.GetByLabel("Voor wie").SelectOptionAsync(new SelectOptionValue { Label = $"Daan {surname}" });
        await page.GetByLabel("Streefdatum").FillAsync(InDays(60));
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Veiligheidsdoel opslaan" }).ClickAsync();
        await page.GetByText("Het veiligheidsdoel is toegevoegd.").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Afspraak toevoegen" }).ClickAsync();
        await page.GetByLabel("Wie doet het?").SelectOptionAsync("Huishoudlid");
        await page.GetByLabel("Uit het huishouden").SelectOptionAsync(new SelectOptionValue { Label = $"Maria {surname}" });
        await page.GetByLabel("Bij welk signaal of wanneer?").FillAsync("als zij merkt dat zij boos wordt op Daan");
        await page.GetByLabel("Wat gebeurt er dan?").FillAsync("Maria loopt naar de keuken, telt tot tien en belt haar zus");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
        await page.GetByText("De afspraak is toegevoegd.").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Toezicht toevoegen" }).ClickAsync();
        await page.GetByLabel("Wie controleert?").FillAsync("Fatima Bouzid (regisseur)");
        await page.GetByLabel("Hoe?").SelectOptionAsync("Huisbezoek");
        await page.GetByLabel("Om de hoeveel").FillAsync("2");
        await page.GetByLabel("Dagen of weken").SelectOptionAsync("Weken");
        await page.GetByLabel("Volgende controle").FillAsync(InDays(7));
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toezicht opslaan" }).ClickAsync();
        await page.GetByText("Het toezicht is toegevoegd.").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Akkoord vastleggen" }).ClickAsync();
        await page.GetByLabel("Wie gaf akkoord?").SelectOptionAsync(new SelectOptionValue { Label = $"Maria {surname}" });
        await page.GetByLabel("Hoe?").SelectOptionAsync("ondertekend");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Akkoord vastleggen" }).ClickAsync();
        await page.GetByText("Het akkoord van het huishouden op het Veilig Verder-plan is vastgelegd.").WaitForAsync();
        main = await page.Locator("main").InnerTextAsync();
        Assert.Contains($"Akkoord van het huishouden: Maria {surname}, {today} (ondertekend op papier), op versie 4.", main);
        Assert.Contains("Bij als zij merkt dat zij boos wordt op Daan: Maria " + surname + " — Maria loopt naar de keuken, telt tot tien en belt haar zus", main);
        Assert.Contains("Fatima Bouzid (regisseur): huisbezoek, elke 2 weken; volgende controle " + InDays(7), main);
        await s.AssertAccessibleAsync();

        // 9. On paper: the Veilig Verder plan alone, and as its own section after the plan.
        var alone = await page.APIRequest.GetAsync(await HrefAsync(page, "Veilig Verder-plan als PDF (los af te drukken)"));
        Assert.Equal((200, "application/pdf"), (alone.Status, alone.Headers["content-type"]));
        // A long title wraps onto a second line of the PDF: compare the text with its line breaks as spaces.
        static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        var alonePages = PdfText.Pages(await alone.BodyAsync()).Select(Flat).ToList();
        Assert.Contains($"Veilig Verder-plan: Huishouden {surname}", alonePages[0]);
        Assert.Contains("Daan wordt thuis niet meer geslagen", alonePages[0]);
        Assert.Contains($"Maria {surname} ging op ", string.Join("\n", alonePages));

        await s.GotoAsync($"/huishoudens/{household}/plan");
        Assert.Contains("Versie 4", await page.Locator("#veilig-verder + p").InnerTextAsync());
        Assert.Contains("1 veiligheidsdoelen, 1 afspraken, 1 keer toezicht. Akkoord op versie 4.", await page.Locator("#veilig-verder + p").InnerTextAsync());
        var plan = await page.APIRequest.GetAsync(await HrefAsync(page, "Plan als PDF (voor het huishouden)"));
        Assert.Equal(200, plan.Status);
        var planPages = PdfText.Pages(await plan.BodyAsync()).Select(Flat).ToList();
        Assert.DoesNotContain("Veilig Verder-plan: ", planPages[0]);
        var section = Assert.Single(planPages, p => p.Contains($"Veilig Verder-plan: Huishouden {surname}", StringComparison.Ordinal));
        Assert.Contains("Daan wordt thuis niet meer geslagen", section);
        s.AssertNoBrowserProblems();
    }

    /// <summary>What the track's facts say under a heading, e.g. "Stand".</summary>
    private static Task<string> Fact(IPage page, string term) =>
        page.Locator("dl.regie-facts dt", new() { HasText = term }).Locator("xpath=following-sibling::dd[1]").InnerTextAsync();

    private static async Task<string> HrefAsync(IPage page, string link) =>
        await page.GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("href") ?? throw new InvalidOperationException($"No href on {link}");
}
