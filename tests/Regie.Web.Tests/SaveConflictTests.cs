using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 19: "someone else changed this" is the answer to a save that lost a race (a stale version, a unique
/// value claimed first), never to a fault. A database error of any other kind surfaces, so it is logged and
/// seen instead of sending the user to retry what can never succeed. Runs on both databases; where they
/// differ, each asserts what its database does.
/// </summary>
public sealed class SaveConflictTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private Organisation NewOrganisation(string name) =>
        new() { Id = Guid.NewGuid(), Gemeentecode = TestApp.Gemeentecode, Name = name, Kind = "partner" };

    [Fact]
    public async Task Two_admins_registering_the_same_organisation_name_the_second_gets_a_conflict()
    {
        var name = "Stichting " + Guid.NewGuid().ToString("N")[..8];
        await using (var first = fixture.App.Scope())
        {
            var db = first.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Organisations.Add(NewOrganisation(name));
            Assert.True((await db.SaveOrConflictAsync(1, default)).IsOk);
        }

        await using var second = fixture.App.Scope();
        var secondDb = second.ServiceProvider.GetRequiredService<RegieDbContext>();
        secondDb.Organisations.Add(NewOrganisation(name));
        var result = await secondDb.SaveOrConflictAsync(2, default);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal([ErrorCodes.ConcurrencyConflict], result.Errors.Select(e => e.Code));
        Assert.Empty(secondDb.ChangeTracker.Entries());
        Assert.Equal(1, await secondDb.Organisations.CountAsync(o => o.Name == name));
    }

    [Fact]
    public async Task A_membership_of_a_household_that_does_not_exist_is_an_error_not_a_conflict()
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.HouseholdMembers.Add(new HouseholdMember
        {
            Id = Guid.NewGuid(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = Guid.NewGuid(), PersonId = Guid.NewGuid(),
            Role = HouseholdRole.Ouder, From = new DateOnly(2025, 1, 1),
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveOrConflictAsync(1, default));

        Assert.False(error.IsConflict());
        if (fixture.App.Database.Provider == DatabaseProvider.Postgres)
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
        else
            Assert.Equal(787, Assert.IsType<SqliteException>(error.InnerException).SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    [Fact]
    public async Task A_name_longer_than_its_column_is_an_error_on_postgres_and_kept_whole_on_sqlite_never_a_conflict()
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var name = new string('x', 201); // the column holds 200
        db.Organisations.Add(NewOrganisation(name));

        if (fixture.App.Database.Provider == DatabaseProvider.Postgres)
        {
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveOrConflictAsync(1, default));
            Assert.False(error.IsConflict());
            Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
        }
        else
        {
            // SQLite does not enforce a declared length: the save succeeds, which is why the rules check lengths first.
            Assert.True((await db.SaveOrConflictAsync(1, default)).IsOk);
            Assert.Equal(201, (await db.Organisations.AsNoTracking().SingleAsync(o => o.Name == name)).Name.Length);
        }
    }
}
