using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Regie.Bench;
using Regie.Web.Data;
using Regie.Web.Features.Search;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using Regie.Web.Infrastructure.Demo;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

// A small Stopwatch harness instead of BenchmarkDotNet: the question is the p50/p99 of thousands
// of *different* real queries against one seeded 100,000-household database in one process, with
// a baseline measured in the same run. BenchmarkDotNet is built for means of repeated
// micro-operations over separate launches, and would re-seed or share state awkwardly here.

var options = BenchOptions.Parse(args, Console.Error);
if (options is null) return 2;
var ct = CancellationToken.None;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

await EnsureDatabaseExistsAsync(options.ConnectionString);
var explain = new ExplainInterceptor();
await using var app = RegieApp.Build([], b =>
{
    b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
        ["Database:ConnectionString"] = options.ConnectionString,
        ["Logging:Format"] = "simple",
        ["Logging:LogLevel:Default"] = "Warning",
        // On a fresh database EF logs its probe of the not yet existing migrations table as a failure.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
    });
    b.Services.ConfigureDbContext<RegieDbContext>(o => o.AddInterceptors(explain));
});

string? seededIn = null;
await using (var scope = app.Services.CreateAsyncScope())
{
    var sp = scope.ServiceProvider;
    await Migrations.ApplyAsync(sp, ct);
    var seeder = sp.GetRequiredService<DemoSeeder>();
    if (!await seeder.IsSeededAsync(ct))
    {
        Console.Error.WriteLine($"Empty database: seeding {options.Households:N0} demo households…");
        await seeder.SeedOrganisationAsync(ct);
        var took = await seeder.SeedHouseholdsAsync(options.Households, null, ct, randomSeed: 42);
        // SeedHouseholdsAsync ends with ANALYZE on PostgreSQL (as the CLI's seed-demo), so the plans
        // measured below are made with statistics; that ANALYZE is inside this time.
        seededIn = $"{took.TotalSeconds:N1} s";
    }
}

var sources = await LoadSourcesAsync();
var rng = new Random(options.Seed);
var today = DateOnly.FromDateTime(DateTime.Today);
var kinds = new Kind[]
{
    new("SELECT 1 (baseline)", _ => new Query("SELECT 1", null, Guid.Empty), async (sp, _) =>
    {
        var rows = await sp.GetRequiredService<RegieDbContext>().Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync(ct);
        return new Outcome(rows.Count, false, true, null);
    }),
    new("Person by Id (PK, baseline)", r =>
    {
        var p = sources.Persons[r.Next(sources.Persons.Count)];
        return new Query(p.Id.ToString(), null, p.Id);
    }, async (sp, q) =>
    {
        var rows = await sp.GetRequiredService<RegieDbContext>().Persons.AsNoTracking().Where(p => p.Id == q.Expect).ToListAsync(ct);
        return new Outcome(rows.Count, false, rows.Count == 1, null);
    }),
    Search("BSN", r =>
    {
        var p = sources.WithBsn[r.Next(sources.WithBsn.Count)];
        return (p.Bsn!, p.Id);
    }, p => p.Id.ToString()),
    Search("Achternaam prefix (3–5)", r =>
    {
        var p = sources.Persons[r.Next(sources.Persons.Count)];
        return (NamePrefix(p, r), p.Id);
    }, NameOrder),
    Search("Voornaam + achternaam prefix", r =>
    {
        var p = sources.Persons[r.Next(sources.Persons.Count)];
        return ($"{p.Voornamen.Split(' ')[0]} {NamePrefix(p, r)}", p.Id);
    }, NameOrder),
    Search("Postcode + huisnummer", r =>
    {
        var a = sources.Addresses[r.Next(sources.Addresses.Count)];
        return ($"{a.Postcode[..4]} {a.Postcode[4..]} {a.Huisnummer}", a.PersonId);
    }, p => p.Geboortedatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    Search("Geboortedatum", r =>
    {
        var p = sources.Persons[r.Next(sources.Persons.Count)];
        return (p.Geboortedatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), p.Id);
    }, p => p.ZoekNaam),
};

var queries = kinds.Select(k => Enumerable.Range(0, options.Warmup + options.Iterations).Select(_ => k.Pick(rng)).ToArray()).ToArray();

for (var i = 0; i < options.Warmup; i++)
    for (var k = 0; k < kinds.Length; k++)
        await RunScopedAsync(kinds[k], queries[k][i]);

var plans = new List<(Kind Kind, Query Query, IReadOnlyList<string> Plans)>();
if (options.Explain)
    for (var k = 0; k < kinds.Length; k++)
    {
        // A query made for the measured part, so the plan belongs to a value that is also timed.
        var q = queries[k][options.Warmup];
        explain.Start();
        await RunScopedAsync(kinds[k], q);
        plans.Add((kinds[k], q, explain.Stop()));
    }

