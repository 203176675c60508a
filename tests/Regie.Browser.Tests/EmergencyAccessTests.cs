using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

public sealed class EmergencyAccessTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Professional_of_another_team_breaks_the_glass_and_the_privacy_officer_sees_it_in_the_audit_trail()
    {
        const string reason = "Crisismelding politie, regisseur van Noord niet bereikbaar";
        await using (var s = await fixture.NewSessionAsync(signedIn: false))
        {
            await s.SignInAsync("regisseur.zuid@voorbeeld.nl");
            await s.Page.GetByLabel("Naam, BSN, geboortedatum of postcode + huisnummer").FillAsync("Ria de Wit");
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            var row = s.Page.Locator("#resultaten tr", new() { HasText = "Wit, Ria de" });
            await row.WaitForAsync();
            Assert.Contains("Dossier van een ander team.", await row.InnerTextAsync());
            Assert.Equal(0, await row.GetByRole(AriaRole.Link, new() { Name = "Wit, Ria de" }).CountAsync());
            await s.AssertAccessibleAsync();

            await row.GetByRole(AriaRole.Link, new() { Name = "Noodtoegang aanvragen" }).ClickAsync();
            await s.Page.WaitForURLAsync(url => url.EndsWith("/noodtoegang", StringComparison.Ordinal));
            await s.AssertAccessibleAsync();
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Dossier openen met noodtoegang" }).ClickAsync();
            Assert.Contains("minstens 15 tekens", await s.Page.Locator(".utrecht-form-field-error-message").InnerTextAsync());
            await s.AssertAccessibleAsync();

            await s.Page.GetByLabel("Reden").FillAsync(reason);
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Dossier openen met noodtoegang" }).ClickAsync();
            await s.Page.WaitForURLAsync(url => !url.EndsWith("/noodtoegang", StringComparison.Ordinal));
            Assert.Equal("Huishouden de Wit", await s.Page.Locator("h1").InnerTextAsync());
            Assert.Contains("U heeft noodtoegang tot", await s.Page.GetByRole(AriaRole.Status).InnerTextAsync());
            Assert.Contains($"Noodtoegang door Koen Verhoeven", await s.Page.Locator("#tijdlijn").InnerTextAsync());
            // Emergency access reads and notes; taking the household over is not on offer.
            Assert.Contains("U heeft noodtoegang: u kunt dit dossier lezen", await s.Page.Locator("#noodtoegang-melding").InnerTextAsync());
            Assert.Equal(0, await s.Page.GetByRole(AriaRole.Link, new() { Name = "Regisseur", Exact = true }).CountAsync());
            Assert.Equal(0, await s.Page.GetByRole(AriaRole.Link, new() { Name = "Lid toevoegen" }).CountAsync());
            await s.AssertAccessibleAsync();

            await s.Page.GetByRole(AriaRole.Link, new() { Name = "Notitie op de tijdlijn" }).ClickAsync();
            await s.Page.WaitForURLAsync(url => url.EndsWith("/notitie", StringComparison.Ordinal));
            await s.AssertAccessibleAsync();
            await s.Page.GetByLabel("Notitie").FillAsync("Ter plaatse geweest; kinderen slapen bij de buren");
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Notitie opslaan" }).ClickAsync();
            await s.Page.WaitForURLAsync(url => !url.Contains("/notitie", StringComparison.Ordinal));
            Assert.Contains("Notitie bij noodtoegang van Koen Verhoeven: Ter plaatse geweest; kinderen slapen bij de buren", await s.Page.Locator("#tijdlijn").InnerTextAsync());
        }

        await using var privacy = await fixture.NewSessionAsync(signedIn: false);
        await privacy.SignInAsync("privacy@voorbeeld.nl");
        Assert.Equal("/start", new Uri(privacy.Page.Url).AbsolutePath);
        await privacy.Page.GetByRole(AriaRole.Link, new() { Name = "Audittrail", Exact = true }).ClickAsync();
        await privacy.Page.GetByLabel("E-mailadres van de gebruiker").FillAsync("regisseur.zuid@voorbeeld.nl");
        await privacy.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var trail = await privacy.Page.Locator("tbody").InnerTextAsync();
        Assert.Contains("Noodtoegang", trail);
        Assert.Contains(reason, trail);
        Assert.Contains("Gezocht", trail);
        await privacy.AssertAccessibleAsync();

        await privacy.GotoAsync("/noodtoegang");
        Assert.Contains(reason, await privacy.Page.Locator("tbody").InnerTextAsync());
        await privacy.AssertAccessibleAsync();
    }

    /// <summary>Seed 003: a department asks whether anyone helps Sanne, with its purpose; the privacy officer finds that question under her BSN.</summary>
    [Fact]
    public async Task Department_employee_looks_up_a_bsn_finds_the_coordinator_and_the_privacy_officer_sees_the_look_up_under_that_bsn()
    {
        const string purpose = "beoordeling aanvraag bijzondere bijstand";
        string bsn;
        await using (var scope = fixture.App.Scope())
            bsn = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons
                .Where(p => p.Voornamen == "Sanne" && p.Achternaam == "Bakker").Select(p => p.Bsn!).SingleAsync();

        await using (var s = await fixture.NewSessionAsync(signedIn: false))
        {
            await s.SignInAsync("werkeninkomen@voorbeeld.nl");
            await s.GotoAsync("/opzoeken");
            await s.Page.GetByLabel("BSN", new() { Exact = true }).FillAsync(bsn);
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Opzoeken" }).ClickAsync();
            // No purpose, no answer: the Dutch message at the field.
            Assert.Contains("Vul in waarom u opzoekt", await s.Page.Locator(".utrecht-form-field-error-message").InnerTextAsync());
            Assert.Equal(0, await s.Page.Locator("#uitkomst").CountAsync());
            await s.AssertAccessibleAsync();

            await s.Page.GetByLabel("Doel van de opvraging").FillAsync(purpose);
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Opzoeken" }).ClickAsync();
            var answer = s.Page.Locator("section[aria-labelledby=uitkomst]");
            await answer.WaitForAsync();
            var text = await answer.InnerTextAsync();
            Assert.Contains("Er is al iemand betrokken", text);
            Assert.Contains("Regisseur:", text);
            Assert.Contains("Woningcorporatie Thuis", text);
            await s.AssertAccessibleAsync();
        }

        await using var privacy = await fixture.NewSessionAsync(signedIn: false);
        await privacy.SignInAsync("privacy@voorbeeld.nl");
        await privacy.Page.GetByRole(AriaRole.Link, new() { Name = "Audittrail", Exact = true }).ClickAsync();
        await privacy.Page.GetByLabel("BSN van de inwoner").FillAsync(bsn);
        await privacy.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var row = privacy.Page.Locator("tbody tr", new() { HasText = purpose });
        await row.WaitForAsync();
        var line = await row.InnerTextAsync();
        Assert.Contains("Opgezocht", line);
        Assert.Contains("Werk & Inkomen", line);
        Assert.Contains($"BSN {bsn}", line);
        await privacy.AssertAccessibleAsync();
    }
}
