namespace Regie.Browser.Tests;

public sealed class SignInAndErrorPageTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    [Fact]
    public async Task Visitor_sees_an_accessible_login_page()
    {
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.GotoAsync("/inloggen");

        Assert.Equal("Inloggen bij Regie", await s.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("Inloggen · Regie", await s.Page.TitleAsync());
        // Signed out there is nothing to navigate to.
        Assert.Equal(0, await s.Page.GetByRole(AriaRole.Navigation).CountAsync());
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Professional_with_a_wrong_password_stays_signed_out_and_is_told_why()
    {
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.GotoAsync("/inloggen");
        await s.Page.GetByLabel("E-mailadres").FillAsync("regisseur@voorbeeld.nl");
        await s.Page.GetByLabel("Wachtwoord").FillAsync("niet-het-wachtwoord");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        var summary = s.Page.Locator("#foutmeldingen");
        await summary.WaitForAsync();
        Assert.EndsWith("/inloggen", new Uri(s.Page.Url).AbsolutePath);
        Assert.Equal(1, await summary.Locator("li").CountAsync());
        var message = await summary.Locator("li").InnerTextAsync();
        Assert.Equal(message, await s.Page.Locator("#Input_Wachtwoord-error").InnerTextAsync());
        Assert.Equal("regisseur@voorbeeld.nl", await s.Page.GetByLabel("E-mailadres").InputValueAsync());
        Assert.Equal("", await s.Page.GetByLabel("Wachtwoord").InputValueAsync());
        await s.AssertAccessibleAsync();

        // Still signed out: a protected page sends the visitor back to the login.
        await s.GotoAsync("/huishoudens/nieuw");
        Assert.Equal("/inloggen", new Uri(s.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Professional_opening_an_unknown_household_gets_an_accessible_not_found_page()
    {
        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync($"/huishoudens/{Guid.NewGuid()}", expectedStatus: 404);

        Assert.Equal("Pagina niet gevonden", await s.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("Pagina niet gevonden · Regie", await s.Page.TitleAsync());
        Assert.Equal("/", await s.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar zoeken" }).GetAttributeAsync("href"));
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Visitor_sees_an_accessible_general_error_page()
    {
        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.GotoAsync("/fout");

        Assert.Equal("Er ging iets mis", await s.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("functioneel beheerder", await s.Page.Locator("main").InnerTextAsync());
        await s.AssertAccessibleAsync();
    }
}
