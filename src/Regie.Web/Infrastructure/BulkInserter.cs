using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure;

/// <summary>
/// Fast inserts for seeding and imports, driven by the EF model so table and column names and
/// value conversions are never written twice: PostgreSQL binary COPY, SQLite one prepared
/// statement in the caller's transaction. EF Core has no bulk insert of its own and no
/// bulk-extension package is available for EF Core 10 here, hence this small piece.
/// </summary>
public static class BulkInserter
{
    public static async Task InsertAsync<T>(RegieDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Column: p.GetColumnName(store)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();

        if (db.Database.IsNpgsql())
            await CopyAsync(db, table, columns, rows, ct);
        else
            await InsertRowsAsync(db, table, columns, rows, ct);
    }

    private static object? ProviderValue(IProperty p, RelationalTypeMapping mapping, object entity)
    {
        var value = p.PropertyInfo!.GetValue(entity);
        var converter = mapping.Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    private static async Task CopyAsync<T>(RegieDbContext db, string table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns,
        IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await conn.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (property, _, mapping) in columns)
            {
                var value = ProviderValue(property, mapping, row);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, BaseStoreType(mapping.StoreType), ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static string BaseStoreType(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren];
    }

    private static async Task InsertRowsAsync<T>(RegieDbContext db, string table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns,
        IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            // The EF type mapping creates the parameter, so values are stored exactly as EF stores them (Guid as TEXT, etc.).
            var prm = c.Mapping.CreateParameter(cmd, "@p" + i, null, c.Property.IsNullable);
            cmd.Parameters.Add(prm);
            return prm;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                // CreateParameter applies the mapping's own conversion, so it takes the model value.
                var value = columns[i].Property.PropertyInfo!.GetValue(row);
                var fresh = columns[i].Mapping.CreateParameter(cmd, "@p" + i, value, columns[i].Property.IsNullable);
                parameters[i].Value = fresh.Value;
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
