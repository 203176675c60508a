using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Data.Migrations;

namespace Regie.Web.Tests;

/// <summary>The hand-written migrations are the schema's source of truth; these prove they match the model.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Empty_database_migrates_to_exactly_the_schema_of_the_model()
    {
        await using var migratedDb = await TestDatabase.CreateAsync();
        await using var createdDb = await TestDatabase.CreateAsync();
        await using var migrated = TestContexts.Create(migratedDb);
        await using var created = TestContexts.Create(createdDb);

        await migrated.Database.MigrateAsync();
        await created.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaSnapshot.ReadAsync(migrated);
        var fromModel = await SchemaSnapshot.ReadAsync(created);
        Assert.Contains(fromModel, l => l.Contains("Persons", StringComparison.Ordinal));
        Assert.Equal(
            string.Join('\n', fromModel.Except(fromMigrations)),
            string.Join('\n', fromMigrations.Except(fromModel)));
        Assert.Equal(fromModel, fromMigrations);
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Upgrade_from_the_previous_migration_keeps_existing_households()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var ctx = TestContexts.Create(db))
        {
            await TestContexts.MigrateToAsync(ctx, "20261122000001_Registry");
            Assert.Equal(["20261122000001_Registry"], await ctx.Database.GetAppliedMigrationsAsync());
            var now = DateTime.UtcNow;
            var household = new Household { Id = Guid.CreateVersion7(), Gemeentecode = "9999", Naam = "Huishouden Jansen", Postcode = "9911AB", Huisnummer = 3, Woonplaats = "Voorbeeld", CreatedAt = now, UpdatedAt = now };
            var person = new Person { Id = Guid.CreateVersion7(), Gemeentecode = "9999", Bsn = TestApp.NextBsn(), Voornamen = "Anna", Achternaam = "Jansen", ZoekNaam = "jansen", ZoekVoornamen = " anna", Geboortedatum = new DateOnly(1980, 1, 2), CreatedAt = now, UpdatedAt = now };
            ctx.AddRange(household, person, new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = "9999", HouseholdId = household.Id, PersonId = person.Id, Role = Domain.Registry.HouseholdRole.Ouder, From = new DateOnly(2020, 1, 1) });
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = TestContexts.Create(db))
        {
            await ctx.Database.MigrateAsync();
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
            var member = await ctx.HouseholdMembers.Include(m => m.Person).Include(m => m.Household).SingleAsync();
            Assert.Equal("Anna", member.Person!.Voornamen);
            Assert.Equal("Huishouden Jansen", member.Household!.Naam);
            // The new timeline table is usable for the old household.
            ctx.HouseholdEvents.Add(new HouseholdEvent { Gemeentecode = "9999", HouseholdId = member.HouseholdId, Type = EventTypes.AddressChanged, OccurredAt = DateTime.UtcNow, EffectiveDate = new DateOnly(2026, 1, 1), ActorId = "t", ActorName = "t", Summary = "na upgrade" });
            await ctx.SaveChangesAsync();
            Assert.Equal(1, await ctx.HouseholdEvents.CountAsync());
        }
    }

    [Fact]
    public async Task Timeline_events_cannot_be_changed_or_deleted_even_with_sql()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = TestContexts.Create(db);
        await ctx.Database.MigrateAsync();
        ctx.HouseholdEvents.Add(new HouseholdEvent { Gemeentecode = "9999", HouseholdId = Guid.NewGuid(), Type = EventTypes.HouseholdCreated, OccurredAt = DateTime.UtcNow, EffectiveDate = new DateOnly(2026, 1, 1), ActorId = "t", ActorName = "t", Summary = "origineel" });
        await ctx.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE \"HouseholdEvents\" SET \"Summary\" = 'vervalst'"));
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM \"HouseholdEvents\""));

        var stored = await ctx.HouseholdEvents.AsNoTracking().SingleAsync();
        Assert.Equal("origineel", stored.Summary);

        var tracked = await ctx.HouseholdEvents.SingleAsync();
        tracked.Summary = "via EF";
        await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public void Every_migration_is_listed_in_order()
    {
        var ids = typeof(M0001_Registry).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["20261122000001_Registry", "20261122000002_HouseholdTimeline"], ids);
    }
}
