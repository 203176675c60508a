using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

/// <summary>
/// The look-up's copy of the register in memory (PostgreSQL): it answers without the database, and every
/// change — made by this server, by another server or by the CLI straight in the database — reaches it.
/// </summary>
public sealed class LookupRegisterTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<LookupResult> LookUpAsync(string bsn)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, organisation: "Wonen");
        return (await scope.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(bsn, "urgentieverklaring", default)).Value!;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(50);
            value = await read();
        }
        return value;
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private int _markers;

    /// <summary>
    /// Waits until the server has heard every notification sent so far: PostgreSQL delivers them in commit
    /// order, so once a marker sent now has marked its (made-up) number stale, all earlier ones have arrived.
    /// </summary>
    private async Task SettleAsync(LookupRegister register)
    {
        var marker = (++_markers).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        await SqlAsync($"NOTIFY {LookupRegister.Channel}, '{TestApp.Gemeentecode} {marker}'");
        object? token = null;
        Assert.True(await EventuallyAsync(() => Task.FromResult(register.TryGet(TestApp.Gemeentecode, marker, DateOnly.FromDateTime(DateTime.UtcNow), out token) is null && token is not null), heard => heard));
    }

    [Fact]
    public async Task Department_lookup_answers_from_memory_and_hears_of_every_change_to_the_register()
    {
        var register = _app.Services.GetRequiredService<LookupRegister>();
        var bsn = TestApp.NextBsn();
        if (_app.Database.Provider != DatabaseProvider.Postgres)
        {
            // The embedded SQLite set-up has one server and no notifications: it reads the database, and keeps no copy.
            await Task.Delay(200);
            Assert.False(register.IsLoaded);
            Assert.False((await LookUpAsync(bsn)).Betrokken);
            return;
        }
        Assert.True(await EventuallyAsync(() => Task.FromResult(register.IsLoaded), loaded => loaded));

        // A rename on this server that the database refuses (the name is taken) changes nothing: the copy stays loaded.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheer", "Beheer", Roles.Beheerder);
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            (await db.Organisations.SingleAsync(o => o.Name == "Wonen")).Name = "Handhaving";
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.True(register.IsLoaded);

        // Registered on this server: the next look-up sees it at once.
        Guid registration;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, organisation: "Wonen");
            registration = (await scope.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(
                new InvolvementInput { Bsn = bsn, Contactpersoon = "Joke Vermeer", Telefoon = "14 0999", Leefgebied = "Huisvesting", Reden = "Urgentieverklaring" }, default)).Value;
        }
        Assert.Equal("Joke Vermeer", Assert.Single((await LookUpAsync(bsn)).Organisaties).Contactpersoon);
        // The database's own notification of that registration may still be on its way: let it arrive, then read once more.
        await SettleAsync(register);
        Assert.Equal("Joke Vermeer", Assert.Single((await LookUpAsync(bsn)).Organisaties).Contactpersoon);

        // Registered by someone else straight in the database (another server, the CLI): the notification brings it.
        var other = TestApp.NextBsn();
        await SqlAsync($"""
            INSERT INTO "Involvements" ("Id", "Gemeentecode", "Bsn", "OrganisationId", "ContactName", "StartedOn", "ExpiresOn", "RegisteredBy", "CreatedAt")
            SELECT gen_random_uuid(), '{TestApp.Gemeentecode}', '{other}', "Id", 'Karel Dijkstra', current_date, current_date + 730, 'elders', now()
            FROM "Organisations" WHERE "Name" = 'Handhaving'
            """);
        Assert.True((await EventuallyAsync(() => LookUpAsync(other), r => r.Betrokken)).Betrokken);

        // The answer comes from memory: a change the database keeps quiet about (triggers off) is not seen...
        await SqlAsync($"""
            SET session_replication_role = replica;
            UPDATE "Involvements" SET "ContactName" = 'Stil Gewijzigd' WHERE "Bsn" = '{bsn}';
            """);
        Assert.Equal("Joke Vermeer", Assert.Single((await LookUpAsync(bsn)).Organisaties).Contactpersoon);
        // ...until the database says this BSN changed.
        await SqlAsync($"NOTIFY {LookupRegister.Channel}, '{TestApp.Gemeentecode} {bsn}'");
        Assert.Equal("Stil Gewijzigd", Assert.Single((await EventuallyAsync(() => LookUpAsync(bsn), r => r.Organisaties.Single().Contactpersoon != "Joke Vermeer")).Organisaties).Contactpersoon);

        // A renamed organisation: the copy is loaded again, and the answer carries the new name.
        await SqlAsync("""UPDATE "Organisations" SET "Name" = 'Wonen en Bouwen' WHERE "Name" = 'Wonen'""");
        Assert.Equal("Wonen en Bouwen", Assert.Single((await EventuallyAsync(() => LookUpAsync(bsn), r => r.Organisaties.Single().Organisatie != "Wonen")).Organisaties).Organisatie);
        Assert.True(await EventuallyAsync(() => Task.FromResult(register.IsLoaded), loaded => loaded));

        // A registration that runs out is no involvement from the next day, even in memory and before the expiry job ends it.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SqlAsync($"""UPDATE "Involvements" SET "ExpiresOn" = '{today:yyyy-MM-dd}' WHERE "Bsn" = '{other}'""");
        var tomorrow = await EventuallyAsync(async () =>
        {
            Assert.True((await LookUpAsync(other)).Betrokken);
            return register.TryGet(TestApp.Gemeentecode, other, today.AddDays(1), out _);
        }, rows => rows is { Count: 0 });
        Assert.Empty(tomorrow!);
        Assert.Single(register.TryGet(TestApp.Gemeentecode, other, today, out _)!);

        // Withdrawn on this server: gone at once.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, organisation: "Wonen en Bouwen");
            Assert.True((await scope.ServiceProvider.GetRequiredService<WithdrawInvolvementHandler>().HandleAsync(registration, default)).IsOk);
        }
        Assert.False((await LookUpAsync(bsn)).Betrokken);
        await using (var scope = _app.Scope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Involvements.CountAsync(i => i.Bsn == bsn && i.EndedOn == null));
    }
}
