using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/regie.db";
    /// <summary>Apply pending migrations at start. Default on for the embedded SQLite database only.</summary>
    public bool? MigrateOnStart { get; set; }
    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}

public static class DatabaseSetup
{
    public static IServiceCollection AddRegieDatabase(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        // The options depend on configuration only, so they are built once, not for every request's context.
        services.AddDbContext<RegieDbContext>((sp, o) =>
        {
            Configure(o, options);
            // Keeps the look-up's copy of the register current for what this server itself saves.
            if (options.Provider == DatabaseProvider.Postgres) o.AddInterceptors(sp.GetRequiredService<Features.Involvements.LookupRegisterInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                o.UseNpgsql(WithAutoPrepare(options.ConnectionString));
                break;
            default:
                EnsureSqliteDirectory(options.ConnectionString);
                o.UseSqlite(options.ConnectionString);
                break;
        }
        // Migrations are hand-written without a model snapshot; MigrationSchemaTests prove they match the model.
        o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Lets Npgsql keep server-side prepared statements for the queries every page repeats, so
    /// PostgreSQL (on the same small machine, often) stops parsing and planning them each time:
    /// in the household-page benchmark this raised throughput by half. A connection string that
    /// sets its own value keeps it.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0 || connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        builder.MaxAutoPrepare = 100;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
