using Regie.Domain.Models;
using System.Diagnostics;
using System.Globalization;

// The scenario Monte Carlo as the page and the API run it (MonteCarlo.Run), timed with a Stopwatch: the
// question is one wall time per (runs, threads) on this machine, not a micro-benchmark of a loop.
// Usage: [--households n] [--runs n,n,…] [--threads n,n,…] [--repeat n] [--seed n]

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var households = 100_000;
int[] runsList = [1_000, 10_000, 20_000];
int[] threadsList = [1, Environment.ProcessorCount];
var repeat = 5;
var seed = 2024;
for (var i = 0; i < args.Length; i++)
{
    int[] List() => args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    switch (args[i])
    {
        case "--households": households = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runsList = List(); break;
        case "--threads": threadsList = List(); break;
        case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}

var parameters = ScenarioParameters.Defaults(households);
Console.WriteLine($"{households:N0} households, {ScenarioModels.All.Count} models, {parameters.Items.Count} parameters, seed {seed}, {Environment.ProcessorCount} logical CPUs");
// Warm-up: JIT and thread pool, not measured.
MonteCarlo.Run(parameters, ScenarioModels.All, seed, 2_000);
Console.WriteLine("| runs | threads | best (ms) | median (ms) | worst (ms) | total cost (a), mean |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var runs in runsList)
    foreach (var threads in threadsList)
    {
        var times = new List<double>();
        ScenarioResult? result = null;
        for (var k = 0; k < repeat; k++)
        {
            var sw = Stopwatch.StartNew();
            result = MonteCarlo.Run(parameters, ScenarioModels.All, seed, runs, threads);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"| {runs:N0} | {threads} | {times[0]:N1} | {times[times.Count / 2]:N1} | {times[^1]:N1} | {result!.Models[0][ScenarioOutput.TotaleKosten].Mean:N0} |");
    }
return 0;
