using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using System.Globalization;
using System.Text;

namespace Regie.Browser.Tests;

/// <summary>
/// Issue 22: the vroegsignalering worker reads the water company's monthly file in, finds the household's case on the worklist,
/// calls the resident, and closes the case with "Vervolghulp": a request for help for the household, which the team triages.
/// </summary>
public sealed class VroegsignaleringJourneyTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Worker_takes_a_signal_from_the_monthly_file_to_vervolghulp_and_a_request_for_the_team()
    {
        // A demo household the team knows, without an open vroegsignaalzaak.
        Guid household;
        string name, bsn;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var open = await db.Vroegsignaalzaken.Where(z => z.ClosedOn == null && z.HouseholdId != null).Select(z => z.HouseholdId!.Value).ToListAsync();
            var adult = await db.HouseholdMembers.Where(HouseholdMember.Current)
                .Where(m => m.Person!.Bsn != null && m.Household!.CoordinatorId != null && !open.Contains(m.HouseholdId))
                .OrderByDescending(m => m.Person!.Bsn).Select(m => new { m.HouseholdId, m.Household!.Naam, m.Person!.Bsn }).FirstAsync();
            (household, name, bsn) = (adult.HouseholdId, adult.Naam, adult.Bsn!);
        }
        var today = DateTime.UtcNow.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var file = "kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum\n"
            + $"HELDER-BROWSER-1;{bsn};;;;;06 12345678;;146,80;3;{today}\n"
            + $"HELDER-BROWSER-2;;Onbekend;;;;;;12,00;1;{today}\n";

        await using var s = await fixture.NewSessionAsync(signedIn: false);
        await s.SignInAsync("vroegsignalering@voorbeeld.nl");
        var page = s.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Vroegsignalering", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/vroegsignalering");
        await page.GetByRole(AriaRole.Link, new() { Name = "Signalen inlezen" }).ClickAsync();
        await page.GetByLabel("Signaalpartner").SelectOptionAsync(new SelectOptionValue { Label = "Waterbedrijf Helder (Water)" });
        await page.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = "helder-maand.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Inlezen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verslag")).ToContainTextAsync("Nieuw en gekoppeld aan een huishouden: 1.");
        await Assertions.Expect(page.Locator("#afgewezen")).ToContainTextAsync("HELDER-BROWSER-2");
        await s.AssertAccessibleAsync();

        // The new case on the worklist: received today, four weeks to make contact.
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de werklijst" }).ClickAsync();
        await page.Locator("#zaken").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/vroegsignalering/zaken/*");
        await Assertions.Expect(page.Locator("#signalen")).ToContainTextAsync("Waterbedrijf Helder");
        await Assertions.Expect(page.Locator("#regie")).ToContainTextAsync("regisseur");

        await page.GetByLabel("Hoe").SelectOptionAsync("Telefoon");
        await page.GetByLabel("Dagdeel").SelectOptionAsync("Ochtend");
        await page.GetByLabel("De inwoner is bereikt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Contactpoging vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De contactpoging is vastgelegd.");

        await page.GetByLabel("Resultaat").SelectOptionAsync("VervolghulpFinancieel");
        await page.GetByLabel("Hulpvraag (bij vervolghulp)").FillAsync("Mevrouw wil hulp bij het op orde brengen van haar vaste lasten.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaak afsluiten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("afgesloten met vervolghulp");
        await Assertions.Expect(page.Locator("#hulpvraag")).ToContainTextAsync("klaar voor triage");
        await s.AssertAccessibleAsync();
        s.AssertNoBrowserProblems();

        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var zaak = await db.Vroegsignaalzaken.SingleAsync(z => z.HouseholdId == household && z.RequestId != null);
            var request = await db.HelpRequests.SingleAsync(r => r.Id == zaak.RequestId);
            Assert.Equal((household, RequestSource.Vroegsignaal, "Mevrouw wil hulp bij het op orde brengen van haar vaste lasten."),
                (request.HouseholdId, request.Source, request.Description));
        }
    }
}
