using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Infrastructure.Cli;

public static class Startup
{
    /// <summary>The embedded default migrates itself and gets the demo municipality on first start, so one command is enough.</summary>
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (options.ShouldMigrateOnStart) await Migrations.ApplyAsync(sp, ct);

        var seedDemo = config.GetValue<bool?>("Demo:SeedOnFirstStart") ?? options.Provider == DatabaseProvider.Sqlite;
        if (!seedDemo) return;
        var seeder = sp.GetRequiredService<DemoSeeder>();
        if (await seeder.IsSeededAsync(ct)) return;
        Console.WriteLine("Eerste start: Gemeente Voorbeeld wordt aangemaakt…");
        await seeder.SeedOrganisationAsync(ct);
        await seeder.SeedHouseholdsAsync(config.GetValue("Demo:Households", DemoSeeder.DefaultHouseholds), null, ct);
    }

    public static void PrintBanner(WebApplication app)
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine();
        Console.WriteLine($"Regie draait op {urls}");
        using var scope = app.Services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<RegieDbContext>().Municipalities.Any(m => m.Code == DemoSeeder.Gemeentecode))
            PrintDemoLogins(Console.Out);
    }

    public static void PrintDemoLogins(TextWriter output)
    {
        output.WriteLine($"Demo-accounts van {DemoSeeder.GemeenteNaam} (wachtwoord voor allemaal: {DemoSeeder.Password}):");
        foreach (var l in DemoSeeder.Logins)
            output.WriteLine($"  {l.Email,-36} {Roles.Label(l.Role)}{(l.Team is null ? "" : ", " + l.Team)}{(l.Aandachtsfunctionaris ? ", aandachtsfunctionaris meldcode" : "")}");
        // Seeding the admin with a printed TOTP key would put a second factor in every log; setting it up is part of the demo.
        output.WriteLine("  De functioneel beheerder stelt bij de eerste keer inloggen tweestapsverificatie in (authenticator-app nodig).");
        output.WriteLine($"  Meldcode: de aandachtsfunctionaris ziet de open trajecten van Wijkteam Noord op /team/meldcode; {DemoMeldcode.StoryHousehold} " +
            "(zoek \"Wit\") heeft een traject bij stap 4 (weging) en een Veilig Verder-plan bij het plan.");
        output.WriteLine();
    }
}
