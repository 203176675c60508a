using Regie.Web.Features.Households;
using System.Text.RegularExpressions;

using static Regie.Testing.Builders;

namespace Regie.Browser.Tests;

public sealed partial class MoveTests(EmptyBrowserFixture fixture) : IClassFixture<EmptyBrowserFixture>
{
    [GeneratedRegex(@"/personen/[0-9a-f-]{36}$")]
    private static partial Regex PersonUrl();

    [Fact]
    public async Task Professional_moves_a_person_to_another_household_and_sees_the_history_on_both()
    {
        var from = TestData.Surname("Verbeek");
        var to = TestData.Surname("Hoekstra");
        var fromId = await RegisterAsync(TestData.Postcode(), "4", ("Ouder", "Anouk", from, "1980-05-01"), ("Kind", "Mila", from, "2004-08-15"));
        var toPostcode = TestData.Postcode();
        var toId = await RegisterAsync(toPostcode, "21", ("Ouder", "Bram", to, "2001-02-02"));

        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync($"/huishoudens/{fromId}");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = $"Mila {from}" }).ClickAsync();
        await s.Page.WaitForURLAsync(PersonUrl());
        var personPath = new Uri(s.Page.Url).AbsolutePath;

        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Verhuizen naar ander huishouden" }).ClickAsync();
        await s.Page.WaitForURLAsync(url => url.EndsWith("/verhuizen", StringComparison.Ordinal));
        Assert.Equal($"Mila {from} verhuist", await s.Page.Locator("h1").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await s.Page.GetByLabel("Postcode nieuw adres").FillAsync(toPostcode);
        await s.Page.GetByLabel("Huisnummer").FillAsync("21");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Huishoudens op dit adres zoeken" }).ClickAsync();
        var choice = s.Page.GetByRole(AriaRole.Group, new() { Name = "Naar welk huishouden?" }).GetByRole(AriaRole.Radio);
        await choice.First.WaitForAsync();
        Assert.Equal(1, await choice.CountAsync());
        Assert.StartsWith($"Huishouden {to}, ", await s.Page.Locator($"label[for='naar-{toId}']").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await choice.CheckAsync();
        await s.Page.GetByLabel("Rol in het nieuwe huishouden").SelectOptionAsync(new SelectOptionValue { Label = "Partner" });
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Verhuizing vastleggen" }).ClickAsync();

        await s.Page.WaitForURLAsync(url => url.EndsWith($"/huishoudens/{toId}", StringComparison.Ordinal));
        Assert.Equal($"Mila {from} is verhuisd naar dit huishouden.", await s.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        var newMembers = await s.Page.Locator("section[aria-labelledby=leden-kop] tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, newMembers.Count);
        Assert.Contains(newMembers, m => m.Contains($"Mila {from}", StringComparison.Ordinal) && m.Contains("Partner", StringComparison.Ordinal));
        Assert.Contains($"Mila {from} ingetrokken vanuit Huishouden {from}, als partner", await s.Page.Locator("#tijdlijn").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await s.GotoAsync($"/huishoudens/{fromId}");
        Assert.Equal("Leden (1)", await s.Page.Locator("#leden-kop").InnerTextAsync());
        Assert.Contains($"Anouk {from}", await s.Page.Locator("section[aria-labelledby=leden-kop] tbody").InnerTextAsync());
        var former = s.Page.GetByRole(AriaRole.Heading, new() { Name = "Eerder in dit huishouden" });
        Assert.True(await former.IsVisibleAsync());
        Assert.Contains($"Mila {from} (kind)", await s.Page.Locator("section[aria-labelledby=leden-kop] ul").InnerTextAsync());
        Assert.Contains($"Mila {from} verhuisd naar een ander huishouden", await s.Page.Locator("#tijdlijn").InnerTextAsync());
        await s.AssertAccessibleAsync();

        await s.GotoAsync(personPath);
        var history = await s.Page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h.Contains($"Huishouden {to}", StringComparison.Ordinal) && h.Contains("Partner", StringComparison.Ordinal) && h.TrimEnd().EndsWith("nu", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains($"Huishouden {from}", StringComparison.Ordinal) && h.Contains("Kind", StringComparison.Ordinal) && !h.TrimEnd().EndsWith("nu", StringComparison.Ordinal));
        await s.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Professional_sees_that_no_household_lives_at_an_unknown_address()
    {
        var surname = TestData.Surname("Dijkstra");
        var id = await RegisterAsync(TestData.Postcode(), "9", ("Ouder", "Karin", surname, "1975-10-10"));
        await using var s = await fixture.NewSessionAsync();
        await s.GotoAsync($"/huishoudens/{id}");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = $"Karin {surname}" }).ClickAsync();
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Verhuizen naar ander huishouden" }).ClickAsync();

        await s.Page.GetByLabel("Postcode nieuw adres").FillAsync(TestData.Postcode());
        await s.Page.GetByLabel("Huisnummer").FillAsync("999");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Huishoudens op dit adres zoeken" }).ClickAsync();
        await s.Page.GetByText("Op dit adres staat nog geen huishouden.").WaitForAsync();
        Assert.Equal(0, await s.Page.GetByRole(AriaRole.Radio).CountAsync());
        Assert.Equal("/huishoudens/nieuw", await s.Page.GetByRole(AriaRole.Link, new() { Name = "Registreer eerst het nieuwe huishouden" }).GetAttributeAsync("href"));
        await s.AssertAccessibleAsync();
    }

    /// <summary>Arranges a household through the real handler; registering through the form is tested elsewhere.</summary>
    private async Task<Guid> RegisterAsync(string postcode, string huisnummer, params (string Rol, string Voornamen, string Achternaam, string GeboortedatumIso)[] members)
    {
        var address = new AddressInput { Postcode = postcode, Huisnummer = huisnummer, Straat = "Lindelaan", Woonplaats = "Voorbeeld" };
        return await new Given(fixture.App).Household([.. members.Select(m => Member(m.Voornamen, m.Achternaam, m.Rol, m.GeboortedatumIso))], address: address);
    }
}
