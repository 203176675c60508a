using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Households;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Search;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

public sealed class MembershipTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private Given Given { get; } = new(fixture.App);

    private async Task<Guid> PersonIdAsync(string bsn)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.Where(p => p.Bsn == bsn).Select(p => p.Id).SingleAsync();
    }

    private async Task<CommandResult<Guid>> MoveAsync(Guid personId, Guid to, string date = "", string rol = "overig")
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MovePersonHandler>()
            .HandleAsync(personId, new MovePersonInput { NaarHuishoudenId = to, Rol = rol, Verhuisdatum = date }, default);
    }

    [Fact]
    public async Task Mother_moving_in_with_her_mother_keeps_the_history_of_both_households()
    {
        var ria = Member("Ria", "de Wit", geboortedatum: "12-04-1961");
        var grandmother = await Given.Household(ria);
        var sanne = Member("Sanne", "Bakker", geboortedatum: "03-09-1989");
        var old = await Given.Household(sanne);
        var sanneId = await PersonIdAsync(sanne.Bsn!);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var moved = await MoveAsync(sanneId, grandmother, date: "");
        Assert.Equal(CommandStatus.Ok, moved.Status);

        await using var scope = _app.Scope();
        var person = (await scope.ServiceProvider.GetRequiredService<PersonQueries>().GetAsync(sanneId, default))!;
        Assert.Equal(2, person.Huishoudens.Count);
        Assert.Equal(grandmother, person.Huidig!.HouseholdId);
        Assert.Equal(Regie.Domain.Registry.HouseholdRole.Overig, person.Huidig.Rol);
        var former = Assert.Single(person.Huishoudens, h => h.Tot is not null);
        Assert.Equal(old, former.HouseholdId);
        Assert.Equal(today, former.Tot);

        var households = scope.ServiceProvider.GetRequiredService<HouseholdQueries>();
        Assert.Empty((await households.GetAsync(old, default))!.Leden);
        Assert.Equal("Sanne Bakker", Assert.Single((await households.GetAsync(old, default))!.VoormaligeLeden).Naam);
        Assert.Equal(2, (await households.GetAsync(grandmother, default))!.Leden.Count);

        var timeline = scope.ServiceProvider.GetRequiredService<TimelineQuery>();
        Assert.StartsWith("Sanne Bakker verhuisd naar", (await timeline.ForHouseholdAsync(old, null, default)).Entries[0].Summary);
        var joined = (await timeline.ForHouseholdAsync(grandmother, null, default)).Entries[0];
        Assert.Equal(EventTypes.MemberJoined, joined.Type);
        Assert.Contains("ingetrokken vanuit", joined.Summary);

        // Search now shows her at her mother's address.
        var hit = Assert.Single((await scope.ServiceProvider.GetRequiredService<PersonSearch>().SearchAsync(new SearchRequest(SearchKind.Bsn, Bsn: sanne.Bsn), default)).Hits);
        Assert.Equal(grandmother, hit.HouseholdId);
    }

    [Fact]
    public async Task Move_with_a_date_before_joining_or_to_the_same_household_is_refused()
    {
        var a = Member("Piet", "Verhuizer");
        var from = await Given.Household(a);
        var to = await Given.Household(Member("Truus", "Ontvanger"));
        var id = await PersonIdAsync(a.Bsn!);

        Assert.Equal("move-date-before-membership", (await MoveAsync(id, to, "01-01-2000")).Errors[0].Code);
        Assert.Equal("move-same-household", (await MoveAsync(id, from)).Errors[0].Code);
        Assert.Equal("move-date-in-future", (await MoveAsync(id, to, "01-01-2099")).Errors[0].Code);
        Assert.Equal("role-invalid", (await MoveAsync(id, to, rol: "buurman")).Errors[0].Code);
    }

    [Fact]
    public async Task Person_living_elsewhere_cannot_be_added_as_second_household()
    {
        var a = Member("Kees", "Dubbelwoner");
        await Given.Household(a);
        var other = await Given.Household(Member("Els", "Anderhuis"));
        var id = await PersonIdAsync(a.Bsn!);

        await using var scope = _app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<AddMemberHandler>()
            .HandleAsync(other, new AddMemberInput { Lid = new MemberInput { PersonId = id, Rol = "partner" } }, default);
        Assert.Equal("person-already-member", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Two_workers_moving_the_same_person_at_once_leave_exactly_one_current_household()
    {
        var a = Member("Bram", "Gelijktijdig");
        await Given.Household(a);
        var toA = await Given.Household(Member("Huis", "Een"));
        var toB = await Given.Household(Member("Huis", "Twee"));
        var id = await PersonIdAsync(a.Bsn!);

        var results = await Task.WhenAll(MoveAsync(id, toA), MoveAsync(id, toB));

        // Truly simultaneous: one wins and the other hears "someone else changed this". Serialised
        // by the database (SQLite): both are valid moves, one after the other. Never two homes.
        Assert.Contains(results, r => r.IsOk);
        Assert.All(results, r => Assert.Contains(r.Status, new[] { CommandStatus.Ok, CommandStatus.Conflict }));
        await using var scope = _app.Scope();
        var periods = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdMembers
            .Where(m => m.PersonId == id).OrderBy(m => m.Until == null).ThenBy(m => m.Id).ToListAsync();
        Assert.Single(periods, m => m.Until == null);
        Assert.Equal(1 + results.Count(r => r.IsOk), periods.Count);
    }

    [Fact]
    public async Task Two_workers_changing_the_address_at_once_get_someone_else_changed_this()
    {
        var id = await Given.Household(Member("Adres", "Wijziger"));
        ChangeAddressInput Input(int huisnummer) => new() { Adres = Address("9931 CD", huisnummer), Versie = 0 };

        await using (var first = _app.Scope())
            Assert.True((await first.ServiceProvider.GetRequiredService<ChangeAddressHandler>().HandleAsync(id, Input(10), default)).IsOk);

        await using var second = _app.Scope();
        var stale = await second.ServiceProvider.GetRequiredService<ChangeAddressHandler>().HandleAsync(id, Input(20), default);
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Contains("Iemand anders", stale.Errors[0].Message);

        await using var check = _app.Scope();
        var h = (await check.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(id, default))!;
        Assert.Equal(10, h.Adres.Huisnummer);
        Assert.Equal(1, h.Versie);
        var entries = (await check.ServiceProvider.GetRequiredService<TimelineQuery>().ForHouseholdAsync(id, null, default)).Entries;
        Assert.Single(entries, e => e.Type == EventTypes.AddressChanged);
    }

    [Fact]
    public async Task Leaving_records_the_reason_and_keeps_the_person()
    {
        var a = Member("Gerrit", "Vertrekker");
        var household = await Given.Household(a, Member("Gerda", "Vertrekker"));
        var id = await PersonIdAsync(a.Bsn!);
        await using var scope = _app.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<EndMembershipHandler>();

        Assert.Equal(LeaveReasons.InvalidCode, (await handler.HandleAsync(household, id, new EndMembershipInput { Reden = "zomaar" }, default)).Errors[0].Code);
        Assert.True((await handler.HandleAsync(household, id, new EndMembershipInput { Reden = "verhuisd-buiten-gemeente" }, default)).IsOk);

        var person = (await scope.ServiceProvider.GetRequiredService<PersonQueries>().GetAsync(id, default))!;
        Assert.Null(person.Huidig);
        var entry = (await scope.ServiceProvider.GetRequiredService<TimelineQuery>().ForHouseholdAsync(household, null, default)).Entries[0];
        Assert.Equal(EventTypes.MemberLeft, entry.Type);
        Assert.Contains("verhuisd buiten de gemeente", entry.Summary);
    }

    [Fact]
    public async Task Long_timeline_pages_from_newest_to_oldest_without_gaps()
    {
        var id = await Given.Household(Member("Tijd", "Lijn"));
        for (var i = 1; i <= 30; i++)
        {
            await using var s = _app.Scope();
            var r = await s.ServiceProvider.GetRequiredService<ChangeAddressHandler>().HandleAsync(id, new ChangeAddressInput { Adres = Address("9911 AB", 1000 + i), Versie = i - 1 }, default);
            Assert.True(r.IsOk);
        }
        await using var scope = _app.Scope();
        var timeline = scope.ServiceProvider.GetRequiredService<TimelineQuery>();
        var first = await timeline.ForHouseholdAsync(id, null, default);
        Assert.Equal(TimelineQuery.PageSize, first.Entries.Count);
        Assert.NotNull(first.NextBefore);
        var second = await timeline.ForHouseholdAsync(id, first.NextBefore, default);
        var all = first.Entries.Concat(second.Entries).ToList();
        Assert.Null(second.NextBefore);
        Assert.Equal(33, all.Count); // created, registered, joined + 30 address changes
        Assert.Equal(all.Select(e => e.Id).OrderDescending(), all.Select(e => e.Id));
        Assert.Contains("1030", all[0].Summary);
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_these_residents()
    {
        var a = Member("Geheim", "Voorbeelder");
        var household = await Given.Household(a);

        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("0363", "iemand", "Amsterdam");
        var sp = scope.ServiceProvider;
        Assert.Null(await sp.GetRequiredService<HouseholdQueries>().GetAsync(household, default));
        Assert.Empty((await sp.GetRequiredService<PersonSearch>().SearchAsync(new SearchRequest(SearchKind.Bsn, Bsn: a.Bsn), default)).Hits);
        Assert.Empty((await sp.GetRequiredService<TimelineQuery>().ForHouseholdAsync(household, null, default)).Entries);
        Assert.Equal(CommandStatus.NotFound, (await sp.GetRequiredService<AddMemberHandler>()
            .HandleAsync(household, new AddMemberInput { Lid = Member("Inbreker", "Amsterdam") }, default)).Status);
    }
}
