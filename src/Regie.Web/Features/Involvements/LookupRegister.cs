using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Regie.Domain.Assessment;
using Regie.Web.Data;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Regie.Web.Features.Involvements;

/// <summary>One active involvement as the look-up answers it: who, which organisation or team, how to reach them.</summary>
public sealed record LookupRow(Guid? TeamId, string ContactName, string? Phone, string? Email, DateOnly StartedOn, DateOnly ExpiresOn,
    ZrmDomain? Domain, string? Organisation, string? Team)
{
    /// <summary>The row's columns with organisation and team joined in, for the look-up of one BSN and for loading the register.</summary>
    internal const string Select = """
        i."TeamId", i."ContactName", i."ContactPhone", i."ContactEmail", i."StartedOn", i."ExpiresOn", i."Domain", o."Name", t."Name"
        FROM "Involvements" i
        LEFT JOIN "Organisations" o ON o."Id" = i."OrganisationId"
        LEFT JOIN "Teams" t ON t."Id" = i."TeamId"
        """;

    /// <summary>Reads the columns of <see cref="Select"/>, starting at column <paramref name="first"/>; <paramref name="share"/> may replace repeated strings by one instance.</summary>
    internal static LookupRow Read(Npgsql.NpgsqlDataReader reader, int first, Func<string?, string?>? share = null)
    {
        share ??= s => s;
        string? Text(int i) => reader.IsDBNull(first + i) ? null : share(reader.GetString(first + i));
        return new LookupRow(reader.IsDBNull(first) ? null : reader.GetGuid(first), Text(1)!, Text(2), Text(3),
            reader.GetFieldValue<DateOnly>(first + 4), reader.GetFieldValue<DateOnly>(first + 5),
            reader.IsDBNull(first + 6) ? null : Regie.Domain.Common.Enums.ParseDefined<ZrmDomain>(reader.GetString(first + 6)), Text(7), Text(8));
    }
}

/// <summary>
/// A copy of the active involvement register in this server's memory, so that the department look-up —
/// called by every department's systems — answers without a database round trip (ADR 0011). Only on
/// PostgreSQL, which tells every server of every change: triggers send the municipality and BSN of each
/// changed involvement on the channel <see cref="Channel"/>, and "*" when an organisation or team is renamed.
/// <para>
/// The rule that keeps it correct: a BSN whose row may have changed is marked stale, and a stale or
/// unknown-to-the-copy BSN is read from the database, exactly as without the copy. A BSN absent from a
/// loaded copy has no active involvement, and answers "no one involved" like any unknown BSN. Until the
/// copy is loaded (at start, after a lost connection, after a rename) every look-up reads the database.
/// </para>
/// </summary>
public sealed class LookupRegister
{
    public const string Channel = "regie_register";

    /// <summary>A mark that a BSN's rows may have changed. A new instance per change, so an older database read cannot overwrite a newer mark.</summary>
    private sealed class Stale;

    // Value: LookupRow[] (sorted by start) or a Stale mark. Key: municipality code and BSN in one number.
    private volatile ConcurrentDictionary<long, object>? _entries;

    public bool IsLoaded => _entries is not null;
    public int Count => _entries?.Count ?? 0;
    public DateTime? LoadedAt { get; private set; }

    /// <summary>The rows of a BSN from the copy, or null with the token to hand to <see cref="Fill"/> after reading the database.</summary>
    public IReadOnlyList<LookupRow>? TryGet(string? gemeentecode, string bsn, DateOnly today, out object? token)
    {
        token = null;
        var entries = _entries;
        if (entries is null || !TryKey(gemeentecode, bsn, out var key)) return null;
        if (!entries.TryGetValue(key, out var value)) return [];
        if (value is LookupRow[] rows) return Active(rows, today);
        token = value;
        return null;
    }

    /// <summary>Stores what the database said for a BSN, unless it was marked stale again (or the copy reloaded) in the meantime.</summary>
    public void Fill(string? gemeentecode, string bsn, object? token, IReadOnlyList<LookupRow> rows)
    {
        var entries = _entries;
        if (token is null || entries is null || !TryKey(gemeentecode, bsn, out var key)) return;
        if (rows.Count == 0) entries.TryRemove(new KeyValuePair<long, object>(key, token));
        else entries.TryUpdate(key, rows.ToArray(), token);
    }

    public void Invalidate(string? gemeentecode, string bsn)
    {
        if (_entries is { } entries && TryKey(gemeentecode, bsn, out var key)) entries[key] = new Stale();
    }

    /// <summary>Back to reading the database for every look-up until the next load.</summary>
    public void Unload()
    {
        _entries = null;
        LoadedAt = null;
    }

