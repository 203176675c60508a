using Regie.Web.Infrastructure.Demo;

namespace Regie.Browser.Tests;

/// <summary>
/// Which way of organising works (issue 24): the policy officer goes from the monitor to the evaluation of Wijkteam Zuid's
/// light support and to the demo's saved scenarios, and every page she sees is accessible.
/// </summary>
public sealed class ModelEvaluationTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Policy_officer_evaluates_Zuids_light_support_and_opens_the_council_scenarios()
    {
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.SignInAsync("beleid@voorbeeld.nl");
        var page = s.Page;
        await s.GotoAsync("/monitor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wat deed een wijziging van werkwijze? Evalueer een wisseling van triagemodel of van werkwijze" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor/evaluatie");
        var option = page.Locator("#wijziging option", new() { HasText = DemoEvaluations.LightSupportTitle });
        await page.GetByLabel("Wijziging", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Evalueren" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor/evaluatie?*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoEvaluations.LightSupportTitle, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Wijkteam Zuid");
        await s.AssertAccessibleAsync();

        await s.GotoAsync("/monitor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Scenario's: wat zou een andere werkwijze kosten en opleveren?" }).ClickAsync();
        await page.WaitForURLAsync("**/monitor/scenarios");
        await s.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoScenarios.CpbName, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scenario: " + DemoScenarios.CpbName, Exact = true })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw berekenen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Scenario: " + DemoScenarios.CpbName);
        await s.AssertAccessibleAsync();

        await s.GotoAsync("/monitor/scenarios/nieuw");
        await s.AssertAccessibleAsync();
        await s.GotoAsync("/monitor/scenarios/terugblik");
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();
    }
}