var times = kinds.Select(_ => new double[options.Iterations]).ToArray();
var outcomes = kinds.Select(_ => new Outcome[options.Iterations]).ToArray();
GC.Collect();
GC.WaitForPendingFinalizers();
var loadBefore = LoadAverage();
var wall = Stopwatch.StartNew();
for (var i = 0; i < options.Iterations; i++)
    // Interleaved and rotated, so every kind and the baselines see the same moments of the run.
    for (var j = 0; j < kinds.Length; j++)
    {
        var k = (i + j) % kinds.Length;
        var start = Stopwatch.GetTimestamp();
        outcomes[k][i] = await RunScopedAsync(kinds[k], queries[k][options.Warmup + i]);
        times[k][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
wall.Stop();
var loadAfter = LoadAverage();

await PrintReportAsync();
return 0;

// The order PersonSearch returns each kind in, as an ordinal string key ("jansen 1980-05-01": the
// space sorts before every key character), so a truncated result can be checked too: the source
// person may only be missing when it sorts after the last hit returned.
static string NameOrder(Source p) => $"{p.ZoekNaam} {p.Geboortedatum:yyyy-MM-dd}";

Kind Search(string name, Func<Random, (string Text, Guid Source)> make, Func<Source, string> order) => new(name, r =>
{
    // A picked value that the parser would not read as this kind (e.g. a first name that is also
    // a surname prefix) is drawn again, so every measured query is what its row says it is.
    for (var attempt = 0; attempt < 100; attempt++)
    {
        var (text, source) = make(r);
        var parsed = PersonSearch.Parse(text, today);
        if (parsed.IsValid && KindMatches(name, parsed.Value)) return new Query(text, parsed.Value, source);
    }
    throw new InvalidOperationException($"No parseable query for {name} in 100 attempts.");
}, async (sp, q) =>
{
    var result = await sp.GetRequiredService<PersonSearch>().SearchAsync(q.Request!, ct);
    return new Outcome(result.Hits.Count, result.Truncated, result.Hits.Any(h => h.Id == q.Expect), result.Hits.Count == 0 ? null : result.Hits[^1].Id);
}, order);

static bool KindMatches(string name, SearchRequest r) => name switch
{
    "BSN" => r.Kind == SearchKind.Bsn,
    "Postcode + huisnummer" => r.Kind == SearchKind.Adres,
    "Geboortedatum" => r.Kind == SearchKind.Geboortedatum,
    "Voornaam + achternaam prefix" => r is { Kind: SearchKind.Naam, Voornaam: not null },
    _ => r is { Kind: SearchKind.Naam, Voornaam: null },
};

static string NamePrefix(Source p, Random r) => p.ZoekNaam[..Math.Min(p.ZoekNaam.Length, r.Next(3, 6))];

async Task<Outcome> RunScopedAsync(Kind kind, Query q)
{
    // One scope per query, as one HTTP request gets: a fresh DbContext from the same container.
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(DemoSeeder.Gemeentecode, "bench", "Benchmark");
    return await kind.Run(scope.ServiceProvider, q);
}

async Task<Sources> LoadSourcesAsync()
{
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(DemoSeeder.Gemeentecode, "bench", "Benchmark");
    var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
    var persons = await db.Persons.AsNoTracking()
        .Select(p => new Source(p.Id, p.Bsn, p.ZoekNaam, p.Voornamen, p.Geboortedatum)).ToListAsync(ct);
    var addresses = await db.HouseholdMembers.AsNoTracking().Where(m => m.Until == null)
        .Select(m => new AddressSource(m.Household!.Postcode, m.Household.Huisnummer, m.PersonId)).ToListAsync(ct);
    var households = await db.Households.CountAsync(ct);
    return new Sources(persons, persons.Where(p => p.Bsn is not null).ToList(), addresses, households);
}

async Task PrintReportAsync()
{
    string version, settings;
    await using (var conn = new NpgsqlConnection(options.ConnectionString))
    {
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT current_setting('server_version'),
                   'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')
                   || ', shared_buffers=' || current_setting('shared_buffers') || ', work_mem=' || current_setting('work_mem')
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        version = reader.GetString(0);
        settings = reader.GetString(1);
    }

    var o = Console.Out;
    o.WriteLine($"### Regie.Bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    o.WriteLine();
    o.WriteLine($"- Data: {sources.Households:N0} households, {sources.Persons.Count:N0} persons ({sources.WithBsn.Count:N0} with BSN) in municipality {DemoSeeder.Gemeentecode}"
        + (seededIn is null ? "; database was already seeded" : $"; seeded by this run in {seededIn} (including its ANALYZE)"));
    o.WriteLine($"- PostgreSQL {version} ({settings}); {RuntimeInformation.FrameworkDescription}; {Environment.ProcessorCount} logical CPUs; server GC {System.Runtime.GCSettings.IsServerGC}");
    o.WriteLine($"- {options.Iterations:N0} measured queries per kind after {options.Warmup:N0} warm-up queries per kind; kinds interleaved round-robin; value seed {options.Seed}; measured part took {wall.Elapsed.TotalSeconds:N1} s");
    // Other work on the machine shifts absolute times; the load average shows whether it was quiet.
    o.WriteLine($"- Load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}");
    o.WriteLine("- Time per query: new DI scope + DbContext, `PersonSearch.SearchAsync` (all its round trips) until the result list is built; in-process, no HTTP");
    o.WriteLine();
    o.WriteLine("| Kind | Example query | p50 ms | p99 ms | mean ms | p50 ÷ SELECT 1 | p99 ÷ SELECT 1 | p50 ÷ PK | p99 ÷ PK | rows avg | truncated | source missed |");
    o.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var stats = times.Select(Stats.Of).ToArray();
    var (one, pk) = (stats[0], stats[1]);
    for (var k = 0; k < kinds.Length; k++)
    {
        var s = stats[k];
        var outs = outcomes[k];
        // A result that lacks the person the query was made from is a miss, unless it was cut off at
        // 50 hits before that person's place in the result order (ties count as cut off).
        var missed = outs.Zip(queries[k].Skip(options.Warmup)).Count(x => IsMiss(kinds[k], x.First, x.Second));
        o.WriteLine($"| {kinds[k].Name} | `{queries[k][options.Warmup].Text}` | {s.P50:F3} | {s.P99:F3} | {s.Mean:F3} | {s.P50 / one.P50:F1} | {s.P99 / one.P99:F1} | {s.P50 / pk.P50:F1} | {s.P99 / pk.P99:F1} "
            + $"| {outs.Average(x => x.Rows):F1} | {outs.Count(x => x.Truncated) * 100.0 / outs.Length:F0}% | {missed * 100.0 / outs.Length:F1}% |");
    }

    if (plans.Count == 0) return;
    o.WriteLine();
    o.WriteLine("#### Query plans (EXPLAIN (ANALYZE, BUFFERS) of the statements EF sent, with their parameter values)");
    var seq = new Regex("Seq Scan on \"(Persons|Households|HouseholdMembers)\"");
    o.WriteLine();
    o.WriteLine("| Kind | Statements | Seq Scan on Persons/Households/HouseholdMembers |");
    o.WriteLine("|---|---:|---|");
    foreach (var (kind, _, list) in plans)
    {
        var hits = list.SelectMany(p => seq.Matches(p)).Select(m => m.Groups[1].Value).Distinct().ToList();
        o.WriteLine($"| {kind.Name} | {list.Count} | {(hits.Count == 0 ? "none" : "**" + string.Join(", ", hits) + "**")} |");
    }
    foreach (var (kind, q, list) in plans)
    {
        o.WriteLine();
        o.WriteLine($"##### {kind.Name}: `{q.Text}`");
        foreach (var plan in list)
        {
            o.WriteLine();
            o.WriteLine("```text");
            o.WriteLine(plan);
            o.WriteLine("```");
        }
    }
}

bool IsMiss(Kind kind, Outcome outcome, Query q)
{
    if (outcome.ContainsExpected || q.Expect == Guid.Empty) return false;
    if (!outcome.Truncated) return true;
    if (kind.Order is null || outcome.LastHit is not { } last) return false;
    return string.CompareOrdinal(kind.Order(sources.ById[q.Expect]), kind.Order(sources.ById[last])) < 0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task EnsureDatabaseExistsAsync(string connectionString)
{
    var target = new NpgsqlConnectionStringBuilder(connectionString);
    var name = target.Database ?? throw new InvalidOperationException("The connection string needs a Database.");
    var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
    await using var conn = new NpgsqlConnection(admin.ConnectionString);
    await conn.OpenAsync();
    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
    exists.Parameters.AddWithValue("n", name);
    if (await exists.ExecuteScalarAsync() is not null) return;
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
    await create.ExecuteNonQueryAsync();
}

namespace Regie.Bench
{
    public sealed record Query(string Text, SearchRequest? Request, Guid Expect);

    public sealed record Outcome(int Rows, bool Truncated, bool ContainsExpected, Guid? LastHit);

    /// <param name="Order">The order key of the result (null for the baselines), to tell a cut-off result from a miss.</param>
    public sealed record Kind(string Name, Func<Random, Query> Pick, Func<IServiceProvider, Query, Task<Outcome>> Run, Func<Source, string>? Order = null);

    public sealed record Source(Guid Id, string? Bsn, string ZoekNaam, string Voornamen, DateOnly Geboortedatum);

    public sealed record AddressSource(string Postcode, int Huisnummer, Guid PersonId);

    public sealed record Sources(List<Source> Persons, List<Source> WithBsn, List<AddressSource> Addresses, int Households)
    {
        public Dictionary<Guid, Source> ById { get; } = Persons.ToDictionary(p => p.Id);
    }

    public sealed record Stats(double P50, double P99, double Mean)
    {
        /// <summary>Nearest-rank percentiles: always a latency that was really observed.</summary>
        public static Stats Of(double[] samples)
        {
            var sorted = samples.Order().ToArray();
            double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new Stats(Rank(0.50), Rank(0.99), sorted.Average());
        }
    }
}