    /// <summary>Reads every active involvement: one pass over the table, grouped per BSN here rather than sorted by the database.</summary>
    public async Task<int> LoadAsync(Npgsql.NpgsqlDataSource source, DateOnly today, CancellationToken ct)
    {
        var grouped = new Dictionary<long, List<LookupRow>>();
        // Organisation names, contact persons and phone numbers repeat across many rows: one string each.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? s) => s is null ? null : strings.TryGetValue(s, out var known) ? known : strings[s] = s;
        await using (var connection = await source.OpenConnectionAsync(ct))
        await using (var command = new Npgsql.NpgsqlCommand($"""
            SELECT i."Gemeentecode", i."Bsn", {LookupRow.Select}
            WHERE {Involvement.ActiveOnSql}
            """, connection))
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter<DateOnly> { TypedValue = today });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!TryKey(reader.GetString(0), reader.GetString(1), out var key)) continue;
                var row = LookupRow.Read(reader, 2, Shared);
                if (!grouped.TryGetValue(key, out var list)) grouped[key] = list = new List<LookupRow>(1);
                list.Add(row);
            }
        }
        var entries = new ConcurrentDictionary<long, object>(Environment.ProcessorCount, grouped.Count);
        foreach (var (key, list) in grouped)
            entries[key] = list.Count == 1 ? new[] { list[0] } : list.OrderBy(r => r.StartedOn).ToArray();
        _entries = entries;
        LoadedAt = DateTime.UtcNow;
        return entries.Count;
    }

    /// <summary>A notification's payload: "gemeentecode bsn", several separated by commas, or "*" for everything.</summary>
    public bool Apply(string payload)
    {
        if (payload == "*") return false;
        foreach (var item in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = item.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0) Invalidate(item[..space], item[(space + 1)..]);
        }
        return true;
    }

    private static IReadOnlyList<LookupRow> Active(LookupRow[] rows, DateOnly today)
    {
        // The rows were read with Involvement.ActiveOnSql, so none had ended; those whose term ran out since are no longer active.
        foreach (var r in rows)
            if (r.ExpiresOn < today) return rows.Where(x => x.ExpiresOn >= today).ToArray();
        return rows;
    }

    /// <summary>The municipality code (four digits) and the BSN (nine digits) in one number; anything else is not kept in the copy.</summary>
    private static bool TryKey(string? gemeentecode, string bsn, out long key)
    {
        key = 0;
        if (gemeentecode is null || gemeentecode.Length is 0 or > 4 || bsn.Length != 9) return false;
        if (!int.TryParse(gemeentecode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var g)) return false;
        if (!int.TryParse(bsn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b)) return false;
        key = g * 1_000_000_000L + b;
        return true;
    }
}

/// <summary>
/// Keeps the copy current: listens on the register's channel, loads the copy after listening (so that no
/// change between the two is missed: it arrives afterwards and marks its BSN stale), and starts again on a
/// lost connection. Only on PostgreSQL with <see cref="InvolvementOptions.LookupInMemory"/>.
/// </summary>
public sealed class LookupRegisterListener(LookupRegister register, LookupDataSource source, InvolvementOptions options, TimeProvider clock,
    ILogger<LookupRegisterListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (source.Postgres is not { } postgres || !options.LookupInMemory) return;
        var reload = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await postgres.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (register.Apply(e.Payload)) return;
                    // A rename touches many answers: read the database until the copy is loaded again.
                    register.Unload();
                    reload = true;
                };
                await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {LookupRegister.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                reload = true;
                while (true)
                {
                    // Also when this server unloaded the copy itself (a rename it saved) and no notification followed.
                    if (reload || !register.IsLoaded)
                    {
                        reload = false;
                        var started = clock.GetTimestamp();
                        var count = await register.LoadAsync(postgres, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), stoppingToken);
                        log.LogInformation("Involvement register loaded in memory for the look-up: {Count} persons in {Ms} ms", count, (int)clock.GetElapsedTime(started).TotalMilliseconds);
                    }
                    // Wakes on a notification; the timeout only makes a silently lost connection show itself.
                    if (!await connection.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken))
                        await using (var ping = new Npgsql.NpgsqlCommand("SELECT 1", connection)) await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                register.Unload();
                log.LogWarning(e, "Involvement register listener lost its connection; look-ups read the database until it is back");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}

/// <summary>
/// Marks the BSNs this server changes stale the moment their save is done, so that whoever registers and
/// then looks up on the same server sees the registration, without waiting for the notification.
/// </summary>
public sealed class LookupRegisterInterceptor(LookupRegister register) : SaveChangesInterceptor
{
    private sealed record Changes(List<(string Gemeentecode, string Bsn)> Persons, bool Renamed);

    private readonly ConditionalWeakTable<DbContext, Changes> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _pending.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null || !register.IsLoaded) return;
        List<(string, string)> changed = [];
        var renamed = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Involvement i) changed.Add((i.Gemeentecode, i.Bsn));
            else if (entry.State == EntityState.Modified && entry.Entity is Organisation or Data.Team && entry.Property("Name").IsModified) renamed = true;
        }
        if (changed.Count > 0 || renamed) _pending.AddOrUpdate(context, new Changes(changed, renamed));
    }

    /// <summary>Only after the save: a failed save changes nothing, so it must not cost the copy either.</summary>
    private void Release(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes)) return;
        _pending.Remove(context);
        // A rename changes many answers: read the database until the listener has loaded the copy again.
        if (changes.Renamed) register.Unload();
        foreach (var (gemeentecode, bsn) in changes.Persons) register.Invalidate(gemeentecode, bsn);
    }
}
