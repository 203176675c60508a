using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.Households;
using Regie.Web.Infrastructure;

using static Regie.Testing.Builders;

namespace Regie.Browser.Tests;

/// <summary>
/// The municipal desk takes a request in: registers it, screens it, and routes it. A route
/// against the suggestion needs a reason, and the team route needs a named team because the desk has none.
/// </summary>
public sealed class TriageTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    [Fact]
    public async Task The_desk_registers_and_screens_a_request_and_hands_the_household_to_a_named_team()
    {
        var surname = TestData.Surname();
        var given = new Given(fixture.App);
        var household = await given.Household(
            [Member("Henk", surname, geboortedatum: "12-05-1958")],
            address: new AddressInput { Straat = "Kerkstraat", Huisnummer = "21", Postcode = TestData.Postcode(), Woonplaats = "Voorbeeld", Wijk = "Zuid" });
        Guid father;
        await using (var scope = fixture.App.Scope())
            father = (await scope.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(household, default))!.Leden[0].PersonId;

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.SignInAsync("consulent@voorbeeld.nl");
        var page = s.Page;
        page.SetDefaultTimeout(20_000);

        await s.GotoAsync($"/huishoudens/{household}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.GetByLabel("Wie bracht de vraag in?").SelectOptionAsync("Huisarts");
        await page.GetByLabel("Waar vraagt het huishouden hulp bij?").FillAsync("Redt het huishouden niet meer sinds zijn vrouw is overleden");
        await page.GetByLabel("Er wordt maatwerk gevraagd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag registreren" }).ClickAsync();
        await page.WaitForURLAsync("**/hulpvragen/*");

        // One domain of concern; the municipality never chose a model, so (a): the team takes everything.
        await page.GetByLabel($"Instrumentele ADL, Henk {surname}").SelectOptionAsync("2");
        await page.GetByLabel($"Sociaal netwerk, Henk {surname}").SelectOptionAsync("3");
        // The safety check every intake answers: nothing seen or heard, judged safe.
        foreach (var no in await page.Locator("input[type=radio][value=Nee][name^='Intake.Veiligheid[']").AllAsync()) await no.CheckAsync();
        await page.Locator("#veiligheid-oordeel-Veilig").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Screening opslaan" }).ClickAsync();
        await page.GetByText("Voorstel: Wijkteam").WaitForAsync();
        Assert.Contains("één leefgebied van zorg zien (Instrumentele ADL)", await page.Locator("#route + .regie-card").InnerTextAsync());

        // Against the suggestion without a reason: refused at the field.
        await page.GetByLabel("Besluit").SelectOptionAsync("Loket");
        await page.GetByRole(AriaRole.Button, new() { Name = "Route vastleggen" }).ClickAsync();
        await page.Locator(".utrecht-form-field-error-message", new() { HasText = "Schrijf op waarom" }).WaitForAsync();
        await s.AssertAccessibleAsync();

        // The team route from the desk: only with the team named.
        await page.GetByLabel("Besluit").SelectOptionAsync("Wijkteam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Route vastleggen" }).ClickAsync();
        await page.Locator(".utrecht-form-field-error-message", new() { HasText = "Kies het wijkteam" }).WaitForAsync();
        await s.AssertAccessibleAsync();
        await page.GetByLabel("Wijkteam (niet verplicht)").SelectOptionAsync(new SelectOptionValue { Label = "Wijkteam Zuid" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Route vastleggen" }).ClickAsync();
        await page.WaitForURLAsync("**/hulpvragen");
        await page.GetByText("Het wijkteam neemt het huishouden op").WaitForAsync();

        // The file is Wijkteam Zuid's now.
        await using var scope2 = fixture.App.Services.CreateAsyncScope();
        var db = scope2.ServiceProvider.GetRequiredService<Regie.Web.Data.RegieDbContext>();
        scope2.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Test");
        var team = await db.Households.Where(h => h.Id == household)
            .Select(h => db.Teams.Where(t => t.Id == h.ResponsibleTeamId).Select(t => t.Name).FirstOrDefault()).SingleAsync();
        Assert.Equal("Wijkteam Zuid", team);
        s.AssertNoBrowserProblems();
    }
}
