using System.Globalization;

namespace Regie.Bench;

public sealed record BenchOptions(string ConnectionString, int Households, int Iterations, int Warmup, int Seed, bool Explain)
{
    public const string Usage = """
        Regie.Bench: latency of PersonSearch per search kind on PostgreSQL, in-process (no HTTP).

          --connection <cs>   Npgsql connection string (or env REGIE_BENCH_PG). The database is
                              created, migrated and seeded with demo households when it is empty.
          --households <n>    households to seed into an empty database (default 100000)
          --iterations <n>    measured queries per kind (default 2000)
          --warmup <n>        unmeasured queries per kind first (default 200)
          --seed <n>          random seed for picking query values (default 1)
          --explain           also print EXPLAIN (ANALYZE, BUFFERS) of every statement of one query per kind
        """;

    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var cs = Environment.GetEnvironmentVariable("REGIE_BENCH_PG");
        int households = 100_000, iterations = 2_000, warmup = 200, seed = 1;
        var explain = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt(int min) =>
                int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min
                    ? v : throw new ArgumentException($"{args[i - 1]} needs a whole number >= {min}.");
            try
            {
                switch (args[i])
                {
                    case "--connection": cs = Next(); break;
                    case "--households": households = NextInt(1); break;
                    case "--iterations": iterations = NextInt(1); break;
                    case "--warmup": warmup = NextInt(0); break;
                    case "--seed": seed = NextInt(0); break;
                    case "--explain": explain = true; break;
                    case "-h" or "--help": error.WriteLine(Usage); return null;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine(Usage);
                return null;
            }
        }
        if (string.IsNullOrWhiteSpace(cs))
        {
            error.WriteLine("--connection (or REGIE_BENCH_PG) is required.");
            error.WriteLine(Usage);
            return null;
        }
        return new BenchOptions(cs, households, iterations, warmup, seed, explain);
    }
}
