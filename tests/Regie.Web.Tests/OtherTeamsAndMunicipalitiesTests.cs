using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using Regie.Web.Infrastructure;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>Lists that name people show one's own team's households and one's own municipality's staff, never another's.</summary>
public sealed class OtherTeamsAndMunicipalitiesTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    /// <summary>A household of <paramref name="team"/> with a trajectory opened 70 days ago in which nothing moved: stuck.</summary>
    private async Task<(Guid Household, Guid Team)> StuckAsync(string team, string name)
    {
        var given = new Given(_app);
        var (household, _) = await given.HouseholdWithActivePlan(name, "Stil", team: team);
        var teamId = await given.TeamId(team);
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var opened = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-70);
        await db.Trajectories.Where(t => t.HouseholdId == household).ExecuteUpdateAsync(s => s.SetProperty(t => t.OpenedOn, opened).SetProperty(t => t.TeamId, teamId));
        return (household, teamId);
    }

    [Fact]
    public async Task The_lead_of_team_Noord_does_not_see_a_stuck_household_of_team_Zuid_whatever_team_is_asked_for()
    {
        await StuckAsync("Wijkteam Noord", "Noordstilstand");
        var (_, zuid) = await StuckAsync("Wijkteam Zuid", "Zuidstilstand");

        using var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        foreach (var query in new[] { "", "?team=alle", $"?team={zuid}" })
        {
            var page = WebUtility.HtmlDecode(await lead.GetStringAsync("/team/signalering" + query));
            Assert.Contains("Huishouden Noordstilstand", page);
            Assert.DoesNotContain("Zuidstilstand", page);
        }
        // The list itself: the lead's own team, whoever asks it for more.
        Guid noord;
        await using (var system = _app.Scope())
            noord = await system.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => t.Id).SingleAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "lead-noord", "Marloes de Groot", Roles.Teamleider, noord);
        var list = await scope.ServiceProvider.GetRequiredService<Features.Team.StuckHouseholdsQuery>().ForLeadAsync(default);
        Assert.Equal(["Huishouden Noordstilstand"], list.Select(h => h.Naam));
    }

    [Fact]
    public async Task The_mandates_page_does_not_list_staff_of_another_municipality()
    {
        const string foreigner = "Medewerker Buurgemeente";
        string foreignId;
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<RegieDbContext>();
            db.Municipalities.Add(new Municipality { Code = "0001", Name = "Buurgemeente", CreatedAt = DateTime.UtcNow });
            var team = new Team { Id = Guid.CreateVersion7(), Gemeentecode = "0001", Name = "Wijkteam Buurgemeente" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var user = new RegieUser { UserName = "medewerker@buurgemeente.nl", Email = "medewerker@buurgemeente.nl", DisplayName = foreigner, Gemeentecode = "0001", TeamId = team.Id };
            Assert.True((await sp.GetRequiredService<UserManager<RegieUser>>().CreateAsync(user)).Succeeded);
            await sp.GetRequiredService<UserManager<RegieUser>>().AddToRoleAsync(user, Roles.Professional);
            foreignId = user.Id;
        }

        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var page = WebUtility.HtmlDecode(await municipality.GetStringAsync("/beheer/mandaten"));
        Assert.Contains("Fatima Bouzid", page);
        Assert.DoesNotContain(foreigner, page);
        Assert.DoesNotContain(foreignId, page);

        // Nor can a personal mandate be set for them.
        await using var beleid = _app.Services.CreateAsyncScope();
        beleid.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beleid", "Thomas Bos", Roles.Beleid);
        var refused = await beleid.ServiceProvider.GetRequiredService<SetMandateHandler>().HandleAsync(new MandateInput { GebruikerId = foreignId, Bedrag = "5.000" }, default);
        Assert.Equal(Regie.Domain.Budget.Mandates.UserUnknownCode, Assert.Single(refused.Errors).Code);
    }
}
