using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Search;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

public sealed class SearchTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task First_name_finds_the_person_among_a_thousand_with_the_same_surname()
    {
        var now = DateTime.UtcNow;
        Person NewPerson(string voornamen, DateOnly birth) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Voornamen = voornamen, Achternaam = "Veelvoud",
            ZoekNaam = "veelvoud", ZoekVoornamen = PersonName.FirstNamesSearchKeyOf(voornamen), Geboortedatum = birth, CreatedAt = now, UpdatedAt = now,
        };
        var many = Enumerable.Range(0, 1000).Select(i => NewPerson("Jan", new DateOnly(1950, 1, 1).AddDays(i))).ToList();
        // Born last, so sorted after all the others.
        many.Add(NewPerson("Anna Zeldzaam", new DateOnly(2010, 6, 1)));
        many.Add(NewPerson("Anne-Marie", new DateOnly(2011, 6, 1)));
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInserter.InsertAsync(db, many);
            await tx.CommitAsync();
        }

        await using var s = _app.Scope();
        var search = s.ServiceProvider.GetRequiredService<PersonSearch>();
        var today = DateOnly.FromDateTime(now);

        var rare = await search.SearchAsync(PersonSearch.Parse("Zeldzaam Veelvoud", today).Value, default);
        Assert.Equal("Veelvoud, Anna Zeldzaam", Assert.Single(rare.Hits).Naam);
        Assert.False(rare.Truncated);

        var common = await search.SearchAsync(PersonSearch.Parse("Jan Veelvoud", today).Value, default);
        Assert.True(common.Truncated);
        Assert.Equal(PersonSearch.MaxHits, common.Hits.Count);
        Assert.Empty((await search.SearchAsync(PersonSearch.Parse("Ann Veelvouw", today).Value, default)).Hits);
        Assert.Equal("Veelvoud, Anne-Marie", Assert.Single((await search.SearchAsync(PersonSearch.Parse("Anne-Marie Veelvoud", today).Value, default)).Hits).Naam);
    }
}
