using Microsoft.Data.Sqlite;
using Npgsql;
using Regie.Web.Infrastructure;

namespace Regie.Testing;

/// <summary>
/// A fresh, empty, real database per test class: a SQLite file, or a new database in the
/// throw-away PostgreSQL cluster that test.sh starts. REGIE_TEST_DB picks which
/// ("sqlite" or "postgres"); REGIE_TEST_PG is the cluster's connection string.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Func<Task> _drop;
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseProvider ProviderUnderTest =>
        (Environment.GetEnvironmentVariable("REGIE_TEST_DB") ?? "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        if (ProviderUnderTest == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("REGIE_TEST_PG")
                ?? throw new InvalidOperationException("REGIE_TEST_DB=postgres needs REGIE_TEST_PG (test.sh sets both).");
            var name = "regie_t_" + suffix;
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            return new TestDatabase(DatabaseProvider.Postgres, cs, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(server);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            });
        }

        var dir = Path.Combine(Path.GetTempPath(), "regie-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"regie-{suffix}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync() => await _drop();
}
