using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using System.Data.Common;

namespace Regie.Testing;

public sealed class FixedMunicipality(string? code) : ICurrentMunicipality
{
    public string? Gemeentecode { get; } = code;
}

/// <summary>A DbContext on a test database without the web host, for schema and migration tests.</summary>
public static class TestContexts
{
    public static RegieDbContext Create(TestDatabase db, string? gemeentecode = TestApp.Gemeentecode)
    {
        var builder = new DbContextOptionsBuilder<RegieDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = db.Provider, ConnectionString = db.ConnectionString });
        return new RegieDbContext(builder.Options, new FixedMunicipality(gemeentecode));
    }

    public static Task MigrateToAsync(RegieDbContext ctx, string? target) =>
        ctx.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(target);
}

/// <summary>Tables, columns and indexes as the database reports them, in a form two databases can be compared by.</summary>
public static class SchemaSnapshot
{
    public static async Task<SortedSet<string>> ReadAsync(RegieDbContext ctx)
    {
        var conn = ctx.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        if (ctx.Database.IsNpgsql())
        {
            await AddAsync(conn, lines, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(character_maximum_length::text, '-')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'
                """);
            await AddAsync(conn, lines, "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'");
            await AddAsync(conn, lines, """
                SELECT 'fk ' || tc.table_name || ' ' || tc.constraint_name || ' ' || rc.delete_rule
                FROM information_schema.table_constraints tc JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
                """);
        }
        else
        {
            await AddAsync(conn, lines, """
                SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || c.pk
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                """);
            await AddAsync(conn, lines, """
                SELECT 'index ' || m.name || ' ' || il.name || ' unique=' || il."unique" || ' partial=' || il.partial || ' (' || (SELECT group_concat(ii.name) FROM pragma_index_info(il.name) ii) || ')'
                FROM sqlite_master m JOIN pragma_index_list(m.name) il
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
                """);
            await AddAsync(conn, lines, """
                SELECT 'fk ' || m.name || ' ' || fk."table" || '.' || fk."to" || ' ' || fk.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """);
        }
        return lines;
    }

    private static async Task AddAsync(DbConnection conn, SortedSet<string> lines, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    }
}
