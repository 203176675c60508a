using Regie.Domain.Models;
using System.Diagnostics;
using System.Globalization;

// The evaluation of a change at municipal scale: households starting with a team over 18 months around the change, every
// outcome measured, both designs, with the bootstrap's replicates on all cores and on one. Pure computation: the database
// read that feeds it is the monitor's (see the monitor benchmark). Usage: [--households N] [--samples B] [--runs R]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int households = 100_000, samples = 1_000, runs = 5;
for (var i = 0; i < args.Length; i++)
    switch (args[i])
    {
        case "--households": households = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--samples": samples = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine("Usage: [--households N] [--samples B] [--runs R]"); return 2;
    }

var change = new DateOnly(2026, 3, 1);
var random = new Random(42);
string[] teams = ["Noord", "Centrum", "Zuid", "Oost"];
var units = new List<EvaluationUnit>(households);
for (var i = 0; i < households; i++)
{
    var start = change.AddDays(-365 + random.Next(0, 18 * 30));
    units.Add(new EvaluationUnit(i, teams[random.Next(teams.Length)], start, random.NextDouble() < 0.3, 4000 + random.Next(-3000, 3000), random.Next(0, 40),
        random.NextDouble() < 0.15, random.Next(5, 11)));
}
var dataDate = change.AddMonths(12);
Console.WriteLine($"Evaluation of {households:N0} households, {samples:N0} bootstrap samples, 5 outcomes, {Environment.ProcessorCount} cores; median of {runs} runs after one warm-up");
foreach (var (name, treated) in new (string, IReadOnlySet<string>?)[] { ("Interrupted time series", null), ("Difference-in-differences (Zuid vs rest)", new HashSet<string> { "Zuid" }) })
    foreach (var parallel in new[] { true, false })
    {
        var spec = new EvaluationSpec(change, 12, 6, 3, dataDate, treated, samples, 7);
        Evaluation.Run(units, spec, parallel);
        var times = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var result = Evaluation.Run(units, spec, parallel);
            times.Add(sw.Elapsed.TotalSeconds);
            if (result.Households == 0) return 1;
        }
        times.Sort();
        Console.WriteLine($"{name,-42} {(parallel ? "all cores" : "one core"),-10} median {times[times.Count / 2]:N2} s  (min {times[0]:N2} s, max {times[^1]:N2} s)");
    }
return 0;
