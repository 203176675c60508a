using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Referrals;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>The team lead's conflict-of-interest figures on a constructed set of referrals, on a database of their own.</summary>
public sealed class ConflictOfInterestFigureTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private int _household;

    /// <summary>Sends <paramref name="count"/> referrals as a staff member (their employer and team as recorded) to the organisation.</summary>
    private async Task ReferAsync(string email, string organisation, int count)
    {
        await using var setup = _app.Scope();
        var db = setup.ServiceProvider.GetRequiredService<RegieDbContext>();
        var staff = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var provider = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var (household, person) = await new Given(_app).Resident($"Cijfer{++_household}", "Kim");
            await using var scope = _app.Services.CreateAsyncScope();
            // Acting as the system with the staff member's id: the referral records their team and employer from their account.
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, staff.Id, staff.DisplayName);
            var sent = await scope.ServiceProvider.GetRequiredService<SendReferralHandler>().HandleAsync(household,
                new ReferralInput { PersoonId = person, OrganisatieId = provider, Dienst = "Ondersteuning", Vraag = "Hulp", Toestemming = true }, default);
            Assert.True(sent.IsOk, string.Join(", ", sent.Errors.Select(e => e.Code)));
        }
    }

    [Fact]
    public async Task Conflict_of_interest_figures_are_correct_on_a_constructed_set_of_referrals()
    {
        await using (var scope = _app.Scope())
        {
            // A municipal consultant joins Zuid: the independent colleague of the seconded Koen Verhoeven.
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var zuid = await db.Teams.Where(t => t.Name == "Wijkteam Zuid").Select(t => t.Id).SingleAsync();
            await db.Users.Where(u => u.Email == "consulent@voorbeeld.nl").ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamId, zuid));
        }
        // Zuid: Koen (seconded by De Brug) 3 to De Brug and 1 elsewhere; Peter (municipality) 1 to De Brug and 4 elsewhere.
        await ReferAsync("regisseur.zuid@voorbeeld.nl", "Zorgaanbieder De Brug", 3);
        await ReferAsync("regisseur.zuid@voorbeeld.nl", "Woningcorporatie Thuis", 1);
        await ReferAsync("consulent@voorbeeld.nl", "Zorgaanbieder De Brug", 1);
        await ReferAsync("consulent@voorbeeld.nl", "Woningcorporatie Thuis", 4);
        // Noord: Fatima (the team's own foundation) 1 to the foundation and 1 to De Brug; Marloes (municipality) 1 to De Brug.
        await ReferAsync("regisseur@voorbeeld.nl", "Stichting Sociaal Werk Voorbeeld", 1);
        await ReferAsync("regisseur@voorbeeld.nl", "Zorgaanbieder De Brug", 1);
        await ReferAsync("teamleider@voorbeeld.nl", "Zorgaanbieder De Brug", 1);

        await using (var scope = _app.Scope())
        {
            var report = (await scope.ServiceProvider.GetRequiredService<ConflictOfInterestQuery>().ReportAsync(null, null, default)).Value!;
            var teams = report.Teams.ToDictionary(t => t.Team);
            Assert.Equal((9, 3, 0.3333m), (teams["Wijkteam Zuid"].Verwijzingen, teams["Wijkteam Zuid"].NaarEigenWerkgever, teams["Wijkteam Zuid"].Aandeel));
            Assert.Equal((3, 1, 0.3333m), (teams["Wijkteam Noord"].Verwijzingen, teams["Wijkteam Noord"].NaarEigenWerkgever, teams["Wijkteam Noord"].Aandeel));
            Assert.Equal((12, 4, 0.3333m), (teams["Alle teams"].Verwijzingen, teams["Alle teams"].NaarEigenWerkgever, teams["Alle teams"].Aandeel));

            var zuid = report.Aanbieders.Single(p => p.Team == "Wijkteam Zuid");
            Assert.Equal(("Zorgaanbieder De Brug", 4, 3, 0.75m, 5, 1, 0.2m), (zuid.Aanbieder, zuid.DoorEigenMedewerkers, zuid.DoorEigenMedewerkersNaarAanbieder,
                zuid.AandeelEigenMedewerkers, zuid.DoorOnafhankelijken, zuid.DoorOnafhankelijkenNaarAanbieder, zuid.AandeelOnafhankelijken));
            // Over all teams the independent group is Peter, Fatima and Marloes: 8 referrals, 3 of them to De Brug.
            var all = report.Aanbieders.Single(p => p.Team == "Alle teams");
            Assert.Equal((4, 3, 8, 3, 0.375m), (all.DoorEigenMedewerkers, all.DoorEigenMedewerkersNaarAanbieder, all.DoorOnafhankelijken, all.DoorOnafhankelijkenNaarAanbieder, all.AandeelOnafhankelijken));
            Assert.DoesNotContain(report.Aanbieders, p => p.Team == "Wijkteam Noord");

            var tomorrow = DateTime.UtcNow.AddDays(1).ToString("dd-MM-yyyy");
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<ConflictOfInterestQuery>().ReportAsync(tomorrow, tomorrow, default)).Value!.Teams.Single().Verwijzingen);
        }

        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await lead.GetStringAsync("/team/eigen-werkgever"));
        Assert.Contains("75,0%", page);
        Assert.Contains("20,0%", page);
        Assert.Contains("37,5%", page);
        Assert.Contains("Onafhankelijke medewerkers", page);
        var api = await lead.GetFromJsonAsync<JsonElement>("/api/v1/conflict-of-interest?van=2020-01-01");
        Assert.Equal(0.75m, api.GetProperty("aanbieders").EnumerateArray().First(p => p.GetProperty("team").GetString() == "Wijkteam Zuid").GetProperty("aandeelEigenMedewerkers").GetDecimal());
        Assert.Equal("period-invalid", (await (await lead.GetAsync("/api/v1/conflict-of-interest?van=gisteren")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
