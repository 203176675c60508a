using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Monitor;

namespace Regie.Web.Tests;

/// <summary>The monitor's Meldcode figures from the tracks a team records: counts and medians only, withheld below ten households.</summary>
public sealed class MeldcodeMonitorFigureTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// A track of the team through all five steps: opened 40 days ago with its signals, the consultation
    /// <paramref name="consultationDays"/> days later, the conversation 2 days after that, the weighing 3 and the decision 4 days after.
    /// A report to Veilig Thuis follows a weighing that says "melden"; otherwise the weighing found no suspicion and the track closed.
    /// </summary>
    private async Task TrackAsync(Guid team, Resident resident, int consultationDays, bool reported)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var opened = Today.AddDays(-40);
        var now = DateTime.UtcNow;
        var track = MeldcodeTrack.Open(TestApp.Gemeentecode, resident.Household, team, null, [resident.Person], opened, now, "test");
        var errors = new ErrorList();
        var consulted = opened.AddDays(consultationDays);
        IReadOnlyList<WeighingAnswer> weighing = reported
            ? [new(1, true, "Signalen en gesprek bevestigen het vermoeden."), new(2, true, "Structurele onveiligheid.")]
            : [new(1, false, "Het letsel is verklaard.")];
        MeldcodeEntryFields[] steps =
        [
            new(MeldcodeStep.Signalen, opened, "Blauwe plekken", Who: "De regisseur"),
            new(MeldcodeStep.Overleg, consulted, "Gesprek aangaan", Who: "Sanne Jansen", ConsultedWith: ConsultationPartner.Aandachtsfunctionaris),
            new(MeldcodeStep.Gesprek, consulted.AddDays(2), "Moeder herkent de zorgen", Who: "Moeder", ConversationHeld: true),
            new(MeldcodeStep.Weging, consulted.AddDays(5), "Weging", Weighing: weighing),
            reported
                ? new(MeldcodeStep.Besluit, consulted.AddDays(9), "Gemeld", Who: "De regisseur", Decision: MeldcodeDecision.GemeldBijVeiligThuis, ReportChannel: ReportChannel.Telefonisch)
                : new(MeldcodeStep.Besluit, consulted.AddDays(9), "Geen vermoeden", Decision: MeldcodeDecision.Afgesloten),
        ];
        foreach (var step in steps)
            Assert.NotNull(track.Record(step, "test", "Test", now, errors));
        db.MeldcodeTracks.Add(track);
        await db.SaveChangesAsync();
    }

    /// <summary>The household's active plan gets its Veilig Verder plan today.</summary>
    private async Task VeiligVerderAsync(Guid household)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var plan = await db.Plans.SingleAsync(p => p.HouseholdId == household && p.ClosedOn == null);
        var errors = new ErrorList();
        db.VeiligVerderPlans.Add(VeiligVerderPlan.Start(plan, false, "test", Today, DateTime.UtcNow, errors)!);
        await db.SaveChangesAsync();
    }

    private async Task<Dictionary<string, Regie.Domain.Monitor.Indicator>> FiguresAsync(Guid team)
    {
        await using var scope = _app.Scope();
        var view = await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, Today.AddYears(-1).AddDays(1), Today, default);
        return view.Indicatoren.Where(i => i.Goal == "Veiligheid").ToDictionary(i => i.Key);
    }

    [Fact]
    public async Task Policy_officer_sees_the_meldcode_figures_of_ten_households_and_none_of_nine()
    {
        Guid team;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Teams.Add(new Team { Id = team = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = "Wijkteam Veiligheid" });
            await db.SaveChangesAsync();
        }
        var given = new Given(_app);
        // Nine households: the consultation after 1 to 9 days; four reported to Veilig Thuis; three with a Veilig Verder plan.
        for (var i = 0; i < 9; i++)
        {
            var resident = i < 3 ? await given.HouseholdWithActivePlan($"Veilig{i}", "Monitor") : await given.Resident($"Veilig{i}", "Monitor");
            await TrackAsync(team, resident, consultationDays: i + 1, reported: i < 4);
            if (i < 3) await VeiligVerderAsync(resident.Household);
        }

        var nine = await FiguresAsync(team);
        Assert.Equal(["meldcode-geopend", "meldcode-duur-overleg", "meldcode-duur-gesprek", "meldcode-duur-weging", "meldcode-duur-besluit", "meldcode-veilig-thuis", "meldcode-veilig-verder"],
            nine.Keys);
        Assert.All(nine.Values, i => Assert.Equal((true, 9, (decimal?)null), (i.Suppressed, i.Households, i.Value)));
        using var municipality = await _app.SignedInClientAsync("beleid@voorbeeld.nl");
        var csv = await municipality.GetStringAsync($"/monitor?team={team}&handler=Csv");
        Assert.Contains("Veiligheid;Meldcodetrajecten geopend;;trajecten;<10;niet getoond: minder dan 10 huishoudens;", csv, StringComparison.Ordinal);
        Assert.Contains("Veiligheid;Meldcodetrajecten met een melding bij Veilig Thuis;;%;<10;niet getoond: minder dan 10 huishoudens;", csv, StringComparison.Ordinal);

        // The tenth household: consultation after 10 days, closed without a report.
        await TrackAsync(team, await given.Resident("Veilig9", "Monitor"), consultationDays: 10, reported: false);
        var ten = await FiguresAsync(team);
        Assert.All(ten.Values, i => Assert.Equal((false, 10), (i.Suppressed, i.Households)));
        Assert.Equal(10m, ten["meldcode-geopend"].Value);
        // The consultation took 1 to 10 days: median 5.5. The other steps took 2, 3 and 4 days each time.
        Assert.Equal((5.5m, 2m, 3m, 4m), (ten["meldcode-duur-overleg"].Value, ten["meldcode-duur-gesprek"].Value, ten["meldcode-duur-weging"].Value, ten["meldcode-duur-besluit"].Value));
        Assert.Equal((40.0m, 30.0m), (ten["meldcode-veilig-thuis"].Value, ten["meldcode-veilig-verder"].Value));

        csv = await municipality.GetStringAsync($"/monitor?team={team}&handler=Csv");
        Assert.Contains("Veiligheid;Meldcodetrajecten geopend;10;trajecten;10;;", csv, StringComparison.Ordinal);
        Assert.Contains("Veiligheid;Meldcode stap 2: overleg: duur (mediaan);5,5;dagen;10;;", csv, StringComparison.Ordinal);
        Assert.Contains("Veiligheid;Meldcodetrajecten met een melding bij Veilig Thuis;40%;%;10;;", csv, StringComparison.Ordinal);
        Assert.Contains("Veiligheid;Huishoudens met een meldcodetraject en een Veilig Verder-plan;30%;%;10;;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Veilig0", csv, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await municipality.GetStringAsync($"/monitor?team={team}"));
        Assert.Contains("<h2 class=\"utrecht-heading-2\">Veiligheid</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Deel van de meldcodetrajecten waarover in de periode werd besloten (stap 5) dat eindigde in een melding bij Veilig Thuis.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Huishouden Veilig", page, StringComparison.Ordinal);
    }
}
