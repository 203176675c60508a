using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using Spectre.Console;
using System.CommandLine;

namespace Regie.Web.Infrastructure.Cli;

/// <summary>The database's own commands: bring the schema up to date, fill a demo municipality.</summary>
public static class DatabaseCommands
{
    public static IEnumerable<Command> Commands(CliHost cli)
    {
        var migrate = new Command("migrate", "Breng het databaseschema naar de nieuwste versie.");
        migrate.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var applied = await Migrations.ApplyAsync(sp, ct);
            Console.WriteLine(applied.Count == 0 ? "Het schema is al bij." : $"Toegepast: {string.Join(", ", applied)}");
            return 0;
        }));
        yield return migrate;

        var households = new Option<int>("--households") { Description = "Aantal synthetische huishoudens", DefaultValueFactory = _ => DemoSeeder.DefaultHouseholds };
        var seed = new Command("seed-demo", "Vul de database met Gemeente Voorbeeld: teams, demo-accounts en synthetische huishoudens.")
        {
            households,
        };
        seed.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var n = pr.GetValue(households);
            if (n is < 0 or > 10_000_000)
            {
                Console.Error.WriteLine("--households moet tussen 0 en 10.000.000 liggen.");
                return 2;
            }
            await Migrations.ApplyAsync(sp, ct);
            var seeder = sp.GetRequiredService<DemoSeeder>();
            await seeder.SeedOrganisationAsync(ct);
            TimeSpan elapsed = default;
            await CliHost.ProgressDisplay().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{n:N0} huishoudens", maxValue: Math.Max(1, n));
                elapsed = await seeder.SeedHouseholdsAsync(n, done => task.Value = done, ct);
                task.Value = task.MaxValue;
            });
            Console.WriteLine($"Klaar: {n:N0} huishoudens in {elapsed.TotalSeconds:N1} s.");
            Startup.PrintDemoLogins(Console.Out);
            return 0;
        }));
        yield return seed;
    }
}

public static class Migrations
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RegieDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }
}
