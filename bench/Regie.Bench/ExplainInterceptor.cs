using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace Regie.Bench;

/// <summary>
/// While capturing, runs EXPLAIN (ANALYZE, BUFFERS) on every query EF sends, with the very
/// text and parameter values EF generated, so the plan shown is the plan of the real query
/// and not of a hand-copied approximation.
/// </summary>
public sealed partial class ExplainInterceptor : DbCommandInterceptor
{
    private List<string>? _plans;

    public void Start() => _plans = [];

    public IReadOnlyList<string> Stop()
    {
        var plans = _plans ?? [];
        _plans = null;
        return plans;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_plans is not null && command is NpgsqlCommand npgsql)
            _plans.Add(command.CommandText + "\n\n" + await ExplainAsync(npgsql, cancellationToken));
        return result;
    }

    private static async Task<string> ExplainAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, command.Connection, command.Transaction);
        foreach (NpgsqlParameter p in command.Parameters) explain.Parameters.Add(p.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        return LongArray().Replace(string.Join('\n', lines), m => $"'{{…{m.Value.Count(c => c == ',') + 1} values…}}'");
    }

    [GeneratedRegex(@"'\{[^}']{200,}\}'")]
    private static partial Regex LongArray();
}
