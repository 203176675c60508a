using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Households;
using Regie.Web.Features.Search;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

public sealed class HouseholdRegistryTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<CommandResult<Guid>> CreateAsync(CreateHouseholdInput input)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CreateHouseholdHandler>().HandleAsync(input, default);
    }

    private async Task<T> QueryAsync<T>(Func<RegieDbContext, Task<T>> query)
    {
        await using var scope = _app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    private Task<(int, int, int)> CountsAsync() =>
        QueryAsync(async db => (await db.Persons.CountAsync(), await db.Households.CountAsync(), await db.HouseholdEvents.CountAsync()));

    [Fact]
    public async Task Professional_registers_household_with_two_members_and_sees_it_on_the_timeline()
    {
        var mother = Member("Sanne", "Bakker");
        var child = Member("Noah", "Bakker", rol: "kind", geboortedatum: "17-02-2015");
        var result = await CreateAsync(Household(mother, child));

        Assert.Equal(CommandStatus.Ok, result.Status);
        await using var scope = _app.Scope();
        var view = await scope.ServiceProvider.GetRequiredService<HouseholdQueries>().GetAsync(result.Value, default);
        Assert.NotNull(view);
        Assert.Equal("Huishouden Bakker", view.Naam);
        Assert.Equal(["Sanne Bakker", "Noah Bakker"], view.Leden.Select(m => m.Naam));
        Assert.Equal(mother.Bsn, view.Leden[0].Bsn);

        var timeline = await scope.ServiceProvider.GetRequiredService<TimelineQuery>().ForHouseholdAsync(result.Value, null, default);
        Assert.Equal(
            [EventTypes.MemberJoined, EventTypes.PersonRegistered, EventTypes.MemberJoined, EventTypes.PersonRegistered, EventTypes.HouseholdCreated],
            timeline.Entries.Select(e => e.Type));
        Assert.All(timeline.Entries, e => Assert.Equal("Test Regisseur", e.ActorName));
        Assert.Contains(timeline.Entries, e => e.Summary == "Noah Bakker toegevoegd als kind");
    }

    [Fact]
    public async Task Household_is_found_by_bsn_name_address_and_birth_date()
    {
        var input = Household(Member("Jan Pieter", "Zoekvelt", voorvoegsel: "van der", geboortedatum: "11-09-1971"));
        input.Adres = Address("9921 KL", 77);
        var id = (await CreateAsync(input)).Value;
        var bsn = input.Leden[0].Bsn!;

        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<PersonSearch>();
        var today = new DateOnly(2026, 11, 22);
        foreach (var (q, kind) in new[]
                 {
                     (bsn, SearchKind.Bsn), ("Zoekvelt", SearchKind.Naam), ("zoekv", SearchKind.Naam), ("van der Zoekvelt", SearchKind.Naam),
                     ("Jan Zoekvelt", SearchKind.Naam), ("Zoekvelt, Jan", SearchKind.Naam), ("9921KL 77", SearchKind.Adres), ("9921 kl 77", SearchKind.Adres),
                     ("11-09-1971", SearchKind.Geboortedatum),
                 })
        {
            var request = PersonSearch.Parse(q, today);
            Assert.True(request.IsValid, q);
            Assert.Equal(kind, request.Value.Kind);
            var result = await search.SearchAsync(request.Value, default);
            var hit = Assert.Single(result.Hits, h => h.Bsn == bsn);
            Assert.Equal(id, hit.HouseholdId);
            Assert.Equal("Zoekvelt, Jan Pieter van der", hit.Naam);
            Assert.Equal("Dorpsstraat 77, 9921 KL Voorbeeld", hit.Adres);
        }

        // A different first name or a name that merely contains the term finds nobody.
        Assert.Empty((await search.SearchAsync(PersonSearch.Parse("Karel Zoekvelt", today).Value, default)).Hits);
        Assert.Empty((await search.SearchAsync(PersonSearch.Parse("oekvelt", today).Value, default)).Hits);
    }

    [Fact]
    public void Name_search_range_covers_exactly_the_keys_with_the_prefix()
    {
        Assert.Equal("jant", PersonSearch.NextPrefix("jans"));
        Assert.Equal("jb", PersonSearch.NextPrefix("jaz"));
        Assert.Equal("a1a", PersonSearch.NextPrefix("a19"));
        Assert.Null(PersonSearch.NextPrefix("zz"));
    }

    [Theory]
    [InlineData("Bsn", "123456781", "bsn-invalid")]
    [InlineData("Geboortedatum", "01-01-2099", "birthdate-in-future")]
    [InlineData("Geboortedatum", "31-02-1990", "birthdate-invalid")]
    [InlineData("Voornamen", "", "text-required")]
    [InlineData("Achternaam", "   ", "text-required")]
    [InlineData("Rol", "opa", "role-invalid")]
    [InlineData("Email", "geen-adres", "email-invalid")]
    [InlineData("Telefoon", "12", "phone-invalid")]
    public async Task Bad_member_input_gets_a_clear_message_at_the_field_and_nothing_is_saved(string field, string value, string code)
    {
        var good = Member("Kees", "Onopgeslagen" + field);
        var bad = Member("Bep", "Onopgeslagen" + field);
        typeof(MemberInput).GetProperty(field)!.SetValue(bad, value);
        var before = await CountsAsync();

        var result = await CreateAsync(Household(good, bad));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal($"Leden[1].{field}", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var after = await CountsAsync();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("Postcode", "1234 SS", "postcode-invalid")]
    [InlineData("Postcode", "", "postcode-invalid")]
    [InlineData("Huisnummer", "12a", "huisnummer-invalid")]
    [InlineData("Woonplaats", "", "text-required")]
    public async Task Bad_address_is_refused_at_its_field(string field, string value, string code)
    {
        var input = Household(Member("Kees", "Adresloos"));
        typeof(AddressInput).GetProperty(field)!.SetValue(input.Adres, value);
        var result = await CreateAsync(input);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
        Assert.Equal($"Adres.{field}", result.Errors[0].Field);
    }

    [Fact]
    public async Task Ten_thousand_characters_in_a_field_are_refused_not_truncated()
    {
        var input = Household(Member(new string('x', 10_000), "Lang"));
        input.Adres.Straat = new string('y', 10_000);
        var result = await CreateAsync(input);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(["Adres.Straat", "Leden[0].Voornamen"], result.Errors.Select(e => e.Field).Order());
        Assert.All(result.Errors, e => Assert.Equal("text-too-long", e.Code));
    }

    [Fact]
    public async Task Household_without_members_is_refused()
    {
        var result = await CreateAsync(new CreateHouseholdInput { Adres = Address(), Leden = [new MemberInput(), new MemberInput()] });
        Assert.Equal(Regie.Domain.Registry.HouseholdRules.NeedsMemberCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Second_registration_of_a_bsn_is_refused_with_the_existing_name()
    {
        var first = Member("Ria", "Dubbelman");
        Assert.True((await CreateAsync(Household(first))).IsOk);

        var again = Member("Maria", "Anders", bsn: first.Bsn);
        var result = await CreateAsync(Household(again));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.BsnDuplicate, error.Code);
        Assert.Contains("Ria Dubbelman", error.Message);

        var sameListTwice = await CreateAsync(Household(Member("A", "Twee", bsn: "999999990"), Member("B", "Twee", bsn: "999999990")));
        Assert.Contains(sameListTwice.Errors, e => e.Code == Regie.Domain.Registry.HouseholdRules.MemberListedTwiceCode);
    }

    [Fact]
    public async Task Same_name_and_birth_date_warns_and_registers_after_confirmation()
    {
        Assert.True((await CreateAsync(Household(Member("Mohammed", "Tweelingh", geboortedatum: "01-05-1990", bsn: null)))).IsOk);

        var lookalike = Household(Member("Mo", "Tweelingh", geboortedatum: "01-05-1990", bsn: null));
        var warned = await CreateAsync(lookalike);
        Assert.Equal(ErrorCodes.PossibleDuplicate, Assert.Single(warned.Errors).Code);

        lookalike.BevestigMogelijkDubbel = true;
        Assert.True((await CreateAsync(lookalike)).IsOk);
        Assert.Equal(2, await QueryAsync(db => db.Persons.CountAsync(p => p.ZoekNaam == "tweelingh")));
    }

    [Fact]
    public async Task Html_in_a_name_is_stored_as_text_and_shown_escaped()
    {
        var id = (await CreateAsync(Household(Member("<script>alert('x')</script>", "Scriptje")))).Value;
        Assert.Equal("<script>alert('x')</script>", await QueryAsync(db => db.Persons.Where(p => p.ZoekNaam == "scriptje").Select(p => p.Voornamen).SingleAsync()));

        using var client = await _app.SignedInClientAsync();
        var html = await client.GetStringAsync($"/huishoudens/{id}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(", html);
    }
}
