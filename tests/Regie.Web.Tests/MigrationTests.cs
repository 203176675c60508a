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

    /// <summary>Data is written with SQL as the previous schema knew it, so this test keeps meaning as the model grows.</summary>
    [Fact]
    public async Task Upgrade_from_the_previous_migration_keeps_existing_households()
    {
        const string previous = "20261122000010_Requests";
        await using var db = await TestDatabase.CreateAsync();
        var household = Guid.CreateVersion7();
        var person = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        await using (var ctx = TestContexts.Create(db))
        {
            await TestContexts.MigrateToAsync(ctx, previous);
            Assert.Equal(previous, (await ctx.Database.GetAppliedMigrationsAsync()).Last());
            var bsn = TestApp.NextBsn();
            var birth = new DateOnly(1980, 1, 2);
            var from = new DateOnly(2020, 1, 1);
            await ctx.Database.ExecuteSqlAsync($"""
                INSERT INTO "Households" ("Id", "Gemeentecode", "Naam", "Huisnummer", "Postcode", "Woonplaats", "CreatedAt", "UpdatedAt", "Version")
                VALUES ({household}, '9999', 'Huishouden Jansen', 3, '9911AB', 'Voorbeeld', {now}, {now}, 0)
                """);
            await ctx.Database.ExecuteSqlAsync($"""
                INSERT INTO "Persons" ("Id", "Gemeentecode", "Bsn", "Voornamen", "Achternaam", "ZoekNaam", "ZoekVoornamen", "Geboortedatum", "CreatedAt", "UpdatedAt", "Version")
                VALUES ({person}, '9999', {bsn}, 'Anna', 'Jansen', 'jansen', ' anna', {birth}, {now}, {now}, 0)
                """);
            await ctx.Database.ExecuteSqlAsync($"""
                INSERT INTO "HouseholdMembers" ("Id", "Gemeentecode", "HouseholdId", "PersonId", "Role", "From")
                VALUES ({Guid.CreateVersion7()}, '9999', {household}, {person}, 'Ouder', {from})
                """);
            await ctx.Database.ExecuteSqlAsync($"""
                INSERT INTO "HouseholdEvents" ("Gemeentecode", "HouseholdId", "Type", "OccurredAt", "EffectiveDate", "ActorId", "ActorName", "Summary")
                VALUES ('9999', {household}, 'household.created', {now}, {from}, 't', 't', 'voor de upgrade')
                """);
        }

        await using (var ctx = TestContexts.Create(db))
        {
            await ctx.Database.MigrateAsync();
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
            var member = await ctx.HouseholdMembers.Include(m => m.Person).Include(m => m.Household).SingleAsync();
            Assert.Equal("Anna", member.Person!.Voornamen);
            Assert.Equal(new DateOnly(1980, 1, 2), member.Person.Geboortedatum);
            Assert.Equal("Huishouden Jansen", member.Household!.Naam);
            Assert.Null(member.Household.ResponsibleTeamId);
            Assert.Equal("voor de upgrade", (await ctx.HouseholdEvents.SingleAsync()).Summary);
            // What the new migration added is usable for the old household.
            ctx.HouseholdAccess.Add(new HouseholdAccess { Id = Guid.CreateVersion7(), Gemeentecode = "9999", HouseholdId = household, UserId = "u", Kind = AccessKinds.Added, GrantedBy = "t", GrantedAt = now });
            await ctx.SaveChangesAsync();
            Assert.Equal(1, await ctx.HouseholdAccess.CountAsync());
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

    /// <summary>M0037 settled the stored names of the timeline: events written before it read as if written after, and stay append-only.</summary>
    [Fact]
    public async Task Upgrade_renames_the_stored_event_types_and_data_keys_and_keeps_the_timeline_append_only()
    {
        const string previous = "20261205000036_ApiKeyScope";
        await using var db = await TestDatabase.CreateAsync();
        var household = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        var day = new DateOnly(2026, 3, 1);
        (string Type, string? Data)[] before =
        [
            ("household.created", """{"Wijk":"Noord","Buurt":null,"leden":2}"""),
            ("request.intake", """{"verzoek":"0196a3c4-0000-7000-8000-000000000001","klasse":"Enkelvoudig"}"""),
            ("access.emergency", """{"gebruiker":"u1","rol":"professional"}"""),
            ("person.corrected", """{"oud":{"Bsn":"999990019","Voornamen":"Anna","Voorvoegsel":null,"Achternaam":"Jansen","geboortedatum":"02-01-1980"},"nieuw":{"Bsn":"999990019","Voornamen":"Anne","Voorvoegsel":null,"Achternaam":"Jansen","geboortedatum":"02-01-1980"},"reden":"typfout"}"""),
            // A value that looks like a former key is a value, and stays as it was.
            ("note.added", """{"gebruiker":"\"Wijk\":","noodtoegang":false}"""),
            ("household.created", null),
        ];
        await using (var ctx = TestContexts.Create(db))
        {
            await TestContexts.MigrateToAsync(ctx, previous);
            foreach (var (type, data) in before)
                await ctx.Database.ExecuteSqlAsync($"""
                    INSERT INTO "HouseholdEvents" ("Gemeentecode", "HouseholdId", "Type", "OccurredAt", "EffectiveDate", "ActorId", "ActorName", "Summary", "Data")
                    VALUES ('9999', {household}, {type}, {now}, {day}, 't', 't', 'voor de upgrade', {data})
                    """);
        }

        await using (var ctx = TestContexts.Create(db))
        {
            await ctx.Database.MigrateAsync();
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
            var after = await ctx.HouseholdEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Type, e.Data, e.Summary, e.HouseholdId }).ToListAsync();
            Assert.Equal(
            [
                (EventTypes.HouseholdCreated, (string?)"""{"wijk":"Noord","buurt":null,"leden":2}"""),
                (EventTypes.RequestScreened, """{"verzoek":"0196a3c4-0000-7000-8000-000000000001","klasse":"Enkelvoudig"}"""),
                (EventTypes.EmergencyAccess, """{"gebruiker":"u1","rol":"professional"}"""),
                (EventTypes.PersonCorrected, """{"oud":{"bsn":"999990019","voornamen":"Anna","voorvoegsel":null,"achternaam":"Jansen","geboortedatum":"02-01-1980"},"nieuw":{"bsn":"999990019","voornamen":"Anne","voorvoegsel":null,"achternaam":"Jansen","geboortedatum":"02-01-1980"},"reden":"typfout"}"""),
                (EventTypes.Note, """{"gebruiker":"\"Wijk\":","noodtoegang":false}"""),
                (EventTypes.HouseholdCreated, null),
            ], after.Select(e => (e.Type, e.Data)));
            Assert.All(after, e => Assert.Equal(("voor de upgrade", household), (e.Summary, e.HouseholdId)));

            // The guard is back: neither SQL nor EF changes or removes an event.
            await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE \"HouseholdEvents\" SET \"Type\" = 'request.intake'"));
            await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE \"HouseholdEvents\" SET \"Summary\" = 'vervalst'"));
            await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM \"HouseholdEvents\""));
            Assert.Equal(6, await ctx.HouseholdEvents.CountAsync(e => e.Summary == "voor de upgrade"));
        }
    }

    [Fact]
    public void Every_migration_is_listed_in_order()
    {
        var ids = typeof(M0001_Registry).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["20261122000001_Registry", "20261122000002_HouseholdTimeline", "20261122000003_AccessAndAudit", "20261122000004_Retention", "20261122000005_ZrmAssessments", "20261122000006_Coordinator", "20261122000007_Trajectories", "20261122000009_Plans", "20261122000010_Requests", "20261122000011_Involvement", "20261122000020_OrganisationLinks", "20261122000021_Employment", "20261122000022_SocialMap", "20261122000023_Referrals", "20261122000024_Decisions", "20261122000025_Budget", "20261122000027_MonitorCosts", "20261122000028_MonitorSnapshots", "20261122000029_LookupRegisterNotify", "20261122000030_AuditJournal", "20261122000031_AuditSubject", "20261205000034_DeskGrants", "20261205000035_InvolvementReason", "20261205000036_ApiKeyScope", "20261206000037_SettledEventNames", "20261206000038_Meldcode", "20261206000039_VeiligVerder", "20261206000040_OneOpenMeldcodeTrack", "20261207000041_Network", "20261207000042_ConsentAndInkijk", "20261207000043_ConferencesAndDocuments", "20261207000044_ContactNotes", "20261207000045_ActionOwnerOrganisation", "20261207000046_PlanItemsFromDecisions", "20261207000047_Vroegsignalering", "20261207000048_IStandaarden", "20261207000049_BerichtReferentie", "20261207000050_Werkwijzewijzigingen", "20261207000051_Scenarios", "20261207000052_ScenarioFormToken", "20261207000053_WerkwijzewijzigingCorrectie", "20261207000054_ScenarioModelVersion"], ids);
    }
}
