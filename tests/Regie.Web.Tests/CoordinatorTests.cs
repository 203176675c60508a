using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Coordination;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;
using System.Net;

namespace Regie.Web.Tests;

public sealed class CoordinatorTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<Guid> HouseholdAsync(string name) => (await new Given(_app).Resident(name, "Regie")).Household;

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<CommandResult<string>> AssignAsync(Guid household, string email, string? note, int version)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AssignCoordinatorHandler>()
            .HandleAsync(household, new AssignCoordinatorInput { RegisseurId = await UserIdAsync(email), Overdracht = note, Versie = version }, default);
    }

    [Fact]
    public async Task Coordinator_transfer_needs_a_handover_and_keeps_the_history()
    {
        var household = await HouseholdAsync("Overdracht");
        Assert.True((await AssignAsync(household, "regisseur@voorbeeld.nl", null, 0)).IsOk);

        var noNote = await AssignAsync(household, "regisseur.zuid@voorbeeld.nl", "kort", 1);
        Assert.Equal(CoordinatorRules.HandoverRequiredCode, Assert.Single(noNote.Errors).Code);
        Assert.Equal(CoordinatorRules.SameCoordinatorCode, (await AssignAsync(household, "regisseur@voorbeeld.nl", "dezelfde persoon nog een keer", 1)).Errors[0].Code);

        const string note = "Gezin verhuist naar Zuid; huurachterstand is geregeld, schuldhulp loopt nog.";
        Assert.True((await AssignAsync(household, "regisseur.zuid@voorbeeld.nl", note, 1)).IsOk);

        await using var scope = _app.Scope();
        var sp = scope.ServiceProvider;
        var view = (await sp.GetRequiredService<HouseholdQueries>().GetAsync(household, default))!;
        Assert.Equal("Koen Verhoeven", view.Regisseur);
        Assert.Equal("Wijkteam Zuid", view.Team);
        var history = await sp.GetRequiredService<CoordinationQueries>().HistoryAsync(household, default);
        Assert.Equal(["Koen Verhoeven", "Fatima Bouzid"], history.Select(h => h.Name));
        Assert.Equal(note, history[0].HandoverNote);
        Assert.NotNull(history[1].Until);
        var timeline = await sp.GetRequiredService<Regie.Web.Features.Timeline.TimelineQuery>().ForHouseholdAsync(household, null, default);
        Assert.Equal("Regie overgedragen aan Koen Verhoeven (Wijkteam Zuid)", timeline.Entries[0].Summary);

        // The old coordinator's team no longer holds the file.
        using var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await noord.GetAsync($"/huishoudens/{household}")).StatusCode);
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Contains("Huishouden Overdracht", await zuid.GetStringAsync("/mijn-huishoudens"));
    }

    [Fact]
    public async Task Two_simultaneous_transfers_leave_exactly_one_coordinator()
    {
        var household = await HouseholdAsync("Gelijktijdigregie");
        Assert.True((await AssignAsync(household, "regisseur@voorbeeld.nl", null, 0)).IsOk);
        const string note = "Overdracht wegens ziekte van de regisseur, alle afspraken staan in het plan.";
        var results = await Task.WhenAll(AssignAsync(household, "regisseur.zuid@voorbeeld.nl", note, 1), AssignAsync(household, "teamleider@voorbeeld.nl", note, 1));
        Assert.Single(results, r => r.IsOk);
        Assert.Single(results, r => r.Status == CommandStatus.Conflict);
        await using var scope = _app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().CoordinatorAssignments.CountAsync(a => a.HouseholdId == household && a.Until == null));
    }

    [Fact]
    public async Task Only_professionals_and_team_leads_can_be_coordinator()
    {
        var household = await HouseholdAsync("Geenregisseur");
        Assert.Equal("coordinator-invalid", (await AssignAsync(household, "beleid@voorbeeld.nl", null, 0)).Errors[0].Code);
    }
}
